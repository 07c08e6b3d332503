#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

#include <vds/jobs/jobrunner.h>

class QWidget;

namespace vds::jobs {
class Job;
}

namespace vds::ui {

class JobWindow;

/// Starts the jobs of one backup request on the runner: all at once, or one after the other
/// (the next when the previous has finished, whatever its outcome). Optionally opens each
/// job's live view when it starts. Thread affinity: the runner's (GUI) thread. Ownership: a
/// child of the runner, so it outlives the dialog that made it; deletes itself when its last
/// job has finished or the runner goes away.
class BackupQueue final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupQueue)
public:
    BackupQueue(jobs::JobRunner &runner, std::vector<std::unique_ptr<jobs::Job>> jobs,
                bool parallel);
    ~BackupQueue() override;

    /// Opens a JobWindow (the live view) for every job as it starts, parented to `parent`
    /// (nullptr: top-level windows).
    void openLiveViews(QWidget *parent, bool confirmCancel);
    void start();

    [[nodiscard]] QList<jobs::JobId> startedJobs() const { return m_started; }
    [[nodiscard]] int waiting() const { return int(m_waiting.size()); }

signals:
    void jobStarted(vds::jobs::JobId id);
    void liveViewOpened(vds::jobs::JobId id, vds::ui::JobWindow *window);
    void allFinished();

private:
    void startNext();

    jobs::JobRunner &m_runner;
    std::deque<std::unique_ptr<jobs::Job>> m_waiting;
    QList<jobs::JobId> m_started;
    int m_running = 0;
    bool m_parallel = false;
    bool m_liveViews = false;
    bool m_confirmCancel = true;
    QPointer<QWidget> m_viewParent;
};

} // namespace vds::ui
