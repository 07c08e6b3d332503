// vdisk_corrupt: damaged images are refused at open with an error that says what is wrong —
// flipped checksums, truncated files, BAT entries beyond EOF, bad region tables, absurd sizes,
// unknown required regions, unreplayed logs.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include "vdisktestutil.h"
#include <vds/util/crc32c.h>
#include <vds/util/endian.h>
#include <vds/vdisk/copyengine.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/vhdformat.h>
#include <vds/vdisk/vhdxformat.h>

using namespace vds;
using namespace vds::vdisk;

namespace {

using Mutation = std::function<void(QByteArray &)>;

void fixVhdFooterChecksum(QByteArray &b, qsizetype at)
{
    auto *p = reinterpret_cast<std::uint8_t *>(b.data() + at);
    storeBe<std::uint32_t>(p + 64, vhd::checksum(p, 512, 64));
}

void fixVhdxCrc(QByteArray &b, qsizetype at, std::size_t size)
{
    auto *p = reinterpret_cast<std::uint8_t *>(b.data() + at);
    std::memset(p + 4, 0, 4);
    storeLe<std::uint32_t>(p + 4, crc32c(p, size));
}

} // namespace

class TestVdiskCorrupt final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_vhd, m_fixedVhd, m_vhdx;
    int m_n = 0;

    QString make(DiskFormat format, DiskType type)
    {
        CreateParams p;
        p.path = m_dir
                     .filePath(QStringLiteral("good%1.%2")
                                   .arg(++m_n)
                                   .arg(format == DiskFormat::Vhd ? QStringLiteral("vhd")
                                                                  : QStringLiteral("vhdx")))
                     .toStdString();
        p.format = format;
        p.type = type;
        p.sourcePath = m_dir.filePath(QStringLiteral("src.raw")).toStdString();
        std::atomic_bool cancel{false};
        auto r = createVirtualDisk(p, nullptr, cancel);
        return r ? QString::fromStdString(p.path) : QString();
    }

    void check(const QString &good, const Mutation &mutate, const QString &expected)
    {
        QByteArray bytes = test::readAll(good);
        QVERIFY(!bytes.isEmpty());
        mutate(bytes);
        const QString bad = m_dir.filePath(QStringLiteral("bad%1").arg(++m_n));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        auto r = openImage(bad.toStdString());
        QVERIFY2(!r,
                 qPrintable(
                     QStringLiteral("a corrupt image was accepted (expected: %1)").arg(expected)));
        const QString msg = QString::fromStdString(r.error().toString());
        QVERIFY2(r.error().category == ErrorCategory::Format ||
                     r.error().category == ErrorCategory::Unsupported,
                 qPrintable(msg));
        QVERIFY2(msg.contains(expected, Qt::CaseInsensitive), qPrintable(msg));
        QVERIFY2(msg.contains(bad), "the error does not name the file");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(test::writeRaw(m_dir.filePath(QStringLiteral("src.raw")), 12));
        m_vhd = make(DiskFormat::Vhd, DiskType::Dynamic);
        m_fixedVhd = make(DiskFormat::Vhd, DiskType::Fixed);
        m_vhdx = make(DiskFormat::Vhdx, DiskType::Dynamic);
        QVERIFY(!m_vhd.isEmpty() && !m_fixedVhd.isEmpty() && !m_vhdx.isEmpty());
        QVERIFY(openImage(m_vhd.toStdString()));
        QVERIFY(openImage(m_vhdx.toStdString()));
    }

    void vhd()
    {
        const auto footerAt = [](const QByteArray &b) { return b.size() - 512; };
        // Both footers damaged (a damaged trailing one alone is read from the copy at 0).
        check(
            m_vhd,
            [&](QByteArray &b) {
                b[footerAt(b) + 50] = char(b[footerAt(b) + 50] ^ 1);
                b[50] = char(b[50] ^ 1);
            },
            QStringLiteral("footer checksum"));
        check(
            m_vhd, [](QByteArray &b) { b[512 + 30] = char(b[512 + 30] ^ 0x40); },
            QStringLiteral("dynamic header checksum"));
        check(
            m_vhd, [](QByteArray &b) { b.truncate(b.size() - 3 * 1024 * 1024); },
            QStringLiteral("beyond end of file"));
        check(
            m_vhd,
            [](QByteArray &b) {
                storeBe<std::uint32_t>(reinterpret_cast<std::uint8_t *>(b.data() + 1536),
                                       0x00FFFFF0U);
            },
            QStringLiteral("beyond end of file"));
        check(
            m_vhd,
            [&](QByteArray &b) { // absurd size, consistent checksum
                for (const qsizetype at : {qsizetype(0), qsizetype(footerAt(b))}) {
                    storeBe<std::uint64_t>(reinterpret_cast<std::uint8_t *>(b.data() + at + 48),
                                           3000ULL << 30);
                    fixVhdFooterChecksum(b, at);
                }
            },
            QStringLiteral("2040 GiB"));
        check(
            m_vhd,
            [&](QByteArray &b) { // size the BAT cannot cover
                for (const qsizetype at : {qsizetype(0), qsizetype(footerAt(b))}) {
                    storeBe<std::uint64_t>(reinterpret_cast<std::uint8_t *>(b.data() + at + 48),
                                           1ULL << 30);
                    fixVhdFooterChecksum(b, at);
                }
            },
            QStringLiteral("BAT has"));
        check(
            m_fixedVhd,
            [](QByteArray &b) {
                const QByteArray footer = b.right(512);
                b.truncate(b.size() - 2 * 1024 * 1024);
                b.append(footer);
            },
            QStringLiteral("truncated"));
    }

    void vhdx()
    {
        using namespace vhdx;
        check(
            m_vhdx,
            [](QByteArray &b) {
                b[kHeader1 + 100] = 1;
                b[kHeader2 + 100] = 1;
            },
            QStringLiteral("headers are invalid"));
        check(
            m_vhdx,
            [](QByteArray &b) {
                b[kRegion1 + 20] = char(b[kRegion1 + 20] ^ 1);
                b[kRegion2 + 20] = char(b[kRegion2 + 20] ^ 1);
            },
            QStringLiteral("region table"));
        check(
            m_vhdx,
            [](QByteArray &b) { // region beyond EOF, valid CRC
                for (qsizetype at : {qsizetype(kRegion1), qsizetype(kRegion2)}) {
                    storeLe<std::uint64_t>(
                        reinterpret_cast<std::uint8_t *>(b.data() + at + 16 + 16), 1ULL << 40);
                    fixVhdxCrc(b, at, kRegionTableSize);
                }
            },
            QStringLiteral("beyond end of file"));
        check(
            m_vhdx,
            [](QByteArray &b) { // unknown required region
                for (qsizetype at : {qsizetype(kRegion1), qsizetype(kRegion2)}) {
                    b[at + 16] = char(b[at + 16] ^ 0x55);
                    fixVhdxCrc(b, at, kRegionTableSize);
                }
            },
            QStringLiteral("unknown required region"));
        check(
            m_vhdx,
            [](QByteArray &b) { // BAT entry 0 beyond EOF
                storeLe<std::uint64_t>(reinterpret_cast<std::uint8_t *>(b.data() + (3 << 20)),
                                       (1ULL << 40) | kFullyPresent);
            },
            QStringLiteral("beyond end of file"));
        check(
            m_vhdx, [](QByteArray &b) { b.truncate(10 << 20); },
            QStringLiteral("beyond end of file"));
        check(
            m_vhdx,
            [](QByteArray &b) { // absurd virtual size: metadata item 2 (size) at 64 KiB + 8
                auto *meta = reinterpret_cast<std::uint8_t *>(b.data() + (2 << 20));
                const std::uint32_t off = loadLe<std::uint32_t>(meta + 32 + 32 + 16);
                storeLe<std::uint64_t>(meta + off, 128ULL << 40);
            },
            QStringLiteral("64 TiB"));
        {
            // A LogGuid whose log holds no valid entry (a torn first write): nothing to replay;
            // the image opens, says its log is dirty and reads as before (vdisk_dirtylog
            // covers logs with entries).
            QByteArray b = test::readAll(m_vhdx);
            for (qsizetype at : {qsizetype(kHeader1), qsizetype(kHeader2)}) {
                b[at + 48] = 1;
                fixVhdxCrc(b, at, kHeaderSize);
            }
            const QString dirty = m_dir.filePath(QStringLiteral("emptylog.vhdx"));
            QFile f(dirty);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(b);
            f.close();
            auto r = openImage(dirty.toStdString());
            QVERIFY2(r, r ? "" : r.error().toString().c_str());
            QVERIFY((*r)->info().dirtyLog);
            auto clean = openImage(m_vhdx.toStdString());
            QVERIFY(clean);
            std::atomic_bool cancel{false};
            QVERIFY(compareImages(**r, **clean, (*clean)->virtualSize(), nullptr, cancel));
        }
        check(
            m_vhdx,
            [](QByteArray &b) {
                b[0] = 'X';
                b.truncate(b.size() - 1); /* raw now, odd size */
                b.resize(1024);
                b.fill('\xFF');
                b.replace(0, 8, "vhdxfile");
            },
            QStringLiteral("too small"));
    }

    void cliExitCode()
    {
        QByteArray b = test::readAll(m_vhdx);
        b[vhdx::kHeader1 + 100] = 1;
        b[vhdx::kHeader2 + 100] = 1;
        const QString bad = m_dir.filePath(QStringLiteral("cli.vhdx"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(b);
        f.close();
        CreateParams p;
        p.path = m_dir.filePath(QStringLiteral("out.vhdx")).toStdString();
        p.sourcePath = bad.toStdString();
        std::atomic_bool cancel{false};
        auto r = createVirtualDisk(p, nullptr, cancel);
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.error().message).contains(QStringLiteral("headers")));
        QVERIFY(!QFile::exists(QString::fromStdString(p.path)));
    }
};

QTEST_GUILESS_MAIN(TestVdiskCorrupt)
#include "tst_vdisk_corrupt.moc"
