// vdi_secondary: OpenInSecondaryEx rules, and the multi-process model: a secondary process
// opens devices and moves data, buffers travel between processes by handle.
#include <QElapsedTimer>
#include <QtTest>

#include <future>
#include <thread>

#include "vdiengine.h"
#include "vditest.h"
#include <vds/vdi/serverset.h>

using namespace vds::vdi;
using namespace vdstest;

class TestVdiSecondary : public QObject {
    Q_OBJECT
private slots:
    void tooEarlyWrongCaseTwiceAndDuringAbort();
    void secondaryProcessMovesData();
    void buffersTravelByHandle();
    void cleanupTestCase();
};

void TestVdiSecondary::tooEarlyWrongCaseTwiceAndDuringAbort()
{
    const std::string inst = uniqueInstance('A');
    const std::string name = uniqueName("Secondary");
    auto primary = newClient();
    Config cfg;
    cfg.deviceCount = 2;
    QVERIFY(primary->create(inst, name, cfg).has_value());
    auto secondary = newClient();
    // Before the primary's GetConfiguration: protocol error.
    QCOMPARE(code(secondary->openInSecondary(inst, name)), hr::kProtocol);
    ServerSet server;
    QVERIFY(server.open(inst, name).has_value());
    QVERIFY(server.beginConfiguration({0, 0, 512, 65536}).has_value());
    QVERIFY(server.requestBuffers(65536, 0, 2).has_value());
    QVERIFY(server.endConfiguration().has_value());
    QCOMPARE(code(secondary->openInSecondary(inst, name)), hr::kProtocol); // still too early
    QVERIFY(primary->getConfiguration(1000).has_value());
    // Wrong case: a different (absent) set.
    std::string upper = name;
    for (char &c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    QVERIFY(!secondary->openInSecondary(inst, upper).has_value());
    QVERIFY(!secondary->openInSecondary(uniqueInstance('Z'), name).has_value()); // other instance
    QVERIFY(secondary->openInSecondary(inst, name).has_value());
    QCOMPARE(code(secondary->openInSecondary(inst, name)), hr::kProtocol); // twice in one object
    QCOMPARE(code(secondary->create(inst, uniqueName("x"), Config{})), hr::kProtocol);
    // The secondary may read the configuration too and sees the same buffers.
    QCOMPARE(secondary->getConfiguration(0)->bufferAreaSize,
             primary->getConfiguration(0)->bufferAreaSize);
    QVERIFY(primary->signalAbort().has_value());
    auto third = newClient();
    QCOMPARE(code(third->openInSecondary(inst, name)), hr::kAbort);
    QCOMPARE(code(secondary->openDevice(name)), hr::kAbort);
    QVERIFY(secondary->close().has_value());
    (void)server.close();
    (void)primary->close();
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiSecondary::secondaryProcessMovesData()
{
    for (std::uint32_t devices : {2u, 4u}) {
        StreamSpec spec;
        spec.instance = uniqueInstance('B');
        spec.name = uniqueName("multi");
        spec.devices = devices;
        spec.bytesPerDevice = (6u << 20) + 4096;
        spec.transfer = 256u << 10;
        spec.seed = 77 + devices;
        auto primary = newClient();
        Config cfg;
        cfg.deviceCount = devices;
        QVERIFY(primary->create(spec.instance, spec.name, cfg).has_value());
        auto server = std::async(std::launch::async, [&] { return runServer(spec); });
        QVERIFY(primary->getConfiguration(10000).has_value());
        // Devices 1..n-1 are served by secondary processes, device 0 by the primary here.
        std::vector<std::unique_ptr<QProcess>> secondaries;
        for (std::uint32_t i = 1; i < devices; ++i) {
            secondaries.push_back(std::make_unique<QProcess>());
            startHelper(*secondaries.back(),
                        {QStringLiteral("secondary"), QString::fromStdString(spec.instance),
                         QString::fromStdString(spec.name), QString::number(i),
                         QString::number(spec.bytesPerDevice), QString::number(spec.seed)});
        }
        auto dev = primary->openDevice(spec.name);
        QVERIFY(dev.has_value());
        const StreamResult mine = pumpDevice(**dev, spec, 0);
        QVERIFY2(mine.ok, mine.error.c_str());
        QCOMPARE(mine.bytes, spec.bytesPerDevice);
        for (auto &p : secondaries) {
            QVERIFY(finish(*p));
            const QString out = QString::fromUtf8(p->readAllStandardOutput());
            QVERIFY2(p->exitCode() == 0, qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("bytes=%1").arg(spec.bytesPerDevice)),
                     qPrintable(out));
        }
        // The primary sees its secondaries as attached and closed normally.
        const auto peers = primary->peers();
        QCOMPARE(peers.size(), static_cast<std::size_t>(devices));
        for (const PeerStatus &p : peers)
            QVERIFY(p.primary || (p.closed && !p.alive));
        const StreamResult s = server.get();
        QVERIFY2(s.ok, s.error.c_str());
        QCOMPARE(s.bytes, spec.bytesPerDevice * devices);
        QVERIFY(primary->close().has_value());
        QVERIFY(shmObjects(spec.instance).isEmpty());
    }
}

void TestVdiSecondary::buffersTravelByHandle()
{
    StreamSpec spec;
    spec.instance = uniqueInstance('C');
    spec.name = uniqueName("handles");
    spec.devices = 2;
    spec.bytesPerDevice = 2u << 20;
    spec.transfer = 128u << 10;
    spec.seed = 4242;
    auto primary = newClient();
    Config cfg;
    cfg.deviceCount = 2;
    QVERIFY(primary->create(spec.instance, spec.name, cfg).has_value());
    auto server = std::async(std::launch::async, [&] { return runServer(spec); });
    QVERIFY(primary->getConfiguration(10000).has_value());
    // The secondary gets Writes on device 2 and hands us only a handle; we map it in this
    // process and check the bytes the server put there (zero copy across processes).
    QProcess relay;
    startHelper(relay, {QStringLiteral("secondary-relay"), QString::fromStdString(spec.instance),
                        QString::fromStdString(spec.name), QStringLiteral("1")});
    QVERIFY2(relay.state() == QProcess::Running, qPrintable(relay.errorString()));
    auto dev = primary->openDevice(spec.name);
    QVERIFY(dev.has_value());
    StreamResult mineResult;
    std::thread mine([&] { mineResult = pumpDevice(**dev, spec, 0); });
    std::uint64_t offset = 0;
    int handles = 0;
    for (;;) {
        const QString line = waitForLine(relay, QStringLiteral("BUF"), 20000);
        if (line.isEmpty() || !line.startsWith(QStringLiteral("BUF"))) {
            if (!line.isEmpty())
                qWarning("relay: %s", qPrintable(line));
            break;
        }
        const QStringList parts = line.split(QLatin1Char(' '));
        const auto handle = parts[1].toUInt();
        const auto size = parts[2].toUInt();
        auto mapped = primary->mapBufferHandle(handle);
        const bool good = mapped && checkPattern(*mapped, size, offset, 1, spec.seed);
        relay.write(good ? "ok\n" : "bad\n");
        relay.waitForBytesWritten(1000);
        QVERIFY2(good,
                 qPrintable(QStringLiteral("handle %1 at offset %2").arg(handle).arg(offset)));
        offset += size;
        ++handles;
    }
    mine.join();
    QVERIFY2(mineResult.ok, mineResult.error.c_str());
    QVERIFY(finish(relay));
    QCOMPARE(relay.exitCode(), 0);
    QCOMPARE(offset, spec.bytesPerDevice);
    QVERIFY(handles >= 16);
    const StreamResult s = server.get();
    QVERIFY2(s.ok, s.error.c_str());
    (void)primary->close();
    QVERIFY(shmObjects(spec.instance).isEmpty());
}

void TestVdiSecondary::cleanupTestCase()
{
    for (char tag : std::string("ABC"))
        QVERIFY2(shmObjects(uniqueInstance(tag)).isEmpty(), "a test left shared memory behind");
}

QTEST_GUILESS_MAIN(TestVdiSecondary)
#include "tst_vdi_secondary.moc"
