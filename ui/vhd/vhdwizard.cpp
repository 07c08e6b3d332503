#include "ui/vhd/vhdwizard.h"

#include "ui/jobs/jobtracker.h"
#include <vds/jobs/virtualdiskjob.h>

namespace vds::ui::vhd {

VhdWizard::VhdWizard(JobTracker &tracker, QWidget *parent) : QWizard(parent), m_tracker(tracker)
{
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveHelpButton, false);
    resize(720, 540);
}

VhdWizard::~VhdWizard() = default;

void VhdWizard::prepareJob(vdisk::CreateParams params)
{
    launch(std::move(params));
}

void VhdWizard::startJob()
{
    if (m_job != 0 || m_starting)
        return;
    m_starting = true;
    prepareJob(params());
}

void VhdWizard::launch(vdisk::CreateParams p)
{
    m_starting = false;
    m_job = m_tracker.runner().start(std::make_unique<jobs::VirtualDiskJob>(std::move(p)));
    emit jobStarted(m_job);
}

void VhdWizard::refuse(const QString &reason)
{
    m_starting = false;
    emit jobFailedToStart(reason);
}

} // namespace vds::ui::vhd
