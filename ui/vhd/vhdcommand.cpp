#include "ui/vhd/vhdcommand.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include "ui/widgets/format.h"
#include <vds/cmdline/sizeargument.h>
#include <vds/cmdline/vhdarguments.h>

namespace vds::ui::vhd {
namespace {

// lupdate files a free function's tr() under the enclosing namespace, so the lookup context
// is that namespace's name too (another name would never find the translation).
QString tr(const char *text)
{
    return QCoreApplication::translate("vds::ui::vhd", text);
}

} // namespace

QString limitText(quint64 bytes)
{
    static const char *const units[] = {"TiB", "GiB", "MiB", "KiB"};
    static const int shift[] = {40, 30, 20, 10};
    for (int i = 0; i < 4; ++i) {
        const quint64 unit = quint64(1) << shift[i];
        if (bytes >= unit && bytes % unit == 0)
            return QStringLiteral("%1 %2").arg(bytes / unit).arg(QString::fromLatin1(units[i]));
    }
    return tr("%1 bytes").arg(QLocale().toString(bytes));
}

QString vdsctlCommand(const vdisk::CreateParams &p)
{
    return cmdline::shellCommand(QStringList{QStringLiteral("vdsctl")} + cmdline::vhdArguments(p));
}

QString refusalText(const vdisk::Refusal &r)
{
    using R = vdisk::RefusalReason;
    switch (r.reason) {
    case R::None: return {};
    case R::PathEmpty: return tr("Choose a file name.");
    case R::FormatNotCreatable: return tr("Only VHD and VHDX files can be created.");
    case R::VersionInvalid: return tr("The parameter version must be 1 or 2.");
    case R::SourceWithParent: return tr("A disk cannot have both a source and a parent.");
    case R::ParentNeedsDifferencing: return tr("Only a differencing disk has a parent disk.");
    case R::FixedWithParent: return tr("A differencing disk cannot be fixed size.");
    case R::DifferencingNeedsParent: return tr("A differencing disk needs a parent disk.");
    case R::SizeWithParent:
        return tr("A differencing disk has its parent's size; no size can be given.");
    case R::SparseNeedsFixed: return tr("Only a fixed-size disk can be a sparse file.");
    case R::SectorSizeVersion1: return tr("Only 512-byte sectors are possible here.");
    case R::PhysicalSectorVersion1: return tr("No physical sector size can be given here.");
    case R::SectorSizeInvalid:
        return tr("%1 bytes is not a sector size; choose 512 or 4096.")
            .arg(QLocale().toString(r.value));
    case R::SectorSizeNotInFormat: return tr("VHD supports 512-byte sectors only.");
    case R::BlockSizeFixedVhd:
        return tr("A fixed-size VHD has no blocks; leave the block size at its default.");
    case R::BlockSizeInvalid:
        return tr("%1 is not a block size this format offers.").arg(limitText(r.value));
    case R::SizeMissing: return tr("Enter a size of at least %1.").arg(limitText(r.limit));
    case R::SecurityModeInvalid: return tr("The file permissions are not valid.");
    case R::SizeTooSmall:
        return tr("%1 is below the minimum of %2.").arg(format::bytes(r.value), limitText(r.limit));
    case R::SizeNotSectorMultiple:
        return tr("%1 bytes is not a multiple of the sector size (%2 bytes).")
            .arg(QLocale().toString(r.value), QLocale().toString(r.limit));
    case R::SizeTooLarge:
        return tr("%1 is above this format's limit of %2.")
            .arg(format::bytes(r.value), limitText(r.limit));
    case R::SizeBelowSource:
        return tr("%1 is less than the source's size (%2).")
            .arg(format::bytes(r.value), format::bytes(r.limit));
    }
    return tr("These settings are not possible.");
}

QString problemWith(const vdisk::CreateParams &p)
{
    if (auto r = vdisk::refusalFor(p))
        return refusalText(*r);
    if (p.maximumSize != 0) {
        const std::uint32_t sector = p.logicalSectorSize == 0 ? 512 : p.logicalSectorSize;
        if (auto r = vdisk::sizeRefusal(p.format, p.maximumSize, sector))
            return refusalText(*r);
    }
    return {};
}

void fillBlockSizes(QComboBox *combo, const vdisk::DiskOptions &options)
{
    const QVariant current = combo->currentData();
    combo->clear();
    if (options.blockSizes.empty())
        combo->addItem(tr("None (this disk has no blocks)"), 0u);
    else if (options.sparseAllowed) // fixed: the engine picks a smaller block to fit the size
        combo->addItem(tr("Default (up to %1)").arg(limitText(options.defaultBlockSize)), 0u);
    else
        combo->addItem(tr("Default (%1)").arg(limitText(options.defaultBlockSize)), 0u);
    for (std::uint32_t size : options.blockSizes)
        combo->addItem(limitText(size), size);
    const int keep = current.isValid() ? combo->findData(current) : -1;
    combo->setCurrentIndex(keep >= 0 ? keep : 0);
}

void fillSectorSizes(QComboBox *combo, const std::vector<std::uint32_t> &choices,
                     std::uint32_t defaultSize)
{
    const QVariant current = combo->currentData();
    combo->clear();
    combo->addItem(tr("Default (%1 bytes)").arg(defaultSize), 0u);
    for (std::uint32_t size : choices)
        if (choices.size() > 1 || size != defaultSize)
            combo->addItem(tr("%1 bytes").arg(size), size);
    const int keep = current.isValid() ? combo->findData(current) : -1;
    combo->setCurrentIndex(keep >= 0 ? keep : 0);
}

QString extensionFor(vdisk::DiskFormat format)
{
    return format == vdisk::DiskFormat::Vhd ? QStringLiteral("vhd") : QStringLiteral("vhdx");
}

QString withExtension(const QString &path, vdisk::DiskFormat format)
{
    if (path.isEmpty())
        return path;
    QString base = path;
    static const QRegularExpression ext(QStringLiteral("\\.(vhdx?)$"),
                                        QRegularExpression::CaseInsensitiveOption);
    base.remove(ext);
    return base + QLatin1Char('.') + extensionFor(format);
}

} // namespace vds::ui::vhd
