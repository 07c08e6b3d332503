// vdisk_job: VirtualDiskJob on the JobRunner (progress, phases, one finished with the figures,
// cancel mid-copy leaves nothing) and differencing disks that hold data of their own.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

#include "vdisktestutil.h"
#include <vds/jobs/jobrunner.h>
#include <vds/jobs/virtualdiskjob.h>
#include <vds/util/endian.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/vhdformat.h>
#include <vds/vdisk/vhdwriter.h>
#include <vds/vdisk/vhdxwriter.h>

using namespace vds;
using namespace vds::vdisk;

namespace {

/// Slows every read down so a cancel lands mid-copy.
class SlowReader final : public ImageReader {
public:
    explicit SlowReader(std::unique_ptr<ImageReader> inner) : m_inner(std::move(inner)) {}
    const ImageInfo &info() const override { return m_inner->info(); }
    Expected<void> read(std::uint64_t offset, void *buffer, std::size_t size) override
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        return m_inner->read(offset, buffer, size);
    }

private:
    std::unique_ptr<ImageReader> m_inner;
};

} // namespace

class TestVdiskJob final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString src() const { return m_dir.filePath(QStringLiteral("src.raw")); }

private slots:
    void initTestCase() { QVERIFY(test::writeRaw(src(), 48, 21)); }

    void runsOnTheRunner()
    {
        jobs::JobRunner runner;
        runner.setSampleIntervalMs(20);
        QSignalSpy finished(&runner, &jobs::JobRunner::finished);
        QSignalSpy progress(&runner, &jobs::JobRunner::progress);
        jobs::VirtualDiskJob::Params p;
        p.path = m_dir.filePath(QStringLiteral("job.vhdx")).toStdString();
        p.sourcePath = src().toStdString();
        p.verify = true;
        p.wrapSource = [](std::unique_ptr<ImageReader> r) -> std::unique_ptr<ImageReader> {
            return std::make_unique<SlowReader>(std::move(r));
        };
        auto job = std::make_unique<jobs::VirtualDiskJob>(p);
        QCOMPARE(job->kind(), QStringLiteral("vhd-convert"));
        runner.start(std::move(job));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto r = finished.at(0).at(1).value<jobs::JobResult>();
        QVERIFY2(r.succeeded(), r.error.toString().c_str());
        QCOMPARE(r.stats.bytesTotal, quint64(2 * 48) << 20); // copy + verify
        QCOMPARE(r.stats.bytesDone, r.stats.bytesTotal);
        QVERIFY(r.stats.extra.value(QStringLiteral("verified")).toBool());
        QCOMPARE(r.stats.extra.value(QStringLiteral("format")).toString(), QStringLiteral("vhdx"));
        QVERIFY(r.stats.extra.value(QStringLiteral("blocksWritten")).toULongLong() >= 1);
        QVERIFY(progress.count() >= 1);
        QStringList phases;
        for (const auto &ph : r.report.phases())
            phases << ph.title;
        QCOMPARE(phases, (QStringList{QStringLiteral("prepare"), QStringLiteral("copy"),
                                      QStringLiteral("finish"), QStringLiteral("verify")}));
        jobs::VirtualDiskJob create(jobs::VirtualDiskJob::Params{});
        QCOMPARE(create.kind(), QStringLiteral("vhd-create"));
    }

    void cancelMidCopy()
    {
        jobs::JobRunner runner;
        runner.setSampleIntervalMs(20);
        QSignalSpy finished(&runner, &jobs::JobRunner::finished);
        QSignalSpy progress(&runner, &jobs::JobRunner::progress);
        jobs::VirtualDiskJob::Params p;
        p.path = m_dir.filePath(QStringLiteral("cancel.vhd")).toStdString();
        p.format = DiskFormat::Vhd;
        p.type = DiskType::Fixed;
        p.sourcePath = src().toStdString();
        p.wrapSource = [](std::unique_ptr<ImageReader> r) -> std::unique_ptr<ImageReader> {
            return std::make_unique<SlowReader>(std::move(r));
        };
        const jobs::JobId id = runner.start(std::make_unique<jobs::VirtualDiskJob>(p));
        QTRY_VERIFY_WITH_TIMEOUT(runner.snapshot(id).done > 0, 10000);
        runner.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(1).value<jobs::JobResult>().status, jobs::JobStatus::Cancelled);
        QVERIFY(!QFile::exists(QString::fromStdString(p.path)));
        QVERIFY(test::noLeftovers(QString::fromStdString(p.path)));
    }

    void differencingWithData_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("vhd") << int(DiskFormat::Vhd);
        QTest::newRow("vhdx") << int(DiskFormat::Vhdx);
    }
    void differencingWithData()
    {
        QFETCH(int, format);
        const bool isVhd = DiskFormat(format) == DiskFormat::Vhd;
        const QString ext = isVhd ? QStringLiteral("vhd") : QStringLiteral("vhdx");
        CreateParams base;
        base.path = m_dir.filePath(QStringLiteral("base.") + ext).toStdString();
        base.format = DiskFormat(format);
        base.sourcePath = src().toStdString();
        std::atomic_bool cancel{false};
        QVERIFY(createVirtualDisk(base, nullptr, cancel));

        // A child written directly with the writer: block 1 holds 0x5A bytes of its own.
        TargetLayout l;
        l.format = DiskFormat(format);
        l.type = DiskType::Differencing;
        l.virtualSize = 48 << 20;
        l.blockSize = 2 << 20;
        l.uniqueId = Guid::random();
        l.path = m_dir.filePath(QStringLiteral("child.") + ext).toStdString();
        l.parentPath = base.path;
        const int fd = ::open(l.path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        QVERIFY(fd >= 0);
        std::unique_ptr<ImageWriter> w;
        if (isVhd)
            w = std::make_unique<VhdWriter>(fd, l);
        else
            w = std::make_unique<VhdxWriter>(fd, l);
        QVERIFY(w->begin());
        QByteArray mine(2 << 20, '\x5A');
        QVERIFY(w->writeUnit(1, reinterpret_cast<const std::uint8_t *>(mine.constData()),
                             size_t(mine.size()), false));
        QVERIFY(w->finish());
        if (isVhd) {
            // Clear the second half of block 1's sector bitmap: those sectors come from the parent.
            auto child = openImage(l.path, OpenOptions{false, 16});
            QVERIFY(child);
            std::uint8_t bat[4];
            QCOMPARE(::pread(fd, bat, 4, 1536 + 4), ssize_t(4));
            const std::uint64_t bitmapAt = std::uint64_t(loadBe<std::uint32_t>(bat)) * 512;
            QByteArray half(256, '\0');
            QCOMPARE(::pwrite(fd, half.constData(), 256, off_t(bitmapAt + 256)), ssize_t(256));
        }
        ::close(fd);

        auto r = openImage(l.path);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        QCOMPARE((*r)->info().type, DiskType::Differencing);
        QByteArray got(48 << 20, '\0');
        QVERIFY((*r)->read(0, got.data(), size_t(got.size())));
        QByteArray expected = test::readAll(src());
        if (isVhd)
            expected.replace(2 << 20, 1 << 20, mine.left(1 << 20)); // first half from the child
        else
            expected.replace(2 << 20, 2 << 20, mine);
        QVERIFY(got == expected);
    }
};

QTEST_GUILESS_MAIN(TestVdiskJob)
#include "tst_vdisk_job.moc"
