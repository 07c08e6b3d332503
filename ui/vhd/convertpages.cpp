#include "ui/vhd/convertpages.h"
#include "ui/vhd/imageprobe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <unistd.h>

#include "ui/jobs/errortext.h"
#include "ui/vhd/vhdcommand.h"
#include "ui/widgets/format.h"
#include <vds/vdisk/openimage.h>

namespace vds::ui::vhd {
namespace {

enum DiskColumn { ColDevice, ColModel, ColSize, ColPartitions, ColMounts, ColNotes, ColCount };

QStringList allMounts(const disks::DiskInfo &d)
{
    QStringList m = d.mountPoints;
    for (const auto &p : d.partitions)
        m += p.mountPoints;
    return m;
}

/// Mount points that are writable, from /proc/self/mountinfo-derived flags is not kept in
/// DiskInfo, so a mounted disk counts as mounted read-write unless the device is read-only.
bool mountedReadWrite(const disks::DiskInfo &d)
{
    return !d.readOnly && !allMounts(d).isEmpty();
}

} // namespace

// --- SourcePage --------------------------------------------------------------------------

SourcePage::SourcePage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Source"));
    setSubTitle(tr("What should be captured into a virtual disk?"));
    auto *layout = new QVBoxLayout(this);

    m_diskChoice = new QRadioButton(tr("A &physical disk"), this);
    layout->addWidget(m_diskChoice);
    m_disks = new QTreeWidget(this);
    m_disks->setAccessibleName(tr("Disks"));
    m_disks->setColumnCount(ColCount);
    m_disks->setHeaderLabels(
        {tr("Device"), tr("Model"), tr("Size"), tr("Partitions"), tr("Mounted at"), tr("Notes")});
    m_disks->setRootIsDecorated(false);
    m_disks->setAllColumnsShowFocus(true);
    m_disks->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_disks->setMinimumHeight(120);
    auto *diskRow = new QHBoxLayout;
    diskRow->setContentsMargins(24, 0, 0, 0);
    diskRow->addWidget(m_disks, 1);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    auto *refreshCol = new QVBoxLayout;
    refreshCol->addWidget(m_refresh);
    refreshCol->addStretch(1);
    diskRow->addLayout(refreshCol);
    layout->addLayout(diskRow);

    m_imageChoice = new QRadioButton(tr("An &image file (raw, VHD or VHDX)"), this);
    layout->addWidget(m_imageChoice);
    auto *imageRow = new QHBoxLayout;
    imageRow->setContentsMargins(24, 0, 0, 0);
    m_image = new QLineEdit(this);
    m_image->setAccessibleName(tr("Image file"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    imageRow->addWidget(m_image, 1);
    imageRow->addWidget(m_browse);
    layout->addLayout(imageRow);
    m_imageInfo = new QLabel(this);
    m_imageInfo->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(m_imageInfo);

    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("warning"));
    m_warning->setStyleSheet(QStringLiteral("color: palette(link);"));
    layout->addWidget(m_warning);
    m_confirm = new QCheckBox(tr("I understand, capture this disk anyway"), this);
    layout->addWidget(m_confirm);
    m_access = new QLabel(this);
    m_access->setWordWrap(true);
    layout->addWidget(m_access);
    m_udisks = new QCheckBox(tr("Ask the system for read access (UDisks2)"), this);
    m_udisks->setChecked(true);
    layout->addWidget(m_udisks);
    layout->addStretch(1);

    m_diskChoice->setChecked(true);
    connect(m_diskChoice, &QRadioButton::toggled, this, &SourcePage::update);
    connect(m_disks, &QTreeWidget::currentItemChanged, this, [this] {
        m_confirm->setChecked(false);
        if (m_disks->currentItem())
            m_diskChoice->setChecked(true);
        update();
    });
    connect(m_refresh, &QPushButton::clicked, this, &SourcePage::refreshDisks);
    connect(m_confirm, &QCheckBox::toggled, this, &SourcePage::update);
    connect(m_udisks, &QCheckBox::toggled, this, &SourcePage::update);
    connect(m_image, &QLineEdit::textChanged, this, [this] {
        if (!m_image->text().isEmpty())
            m_imageChoice->setChecked(true);
        probeImage();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Image file"), m_image->text(),
            tr("Disk images (*.img *.raw *.vhd *.vhdx *.bin);;All files (*)"));
        if (!f.isEmpty())
            m_image->setText(f);
    });
    update();
}

void SourcePage::initializePage()
{
    if (m_list.isEmpty() && !m_listing)
        refreshDisks();
}

