#pragma once

#include <QDialog>

#include <vds/jobs/jobrunner.h>

namespace vds::ui {

class JobTracker;
class JobView;

/// A separate window with one job's live view (JobView), opened from the Jobs panel, the backup
/// dialog or the restore wizard. Non-modal; closing it does not touch the job. GUI thread only;
/// deletes itself when closed; owns its tracker when built from a runner.
class JobWindow final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobWindow)
public:
    JobWindow(JobTracker &tracker, jobs::JobId id, bool confirmCancel, QWidget *parent = nullptr);
    /// For callers without the main window's tracker (the backup dialog, the restore wizard):
    /// the window follows the job with a tracker of its own from now on; the job stays in the
    /// main window's Jobs panel whatever happens to this window.
    JobWindow(jobs::JobRunner &runner, jobs::JobId id, bool confirmCancel,
              QWidget *parent = nullptr);
    [[nodiscard]] JobView *view() const { return m_view; }

private:
    void build(JobTracker &tracker, jobs::JobId id, bool confirmCancel);

    JobView *m_view = nullptr;
};

} // namespace vds::ui
