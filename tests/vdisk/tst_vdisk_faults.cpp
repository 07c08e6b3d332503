// vdisk_faults: a full target disk (a small tmpfs) and a source that fails to read end the job
// cleanly — no target that looks complete, no partial file, the source's read-only flag
// restored. Uses a real loop device for the PREVENT_WRITES_TO_SOURCE_DISK path. Needs root
// (mount, losetup, BLKROSET); the test fails rather than skips without it.
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <unistd.h>

#include "vdisktestutil.h"
#include <vds/jobs/jobcontext.h>
#include <vds/jobs/virtualdiskjob.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/openimage.h>

using namespace vds;
using namespace vds::vdisk;

namespace {

/// Passes reads through until `failAfter` bytes were read, then fails like a bad sector.
/// Also samples the source device's read-only flag while the copy runs.
class FaultyReader final : public ImageReader {
public:
    FaultyReader(std::unique_ptr<ImageReader> inner, std::uint64_t failAfter, int probeFd,
                 int *roSeen)
        : m_inner(std::move(inner)), m_failAfter(failAfter), m_probeFd(probeFd), m_roSeen(roSeen)
    {}
    const ImageInfo &info() const override { return m_inner->info(); }
    Expected<void> read(std::uint64_t offset, void *buffer, std::size_t size) override
    {
        if (m_probeFd >= 0 && m_roSeen)
            ::ioctl(m_probeFd, BLKROGET, m_roSeen);
        if (m_done + size > m_failAfter)
            return fail(
                Error::fromErrno(EIO, "faulty source", "read at offset " + std::to_string(offset)));
        m_done += size;
        return m_inner->read(offset, buffer, size);
    }

private:
    std::unique_ptr<ImageReader> m_inner;
    std::uint64_t m_failAfter, m_done = 0;
    int m_probeFd;
    int *m_roSeen;
};

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestVdiskFaults final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_mount, m_loop;

private slots:
    void initTestCase()
    {
        QVERIFY2(::geteuid() == 0, "vdisk_faults needs root (tmpfs mount, loop devices)");
        QVERIFY(test::writeRaw(m_dir.filePath(QStringLiteral("src.raw")), 48, 5));
    }

    void cleanupTestCase()
    {
        if (!m_mount.isEmpty())
            ::umount2(m_mount.toLocal8Bit().constData(), MNT_DETACH);
        if (!m_loop.isEmpty())
            run(QStringLiteral("losetup"), {QStringLiteral("-d"), m_loop});
    }

    void targetDiskFull_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("type");
        QTest::newRow("dynamic vhdx") << int(DiskFormat::Vhdx) << int(DiskType::Dynamic);
        QTest::newRow("dynamic vhd") << int(DiskFormat::Vhd) << int(DiskType::Dynamic);
        QTest::newRow("fixed vhd sparse") << int(DiskFormat::Vhd) << int(DiskType::Fixed);
        QTest::newRow("fixed vhdx") << int(DiskFormat::Vhdx) << int(DiskType::Fixed);
    }
    void targetDiskFull()
    {
        QFETCH(int, format);
        QFETCH(int, type);
        if (m_mount.isEmpty()) {
            m_mount = m_dir.filePath(QStringLiteral("small"));
            QVERIFY(QDir().mkpath(m_mount));
            QCOMPARE(::mount("tmpfs", m_mount.toLocal8Bit().constData(), "tmpfs", 0, "size=12m"),
                     0);
        }
        CreateParams p;
        p.path = QString(m_mount + QStringLiteral("/out.img")).toStdString();
        p.format = DiskFormat(format);
        p.type = DiskType(type);
        p.sparseFile = QByteArray(QTest::currentDataTag()).contains("sparse");
        p.sourcePath = m_dir.filePath(QStringLiteral("src.raw")).toStdString();
        jobs::JobContext ctx;
        jobs::VirtualDiskJob job(p);
        QSignalSpy spy(&job, &jobs::Job::finished);
        job.run(ctx);
        QCOMPARE(spy.count(), 1);
        const auto result = spy.at(0).at(0).value<jobs::JobResult>();
        QCOMPARE(result.status, jobs::JobStatus::Failed);
        QVERIFY2(result.error.category == ErrorCategory::DiskFull, result.error.toString().c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(p.path)));
        QVERIFY(test::noLeftovers(QString::fromStdString(p.path)));
        QCOMPARE(QDir(m_mount).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
    }

    void sourceReadErrorRestoresReadOnly()
    {
        // A loop device over the raw source, held read-only by PREVENT_WRITES_TO_SOURCE_DISK.
        int rc = 0;
        m_loop = run(QStringLiteral("losetup"),
                     {QStringLiteral("-f"), QStringLiteral("--show"),
                      m_dir.filePath(QStringLiteral("src.raw"))},
                     &rc);
        QVERIFY2(rc == 0 && m_loop.startsWith(QLatin1String("/dev/loop")), qPrintable(m_loop));
        const int probe = ::open(m_loop.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(probe >= 0);
        int ro = -1;
        QCOMPARE(::ioctl(probe, BLKROGET, &ro), 0);
        QCOMPARE(ro, 0);

        int roDuring = -1;
        CreateParams p;
        p.path = m_dir.filePath(QStringLiteral("fromloop.vhdx")).toStdString();
        p.sourcePath = m_loop.toStdString();
        p.preventWritesToSource = true;
        p.wrapSource = [&](std::unique_ptr<ImageReader> inner) -> std::unique_ptr<ImageReader> {
            return std::make_unique<FaultyReader>(std::move(inner), 20U << 20, probe, &roDuring);
        };
        std::atomic_bool cancel{false};
        auto r = createVirtualDisk(p, nullptr, cancel);
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Io);
        QVERIFY(QString::fromStdString(r.error().toString())
                    .contains(QStringLiteral("read at offset")));
        QCOMPARE(roDuring, 1); // read-only while copying
        QCOMPARE(::ioctl(probe, BLKROGET, &ro), 0);
        QCOMPARE(ro, 0); // and restored after the failure
        QVERIFY(!QFile::exists(QString::fromStdString(p.path)));
        QVERIFY(test::noLeftovers(QString::fromStdString(p.path)));

        // The same source without the fault converts, and the flag is restored on success too.
        p.wrapSource = nullptr;
        p.verify = true;
        auto ok = createVirtualDisk(p, nullptr, cancel);
        QVERIFY2(ok, ok ? "" : ok.error().toString().c_str());
        QVERIFY(ok->verified);
        QCOMPARE(::ioctl(probe, BLKROGET, &ro), 0);
        QCOMPARE(ro, 0);
        ::close(probe);
    }

    void cancelLeavesNothing()
    {
        CreateParams p;
        p.path = m_dir.filePath(QStringLiteral("cancelled.vhdx")).toStdString();
        p.sourcePath = m_dir.filePath(QStringLiteral("src.raw")).toStdString();
        jobs::JobContext ctx;
        ctx.requestCancel();
        jobs::VirtualDiskJob job(p);
        QSignalSpy spy(&job, &jobs::Job::finished);
        job.run(ctx);
        QCOMPARE(spy.at(0).at(0).value<jobs::JobResult>().status, jobs::JobStatus::Cancelled);
        QVERIFY(!QFile::exists(QString::fromStdString(p.path)));
        QVERIFY(test::noLeftovers(QString::fromStdString(p.path)));
    }
};

QTEST_GUILESS_MAIN(TestVdiskFaults)
#include "tst_vdisk_faults.moc"
