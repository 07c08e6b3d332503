#include "ui/vhd/convertwizard.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <unistd.h>

#include "ui/jobs/errortext.h"
#include "ui/vhd/commonpages.h"
#include "ui/vhd/convertpages.h"
#include <vds/disks/diskopener.h>

namespace vds::ui::vhd {

ConvertWizard::ConvertWizard(JobTracker &tracker, const QString &defaultDirectory, QWidget *parent)
    : VhdWizard(tracker, parent), m_source(new SourcePage(this)), m_target(new TargetPage(this)),
      m_options(new OptionsPage(this, m_source, m_target)),
      m_location(new LocationPage(this, defaultDirectory)), m_summary(new SummaryPage(this)),
      m_progress(new ProgressPage(this)), m_result(new ResultPage(this))
{
    setWindowTitle(tr("Convert or capture a disk"));
    setObjectName(QStringLiteral("convertWizard"));
    setPage(Source, m_source);
    setPage(Target, m_target);
    setPage(Options, m_options);
    setPage(Location, m_location);
    setPage(Summary, m_summary);
    setPage(Progress, m_progress);
    setPage(Result, m_result);
    setStartId(Source);
}

ConvertWizard::~ConvertWizard() = default;

vdisk::CreateParams ConvertWizard::params() const
{
    vdisk::CreateParams p;
    p.sourcePath = m_source->sourcePath().toStdString();
    p.format = m_target->format();
    p.type = m_target->type();
    p.blockSize = m_target->blockSize();
    p.sparseFile = m_options->sparse();
    p.preventWritesToSource = m_options->preventWrites();
    p.verify = m_options->verify();
    p.path = field(QStringLiteral("path")).toString().trimmed().toStdString();
    return p;
}

void ConvertWizard::prepareJob(vdisk::CreateParams params)
{
    if (!m_source->needsUdisks()) {
        launch(std::move(params));
        return;
    }
    // UDisks2 may wait for a polkit answer: open off the GUI thread, start the job when done.
    const QString device = m_source->sourcePath();
    disks::DiskOpener::Options options;
    options.allowDirect = false;
    options.busAddress = m_busAddress;
    QPointer<ConvertWizard> self(this);
    QThread *worker = QThread::create([self, device, options, params]() mutable {
        auto opened = disks::DiskOpener::open(device, options);
        const int fd = opened ? opened->fd.release() : -1;
        const QString reason = opened ? QString() : describe(opened.error()).headline;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, fd, reason, params]() mutable {
                ConvertWizard *wizard = self.data();
                if (wizard == nullptr) { // closed meanwhile: nobody will start the job
                    if (fd >= 0)
                        ::close(fd);
                    return;
                }
                wizard->sourceOpened(fd, reason, std::move(params));
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void ConvertWizard::sourceOpened(int fd, const QString &reason, vdisk::CreateParams params)
{
    if (fd < 0) {
        refuse(tr("The system did not give access to the disk: %1").arg(reason));
        return;
    }
    params.sourceFd = fd;
    launch(std::move(params));
    // The job took its own duplicate when it was constructed (VirtualDiskJob): ours goes now.
    ::close(fd);
}

} // namespace vds::ui::vhd
