#include "ui/vhd/newdiskwizard.h"

#include <QLineEdit>

#include "ui/vhd/commonpages.h"
#include "ui/vhd/newdiskpages.h"

namespace vds::ui::vhd {

NewDiskWizard::NewDiskWizard(JobTracker &tracker, const QString &defaultDirectory, QWidget *parent)
    : VhdWizard(tracker, parent), m_format(new FormatPage(this)),
      m_type(new TypePage(Parent, Size, this)), m_parent(new ParentPage(this, Location)),
      m_size(new SizePage(this)), m_location(new LocationPage(this, defaultDirectory)),
      m_summary(new SummaryPage(this)), m_progress(new ProgressPage(this)),
      m_result(new ResultPage(this))
{
    setWindowTitle(tr("New virtual disk"));
    setObjectName(QStringLiteral("newDiskWizard"));
    setPage(Format, m_format);
    setPage(Type, m_type);
    setPage(Parent, m_parent);
    setPage(Size, m_size);
    setPage(Location, m_location);
    setPage(Summary, m_summary);
    setPage(Progress, m_progress);
    setPage(Result, m_result);
    setStartId(Format);
}

vdisk::CreateParams NewDiskWizard::params() const
{
    vdisk::CreateParams p;
    p.format = m_format->format();
    p.type = m_type->type();
    if (p.type == vdisk::DiskType::Differencing) {
        p.parentPath = m_parent->parentPath().toStdString();
    } else {
        p.maximumSize = m_size->sizeBytes();
        p.blockSize = m_size->blockSize(); // the page offers the engine's choices only
        p.logicalSectorSize = m_size->logicalSectorSize();
        p.physicalSectorSize = m_size->physicalSectorSize();
    }
    p.path = field(QStringLiteral("path")).toString().trimmed().toStdString();
    return p;
}

} // namespace vds::ui::vhd
