// vdi_data: streams in both directions over 1, 4 and 64 devices arrive byte-exact (in this
// process and across processes), the IO-ERROR protocol, SignalAbort mid-stream from either
// side, Close with devices open and the server's timeout.
#include <QElapsedTimer>
#include <QtTest>

#include <future>
#include <set>
#include <thread>

#include "vdiengine.h"
#include "vditest.h"
#include <vds/vdi/serverset.h>

using namespace vds::vdi;
using namespace vdstest;

class TestVdiData : public QObject {
    Q_OBJECT
private slots:
    void streams_data();
    void streams();
    void crossProcessStreams_data();
    void crossProcessStreams();
    void ioErrorProtocol();
    void clearErrorWaitsForOutstanding();
    void abortFromServerMidStream();
    void abortFromClientMidStream();
    void closeWithOpenDevicesAborts();
    void serverTimeoutAborts();
    void buffersHonourAlignmentAndPrefix();
    void cleanupTestCase();
};

namespace {
StreamSpec makeSpec(char tag, Direction dir, std::uint32_t devices, std::uint64_t bytes,
                    std::uint32_t transfer)
{
    StreamSpec s;
    s.instance = uniqueInstance(tag);
    s.name = uniqueName(dir == Direction::Backup ? "backup" : "restore");
    s.direction = dir;
    s.devices = devices;
    s.bytesPerDevice = bytes;
    s.transfer = transfer;
    s.seed = static_cast<std::uint32_t>(::getpid()) ^ devices;
    return s;
}

/// Runs the client side here and the server on a thread; both must succeed.
void runInProcess(const StreamSpec &spec, StreamResult &client, StreamResult &server,
                  std::int64_t clientAbortAfter = -1)
{
    auto set = newClient();
    Config cfg;
    cfg.deviceCount = spec.devices;
    QVERIFY(set->create(spec.instance, spec.name, cfg).has_value());
    auto srv = std::async(std::launch::async, [&] { return runServer(spec); });
    client = runClientDevices(*set, spec, clientAbortAfter);
    server = srv.get();
    (void)set->close();
}
} // namespace

void TestVdiData::streams_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<quint32>("devices");
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<quint32>("transfer");
    for (int dir = 0; dir < 2; ++dir) {
        const char *d = dir == 0 ? "backup" : "restore";
        QTest::addRow("%s 1 device", d) << dir << 1u << quint64(24u << 20) + 4096 << (1u << 20);
        QTest::addRow("%s 4 devices", d) << dir << 4u << quint64(6u << 20) + 512 << (256u << 10);
        QTest::addRow("%s 64 devices", d)
            << dir << 64u << quint64(384u << 10) + 1024 << (64u << 10);
    }
}

void TestVdiData::streams()
{
    QFETCH(int, direction);
    QFETCH(quint32, devices);
    QFETCH(quint64, bytes);
    QFETCH(quint32, transfer);
    // The odd tails make the last transfer short (backup) / the EOF land mid-buffer (restore).
    const StreamSpec spec = makeSpec('A', direction == 0 ? Direction::Backup : Direction::Restore,
                                     devices, bytes, transfer);
    StreamResult client, server;
    runInProcess(spec, client, server);
    QVERIFY2(server.ok, server.error.c_str());
    QVERIFY2(client.ok, client.error.c_str());
    QCOMPARE(client.bytes, bytes * devices);
    QCOMPARE(server.bytes, bytes * devices);
    QVERIFY(shmObjects(spec.instance).isEmpty());
}

void TestVdiData::crossProcessStreams_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<quint32>("devices");
    QTest::newRow("backup 1") << 0 << 1u;
    QTest::newRow("backup 4") << 0 << 4u;
    QTest::newRow("restore 4") << 1 << 4u;
    QTest::newRow("backup 64") << 0 << 64u;
}

