#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

#include <vds/history/historyentry.h>
#include <vds/jobs/jobrunner.h>

class QThread;

namespace vds::history {

class HistoryStore;

/// Records every job a JobRunner reports finished into the history file, one row per job
/// (kind, title, Job::historyParams(), status, typed error, statistics, report, times).
///
/// Writes happen on a thread of the recorder's own (it owns that thread and the store's
/// QtSql connection there), so a busy history file — another process writing — never blocks
/// the runner's thread. The file is opened on the first write; when it cannot be opened or
/// written, the job is reported through recordFailed() and lastError() and the next job tries
/// again.
///
/// Thread affinity: lives on the runner's thread (create it there, after the runner, and
/// destroy it before the runner). The destructor waits for the writes already queued, so a
/// command-line program that lets the recorder go out of scope has its job on disk.
class HistoryRecorder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryRecorder)

public:
    /// Listens to `runner`'s finished signal; `path` is the history file.
    explicit HistoryRecorder(jobs::JobRunner &runner, QString path = defaultPath(),
                             QObject *parent = nullptr);
    ~HistoryRecorder() override;

    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] const QString &path() const { return m_path; }

    /// Queues one entry (for work not run by the runner). `job` is 0 when there is none.
    void record(HistoryEntry entry, jobs::JobId job = 0);
    /// Blocks until every queued write has been done (or has failed).
    void waitForIdle();
    /// The last write failure, if the last write failed.
    [[nodiscard]] std::optional<Error> lastError() const;

signals:
    /// A job's row was written (`historyId`: its id in the file). Emitted on this thread.
    void recorded(vds::jobs::JobId job, qint64 historyId);
    /// A job could not be recorded; `message` is the technical reason. Emitted on this thread.
    void recordFailed(vds::jobs::JobId job, const QString &message);

private:
    void onFinished(jobs::JobId id, const jobs::JobResult &result);

    jobs::JobRunner &m_runner;
    QString m_path;
    std::unique_ptr<QThread> m_thread;
    QObject *m_writer = nullptr;           ///< lives on m_thread
    std::unique_ptr<HistoryStore> m_store; ///< used on m_thread only
    mutable std::mutex m_mutex;
    std::optional<Error> m_lastError;
};

} // namespace vds::history
