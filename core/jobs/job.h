#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>

#include <vds/jobs/jobcontext.h>
#include <vds/jobs/jobresult.h>

namespace vds::jobs {

/// A unit of long-running work: built from a plain Params value, run once on a thread the
/// JobRunner owns, ending with exactly one `finished(JobResult)`.
///
/// Rules for subclasses:
///  - take everything you need in the constructor (a Params value); never read settings or
///    UI state while running;
///  - in execute(), check `ctx.isCancelled()` at every buffer and phase boundary and return
///    JobResult::cancelled() promptly;
///  - count progress in bytes with ctx.setTotal/addDone; never emit per-block signals;
///  - return every outcome from execute(): exceptions are caught and turned into a Failed
///    result, but that is a safety net, not the way to report errors.
/// Thread affinity: created on any thread, moved to its worker thread by the runner; the
/// runner owns it and deletes it after its thread has stopped.
class Job : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)
public:
    explicit Job(QString title, QObject *parent = nullptr);
    ~Job() override;

    [[nodiscard]] QString title() const { return m_title; }
    /// Machine-readable kind: "vhd-create", "backup", … (history and profiles use it).
    [[nodiscard]] virtual QString kind() const = 0;
    /// Ids of the per-channel byte counters the job feeds (JobContext::addChannel), e.g.
    /// {"read", "written"} or "stripe-1"… per stripe; the UI words them (ui/jobs/jobtext.h).
    /// The runner samples that many channels.
    [[nodiscard]] virtual QStringList channelNames() const { return {}; }
    /// The job's parameters as a JSON object for the history and for profiles: references to
    /// secrets (an environment variable, a file, a keyring entry), never their values. Keys
    /// "server" and "database", where a job has them, let the history filter by them. Called
    /// on the thread that owns the job, before it starts.
    [[nodiscard]] virtual QJsonObject historyParams() const { return {}; }

    /// Runs execute() on the calling thread and emits finished() once. Called by the runner on
    /// the job's thread; tests may call it directly. A second call returns at once.
    void run(JobContext &ctx);

signals:
    void finished(const vds::jobs::JobResult &result);

protected:
    virtual JobResult execute(JobContext &ctx) = 0;

private:
    QString m_title;
    std::atomic_bool m_ran{false};
};

} // namespace vds::jobs