void TestVdiData::crossProcessStreams()
{
    QFETCH(int, direction);
    QFETCH(quint32, devices);
    const std::uint64_t bytes = devices == 64 ? (256u << 10) : (8u << 20) + 512;
    const StreamSpec spec = makeSpec('B', direction == 0 ? Direction::Backup : Direction::Restore,
                                     devices, bytes, 256u << 10);
    // The server is another process (as SQL Server is); the client side runs here.
    QProcess server;
    startHelper(server, {QStringLiteral("server"), QString::fromStdString(spec.instance),
                         QString::fromStdString(spec.name),
                         direction == 0 ? QStringLiteral("backup") : QStringLiteral("restore"),
                         QString::number(devices), QString::number(bytes),
                         QString::number(spec.transfer), QString::number(spec.seed)});
    auto set = newClient();
    Config cfg;
    cfg.deviceCount = devices;
    QVERIFY(set->create(spec.instance, spec.name, cfg).has_value());
    const StreamResult client = runClientDevices(*set, spec);
    (void)set->close();
    QVERIFY(finish(server));
    const QString out = QString::fromUtf8(server.readAllStandardOutput());
    QVERIFY2(client.ok, client.error.c_str());
    QCOMPARE(client.bytes, bytes * devices);
    QVERIFY2(server.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("bytes=%1").arg(bytes * devices)), qPrintable(out));
    QVERIFY(shmObjects(spec.instance).isEmpty());
}

namespace {
/// A configured one-device set with both ends open in this process.
struct Pair {
    std::unique_ptr<ClientSet> client;
    ServerSet server;
    ServerDevice *sdev = nullptr;
    ClientDevice *cdev = nullptr;
    Buffer buffers[4];

    bool open(const std::string &inst, const std::string &name, Config cfg = {})
    {
        client = newClient();
        if (!client->create(inst, name, cfg) || !server.open(inst, name) ||
            !server.beginConfiguration({0, 0, 512, 65536}) || !server.requestBuffers(65536, 0, 4) ||
            !server.endConfiguration() || !client->getConfiguration(5000))
            return false;
        auto s = server.openDevice(name);
        auto c = client->openDevice(name);
        if (!s || !c)
            return false;
        sdev = *s;
        cdev = *c;
        for (auto &b : buffers)
            b = *server.allocateBuffer(65536);
        return true;
    }
};
} // namespace

void TestVdiData::ioErrorProtocol()
{
    Pair p;
    QVERIFY(p.open(uniqueInstance('C'), uniqueName("ioerror")));
    for (int i = 0; i < 3; ++i)
        QVERIFY(
            p.sdev->sendCommand({command::kWrite, 4096, 0, p.buffers[i].data, std::uint64_t(i)}));
    auto first = p.cdev->getCommand(1000);
    QVERIFY(first.has_value());
    QCOMPARE((*first)->commandCode, command::kWrite);
    QVERIFY(p.cdev->completeCommand(*first, win32::kDiskFull, 0, 0).has_value());
    // The failure, then the two queued Writes that the client never saw, with ERROR_IO_DEVICE.
    auto c0 = p.sdev->waitCompletion(1000);
    QVERIFY(c0.has_value());
    QCOMPARE(c0->context, 0u);
    QCOMPARE(c0->completionCode, win32::kDiskFull);
    for (std::uint64_t i = 1; i < 3; ++i) {
        auto c = p.sdev->waitCompletion(1000);
        QVERIFY(c.has_value());
        QCOMPARE(c->context, i);
        QCOMPARE(c->completionCode, win32::kIoDevice);
    }
    QCOMPARE(code(p.cdev->getCommand(0)), hr::kTimeout); // nothing left for the client
    // In IO-ERROR only ClearError may be sent.
    QCOMPARE(code(p.sdev->sendCommand({command::kWrite, 4096, 0, p.buffers[0].data, 9})),
             hr::kIoError);
    QVERIFY(p.sdev->sendCommand({command::kClearError, 0, 0, nullptr, 10}));
    auto clear = p.cdev->getCommand(1000);
    QVERIFY(clear.has_value());
    QCOMPARE((*clear)->commandCode, command::kClearError);
    QVERIFY(p.cdev->completeCommand(*clear, win32::kSuccess, 0, 0).has_value());
    QCOMPARE(p.sdev->waitCompletion(1000)->completionCode, win32::kSuccess);
    // Active again.
    QVERIFY(p.sdev->sendCommand({command::kWrite, 4096, 0, p.buffers[0].data, 11}));
    auto again = p.cdev->getCommand(1000);
    QVERIFY(again.has_value());
    QVERIFY(p.cdev->completeCommand(*again, win32::kSuccess, 4096, 0).has_value());
    auto done = p.sdev->waitCompletion(1000);
    QCOMPARE(done->completionCode, win32::kSuccess);
    QCOMPARE(done->bytesTransferred, 4096u);
    QCOMPARE(code(p.sdev->waitCompletion(0)), hr::kProtocol);               // nothing outstanding
    QCOMPARE(code(p.cdev->completeCommand(*again, 0, 0, 0)), hr::kInvalid); // not active
    QVERIFY(p.sdev->closeDevice().has_value());
    QCOMPARE(code(p.sdev->closeDevice()), hr::kClose);
    QCOMPARE(code(p.cdev->getCommand(1000)), hr::kClose);
    QVERIFY(p.server.close().has_value());
    QVERIFY(p.client->close().has_value());
}

