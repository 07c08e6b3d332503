#include "jobs/jobwindow.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

#include "jobs/jobtracker.h"
#include "jobs/jobview.h"

namespace vds::ui {

JobWindow::JobWindow(JobTracker &tracker, JobId id, bool confirmCancel, QWidget *parent)
    : QDialog(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    const TrackedJob *j = tracker.job(id);
    setWindowTitle(j ? j->title : tr("Job"));
    resize(640, 460);
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
