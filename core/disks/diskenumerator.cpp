#include <vds/disks/diskenumerator.h>

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace vds::disks {

namespace {

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

quint64 readNumber(const QString &path, quint64 fallback = 0)
{
    bool ok = false;
    const quint64 v = readText(path).toULongLong(&ok);
    return ok ? v : fallback;
}

/// "major:minor" → mount points.
QHash<QString, QStringList> readMounts(const QString &path)
{
    QHash<QString, QStringList> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 5)
            continue;
        QString mp = QString::fromUtf8(fields[4]);
        mp.replace(QLatin1String("\\040"), QLatin1String(" "));
        out[QString::fromLatin1(fields[2])].append(mp);
    }
    return out;
}

/// Mount points of a device and, recursively, of the devices stacked on it (dm, md, LVM).
QStringList stackedMounts(const QString &sysDir, const QHash<QString, QStringList> &mounts,
                          const QString &sysBlock, int depth = 0)
{
    QStringList out = mounts.value(readText(sysDir + QLatin1String("/dev")));
    if (depth > 8)
        return out;
    const QStringList holders = QDir(sysDir + QLatin1String("/holders"))
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
    for (const QString &h : holders)
        out += stackedMounts(sysBlock + QLatin1Char('/') + h, mounts, sysBlock, depth + 1);
    return out;
}

} // namespace

QList<DiskInfo> DiskEnumerator::enumerate(const Roots &roots)
{
    const QHash<QString, QStringList> mounts = readMounts(roots.mountInfo);
    QList<DiskInfo> disks;
    const QStringList names =
        QDir(roots.sysBlock)
            .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("ram")) || name.startsWith(QLatin1String("zram")))
            continue;
        const QString dir = roots.sysBlock + QLatin1Char('/') + name;
        DiskInfo d;
        d.name = name;
        d.path = roots.devDir + QLatin1Char('/') + name;
        d.size = readNumber(dir + QLatin1String("/size")) * 512; // sysfs counts 512-byte units
        if (d.size == 0)
            continue; // empty loop devices, card readers without a card
        d.model = readText(dir + QLatin1String("/device/model"));
        d.serial = readText(dir + QLatin1String("/device/serial"));
        if (d.serial.isEmpty())
            d.serial = readText(dir + QLatin1String("/serial"));
        d.logicalSectorSize =
            int(readNumber(dir + QLatin1String("/queue/logical_block_size"), 512));
        d.physicalSectorSize =
            int(readNumber(dir + QLatin1String("/queue/physical_block_size"), 512));
        d.removable = readNumber(dir + QLatin1String("/removable")) != 0;
        d.readOnly = readNumber(dir + QLatin1String("/ro")) != 0;
        d.mountPoints = stackedMounts(dir, mounts, roots.sysBlock);
        bool system = d.mountPoints.contains(QStringLiteral("/"));
        const QStringList subs =
            QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
        for (const QString &sub : subs) {
            const QString pdir = dir + QLatin1Char('/') + sub;
            if (!QFile::exists(pdir + QLatin1String("/partition")))
                continue;
            PartitionInfo p;
            p.name = sub;
            p.path = roots.devDir + QLatin1Char('/') + sub;
            p.start = readNumber(pdir + QLatin1String("/start")) * 512;
            p.size = readNumber(pdir + QLatin1String("/size")) * 512;
            p.readOnly = readNumber(pdir + QLatin1String("/ro")) != 0;
            p.mountPoints = stackedMounts(pdir, mounts, roots.sysBlock);
            system = system || p.mountPoints.contains(QStringLiteral("/"));
            d.partitions.append(p);
        }
        std::sort(d.partitions.begin(), d.partitions.end(),
                  [](const PartitionInfo &a, const PartitionInfo &b) { return a.start < b.start; });
        d.system = system;
        disks.append(d);
    }
    return disks;
}

} // namespace vds::disks
