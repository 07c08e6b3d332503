// vdisk_disks: disk enumeration from a fake sysfs tree and from a real loop device; opening a
// disk directly, through UDisks2's OpenForBackup (a stand-in service on a private dbus-daemon),
// and the error when neither works; `vdsctl disks --json`.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include "vdisktestutil.h"
#include <vds/disks/diskenumerator.h>
#include <vds/disks/diskopener.h>

using namespace vds;
using namespace vds::disks;

namespace {

void put(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text + '\n');
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestVdiskDisks final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QProcess m_bus, m_standin;
    QString m_address;

    bool startStandIn(const QStringList &extra)
    {
        m_standin.kill();
        m_standin.waitForFinished();
        m_standin.start(QStringLiteral(STANDIN_PATH),
                        QStringList{QStringLiteral("--address"), m_address} + extra);
        return m_standin.waitForReadyRead(10000) && m_standin.readLine().trimmed() == "ready";
    }

private slots:
    void cleanupTestCase()
    {
        m_standin.kill();
        m_standin.waitForFinished();
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void enumerateFakeSysfs()
    {
        const QString sys = m_dir.filePath(QStringLiteral("sys/block"));
        put(sys + QStringLiteral("/sda/size"), "41943040");
        put(sys + QStringLiteral("/sda/dev"), "8:0");
        put(sys + QStringLiteral("/sda/queue/logical_block_size"), "512");
        put(sys + QStringLiteral("/sda/queue/physical_block_size"), "4096");
        put(sys + QStringLiteral("/sda/device/model"), "Samsung SSD 870  ");
        put(sys + QStringLiteral("/sda/device/serial"), "S5Y1NX0R123");
        put(sys + QStringLiteral("/sda/removable"), "0");
        put(sys + QStringLiteral("/sda/ro"), "0");
        for (auto [name, start, size, dev] : {std::tuple{"sda2", "2099200", "39843840", "8:2"},
                                              std::tuple{"sda1", "2048", "2097152", "8:1"}}) {
            const QString d = sys + QStringLiteral("/sda/") + QLatin1String(name);
            put(d + QStringLiteral("/partition"), "1");
            put(d + QStringLiteral("/start"), start);
            put(d + QStringLiteral("/size"), size);
            put(d + QStringLiteral("/dev"), dev);
        }
        // sdb: removable, read-only, its partition holds an LVM volume (dm-0) mounted at /.
        put(sys + QStringLiteral("/sdb/size"), "2048000");
        put(sys + QStringLiteral("/sdb/dev"), "8:16");
        put(sys + QStringLiteral("/sdb/removable"), "1");
        put(sys + QStringLiteral("/sdb/ro"), "1");
        put(sys + QStringLiteral("/sdb/queue/logical_block_size"), "4096");
        put(sys + QStringLiteral("/sdb/sdb1/partition"), "1");
        put(sys + QStringLiteral("/sdb/sdb1/size"), "2000000");
        put(sys + QStringLiteral("/sdb/sdb1/dev"), "8:17");
        QDir().mkpath(sys + QStringLiteral("/sdb/sdb1/holders/dm-0"));
        put(sys + QStringLiteral("/dm-0/size"), "1990000");
        put(sys + QStringLiteral("/dm-0/dev"), "253:0");
        put(sys + QStringLiteral("/loop7/size"), "0");   // empty loop device: not listed
        put(sys + QStringLiteral("/ram0/size"), "8192"); // RAM disk: not listed
        const QString mounts = m_dir.filePath(QStringLiteral("mountinfo"));
        put(mounts, "22 1 8:1 / /boot rw,relatime shared:1 - vfat /dev/sda1 rw\n"
                    "23 1 8:2 / /home\\040dir rw,relatime shared:2 - ext4 /dev/sda2 rw\n"
                    "24 1 253:0 / / rw,relatime shared:3 - ext4 /dev/mapper/vg-root rw");
        DiskEnumerator::Roots roots;
        roots.sysBlock = sys;
        roots.mountInfo = mounts;
        const auto disks = DiskEnumerator::enumerate(roots);
        QStringList names;
        for (const auto &d : disks)
            names << d.name;
        QCOMPARE(names, (QStringList{QStringLiteral("dm-0"), QStringLiteral("sda"),
                                     QStringLiteral("sdb")}));
        const DiskInfo &a = disks[1];
        QCOMPARE(a.path, QStringLiteral("/dev/sda"));
        QCOMPARE(a.size, quint64(41943040) * 512);
        QCOMPARE(a.model, QStringLiteral("Samsung SSD 870"));
        QCOMPARE(a.serial, QStringLiteral("S5Y1NX0R123"));
        QCOMPARE(a.logicalSectorSize, 512);
        QCOMPARE(a.physicalSectorSize, 4096);
        QVERIFY(!a.removable && !a.readOnly && !a.system);
        QCOMPARE(a.partitions.size(), 2);
        QCOMPARE(a.partitions[0].name, QStringLiteral("sda1")); // sorted by start
        QCOMPARE(a.partitions[0].start, quint64(2048) * 512);
        QCOMPARE(a.partitions[0].mountPoints, QStringList{QStringLiteral("/boot")});
        QCOMPARE(a.partitions[1].mountPoints, QStringList{QStringLiteral("/home dir")});
        const DiskInfo &b = disks[2];
        QVERIFY(b.removable && b.readOnly);
        QVERIFY(b.system); // "/" lives on dm-0, stacked on sdb1
        QCOMPARE(b.logicalSectorSize, 4096);
        QCOMPARE(b.partitions[0].mountPoints, QStringList{QStringLiteral("/")});
    }

    void enumerateLoopDevice()
    {
        QVERIFY2(::geteuid() == 0, "needs root for losetup");
        const QString file = m_dir.filePath(QStringLiteral("loop.raw"));
        QVERIFY(test::writeRaw(file, 24));
        const QString loop =
            run(QStringLiteral("losetup"), {QStringLiteral("-f"), QStringLiteral("--show"), file});
        QVERIFY(loop.startsWith(QLatin1String("/dev/loop")));
        const auto disks = DiskEnumerator::enumerate();
        run(QStringLiteral("losetup"), {QStringLiteral("-d"), loop});
        bool found = false;
        for (const auto &d : disks)
            if (d.path == loop) {
                found = true;
                QCOMPARE(d.size, quint64(24) << 20);
                QCOMPARE(d.logicalSectorSize, 512);
            }
        QVERIFY(found);
        // "/" may sit on a disk (a machine, a VM) or on no disk at all (overlay, tmpfs: a
        // container or chroot). Whichever it is here, the enumeration must agree.
        QString rootDevice;
        QFile mounts(QStringLiteral("/proc/self/mountinfo"));
        QVERIFY(mounts.open(QIODevice::ReadOnly));
        for (const QByteArray &line : mounts.readAll().split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() > 4 && f[4] == "/")
                rootDevice = QString::fromLatin1(f[2]); // the last mount on "/" wins
        }
        const bool rootOnBlockDevice =
            !rootDevice.isEmpty() &&
            QFileInfo::exists(QStringLiteral("/sys/dev/block/") + rootDevice);
        int system = 0;
        for (const auto &d : disks)
            system += d.system ? 1 : 0;
        if (rootOnBlockDevice)
            QVERIFY2(
                system >= 1,
                qPrintable(QStringLiteral("/ is on block device %1 but no disk is marked system")
                               .arg(rootDevice)));
        else
            QVERIFY2(system == 0,
                     qPrintable(
                         QStringLiteral("/ is on %1 (no block device) yet a disk is marked system")
                             .arg(rootDevice)));
    }

