// vdsctl disks: the physical disks a conversion can read (docs/cli.md, "vdsctl disks").
#include <QJsonArray>
#include <QJsonObject>

#include "cli.h"
#include <vds/disks/diskenumerator.h>

namespace vds::cli {

int runDisks(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (const int rc = parse(parser, args, QStringLiteral("disks"),
                             QStringLiteral("List physical disks (sources for 'vhd convert')."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()),
                          QStringLiteral("disks"));
    const auto disks = disks::DiskEnumerator::enumerate();
    if (parser.isSet(json)) {
        QJsonArray arr;
        for (const auto &d : disks) {
            QJsonArray parts;
            for (const auto &p : d.partitions)
                parts.append(QJsonObject{
                    {QStringLiteral("path"), p.path},
                    {QStringLiteral("start"), double(p.start)},
                    {QStringLiteral("size"), double(p.size)},
                    {QStringLiteral("readOnly"), p.readOnly},
                    {QStringLiteral("mountPoints"), QJsonArray::fromStringList(p.mountPoints)}});
            arr.append(QJsonObject{
                {QStringLiteral("path"), d.path},
                {QStringLiteral("model"), d.model},
                {QStringLiteral("serial"), d.serial},
                {QStringLiteral("size"), double(d.size)},
                {QStringLiteral("logicalSectorSize"), d.logicalSectorSize},
                {QStringLiteral("physicalSectorSize"), d.physicalSectorSize},
                {QStringLiteral("removable"), d.removable},
                {QStringLiteral("readOnly"), d.readOnly},
                {QStringLiteral("system"), d.system},
                {QStringLiteral("mountPoints"), QJsonArray::fromStringList(d.mountPoints)},
                {QStringLiteral("partitions"), parts}});
        }
        printJson(arr);
        return ExitOk;
    }
    out(QStringLiteral("%1 %2 %3 %4 %5")
            .arg(QStringLiteral("DEVICE"), -16)
            .arg(QStringLiteral("SIZE"), 12)
            .arg(QStringLiteral("SECTORS"), -10)
            .arg(QStringLiteral("FLAGS"), -18)
            .arg(QStringLiteral("MODEL")));
    for (const auto &d : disks) {
        QStringList flags;
        if (d.system)
            flags << QStringLiteral("system");
        if (d.removable)
            flags << QStringLiteral("removable");
        if (d.readOnly)
            flags << QStringLiteral("ro");
        out(QStringLiteral("%1 %2 %3 %4 %5")
                .arg(d.path, -16)
                .arg(d.size, 12)
                .arg(QStringLiteral("%1/%2").arg(d.logicalSectorSize).arg(d.physicalSectorSize),
                     -10)
                .arg(flags.join(QLatin1Char(',')), -18)
                .arg(d.model));
        for (const auto &p : d.partitions)
            out(QStringLiteral("  %1 %2 %3")
                    .arg(p.path, -14)
                    .arg(p.size, 12)
                    .arg(p.mountPoints.join(QLatin1Char(' '))));
    }
    return ExitOk;
}

} // namespace vds::cli
