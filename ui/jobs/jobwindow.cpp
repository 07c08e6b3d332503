#include "ui/jobs/jobwindow.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"

namespace vds::ui {

JobWindow::JobWindow(JobTracker &tracker, jobs::JobId id, bool confirmCancel, QWidget *parent)
    : QDialog(parent)
{
    build(tracker, id, confirmCancel);
}

JobWindow::JobWindow(jobs::JobRunner &runner, jobs::JobId id, bool confirmCancel, QWidget *parent)
    : QDialog(parent)
{
    auto *tracker = new JobTracker(runner, this);
    tracker->follow(id);
    build(*tracker, id, confirmCancel);
}

void JobWindow::build(JobTracker &tracker, jobs::JobId id, bool confirmCancel)
{
    setAttribute(Qt::WA_DeleteOnClose);
    const TrackedJob *j = tracker.job(id);
    setWindowTitle(j ? j->title : tr("Job"));
    resize(720, 620);
    auto *layout = new QVBoxLayout(this);
    m_view = new JobView(tracker, this);
    m_view->setConfirmCancel(confirmCancel);
    m_view->setJob(id);
    layout->addWidget(m_view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
}

} // namespace vds::ui
