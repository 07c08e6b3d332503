// vdi_liveness: kill -9 of a secondary, the primary or the server is noticed (within 2 s,
// never a hang), nothing is left in /dev/shm afterwards, and the sweeper removes the objects
// of sets whose processes all died.
#include <QElapsedTimer>
#include <QtTest>

#include <thread>

#include "vdiengine.h"
#include "vditest.h"
#include <vds/vdi/serverset.h>

using namespace vds::vdi;
using namespace vdstest;

class TestVdiLiveness : public QObject {
    Q_OBJECT
private slots:
    void killPrimaryAbortsServerAndSecondaries();
    void killServerAbortsClient();
    void killSecondaryIsSeenByPrimary();
    void sweeperRemovesObjectsOfDeadSets();
    void staleNameCanBeCreatedAgain();
    void serverFindsPrimaryDeadAndCleansUp();
    void deathInsideTheLockAborts();
    void cleanupTestCase();
};

namespace {
QStringList args(std::initializer_list<std::string> list)
{
    QStringList out;
    for (const auto &s : list)
        out << QString::fromStdString(s);
    return out;
}

bool openServer(ServerSet &server, const std::string &inst, const std::string &name,
                std::uint32_t devices, std::vector<ServerDevice *> *out = nullptr)
{
    for (int i = 0; !server.open(inst, name); ++i) {
        if (i > 2000)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (!server.beginConfiguration({0, 0, 512, 65536}) || !server.requestBuffers(65536, 0, 4) ||
        !server.endConfiguration())
        return false;
    for (std::uint32_t i = 0; i < devices; ++i) {
        auto d = server.openDevice(i == 0 ? name : name + "#" + std::to_string(i));
        if (!d)
            return false;
        if (out)
            out->push_back(*d);
    }
    return true;
}
} // namespace

void TestVdiLiveness::killPrimaryAbortsServerAndSecondaries()
{
    const std::string inst = uniqueInstance('A'), name = uniqueName("killprimary");
    QProcess primary;
    startHelper(primary, args({"primary-hold", inst, name, "2"}));
    QCOMPARE(waitForLine(primary, QStringLiteral("CREATED")), QStringLiteral("CREATED"));
    ServerSet server;
    std::vector<ServerDevice *> devices;
    QVERIFY(openServer(server, inst, name, 2, &devices));
    QCOMPARE(waitForLine(primary, QStringLiteral("OPEN")), QStringLiteral("OPEN"));
    QProcess secondary;
    startHelper(secondary, args({"secondary-hold", inst, name, "1"}));
    QCOMPARE(waitForLine(secondary, QStringLiteral("OPEN")), QStringLiteral("OPEN"));
    auto buffer = server.allocateBuffer(65536);
    QVERIFY(buffer.has_value());
    // A Write the primary will never complete (it sleeps), and a server thread waiting for it.
    QVERIFY(devices[0]->sendCommand({command::kWrite, 65536, 0, buffer->data, 7}));
    std::atomic<qint64> abortedAt{-1};
    std::atomic<int> completions995{0};
    QElapsedTimer t;
    t.start();
    std::thread waiter([&] {
        for (;;) {
            auto c = devices[0]->waitCompletion(kInfinite);
            if (c) {
                completions995 += c->completionCode == win32::kOperationAborted ? 1 : 0;
                continue;
            }
            if (code(c) == hr::kAbort)
                abortedAt = t.elapsed();
            return;
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(abortedAt.load(), -1); // really waiting
    const qint64 killedAt = t.elapsed();
    primary.kill(); // SIGKILL
    QVERIFY(finish(primary));
    waiter.join();
    QCOMPARE(completions995.load(), 1);
    QVERIFY2(abortedAt - killedAt < 2000, qPrintable(QString::number(abortedAt - killedAt)));
    const QString waited = waitForLine(secondary, QStringLiteral("WAIT"), 5000);
    const qint64 secondaryMs = t.elapsed() - killedAt;
    QCOMPARE(waited, QStringLiteral("WAIT VD_E_ABORT"));
    QVERIFY2(secondaryMs < 2000, qPrintable(QString::number(secondaryMs)));
    QVERIFY(finish(secondary));
    QCOMPARE(secondary.exitCode(), 3);
    QVERIFY(server.aborted());
    (void)server.close(); // the primary is gone: the server unlinks everything
    QVERIFY2(shmObjects(inst).isEmpty(), qPrintable(shmObjects(inst).join(QLatin1Char(' '))));
}

void TestVdiLiveness::killServerAbortsClient()
{
    const std::string inst = uniqueInstance('B'), name = uniqueName("killserver");
    auto client = newClient();
    QVERIFY(client->create(inst, name, Config{}).has_value());
    QProcess server;
    startHelper(server, args({"server-hold", inst, name, "1"}));
    QCOMPARE(waitForLine(server, QStringLiteral("SERVING")), QStringLiteral("SERVING"));
    QVERIFY(client->getConfiguration(5000).has_value());
    auto dev = client->openDevice(name);
    QVERIFY(dev.has_value());
    std::atomic<qint64> returnedAt{-1};
    std::atomic<std::int32_t> result{0};
    QElapsedTimer t;
    t.start();
    std::thread waiter([&] {
        auto cmd = (*dev)->getCommand(kInfinite); // nothing will ever come
        result = code(cmd);
        returnedAt = t.elapsed();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    QCOMPARE(returnedAt.load(), -1); // really waiting
    const qint64 killedAt = t.elapsed();
    server.kill();
    waiter.join();
    QCOMPARE(result.load(), hr::kAbort);
    QVERIFY2(returnedAt - killedAt < 2000, qPrintable(QString::number(returnedAt - killedAt)));
    QCOMPARE(code(client->getConfiguration(0)), hr::kAbort);
    finish(server);
    (void)client->close();
    QVERIFY2(shmObjects(inst).isEmpty(), qPrintable(shmObjects(inst).join(QLatin1Char(' '))));
}

void TestVdiLiveness::killSecondaryIsSeenByPrimary()
{
    const std::string inst = uniqueInstance('C'), name = uniqueName("killsecondary");
    auto primary = newClient();
    Config cfg;
    cfg.deviceCount = 2;
    QVERIFY(primary->create(inst, name, cfg).has_value());
    ServerSet server;
    QVERIFY(openServer(server, inst, name, 2));
    QVERIFY(primary->getConfiguration(5000).has_value());
    QProcess secondary;
    startHelper(secondary, args({"secondary-hold", inst, name, "1"}));
    QCOMPARE(waitForLine(secondary, QStringLiteral("OPEN")), QStringLiteral("OPEN"));
    auto peersAlive = [&] {
        int alive = 0;
        for (const PeerStatus &p : primary->peers())
            alive += (!p.primary && p.alive) ? 1 : 0;
        return alive;
    };
    QCOMPARE(peersAlive(), 1);
    QElapsedTimer t;
    secondary.kill();
    t.start();
    bool seen = false;
    while (!seen && t.elapsed() < 5000) {
        for (const PeerStatus &p : primary->peers())
            seen = seen || (!p.primary && !p.alive && !p.closed);
        if (!seen)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    QVERIFY(seen);
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    // The primary decides: it aborts, and the server notices.
    QVERIFY(primary->signalAbort().has_value());
    QVERIFY(server.aborted());
    finish(secondary);
    (void)server.close();
    (void)primary->close();
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiLiveness::sweeperRemovesObjectsOfDeadSets()
{
    const std::string inst = uniqueInstance('D');
    // One set whose primary dies before any server came, one whose primary and server both
    // die after configuration (control block + buffer area).
    const std::string lonely = uniqueName("lonely"), both = uniqueName("both");
    QProcess p1, p2, s2;
    startHelper(p1, args({"primary-hold", inst, lonely, "1"}));
    startHelper(p2, args({"primary-hold", inst, both, "1"}));
    QCOMPARE(waitForLine(p1, QStringLiteral("CREATED")), QStringLiteral("CREATED"));
    QCOMPARE(waitForLine(p2, QStringLiteral("CREATED")), QStringLiteral("CREATED"));
    startHelper(s2, args({"server-hold", inst, both, "1"}));
    QCOMPARE(waitForLine(s2, QStringLiteral("SERVING")), QStringLiteral("SERVING"));
    QCOMPARE(waitForLine(p2, QStringLiteral("OPEN")), QStringLiteral("OPEN"));
    QCOMPARE(shmObjects(inst).size(), 3);
    sweepStaleSets(); // everyone is alive: nothing of ours may go
    QCOMPARE(shmObjects(inst).size(), 3);
    p1.kill();
    p2.kill();
    s2.kill();
    finish(p1);
    finish(p2);
    finish(s2);
    QCOMPARE(shmObjects(inst).size(), 3); // abnormal end: nobody cleaned up
    QVERIFY(sweepStaleSets() >= 2);
    QVERIFY2(shmObjects(inst).isEmpty(), qPrintable(shmObjects(inst).join(QLatin1Char(' '))));
}

void TestVdiLiveness::staleNameCanBeCreatedAgain()
{
    const std::string inst = uniqueInstance('E'), name = uniqueName("reuse");
    QProcess p;
    startHelper(p, args({"primary-hold", inst, name, "1"}));
    QCOMPARE(waitForLine(p, QStringLiteral("CREATED")), QStringLiteral("CREATED"));
    auto client = newClient();
    QCOMPARE(code(client->create(inst, name, Config{})), hr::kProtocol); // its owner lives
    p.kill();
    finish(p);
    QVERIFY(client->create(inst, name, Config{}).has_value()); // the leftover is replaced
    QVERIFY(client->close().has_value());
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiLiveness::serverFindsPrimaryDeadAndCleansUp()
{
    const std::string inst = uniqueInstance('F'), name = uniqueName("orphan");
    QProcess p;
    startHelper(p, args({"primary-hold", inst, name, "1"}));
    QCOMPARE(waitForLine(p, QStringLiteral("CREATED")), QStringLiteral("CREATED"));
    p.kill();
    finish(p);
    QCOMPARE(shmObjects(inst).size(), 1);
    ServerSet server; // SQL Server arriving after the client died
    QCOMPARE(code(server.open(inst, name)), hr::kAbort);
    QVERIFY(shmObjects(inst).isEmpty()); // and the orphan is gone
}

void TestVdiLiveness::deathInsideTheLockAborts()
{
    const std::string inst = uniqueInstance('G'), name = uniqueName("lockholder");
    auto client = newClient();
    QVERIFY(client->create(inst, name, Config{}).has_value());
    QProcess holder;
    startHelper(holder, args({"die-holding-lock", inst, name}));
    QCOMPARE(waitForLine(holder, QStringLiteral("LOCKED")), QStringLiteral("LOCKED"));
    std::atomic<std::int32_t> result{0};
    std::thread waiter([&] { result = code(client->getConfiguration(kInfinite)); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    QCOMPARE(result.load(), 0); // blocked on the lock the holder keeps
    holder.kill();              // dies inside the critical section
    waiter.join();
    // The block may be torn: the robust mutex reports the owner's death and the set aborts.
    QCOMPARE(result.load(), hr::kAbort);
    finish(holder);
    (void)client->close();
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiLiveness::cleanupTestCase()
{
    for (char tag : std::string("ABCDEFG"))
        QVERIFY2(shmObjects(uniqueInstance(tag)).isEmpty(), "a test left shared memory behind");
}

QTEST_GUILESS_MAIN(TestVdiLiveness)
#include "tst_vdi_liveness.moc"