    void openDirect()
    {
        const QString file = m_dir.filePath(QStringLiteral("direct.raw"));
        QVERIFY(test::writeRaw(file, 1));
        auto r = DiskOpener::open(file);
        QVERIFY(r);
        QCOMPARE(r->method, QStringLiteral("direct"));
        QVERIFY(r->fd.isOpen());
        auto missing = DiskOpener::open(m_dir.filePath(QStringLiteral("nope")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().category, ErrorCategory::NotFound);
    }

    void openThroughUdisksStandIn()
    {
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--session"), QStringLiteral("--nofork"),
                     QStringLiteral("--print-address")});
        QVERIFY(m_bus.waitForReadyRead(10000));
        m_address = QString::fromLatin1(m_bus.readLine()).trimmed();
        QVERIFY(m_address.startsWith(QLatin1String("unix:")));

        const QString file = m_dir.filePath(QStringLiteral("backing.raw"));
        QVERIFY(test::writeRaw(file, 2, 11));
        QVERIFY(startStandIn({QStringLiteral("--device"), QStringLiteral("vdsfake0=") + file}));
        DiskOpener::Options o;
        o.allowDirect = false;
        o.busAddress = m_address;
        o.timeoutMs = 10000;
        auto r = DiskOpener::open(QStringLiteral("/dev/vdsfake0"), o);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        QCOMPARE(r->method, QStringLiteral("udisks2"));
        QByteArray got(2 << 20, '\0');
        QCOMPARE(::pread(r->fd.fd(), got.data(), size_t(got.size()), 0), ssize_t(got.size()));
        QCOMPARE(got, test::readAll(file));

        // Denied by "polkit", and no direct access: one error naming both failures.
        QVERIFY(startStandIn({QStringLiteral("--deny"), QStringLiteral("--device"),
                              QStringLiteral("vdsfake0=") + file}));
        auto denied = DiskOpener::open(QStringLiteral("/dev/vdsfake0"), o);
        QVERIFY(!denied);
        const QString msg = QString::fromStdString(denied.error().toString());
        QCOMPARE(denied.error().category, ErrorCategory::Permission);
        QVERIFY2(msg.contains(QStringLiteral("NotAuthorized")) &&
                     msg.contains(QStringLiteral("direct open")),
                 qPrintable(msg));

        // No UDisks2 on the bus at all.
        m_standin.kill();
        m_standin.waitForFinished();
        auto none = DiskOpener::open(QStringLiteral("/dev/vdsfake0"), o);
        QVERIFY(!none);
        QVERIFY(QString::fromStdString(none.error().message).contains(QStringLiteral("UDisks2")));
    }

    void vdsctlDisksJson()
    {
        QProcess p;
        p.start(QStringLiteral(VDSCTL_PATH), {QStringLiteral("disks"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const auto doc = QJsonDocument::fromJson(p.readAllStandardOutput());
        QVERIFY(doc.isArray());
        QVERIFY(!doc.array().isEmpty());
        const QJsonObject first = doc.array().first().toObject();
        for (const char *key :
             {"path", "model", "serial", "size", "logicalSectorSize", "physicalSectorSize",
              "removable", "readOnly", "system", "partitions"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
    }
};

QTEST_GUILESS_MAIN(TestVdiskDisks)
#include "tst_vdisk_disks.moc"
