// vdi_sqlvdi: the libsqlvdi provider loads a library exporting Microsoft's Linux classes
// (here a stand-in built from the published declarations) and moves data through it; an
// absent or wrong library is a typed error naming the path.
#include <QTemporaryDir>
#include <QtTest>

#include <future>

#include "vdiengine.h"
#include "vditest.h"
#include <vds/vdi/serverset.h>

using namespace vds::vdi;
using namespace vdstest;

class TestVdiSqlVdi : public QObject {
    Q_OBJECT
private slots:
    void standinExportsMicrosoftsSymbols();
    void streamThroughLoadedLibrary_data();
    void streamThroughLoadedLibrary();
    void defaultInstanceOnly();
    void absentLibrary();
    void wrongLibrary();
    void notALibrary();
};

namespace {
ClientOptions sqlvdiOptions(const QString &path = QStringLiteral(SQLVDI_STANDIN_PATH))
{
    ClientOptions o;
    o.provider = Provider::SqlVdi;
    o.libraryPath = path.toStdString();
    return o;
}
} // namespace

void TestVdiSqlVdi::standinExportsMicrosoftsSymbols()
{
    QProcess nm;
    nm.start(QStringLiteral("nm"), {QStringLiteral("-D"), QStringLiteral("--defined-only"),
                                    QStringLiteral(SQLVDI_STANDIN_PATH)});
    QVERIFY(nm.waitForFinished(10000));
    const QString out = QString::fromUtf8(nm.readAllStandardOutput());
    for (const char *sym : {"_ZN22ClientVirtualDeviceSet6CreateEPcP8VDConfig",
                            "_ZN22ClientVirtualDeviceSet16GetConfigurationElP8VDConfig",
                            "_ZN19ClientVirtualDevice10GetCommandElPP11VDC_Command",
                            "_ZN19ClientVirtualDevice15CompleteCommandEP11VDC_Commandiml",
                            "_ZN22ClientVirtualDeviceSetC1Ev"})
        QVERIFY2(out.contains(QLatin1String(sym)), sym);
}

void TestVdiSqlVdi::streamThroughLoadedLibrary_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<quint32>("devices");
    QTest::newRow("backup 1") << 0 << 1u;
    QTest::newRow("backup 4") << 0 << 4u;
    QTest::newRow("restore 4") << 1 << 4u;
}

void TestVdiSqlVdi::streamThroughLoadedLibrary()
{
    QFETCH(int, direction);
    QFETCH(quint32, devices);
    auto made = makeClientSet(sqlvdiOptions());
    QVERIFY2(made.has_value(), made ? "" : made.error().toString().c_str());
    ClientSet &set = **made;
    StreamSpec spec;
    spec.instance = ""; // Microsoft's Linux library knows the default instance only
    spec.name = uniqueName("sqlvdi");
    spec.direction = direction == 0 ? Direction::Backup : Direction::Restore;
    spec.devices = devices;
    spec.bytesPerDevice = (3u << 20) + 512;
    spec.transfer = 128u << 10;
    spec.seed = 99;
    Config cfg;
    cfg.deviceCount = devices;
    QVERIFY(set.create("", spec.name, cfg).has_value());
    QCOMPARE(code(set.create("", spec.name, cfg)), hr::kProtocol); // codes pass through unchanged
    auto server = std::async(std::launch::async, [&] { return runServer(spec); });
    const StreamResult client = runClientDevices(set, spec);
    const StreamResult s = server.get();
    QVERIFY2(client.ok, client.error.c_str());
    QVERIFY2(s.ok, s.error.c_str());
    QCOMPARE(client.bytes, spec.bytesPerDevice * devices);
    QVERIFY(set.close().has_value());
    QCOMPARE(code(set.close()), hr::kProtocol);
}

void TestVdiSqlVdi::defaultInstanceOnly()
{
    auto made = makeClientSet(sqlvdiOptions());
    QVERIFY(made.has_value());
    QCOMPARE(code((*made)->create("NAMED", uniqueName("x"), Config{})), hr::kInstanceName);
    QCOMPARE(code((*made)->create("A\\B", uniqueName("x"), Config{})), hr::kInstanceName);
    QCOMPARE(code((*made)->openInSecondary("NAMED", "x")), hr::kInstanceName);
    QVERIFY((*made)->create("mssqlserver", uniqueName("x"), Config{}).has_value());
    QVERIFY((*made)->close().has_value());
}

void TestVdiSqlVdi::absentLibrary()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nowhere/libsqlvdi.so"));
    auto made = makeClientSet(sqlvdiOptions(path));
    QVERIFY(!made.has_value());
    QCOMPARE(made.error().category, vds::ErrorCategory::NotFound);
    QCOMPARE(QString::fromStdString(made.error().context), path);
    QVERIFY(QString::fromStdString(made.error().message).contains(path));
    // The default location is what an unconfigured provider tries.
    QCOMPARE(QString::fromStdString(ClientOptions{}.libraryPath),
             QStringLiteral("/opt/mssql/lib/libsqlvdi.so"));
    ClientOptions def;
    def.provider = Provider::SqlVdi;
    if (!QFile::exists(QStringLiteral("/opt/mssql/lib/libsqlvdi.so"))) {
        auto none = makeClientSet(def);
        QVERIFY(!none.has_value());
        QVERIFY(QString::fromStdString(none.error().message)
                    .contains(QStringLiteral("/opt/mssql/lib/libsqlvdi.so")));
    }
}

void TestVdiSqlVdi::wrongLibrary()
{
    // A real shared library, but not Microsoft's: the error names the first missing symbol.
    QString path;
    for (const char *candidate :
         {"/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1",
          "/lib/x86_64-linux-gnu/libm.so.6"})
        if (QFile::exists(QLatin1String(candidate))) {
            path = QLatin1String(candidate);
            break;
        }
    QVERIFY(!path.isEmpty());
    auto made = makeClientSet(sqlvdiOptions(path));
    QVERIFY(!made.has_value());
    QCOMPARE(made.error().category, vds::ErrorCategory::Format);
    const QString msg = QString::fromStdString(made.error().message);
    QVERIFY2(msg.contains(path) && msg.contains(QStringLiteral("ClientVirtualDeviceSet")),
             qPrintable(msg));
}

void TestVdiSqlVdi::notALibrary()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("libsqlvdi.so"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not an ELF file\n");
    f.close();
    auto made = makeClientSet(sqlvdiOptions(path));
    QVERIFY(!made.has_value());
    QCOMPARE(made.error().category, vds::ErrorCategory::Format);
    QVERIFY(QString::fromStdString(made.error().message).contains(path));
}

QTEST_GUILESS_MAIN(TestVdiSqlVdi)
#include "tst_vdi_sqlvdi.moc"