void SourcePage::refreshDisks()
{
    if (m_listing)
        return;
    m_listing = true;
    m_refresh->setEnabled(false);
    m_disks->clear();
    auto *placeholder = new QTreeWidgetItem(m_disks, {tr("Looking for disks…")});
    placeholder->setFlags(Qt::NoItemFlags);
    // sysfs reads are quick but may stall on a sick device: never on the GUI thread.
    const disks::DiskEnumerator::Roots roots = m_roots;
    QPointer<SourcePage> self(this);
    QThread *worker = QThread::create([self, roots] {
        QList<disks::DiskInfo> list = disks::DiskEnumerator::enumerate(roots);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, list] {
                if (self)
                    self->showDisks(list);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void SourcePage::showDisks(const QList<disks::DiskInfo> &list)
{
    m_listing = false;
    m_refresh->setEnabled(true);
    m_list = list;
    m_disks->clear();
    for (const disks::DiskInfo &d : m_list) {
        auto *item = new QTreeWidgetItem(m_disks);
        item->setText(ColDevice, d.path);
        item->setData(ColDevice, Qt::UserRole, d.path);
        item->setText(ColModel, d.model.isEmpty() ? d.name : d.model);
        item->setText(ColSize, format::bytes(d.size));
        item->setText(ColPartitions, QString::number(d.partitions.size()));
        item->setText(ColMounts, allMounts(d).join(QStringLiteral(", ")));
        QStringList notes;
        if (d.system)
            notes << tr("System disk");
        else if (mountedReadWrite(d))
            notes << tr("Mounted");
        if (d.readOnly)
            notes << tr("Read-only");
        if (d.removable)
            notes << tr("Removable");
        item->setText(ColNotes, notes.join(QStringLiteral(" · ")));
        if (d.system || mountedReadWrite(d))
            item->setForeground(ColNotes, palette().color(QPalette::Link));
        item->setToolTip(ColDevice, tr("%1, serial %2, %3-byte logical / %4-byte physical sectors")
                                        .arg(d.path, d.serial.isEmpty() ? tr("unknown") : d.serial)
                                        .arg(d.logicalSectorSize)
                                        .arg(d.physicalSectorSize));
    }
    if (m_list.isEmpty())
        new QTreeWidgetItem(m_disks, {tr("No disks found")});
    update();
    emit disksListed(int(m_list.size()));
}

bool SourcePage::selectDisk(const QString &path)
{
    for (int i = 0; i < m_disks->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_disks->topLevelItem(i);
        if (item->data(ColDevice, Qt::UserRole).toString() == path) {
            m_disks->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool SourcePage::diskSelected() const
{
    return m_diskChoice->isChecked();
}

const disks::DiskInfo *SourcePage::selectedDisk() const
{
    if (!diskSelected() || !m_disks->currentItem())
        return nullptr;
    const QString path = m_disks->currentItem()->data(ColDevice, Qt::UserRole).toString();
    for (const disks::DiskInfo &d : m_list)
        if (d.path == path)
            return &d;
    return nullptr;
}

QString SourcePage::sourcePath() const
{
    if (diskSelected()) {
        const disks::DiskInfo *d = selectedDisk();
        return d ? d->path : QString();
    }
    return m_image->text().trimmed();
}

bool SourcePage::needsUdisks() const
{
    const disks::DiskInfo *d = selectedDisk();
    return d && ::access(d->path.toLocal8Bit().constData(), R_OK) != 0;
}

QString SourcePage::warningText() const
{
    const disks::DiskInfo *d = selectedDisk();
    if (!d)
        return {};
    if (d->system)
        return tr("%1 holds the running system. Files change while it is copied, so the "
                  "virtual disk may not be consistent. Prefer capturing it from a live USB "
                  "system.")
            .arg(d->path);
    if (mountedReadWrite(*d))
        return tr("%1 is mounted (%2). Files may change while it is copied; unmount it first "
                  "if you can. Keeping the source read-only will be refused while it is "
                  "mounted read-write.")
            .arg(d->path, allMounts(*d).join(QStringLiteral(", ")));
    return {};
}

QString SourcePage::problem() const
{
    if (diskSelected()) {
        const disks::DiskInfo *d = selectedDisk();
        if (!d)
            return tr("Choose a disk.");
        if (!warningText().isEmpty() && !m_confirm->isChecked())
            return tr("Confirm that you want to capture this disk.");
        if (needsUdisks() && !m_udisks->isChecked())
            return tr("Without direct access or UDisks2 the disk cannot be read.");
        return {};
    }
    if (m_image->text().trimmed().isEmpty())
        return tr("Choose an image file.");
    return m_imageProblem;
}

void SourcePage::update()
{
    const bool disk = diskSelected();
    m_disks->setEnabled(disk);
    m_image->setEnabled(!disk);
    m_browse->setEnabled(!disk);
    const QString warning = disk ? warningText() : QString();
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    m_confirm->setVisible(!warning.isEmpty());
    const bool privileged = disk && needsUdisks();
    m_access->setVisible(privileged);
    m_udisks->setVisible(privileged);
    if (privileged)
        m_access->setText(
            tr("You cannot read %1 directly. Virtual Device Studio can ask the system "
               "(UDisks2) to open it for you when the job starts; you may be asked for an "
               "administrator password. To skip that question in future, add your account to "
               "the 'disk' group.")
                .arg(selectedDisk()->path));
    m_imageInfo->setVisible(!disk);
    emit completeChanged();
}

void SourcePage::probeImage()
{
    const QString path = m_image->text().trimmed();
    const quint64 generation = ++m_probeGeneration;
    if (path.isEmpty()) {
        m_imageProblem.clear();
        m_imageInfo->clear();
        update();
        return;
    }
    // Next waits for the answer; typing on starts a new probe and older answers are dropped.
    m_imageProblem = tr("Reading %1…").arg(path);
    m_imageInfo->setText(m_imageProblem);
    update();
    probeImageAsync(this, path, [this, path, generation](const ImageProbe &probe) {
        if (generation != m_probeGeneration)
            return;
        m_imageProblem.clear();
        QString info;
        if (!probe.info) {
            m_imageProblem = tr("Cannot read %1: %2").arg(path, describe(*probe.error).headline);
        } else {
            const vdisk::ImageInfo &i = *probe.info;
            info = i.format == vdisk::DiskFormat::Raw
                       ? tr("Raw image, %1").arg(format::bytes(i.virtualSize))
                       : tr("%1 %2, %3 virtual size")
                             .arg(extensionFor(i.format).toUpper(),
                                  QString::fromLatin1(vdisk::typeName(i.type).data()),
                                  format::bytes(i.virtualSize));
        }
        m_imageInfo->setText(m_imageProblem.isEmpty() ? info : m_imageProblem);
        update();
        emit imageProbed();
    });
}

bool SourcePage::isComplete() const
{
    return problem().isEmpty();
}

// --- TargetPage --------------------------------------------------------------------------

TargetPage::TargetPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Target"));
    setSubTitle(tr("The kind of virtual disk to write. VHDX suits almost everything; VHD is "
                   "for older tools (up to 2040 GiB)."));
    auto *form = new QFormLayout(this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("VHDX"), int(vdisk::DiskFormat::Vhdx));
    m_format->addItem(tr("VHD"), int(vdisk::DiskFormat::Vhd));
    m_type = new QComboBox(this);
    m_type->addItem(tr("Dynamically expanding (only used space is stored)"),
                    int(vdisk::DiskType::Dynamic));
    m_type->addItem(tr("Fixed size (all space allocated)"), int(vdisk::DiskType::Fixed));
    m_block = new QComboBox(this);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Block size:"), m_block);
    fillBlockSizes();
    connect(m_format, &QComboBox::currentIndexChanged, this, &TargetPage::fillBlockSizes);
    connect(m_type, &QComboBox::currentIndexChanged, this, &TargetPage::fillBlockSizes);
}

void TargetPage::fillBlockSizes()
{
    vhd::fillBlockSizes(m_block, vdisk::diskOptions(format(), type(), true));
}

vdisk::DiskFormat TargetPage::format() const
{
    return static_cast<vdisk::DiskFormat>(m_format->currentData().toInt());
}

vdisk::DiskType TargetPage::type() const
{
    return static_cast<vdisk::DiskType>(m_type->currentData().toInt());
}

quint32 TargetPage::blockSize() const
{
    return m_block->currentData().toUInt();
}

void TargetPage::setFormat(vdisk::DiskFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void TargetPage::setType(vdisk::DiskType type)
{
    m_type->setCurrentIndex(m_type->findData(int(type)));
}

// --- OptionsPage -------------------------------------------------------------------------

OptionsPage::OptionsPage(VhdWizard *, SourcePage *source, TargetPage *target)
    : m_source(source), m_target(target)
{
    setTitle(tr("Options"));
    auto *layout = new QVBoxLayout(this);
    m_skipZero = new QCheckBox(this);
    m_preventWrites = new QCheckBox(tr("Keep the source disk &read-only while copying"), this);
    m_preventWrites->setToolTip(tr("Refused if the disk is mounted read-write."));
    m_verify =
        new QCheckBox(tr("&Verify: read the new disk back and compare it with the source"), this);
    m_verify->setChecked(true);
    layout->addWidget(m_skipZero);
    layout->addWidget(m_preventWrites);
    layout->addWidget(m_verify);
    layout->addStretch(1);
}

void OptionsPage::initializePage()
{
    const bool sparseAllowed =
        vdisk::diskOptions(m_target->format(), m_target->type(), true).sparseAllowed;
    if (!sparseAllowed) {
        m_skipZero->setText(tr("&Skip all-zero blocks (always on for dynamic disks)"));
        m_skipZero->setChecked(true);
        m_skipZero->setEnabled(false);
    } else {
        m_skipZero->setText(tr("&Skip all-zero blocks: leave them unallocated (a sparse file; "
                               "Windows will not attach it)"));
        m_skipZero->setChecked(false);
        m_skipZero->setEnabled(true);
    }
    const bool disk = m_source->diskSelected();
    m_preventWrites->setEnabled(disk);
    m_preventWrites->setChecked(disk && m_source->warningText().isEmpty());
}

bool OptionsPage::sparse() const
{
    return vdisk::diskOptions(m_target->format(), m_target->type(), true).sparseAllowed &&
           m_skipZero->isChecked();
}

bool OptionsPage::preventWrites() const
{
    return m_preventWrites->isEnabled() && m_preventWrites->isChecked();
}

bool OptionsPage::verify() const
{
    return m_verify->isChecked();
}

} // namespace vds::ui::vhd