void TestVdiData::clearErrorWaitsForOutstanding()
{
    Pair p;
    QVERIFY(p.open(uniqueInstance('C'), uniqueName("clear")));
    QVERIFY(p.sdev->sendCommand({command::kRead, 4096, 0, p.buffers[0].data, 0}));
    QVERIFY(p.sdev->sendCommand({command::kRead, 4096, 0, p.buffers[1].data, 1}));
    auto a = p.cdev->getCommand(1000);
    auto b = p.cdev->getCommand(1000);
    QVERIFY(a && b);
    QVERIFY(p.cdev->completeCommand(*a, win32::kHandleEof, 100, 0).has_value());
    QVERIFY(p.sdev->sendCommand({command::kClearError, 0, 0, nullptr, 2}));
    // The client still holds b: ClearError is not delivered until b is completed.
    QCOMPARE(code(p.cdev->getCommand(100)), hr::kTimeout);
    QVERIFY(p.cdev->completeCommand(*b, win32::kHandleEof, 0, 0).has_value());
    auto clear = p.cdev->getCommand(1000);
    QVERIFY(clear.has_value());
    QCOMPARE((*clear)->commandCode, command::kClearError);
    QVERIFY(p.cdev->completeCommand(*clear, win32::kSuccess, 0, 0).has_value());
    std::set<std::uint32_t> codes;
    for (int i = 0; i < 3; ++i)
        codes.insert(p.sdev->waitCompletion(1000)->completionCode);
    QCOMPARE(codes, (std::set<std::uint32_t>{win32::kSuccess, win32::kHandleEof}));
    QVERIFY(p.sdev->closeDevice().has_value());
    (void)p.server.close();
    (void)p.client->close();
}

void TestVdiData::abortFromServerMidStream()
{
    StreamSpec spec = makeSpec('D', Direction::Backup, 4, 64u << 20, 256u << 10);
    spec.abortAfter = 2 << 20;
    StreamResult client, server;
    runInProcess(spec, client, server);
    QVERIFY(!client.ok);
    QVERIFY2(client.sawAbort, client.error.c_str());
    QVERIFY(server.sawAbort);
    QVERIFY(client.bytes < spec.bytesPerDevice * spec.devices);
    QVERIFY(shmObjects(spec.instance).isEmpty());
}

void TestVdiData::abortFromClientMidStream()
{
    for (Direction dir : {Direction::Backup, Direction::Restore}) {
        StreamSpec spec = makeSpec('E', dir, 4, 64u << 20, 256u << 10);
        StreamResult client, server;
        runInProcess(spec, client, server, 1 << 20);
        QVERIFY(!client.ok);
        QVERIFY(client.sawAbort);
        QVERIFY2(server.sawAbort, server.error.c_str());
        QVERIFY(server.bytes < spec.bytesPerDevice * spec.devices);
        QVERIFY(shmObjects(spec.instance).isEmpty());
    }
}

