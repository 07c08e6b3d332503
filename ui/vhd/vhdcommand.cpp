#include "ui/vhd/vhdcommand.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace vds::ui::vhd {
namespace {

QString sizeArgument(quint64 bytes)
{
    static const char suffix[] = {'T', 'G', 'M', 'K'};
    static const int shift[] = {40, 30, 20, 10};
    for (int i = 0; i < 4; ++i) {
        const quint64 unit = quint64(1) << shift[i];
        if (bytes >= unit && bytes % unit == 0)
            return QString::number(bytes / unit) + QLatin1Char(suffix[i]);
    }
    return QString::number(bytes);
}

} // namespace

QString shellQuote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (!word.isEmpty() && safe.match(word).hasMatch())
        return word;
    QString q = word;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString vdsctlCommand(const vdisk::CreateParams &p)
{
    const bool convert = !p.sourcePath.empty();
    QStringList words{QStringLiteral("vdsctl"), QStringLiteral("vhd")};
    if (convert) {
        words << QStringLiteral("convert") << shellQuote(QString::fromStdString(p.sourcePath))
              << shellQuote(QString::fromStdString(p.path));
    } else {
        words << QStringLiteral("create") << shellQuote(QString::fromStdString(p.path));
        if (p.type != vdisk::DiskType::Differencing)
            words << QStringLiteral("--size") << sizeArgument(p.maximumSize);
    }
    words << QStringLiteral("--format") << extensionFor(p.format);
    words << QStringLiteral("--type")
          << QString::fromLatin1(vdisk::typeName(p.type).data(),
                                 qsizetype(vdisk::typeName(p.type).size()));
    if (p.type == vdisk::DiskType::Differencing)
        words << QStringLiteral("--parent") << shellQuote(QString::fromStdString(p.parentPath));
    if (p.blockSize != 0)
        words << QStringLiteral("--block-size") << sizeArgument(p.blockSize);
    if (!convert) {
        if (p.logicalSectorSize != 0 && p.logicalSectorSize != 512)
            words << QStringLiteral("--sector-size") << QString::number(p.logicalSectorSize);
        if (p.physicalSectorSize != 0)
            words << QStringLiteral("--physical-sector-size")
                  << QString::number(p.physicalSectorSize);
    } else {
        if (p.verify)
            words << QStringLiteral("--verify");
        if (p.preventWritesToSource)
            words << QStringLiteral("--prevent-writes-to-source");
    }
    return words.join(QLatin1Char(' '));
}

QString problemWith(const vdisk::CreateParams &p)
{
    if (auto ok = vdisk::validateParams(p); !ok)
        return QString::fromStdString(ok.error().message);
    if (p.maximumSize != 0) {
        const std::uint32_t sector = p.logicalSectorSize == 0 ? 512 : p.logicalSectorSize;
        if (auto ok = vdisk::checkSize(p, p.maximumSize, sector); !ok)
            return QString::fromStdString(ok.error().message);
    }
    return {};
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
