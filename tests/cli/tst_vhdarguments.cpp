// The one mapping between virtual disk parameters and `vdsctl vhd create|convert` arguments
// (core/cmdline): every option round-trips, and parse errors name the option and the value.
#include <QTest>

#include <vds/cmdline/sizeargument.h>
#include <vds/cmdline/vhdarguments.h>

using namespace vds;
using vds::vdisk::CreateParams;
using vds::vdisk::DiskFormat;
using vds::vdisk::DiskType;

namespace {

/// Every field the mapping covers, as one comparable string.
QString covered(const CreateParams &p)
{
    return QStringLiteral("path=%1 src=%2 parent=%3 fmt=%4 type=%5 size=%6 bs=%7 ls=%8 ps=%9 "
                          "sparse=%10 verify=%11 prevent=%12 acceptts=%13")
        .arg(QString::fromStdString(p.path), QString::fromStdString(p.sourcePath),
             QString::fromStdString(p.parentPath))
        .arg(int(p.format))
        .arg(int(p.type))
        .arg(p.maximumSize)
        .arg(p.blockSize)
        .arg(p.logicalSectorSize)
        .arg(p.physicalSectorSize)
        .arg(p.sparseFile)
        .arg(p.verify)
        .arg(p.preventWritesToSource)
        .arg(p.acceptParentTimestamp);
}

CreateParams make(DiskFormat format, DiskType type)
{
    CreateParams p;
    p.path = "/tmp/new disk's.vhdx";
    p.format = format;
    p.type = type;
    return p;
}

} // namespace

class TestVhdArguments : public QObject {
    Q_OBJECT
private slots:
    void paramsToArgsToParams_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 12; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void paramsToArgsToParams()
    {
        QFETCH(int, which);
        CreateParams p;
        switch (which) {
        case 0:
            p = make(DiskFormat::Vhdx, DiskType::Dynamic);
            p.maximumSize = 64ULL << 20;
            break;
        case 1:
            p = make(DiskFormat::Vhdx, DiskType::Fixed);
            p.maximumSize = (3ULL << 30) + 512; // not a whole K: written in bytes
            p.blockSize = 8U << 20;
            p.logicalSectorSize = 4096;
            p.physicalSectorSize = 512;
            p.sparseFile = true;
            break;
        case 2:
            p = make(DiskFormat::Vhd, DiskType::Dynamic);
            p.maximumSize = 2040ULL << 30;
            p.blockSize = 512U << 10;
            p.logicalSectorSize = 512;
            p.physicalSectorSize = 512;
            break;
        case 3:
            p = make(DiskFormat::Vhd, DiskType::Differencing);
            p.parentPath = "/srv/base disk.vhd";
            p.acceptParentTimestamp = true; // a parent of a copied chain
            break;
        case 4:
            p = make(DiskFormat::Vhdx, DiskType::Differencing);
            p.parentPath = "relative/parent.vhdx";
            p.blockSize = 1U << 20;
            break;
        case 5: // a sparse conversion (the summary once dropped --sparse)
            p = make(DiskFormat::Vhdx, DiskType::Fixed);
            p.sourcePath = "/dev/sdb";
            p.sparseFile = true;
            break;
        case 6:
            p = make(DiskFormat::Vhd, DiskType::Dynamic);
            p.sourcePath = "/images/it's raw.img";
            p.acceptParentTimestamp = true;
            p.verify = true;
            p.preventWritesToSource = true;
            p.blockSize = 2U << 20;
            break;
        case 7:
            p = make(DiskFormat::Vhdx, DiskType::Dynamic);
            p.sourcePath = "/a.vhd";
            p.maximumSize = 1ULL << 40;
            p.logicalSectorSize = 4096;
            p.physicalSectorSize = 4096;
            p.blockSize = 256U << 20;
            p.verify = true;
            break;
        case 8: // paths that look like options
            p = make(DiskFormat::Vhdx, DiskType::Dynamic);
            p.path = "-x.vhdx";
            p.sourcePath = "--sparse";
            break;
        case 9:
            p = make(DiskFormat::Vhdx, DiskType::Fixed);
            p.path = "-new.vhdx";
            p.maximumSize = 5ULL << 20;
            break;
        case 10: // a VHD path written as VHDX: --format wins over the extension
            p = make(DiskFormat::Vhdx, DiskType::Dynamic);
            p.path = "/tmp/odd.vhd";
            p.maximumSize = 4ULL << 20;
            break;
        case 11:
            p = make(DiskFormat::Vhd, DiskType::Fixed);
            p.path = "/tmp/\xc3\xa9t\xc3\xa9 \"q\".vhd";
            p.maximumSize = 100ULL << 20;
            p.sparseFile = true;
            break;
        }
        const QStringList args = cmdline::vhdArguments(p);
        QCOMPARE(args.value(0), QStringLiteral("vhd"));
        const auto back = cmdline::parseVhdArguments(args.mid(1));
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
        QCOMPARE(covered(*back), covered(p));
        // args → params → args
        QCOMPARE(cmdline::vhdArguments(*back), args);
    }