void TestVdiData::closeWithOpenDevicesAborts()
{
    Pair p;
    QVERIFY(p.open(uniqueInstance('F'), uniqueName("early")));
    QVERIFY(p.sdev->sendCommand({command::kWrite, 512, 0, p.buffers[0].data, 0}));
    auto cmd = p.cdev->getCommand(1000);
    QVERIFY(cmd.has_value());
    QCOMPARE(code(p.client->close()), hr::kOpen);
    // The outstanding command completes with ERROR_OPERATION_ABORTED, then the abort shows.
    auto c = p.sdev->waitCompletion(1000);
    QVERIFY(c.has_value());
    QCOMPARE(c->completionCode, win32::kOperationAborted);
    QCOMPARE(code(p.sdev->waitCompletion(1000)), hr::kAbort);
    QCOMPARE(code(p.sdev->sendCommand({command::kWrite, 512, 0, p.buffers[0].data, 1})),
             hr::kAbort);
    QCOMPARE(code(p.server.allocateBuffer(512)), hr::kAbort);
    QVERIFY(p.sdev->closeDevice().has_value()); // a no-op after an abort
    (void)p.server.close();
    QVERIFY(shmObjects(uniqueInstance('F')).isEmpty());
}

void TestVdiData::serverTimeoutAborts()
{
    Pair p;
    Config cfg;
    cfg.serverTimeOut = 100; // two silent intervals abort
    QVERIFY(p.open(uniqueInstance('G'), uniqueName("slow"), cfg));
    QVERIFY(p.sdev->sendCommand({command::kWrite, 512, 0, p.buffers[0].data, 0}));
    QElapsedTimer t;
    t.start();
    auto c = p.sdev->waitCompletion(5000);
    QVERIFY(c.has_value());
    QCOMPARE(c->completionCode, win32::kOperationAborted);
    QVERIFY(t.elapsed() >= 190);
    QVERIFY(t.elapsed() < 1500);
    QCOMPARE(code(p.cdev->getCommand(0)), hr::kAbort);
    (void)p.server.close();
    (void)p.client->close();
}

void TestVdiData::buffersHonourAlignmentAndPrefix()
{
    const std::string inst = uniqueInstance('H'), name = uniqueName("align");
    auto client = newClient();
    Config cfg;
    cfg.prefixZoneSize = 100;
    cfg.alignment = 8192;
    QVERIFY(client->create(inst, name, cfg).has_value());
    ServerSet server;
    QVERIFY(server.open(inst, name).has_value());
    QVERIFY(server.beginConfiguration({0, 4096, 512, 65536}).has_value());
    QVERIFY(server.requestBuffers(5000, 0, 3).has_value());
    QVERIFY(server.endConfiguration().has_value());
    auto got = client->getConfiguration(1000);
    QCOMPARE(got->alignment, 8192u); // the client's larger alignment wins
    std::vector<Buffer> bufs;
    for (int i = 0; i < 3; ++i) {
        auto b = server.allocateBuffer(5000);
        QVERIFY(b.has_value());
        QCOMPARE(reinterpret_cast<std::uintptr_t>(b->data) % 8192, 0u);
        QVERIFY(b->offset >= 100); // room for the client's prefix zone in front
        QVERIFY(server.isSharedBuffer(b->data));
        bufs.push_back(*b);
    }
    QCOMPARE(code(server.allocateBuffer(5000)), hr::kMemory); // all three are taken
    QCOMPARE(code(server.allocateBuffer(6000)), hr::kMemory);
    server.freeBuffer(bufs[1]);
    QCOMPARE(server.allocateBuffer(4000)->offset, bufs[1].offset);
    int local = 0;
    QVERIFY(!server.isSharedBuffer(&local));
    // The client sees the same bytes at the same handle.
    std::memset(bufs[0].data, 0x5A, 5000);
    auto mapped = client->mapBufferHandle(bufs[0].offset);
    QVERIFY(mapped.has_value());
    QCOMPARE(static_cast<int>((*mapped)[4999]), 0x5A);
    QCOMPARE(*client->bufferHandle(*mapped), bufs[0].offset);
    QCOMPARE(code(client->bufferHandle(reinterpret_cast<std::byte *>(&local))), hr::kInvalid);
    QCOMPARE(code(client->mapBufferHandle(0xFFFFFFF0u)), hr::kInvalid);
    (void)server.close();
    (void)client->close();
}

void TestVdiData::cleanupTestCase()
{
    for (char tag : std::string("ABCDEFGH"))
        QVERIFY2(shmObjects(uniqueInstance(tag)).isEmpty(), "a test left shared memory behind");
}

QTEST_GUILESS_MAIN(TestVdiData)
#include "tst_vdi_data.moc"
