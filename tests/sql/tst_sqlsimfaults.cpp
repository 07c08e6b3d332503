// sqlsim_faults: every --fault kind of vds-sqlsim, plus client-side aborts and a cancel, each
// surfacing as the right typed error with SQL Server's message number; afterwards the VDI set
// is closed on both sides, its shared-memory objects are gone and the simulator is back to its
// main thread.

#include <QTest>

#include <chrono>

#include "simfixture.h"

using namespace vds;
using namespace vds::test;

namespace {

VdiClientPump::Options opts(int devices = 1, std::vector<std::vector<std::byte>> input = {})
{
    VdiClientPump::Options o;
    o.devices = devices;
    o.input = std::move(input);
    return o;
}

sql::BackupSpec salesBackup()
{
    sql::BackupSpec b;
    b.database = "Sales";
    b.stats = 10;
    return b;
}

/// The statement failed with `number` (the first specific message, not 3013) and `category`.
void expectFailure(const OperationRun &r, std::int64_t number, ErrorCategory category)
{
    QVERIFY(r.outcome.has_value());
    QVERIFY2(!r.outcome->has_value(), "the statement succeeded");
    const Error &e = r.outcome->error();
    QVERIFY2(e.native.value == number, e.toString().c_str());
    QVERIFY2(e.category == category, e.toString().c_str());
    QCOMPARE(e.native.kind, NativeKind::Sqlstate);
}

/// The client's Close after the set ended: NOERROR, or — after an abort, when its devices never
/// saw VD_E_CLOSE — VD_E_OPEN, which VDI documents as "aborted and released anyway".
bool closedCleanly(const Expected<void> &closed, bool aborted)
{
    return closed.has_value() || (aborted && vdi::hresultOf(closed.error()) == vdi::hr::kOpen);
}

/// Both sides let go of the set: the client's Close succeeded and nothing is left in /dev/shm.
void expectCleanEnd(const OperationRun &r, SimFixture &sim, bool aborted = false)
{
    QVERIFY(r.closed.has_value());
    QVERIFY2(closedCleanly(*r.closed, aborted),
             r.closed->has_value() ? "" : r.closed->error().toString().c_str());
    QVERIFY(setObjectsGone(r.setName));
    QVERIFY2(sim.waitForIdle(), std::to_string(sim.simThreads()).c_str());
}

} // namespace

