#include "ui/vhd/newdiskpages.h"
#include "ui/vhd/imageprobe.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

#include "ui/jobs/errortext.h"
#include "ui/vhd/vhdcommand.h"
#include "ui/vhd/vhdwizard.h"
#include "ui/widgets/format.h"
#include <vds/vdisk/openimage.h>

namespace vds::ui::vhd {
namespace {

QRadioButton *choice(const QString &title, const QString &explanation, QVBoxLayout *layout,
                     QWidget *parent)
{
    auto *button = new QRadioButton(title, parent);
    QFont f = button->font();
    f.setBold(true);
    button->setFont(f);
    auto *text = new QLabel(explanation, parent);
    text->setWordWrap(true);
    text->setContentsMargins(24, 0, 0, 8);
    text->setBuddy(button);
    layout->addWidget(button);
    layout->addWidget(text);
    return button;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QStringLiteral("error"));
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: palette(link);"));
    return l;
}

} // namespace

// --- FormatPage --------------------------------------------------------------------------

FormatPage::FormatPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Format"));
    setSubTitle(tr("Which kind of virtual disk file?"));
    auto *layout = new QVBoxLayout(this);
    m_vhdx = choice(tr("&VHDX"),
                    tr("The current format: up to 64 TiB, 4 KiB sectors, protected against "
                       "power loss. Choose it unless something needs VHD."),
                    layout, this);
    m_vhd = choice(tr("V&HD"),
                   tr("The older format: up to 2040 GiB and 512-byte sectors. For older "
                      "hypervisors and tools that do not read VHDX."),
                   layout, this);
    layout->addStretch(1);
    m_vhdx->setChecked(true);
}

vdisk::DiskFormat FormatPage::format() const
{
    return m_vhd->isChecked() ? vdisk::DiskFormat::Vhd : vdisk::DiskFormat::Vhdx;
}

void FormatPage::setFormat(vdisk::DiskFormat format)
{
    (format == vdisk::DiskFormat::Vhd ? m_vhd : m_vhdx)->setChecked(true);
}

// --- TypePage ----------------------------------------------------------------------------

TypePage::TypePage(int parentPageId, int sizePageId, QWidget *parent)
    : QWizardPage(parent), m_parentPage(parentPageId), m_sizePage(sizePageId)
{
    setTitle(tr("Type"));
    setSubTitle(tr("How should the file use space on the disk holding it?"));
    auto *layout = new QVBoxLayout(this);
    m_dynamic = choice(tr("&Dynamically expanding"),
                       tr("The file starts small and grows as data is written. Best for most "
                          "uses."),
                       layout, this);
    m_fixed = choice(tr("&Fixed size"),
                     tr("All space is allocated now. Slightly faster, and never runs out of room "
                        "later."),
                     layout, this);
    m_diff = choice(tr("Di&fferencing"),
                    tr("Records only changes against an existing parent disk, which must then "
                       "stay unchanged."),
                    layout, this);
    layout->addStretch(1);
    m_dynamic->setChecked(true);
}

vdisk::DiskType TypePage::type() const
{
    if (m_fixed->isChecked())
        return vdisk::DiskType::Fixed;
    return m_diff->isChecked() ? vdisk::DiskType::Differencing : vdisk::DiskType::Dynamic;
}

void TypePage::setType(vdisk::DiskType type)
{
    (type == vdisk::DiskType::Fixed     ? m_fixed
     : type == vdisk::DiskType::Dynamic ? m_dynamic
                                        : m_diff)
        ->setChecked(true);
}

int TypePage::nextId() const
{
    return type() == vdisk::DiskType::Differencing ? m_parentPage : m_sizePage;
}

// --- ParentPage --------------------------------------------------------------------------

ParentPage::ParentPage(VhdWizard *wizard, int nextPageId) : m_wizard(wizard), m_next(nextPageId)
{
    setTitle(tr("Parent disk"));
    setSubTitle(tr("The differencing disk records changes against this disk. Do not modify "
                   "the parent afterwards."));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setAccessibleName(tr("Parent disk file"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    m_info = errorLabel(this);
    layout->addWidget(m_info);
    layout->addStretch(1);
    connect(m_path, &QLineEdit::textChanged, this, &ParentPage::probe);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Parent disk"), m_path->text(),
                                                       tr("Virtual disks (*.vhd *.vhdx)"));
        if (!f.isEmpty())
            m_path->setText(f);
    });
}

QString ParentPage::parentPath() const
{
    return m_path->text().trimmed();
}

void ParentPage::setParentPath(const QString &path)
{
    m_path->setText(path);
}

void ParentPage::initializePage()
{
    probe();
}

void ParentPage::probe()
{
    const QString path = parentPath();
    const quint64 generation = ++m_probeGeneration;
    const auto show = [this] {
        m_info->setStyleSheet(m_problem.isEmpty() ? QString()
                                                  : QStringLiteral("color: palette(link);"));
        emit completeChanged();
    };
    if (path.isEmpty()) {
        m_problem = tr("Choose the parent disk.");
        m_info->setText(m_problem);
        show();
        return;
    }
    // Next waits for the answer (read off the GUI thread); older answers are dropped.
    m_problem = tr("Reading %1…").arg(path);
    m_info->setText(m_problem);
    show();
    probeImageAsync(this, path, [this, path, generation, show](const ImageProbe &probe) {
        if (generation != m_probeGeneration)
            return;
        m_problem.clear();
        QString info;
        if (!probe.info) {
            m_problem = tr("Cannot use %1: %2").arg(path, describe(*probe.error).headline);
        } else {
            const vdisk::ImageInfo &i = *probe.info;
            const auto wanted = m_wizard->params().format;
            if (i.format != wanted)
                m_problem = tr("%1 is not a %2 file; a differencing disk must have the "
                               "format of its parent.")
                                .arg(path, extensionFor(wanted).toUpper());
            else
                info = tr("%1, %2, %3 virtual size")
                           .arg(extensionFor(i.format).toUpper(),
                                QString::fromLatin1(vdisk::typeName(i.type).data()),
                                format::bytes(i.virtualSize));
        }
        m_info->setText(m_problem.isEmpty() ? info : m_problem);
        show();
        emit probed();
    });
}