    void argsToParamsToArgs()
    {
        const QStringList samples[] = {
            {QStringLiteral("create"), QStringLiteral("/t/a.vhd"), QStringLiteral("--size"),
             QStringLiteral("3G")},
            {QStringLiteral("create"), QStringLiteral("/t/a.vhdx"), QStringLiteral("--parent"),
             QStringLiteral("/t/p.vhdx")},
            {QStringLiteral("convert"), QStringLiteral("/dev/sdc"), QStringLiteral("/t/c.vhdx"),
             QStringLiteral("--type"), QStringLiteral("fixed"), QStringLiteral("--sparse"),
             QStringLiteral("--verify")},
            {QStringLiteral("convert"), QStringLiteral("/t/child.vhd"), QStringLiteral("/t/c.vhdx"),
             QStringLiteral("--accept-parent-timestamp")},
        };
        for (const QStringList &a : samples) {
            const auto p = cmdline::parseVhdArguments(a);
            QVERIFY(p);
            const QStringList canonical = cmdline::vhdArguments(*p);
            const auto again = cmdline::parseVhdArguments(canonical.mid(1));
            QVERIFY(again);
            QCOMPARE(cmdline::vhdArguments(*again), canonical);
            QCOMPARE(covered(*again), covered(*p));
        }
        // The defaults the parser fills in: format from the extension, differencing with a
        // parent, dynamic otherwise.
        auto p = cmdline::parseVhdArguments(samples[0]);
        QCOMPARE(p->format, DiskFormat::Vhd);
        QCOMPARE(p->type, DiskType::Dynamic);
        QCOMPARE(p->maximumSize, 3ULL << 30);
        p = cmdline::parseVhdArguments(samples[1]);
        QCOMPARE(p->type, DiskType::Differencing);
        QCOMPARE(p->parentPath, std::string("/t/p.vhdx"));
        QVERIFY(!p->acceptParentTimestamp); // refused unless asked
        p = cmdline::parseVhdArguments(samples[3]);
        QVERIFY(p->acceptParentTimestamp);
    }

    void errorsNameOptionAndValue()
    {
        auto e = cmdline::parseVhdArguments({QStringLiteral("create"), QStringLiteral("/t/a.vhdx"),
                                             QStringLiteral("--size"), QStringLiteral("12Q")});
        QVERIFY(!e);
        QCOMPARE(e.error().option, QStringLiteral("size"));
        QCOMPARE(e.error().value, QStringLiteral("12Q"));
        e = cmdline::parseVhdArguments({QStringLiteral("convert"), QStringLiteral("/a"),
                                        QStringLiteral("/b.vhdx"), QStringLiteral("--type"),
                                        QStringLiteral("differencing")});
        QVERIFY(!e);
        QCOMPARE(e.error().option, QStringLiteral("type"));
        QCOMPARE(e.error().value, QStringLiteral("differencing"));
        e = cmdline::parseVhdArguments({QStringLiteral("create"), QStringLiteral("/t/a.vhdx"),
                                        QStringLiteral("--format"), QStringLiteral("qcow2")});
        QCOMPARE(e.error().option, QStringLiteral("format"));
        QCOMPARE(e.error().value, QStringLiteral("qcow2"));
        e = cmdline::parseVhdArguments({QStringLiteral("create"), QStringLiteral("/t/a.vhdx"),
                                        QStringLiteral("--block-size"),
                                        QStringLiteral("99999999999")});
        QCOMPARE(e.error().option, QStringLiteral("block-size"));
        e = cmdline::parseVhdArguments(
            {QStringLiteral("create"), QStringLiteral("/t/a.vhdx"), QStringLiteral("--bogus")});
        QVERIFY(!e);
        QCOMPARE(e.error().option, QStringLiteral("bogus"));
        e = cmdline::parseVhdArguments({QStringLiteral("convert"), QStringLiteral("/only-one")});
        QVERIFY(!e);
        QVERIFY(e.error().option.isEmpty());
        // The create-only option is not part of convert, and vice versa.
        QVERIFY(!cmdline::parseVhdArguments({QStringLiteral("convert"), QStringLiteral("/a"),
                                             QStringLiteral("/b"), QStringLiteral("--parent"),
                                             QStringLiteral("/p")}));
        QVERIFY(!cmdline::parseVhdArguments(
            {QStringLiteral("create"), QStringLiteral("/a"), QStringLiteral("--verify")}));
    }

    void sizesAndQuoting()
    {
        QCOMPARE(cmdline::sizeArgument(64ULL << 20), QStringLiteral("64M"));
        QCOMPARE(cmdline::sizeArgument(1536ULL << 10), QStringLiteral("1536K"));
        QCOMPARE(cmdline::sizeArgument(1000), QStringLiteral("1000"));
        QCOMPARE(cmdline::parseSize(QStringLiteral("2TiB")).value(), 2ULL << 40);
        QVERIFY(!cmdline::parseSize(QStringLiteral("99999999999T")));
        QCOMPARE(cmdline::shellCommand(
                     {QStringLiteral("a b"), QStringLiteral("it's"), QStringLiteral("/x")}),
                 QStringLiteral("'a b' 'it'\\''s' /x"));
    }
};

QTEST_GUILESS_MAIN(TestVhdArguments)
#include "tst_vhdarguments.moc"