class TestSqlsimFaults : public QObject {
    Q_OBJECT
private slots:
    void clientNeverOpens()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}, {QStringLiteral("no-open")},
                          {QStringLiteral("--open-timeout"), QStringLiteral("800")})
                    .has_value());
        const OperationRun r = runBackup(sim, salesBackup(), opts());
        expectFailure(r, 3201, ErrorCategory::NotFound);
        // Every record is kept: the cause, then SQL Server's summary, both class 16 errors.
        std::vector<std::int32_t> numbers;
        for (const auto &d : r.diagnostics) {
            numbers.push_back(d.number);
            QVERIFY(!d.isInformational());
            QCOMPARE(d.sqlstate, std::string("42000"));
            if (d.severity) // Microsoft's driver reports the class; FreeTDS 1.3 does not
                QCOMPARE(*d.severity, 16);
        }
        QCOMPARE(numbers, (std::vector<std::int32_t>{3201, 3013}));
        QVERIFY(r.ended - r.started >= std::chrono::milliseconds(800)); // after the timeout
        QVERIFY(!r.configured);
        expectCleanEnd(r, sim);
    }

    void deviceWriteError()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}, {QStringLiteral("write-error:50")})
                    .has_value());
        const OperationRun r = runBackup(sim, salesBackup(), opts(2));
        expectFailure(r, 3202, ErrorCategory::Io);
        for (const auto &d : r.devices)
            QCOMPARE(d.endCode, vdi::hr::kClose); // the server closed the devices itself
        expectCleanEnd(r, sim);
        // No history row for a failed backup.
        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto h = c->query("SELECT COUNT(*) AS n FROM msdb.dbo.backupset");
        QVERIFY(h.has_value());
        QCOMPARE(*h->rows[0][0], std::string("0"));
    }

    void clientReportsWriteFailure()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}).has_value());
        VdiClientPump::Options o = opts();
        o.failWriteAfterBytes = 512 * 1024; // completes a Write with ERROR_DISK_FULL (112)
        const OperationRun r = runBackup(sim, salesBackup(), o);
        expectFailure(r, 3202, ErrorCategory::Io);
        QVERIFY2(r.outcome->error().message.find("112") != std::string::npos,
                 r.outcome->error().message.c_str());
        expectCleanEnd(r, sim);
    }

    void deviceReadError()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}).has_value());
        const OperationRun backup = runBackup(sim, salesBackup(), opts());
        QVERIFY(backup.outcome && backup.outcome->has_value());
        QVERIFY(sim.restart({QStringLiteral("read-error:40")}).has_value());
        sql::RestoreSpec r;
        r.database = "Copy";
        r.moves = {{"Sales", sim.path(QStringLiteral("Copy.mdf")).toStdString()},
                   {"Sales_log", sim.path(QStringLiteral("Copy_log.ldf")).toStdString()}};
        const OperationRun restore = runRestore(sim, r, opts(1, stripesOf(backup)));
        expectFailure(restore, 3203, ErrorCategory::Io);
        QVERIFY(!QFile::exists(sim.path(QStringLiteral("Copy.mdf")))); // nothing half-restored
        expectCleanEnd(restore, sim);
    }

    void serverAborts()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}, {QStringLiteral("abort:50")}).has_value());
        const OperationRun r = runBackup(sim, salesBackup(), opts(3));
        expectFailure(r, 3204, ErrorCategory::Aborted);
        int aborted = 0;
        for (const auto &d : r.devices) {
            // A device whose share was already written may have been closed before the abort.
            QVERIFY(d.endCode == vdi::hr::kAbort || d.endCode == vdi::hr::kClose);
            aborted += d.endCode == vdi::hr::kAbort;
        }
        QVERIFY(aborted >= 1);
        expectCleanEnd(r, sim, true);
    }

    void clientAborts()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=4M")}).has_value());
        VdiClientPump::Options o = opts(2);
        o.abortAfterBytes = 1 << 20;
        const OperationRun r = runBackup(sim, salesBackup(), o);
        expectFailure(r, 3204, ErrorCategory::Aborted);
        expectCleanEnd(r, sim, true);
    }

    void hungClientTimesOut()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}).has_value());
        VdiClientPump::Options o = opts();
        o.serverTimeOut = 300;          // the client's VDConfig.serverTimeOut, in ms
        o.stallAfterBytes = 256 * 1024; // then it stops taking commands
        const auto t0 = std::chrono::steady_clock::now();
        const OperationRun r = runBackup(sim, salesBackup(), o);
        expectFailure(r, 3229, ErrorCategory::Timeout);
        // Two intervals without a completion, as the VDI specification says; not much more.
        QVERIFY(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(600));
        expectCleanEnd(r, sim, true);
    }

    void slowServerStillSucceeds()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}, {QStringLiteral("slow:10")}).has_value());
        const OperationRun r = runBackup(sim, salesBackup(), opts());
        QVERIFY(r.outcome && r.outcome->has_value() && (*r.outcome)->completed);
        // 1 MiB + 1 MiB log in 64 KiB transfers: at least 32 transfers of 10 ms.
        QVERIFY(r.ended - r.started >= std::chrono::milliseconds(320));
        expectCleanEnd(r, sim);
    }

    void connectionDropped()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}, {QStringLiteral("drop-connection:30")})
                    .has_value());
        const OperationRun r = runBackup(sim, salesBackup(), opts());
        QVERIFY(r.outcome && !r.outcome->has_value());
        QVERIFY2(r.outcome->error().category == ErrorCategory::Aborted,
                 r.outcome->error().toString().c_str());
        QVERIFY2(r.outcome->error().native.sqlstate.starts_with("08"),
                 r.outcome->error().toString().c_str());
        QCOMPARE(r.devices.at(0).endCode, vdi::hr::kAbort);
        expectCleanEnd(r, sim, true);
        QVERIFY(sim.connect().has_value()); // the server itself carries on
    }

    void cancelWhileStreaming()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=4M")}, {QStringLiteral("slow:20")}).has_value());
        auto conn = sim.connect();
        QVERIFY(conn.has_value());
        VdiClientPump pump;
        QVERIFY(pump.create("Sales", opts()).has_value());
        sql::BackupSpec b = salesBackup();
        b.devices = pump.deviceNames();
        const auto text = sql::buildBackup(b);
        QVERIFY(text.has_value());
        pump.start();
        sql::SqlStatementRunner runner(*conn);
        std::atomic_int percents{0};
        QVERIFY(runner
                    .start(*text,
                           [&](const sql::SqlProgressEvent &e) {
                               percents += e.kind == sql::SqlProgressEvent::Kind::Percent;
                           })
                    .has_value());
        QTRY_VERIFY_WITH_TIMEOUT(percents.load() >= 1, 10000);
        runner.cancel(); // SQLCancel → ATTENTION → the server aborts the set
        auto r = runner.wait();
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Cancelled);
        QCOMPARE(r.error().native.sqlstate, std::string("HY008"));
        pump.stop();
        QVERIFY(closedCleanly(pump.join(), true));
        QCOMPARE(pump.results().at(0).endCode, vdi::hr::kAbort);
        QVERIFY(setObjectsGone(pump.setName()));
        auto after = conn->query("SELECT name FROM sys.databases WHERE name = N'Sales'");
        QVERIFY2(after.has_value(), after ? "" : after.error().toString().c_str()); // still usable
        conn->disconnect();
        QVERIFY(sim.waitForIdle());
    }

    void stopWhileStreamingEndsCleanly()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=4M")}, {QStringLiteral("slow:20")}).has_value());
        auto conn = sim.connect();
        QVERIFY(conn.has_value());
        VdiClientPump pump;
        QVERIFY(pump.create("Sales", opts()).has_value());
        sql::BackupSpec b = salesBackup();
        b.devices = pump.deviceNames();
        pump.start();
        sql::SqlStatementRunner runner(*conn);
        std::atomic_int percents{0};
        QVERIFY(runner
                    .start(*sql::buildBackup(b),
                           [&](const sql::SqlProgressEvent &e) {
                               percents += e.kind == sql::SqlProgressEvent::Kind::Percent;
                           })
                    .has_value());
        QTRY_VERIFY_WITH_TIMEOUT(percents.load() >= 1, 10000);
        QVERIFY(sim.process().stop()); // SIGTERM mid-backup: exit status 0, threads joined
        auto r = runner.wait();
        QVERIFY(!r);
        pump.stop();
        QVERIFY(closedCleanly(pump.join(), true));
        QCOMPARE(pump.results().at(0).endCode, vdi::hr::kAbort);
        QVERIFY(setObjectsGone(pump.setName()));
    }
};

QTEST_GUILESS_MAIN(TestSqlsimFaults)
#include "tst_sqlsimfaults.moc"