bool ParentPage::isComplete() const
{
    return m_problem.isEmpty();
}

// --- SizePage ----------------------------------------------------------------------------

SizePage::SizePage(VhdWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Size"));
    setSubTitle(tr("The size the virtual disk shows to the system using it."));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&Size:"), this);
    m_size = new QLineEdit(QStringLiteral("64"), this);
    m_size->setAccessibleName(tr("Virtual size"));
    m_unit = new QComboBox(this);
    m_unit->setAccessibleName(tr("Size unit"));
    m_unit->addItem(tr("bytes"), QVariant::fromValue<quint64>(1));
    m_unit->addItem(tr("KiB"), QVariant::fromValue<quint64>(1ULL << 10));
    m_unit->addItem(tr("MiB"), QVariant::fromValue<quint64>(1ULL << 20));
    m_unit->addItem(tr("GiB"), QVariant::fromValue<quint64>(1ULL << 30));
    m_unit->addItem(tr("TiB"), QVariant::fromValue<quint64>(1ULL << 40));
    m_unit->setCurrentIndex(3);
    label->setBuddy(m_size);
    row->addWidget(label);
    row->addWidget(m_size, 1);
    row->addWidget(m_unit);
    layout->addLayout(row);
    m_error = errorLabel(this);
    layout->addWidget(m_error);

    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setText(tr("&Advanced"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    layout->addWidget(m_advancedToggle);
    m_advanced = new QWidget(this);
    auto *form = new QFormLayout(m_advanced);
    m_block = new QComboBox(m_advanced);
    m_block->setAccessibleName(tr("Block size"));
    m_logical = new QComboBox(m_advanced);
    m_logical->setAccessibleName(tr("Logical sector size"));
    m_physical = new QComboBox(m_advanced);
    m_physical->setAccessibleName(tr("Physical sector size"));
    form->addRow(tr("&Block size:"), m_block);
    form->addRow(tr("&Logical sector size:"), m_logical);
    form->addRow(tr("&Physical sector size:"), m_physical);
    m_advanced->setVisible(false);
    layout->addWidget(m_advanced);
    layout->addStretch(1);

    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool on) {
        m_advanced->setVisible(on);
        m_advancedToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_size, &QLineEdit::textChanged, this, &SizePage::recheck);
    for (QComboBox *c : {m_unit, m_block, m_logical, m_physical})
        connect(c, &QComboBox::currentIndexChanged, this, &SizePage::recheck);
}

void SizePage::initializePage()
{
    fillAdvanced();
    recheck();
}

void SizePage::fillAdvanced()
{
    const vdisk::CreateParams p = m_wizard->params();
    const vdisk::DiskOptions options = vdisk::diskOptions(p.format, p.type);
    const QSignalBlocker b1(m_block), b2(m_logical), b3(m_physical);
    fillBlockSizes(m_block, options);
    fillSectorSizes(m_logical, options.logicalSectorSizes, options.defaultLogicalSectorSize);
    fillSectorSizes(m_physical, options.physicalSectorSizes, options.defaultPhysicalSectorSize);
    setSubTitle(tr("The size the virtual disk shows to the system using it (%1 to %2).")
                    .arg(limitText(options.minimumSize), limitText(options.maximumSize)));
}

quint64 SizePage::sizeBytes() const
{
    bool ok = false;
    const double number = QLocale().toDouble(m_size->text().trimmed(), &ok);
    const double fallback = ok ? number : m_size->text().trimmed().toDouble(&ok);
    if (!ok || !(fallback > 0) || !std::isfinite(fallback))
        return 0;
    const double bytes = fallback * double(m_unit->currentData().toULongLong());
    if (bytes > 1.8e19 || bytes != std::floor(bytes))
        return 0;
    return quint64(bytes);
}

quint32 SizePage::blockSize() const
{
    return m_block->currentData().toUInt();
}

quint32 SizePage::logicalSectorSize() const
{
    return m_logical->currentData().toUInt();
}

quint32 SizePage::physicalSectorSize() const
{
    return m_physical->currentData().toUInt();
}

QString SizePage::problem() const
{
    if (sizeBytes() == 0)
        return tr("Enter the size as a number, e.g. 64 GiB (a whole number of bytes).");
    vdisk::CreateParams p = m_wizard->params();
    if (p.path.empty())
        p.path = "new-disk"; // the location is chosen later; only the size rules matter here
    return problemWith(p);
}

void SizePage::recheck()
{
    const QString reason = problem();
    m_error->setText(reason.isEmpty() ? tr("%1 = %2 bytes")
                                            .arg(format::bytes(sizeBytes()))
                                            .arg(QLocale().toString(sizeBytes()))
                                      : reason);
    m_error->setStyleSheet(reason.isEmpty() ? QString() : QStringLiteral("color: palette(link);"));
    emit completeChanged();
}

bool SizePage::isComplete() const
{
    return problem().isEmpty();
}

void SizePage::setSize(const QString &number, int unitIndex)
{
    m_unit->setCurrentIndex(unitIndex);
    m_size->setText(number);
}

} // namespace vds::ui::vhd
