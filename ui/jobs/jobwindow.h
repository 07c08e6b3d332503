#pragma once

#include <QDialog>

#include <vds/jobs/jobrunner.h>

namespace vds::ui {

class JobTracker;
class JobView;

/// A separate window with one job's live view, opened from the Jobs panel. Non-modal; closing
/// it does not touch the job. GUI thread only; deletes itself when closed.
class JobWindow final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobWindow)
public:
    JobWindow(JobTracker &tracker, jobs::JobId id, bool confirmCancel, QWidget *parent = nullptr);
    [[nodiscard]] JobView *view() const { return m_view; }

private:
    JobView *m_view = nullptr;
};

} // namespace vds::ui
