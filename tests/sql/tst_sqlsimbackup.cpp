// sqlsim_backup: BACKUP/RESTORE … VIRTUAL_DEVICE through FreeTDS ODBC and the native VDI, with
// vds-sqlsim as the server: 1 and 3 devices, byte-identical restores under a new name, live
// progress, the differential/log chain, HEADERONLY/FILELISTONLY/VERIFYONLY and the file clash.

#include <QFile>
#include <QTest>

#include <thread>

#include "simfixture.h"
#include <vds/sql/serverinfo.h>

using namespace vds;
using namespace vds::test;
using Kind = sql::SqlProgressEvent::Kind;

namespace {

std::string describe(const OperationRun &r)
{
    if (!r.outcome)
        return "no outcome";
    if (!*r.outcome)
        return r.outcome->error().toString();
    return "ok";
}

bool succeeded(const OperationRun &r)
{
    return r.outcome && r.outcome->has_value() && (*r.outcome)->completed;
}

sql::RestoreSpec restoreAs(const std::string &name, const QString &dir, bool norecovery = false)
{
    sql::RestoreSpec r;
    r.database = name;
    const std::string base = dir.toStdString() + "/" + name;
    r.moves = {{"Sales", base + ".mdf"}, {"Sales_log", base + "_log.ldf"}};
    r.norecovery = norecovery;
    r.stats = 25;
    return r;
}

VdiClientPump::Options opts(int devices, std::vector<std::vector<std::byte>> input = {},
                            std::uint32_t features = 0)
{
    VdiClientPump::Options o;
    o.devices = devices;
    o.input = std::move(input);
    o.features = features;
    return o;
}

void touchPages(const QString &path, const std::vector<qint64> &pages, char fill)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    for (qint64 p : pages) {
        QVERIFY(f.seek(p * 8192 + 100));
        QVERIFY(f.write(QByteArray(300, fill)) == 300);
    }
}

} // namespace

class TestSqlsimBackup : public QObject {
    Q_OBJECT
private slots:
    void oneDeviceThenRestoreUnderNewName()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=4M")}).has_value());
        sql::BackupSpec b;
        b.database = "Sales";
        b.stats = 10;
        b.checksum = true;
        const OperationRun backup = runBackup(sim, b, {});
        QVERIFY2(succeeded(backup), describe(backup).c_str());
        QCOMPARE(backup.devices.size(), std::size_t{1});
        const auto &dev = backup.devices[0];
        QCOMPARE(dev.endCode, vdi::hr::kClose); // the server closed the device: a normal end
        QCOMPARE(dev.flushes, 1);
        QVERIFY(dev.writes > 10);
        QCOMPARE(backup.config.maxTransferSize, 64u * 1024u); // VDI defaults
        QCOMPARE(backup.config.blockSize, 512u);
        QVERIFY(backup.config.features & vdi::feature::kWriteMedia);
        QVERIFY(dev.largestTransfer <= 64u * 1024u);
        QVERIFY(dev.allMultiplesOfBlock);
        QVERIFY(backup.closed && backup.closed->has_value());
        QVERIFY(setObjectsGone(backup.setName));

        const OperationRun restore =
            runRestore(sim, restoreAs("Sales Copy", sim.dataDir()), opts(1, stripesOf(backup)));
        QVERIFY2(succeeded(restore), describe(restore).c_str());
        QVERIFY(restore.config.features & vdi::feature::kReadMedia);
        QVERIFY(setObjectsGone(restore.setName));
        const QByteArray original = readFile(sim.path(QStringLiteral("Sales.mdf")));
        QCOMPARE(original.size(), 4 << 20);
        QVERIFY(original == readFile(sim.path(QStringLiteral("Sales Copy.mdf"))));
        QVERIFY(readFile(sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(sim.path(QStringLiteral("Sales Copy_log.ldf"))));

        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto info = sql::introspect(*c);
        QVERIFY(info.has_value());
        bool copyOnline = false;
        for (const auto &d : info->databases) {
            if (d.name == "Sales")
                QVERIFY(d.lastFullBackup.has_value()); // msdb.dbo.backupset history
            copyOnline = copyOnline || (d.name == "Sales Copy" && d.state == "ONLINE");
        }
        QVERIFY(copyOnline);
        c->disconnect();
        QVERIFY(sim.waitForIdle()); // every connection and device thread has ended
    }

    void threeDevicesHonourTransferOptions()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=3M")}).has_value());
        sql::BackupSpec b;
        b.database = "Sales";
        b.blockSize = 4096;
        b.maxTransferSize = 128 * 1024;
        b.bufferCount = 6;
        b.description = "three stripes";
        const OperationRun backup = runBackup(sim, b, opts(3, {}, vdi::feature::kRequestComplete));
        QVERIFY2(succeeded(backup), describe(backup).c_str());
        QCOMPARE(backup.config.blockSize, 4096u);
        QCOMPARE(backup.config.maxTransferSize, 128u * 1024u);
        QVERIFY(backup.config.features & vdi::feature::kCompleteEnabled);
        QCOMPARE(backup.devices.size(), std::size_t{3});
        for (const auto &d : backup.devices) {
            QVERIFY(d.writes >= 2); // every stripe carries part of the data
            QVERIFY(d.largestTransfer <= 128u * 1024u);
            QVERIFY(d.allMultiplesOfBlock);
            QCOMPARE(d.completes, 1); // VDC_Complete was negotiated
            QCOMPARE(d.endCode, vdi::hr::kClose);
        }
        QVERIFY(setObjectsGone(backup.setName));

        sql::RestoreSpec header;
        header.kind = sql::RestoreSpec::Kind::HeaderOnly;
        const OperationRun h = runRestore(sim, header, opts(3, stripesOf(backup)));
        QVERIFY2(h.outcome && h.outcome->has_value(), describe(h).c_str());
        const auto &hs = (*h.outcome)->resultSets;
        QCOMPARE(hs.size(), std::size_t{1});
        QCOMPARE(*hs[0].rows[0][static_cast<std::size_t>(hs[0].column("DatabaseName"))],
                 std::string("Sales"));
        QCOMPARE(*hs[0].rows[0][static_cast<std::size_t>(hs[0].column("FamilyCount"))],
                 std::string("3"));
        QCOMPARE(*hs[0].rows[0][static_cast<std::size_t>(hs[0].column("BackupType"))],
                 std::string("1"));
        QCOMPARE(*hs[0].rows[0][static_cast<std::size_t>(hs[0].column("BackupDescription"))],
                 std::string("three stripes"));

        sql::RestoreSpec files;
        files.kind = sql::RestoreSpec::Kind::FileListOnly;
        const OperationRun f = runRestore(sim, files, opts(3, stripesOf(backup)));
        QVERIFY2(f.outcome && f.outcome->has_value(), describe(f).c_str());
        QCOMPARE((*f.outcome)->resultSets.at(0).rows.size(), std::size_t{2});
        QCOMPARE(*(*f.outcome)->resultSets.at(0).rows[1][0], std::string("Sales_log"));

        sql::RestoreSpec verify;
        verify.kind = sql::RestoreSpec::Kind::VerifyOnly;
        const OperationRun v = runRestore(sim, verify, opts(3, stripesOf(backup)));
        QVERIFY2(v.outcome && v.outcome->has_value() && (*v.outcome)->verified,
                 describe(v).c_str());

        sql::RestoreSpec r = restoreAs("Sales3", sim.dataDir());
        r.blockSize = 4096;
        r.maxTransferSize = 128 * 1024;
        const OperationRun restore = runRestore(sim, r, opts(3, stripesOf(backup)));
        QVERIFY2(succeeded(restore), describe(restore).c_str());
        QVERIFY(readFile(sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(sim.path(QStringLiteral("Sales3.mdf"))));
        QVERIFY(readFile(sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(sim.path(QStringLiteral("Sales3_log.ldf"))));

        // A damaged stripe is refused and nothing of the new database is left behind.
        auto damaged = stripesOf(backup);
        damaged[1][damaged[1].size() / 2] ^= std::byte{0x5A};
        const OperationRun bad =
            runRestore(sim, restoreAs("Broken", sim.dataDir()), opts(3, damaged));
        QVERIFY(bad.outcome && !bad.outcome->has_value());
        QCOMPARE((*bad.outcome).error().native.value, std::int64_t{3241});
        QCOMPARE((*bad.outcome).error().category, ErrorCategory::Format);
        QVERIFY(!QFile::exists(sim.path(QStringLiteral("Broken.mdf"))));
        QVERIFY(sim.waitForIdle());
    }

    void progressArrivesWhileTheStatementRuns()
    {
        SimFixture sim;
        // 6 MiB in 64 KiB transfers, 15 ms each: about 1.5 s of streaming.
        QVERIFY(sim.start({QStringLiteral("Sales=6M")}, {QStringLiteral("slow:15")}).has_value());
        sql::BackupSpec b;
        b.database = "Sales";
        b.stats = 10;
        const OperationRun run = runBackup(sim, b, {});
        QVERIFY2(succeeded(run), describe(run).c_str());
        std::vector<const sql::SqlProgressEvent *> percents;
        int files = 0;
        for (const auto &e : run.events) {
            if (e.kind == Kind::Percent)
                percents.push_back(&e);
            files += e.kind == Kind::FilePages;
        }
        QCOMPARE(files, 2);
        QVERIFY(percents.size() >= 9);
        for (std::size_t i = 1; i < percents.size(); ++i)
            QVERIFY(percents[i]->percent > percents[i - 1]->percent);
        QCOMPARE(percents.back()->percent, 100);
        using namespace std::chrono;
        // The first message came long before the statement ended, and the messages are spread
        // over the run instead of arriving in one burst at the end.
        const auto firstLead =
            duration_cast<milliseconds>(run.ended - percents.front()->receivedAt);
        const auto spread = duration_cast<milliseconds>(percents[percents.size() - 2]->receivedAt -
                                                        percents.front()->receivedAt);
        QVERIFY2(firstLead > milliseconds(700), std::to_string(firstLead.count()).c_str());
        QVERIFY2(spread > milliseconds(600), std::to_string(spread.count()).c_str());
    }

    void differentialAndLogChainRestores()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}).has_value());
        sql::BackupSpec full;
        full.database = "Sales";
        const OperationRun f = runBackup(sim, full, {});
        QVERIFY2(succeeded(f), describe(f).c_str());

        touchPages(sim.path(QStringLiteral("Sales.mdf")), {3, 100, 200}, 'd');
        sql::BackupSpec diff = full;
        diff.differential = true;
        const OperationRun d = runBackup(sim, diff, {});
        QVERIFY2(succeeded(d), describe(d).c_str());
        QVERIFY(d.devices[0].data.size() < f.devices[0].data.size() / 10); // only what changed

        touchPages(sim.path(QStringLiteral("Sales.mdf")), {100, 150}, 'l');
        touchPages(sim.path(QStringLiteral("Sales_log.ldf")), {0}, 'l');
        sql::BackupSpec log;
        log.database = "Sales";
        log.kind = sql::BackupSpec::Kind::Log;
        const OperationRun l = runBackup(sim, log, {});
        QVERIFY2(succeeded(l), describe(l).c_str());

        // A log backup cannot go onto a database that is not restoring.
        sql::RestoreSpec bad;
        bad.kind = sql::RestoreSpec::Kind::Log;
        bad.database = "Chain";
        const OperationRun early = runRestore(sim, bad, opts(1, stripesOf(l)));
        QVERIFY(early.outcome && !early.outcome->has_value());
        QCOMPARE(early.outcome->error().native.value, std::int64_t{3117});

        QVERIFY(succeeded(
            runRestore(sim, restoreAs("Chain", sim.dataDir(), true), opts(1, stripesOf(f)))));
        // Skipping the differential breaks no chain (the log continues from the full), as on
        // SQL Server: full + log restores without it.
        QVERIFY(succeeded(
            runRestore(sim, restoreAs("NoDiff", sim.dataDir(), true), opts(1, stripesOf(f)))));
        sql::RestoreSpec logOnly = bad;
        logOnly.database = "NoDiff";
        const OperationRun noDiff = runRestore(sim, logOnly, opts(1, stripesOf(l)));
        QVERIFY2(succeeded(noDiff), describe(noDiff).c_str());
        QVERIFY(readFile(sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(sim.path(QStringLiteral("NoDiff.mdf"))));

        sql::RestoreSpec rd;
        rd.database = "Chain";
        rd.norecovery = true;
        QVERIFY(succeeded(runRestore(sim, rd, opts(1, stripesOf(d)))));
        sql::RestoreSpec rl;
        rl.kind = sql::RestoreSpec::Kind::Log;
        rl.database = "Chain";
        rl.stopAt = "2001-01-01T00:00:00"; // before the log backup: refused, nothing applied
        const OperationRun tooEarly = runRestore(sim, rl, opts(1, stripesOf(l)));
        QVERIFY(tooEarly.outcome && !tooEarly.outcome->has_value());
        QCOMPARE(tooEarly.outcome->error().native.value, std::int64_t{4335});
        rl.stopAt = "2999-12-31T23:59:59";
        const OperationRun last = runRestore(sim, rl, opts(1, stripesOf(l)));
        QVERIFY2(succeeded(last), describe(last).c_str());
        QVERIFY(readFile(sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(sim.path(QStringLiteral("Chain.mdf"))));
        QVERIFY(readFile(sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(sim.path(QStringLiteral("Chain_log.ldf"))));

        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto hist = c->query("SELECT type FROM msdb.dbo.backupset WHERE database_name = N'Sales' "
                             "ORDER BY backup_set_id");
        QVERIFY(hist.has_value());
        QCOMPARE(hist->rows.size(), std::size_t{3});
        QCOMPARE(*hist->rows[0][0] + *hist->rows[1][0] + *hist->rows[2][0], std::string("DIL"));
    }

    void restoreWithoutMoveClashes()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}).has_value());
        sql::BackupSpec b;
        b.database = "Sales";
        const OperationRun backup = runBackup(sim, b, {});
        QVERIFY(succeeded(backup));
        const QByteArray before = readFile(sim.path(QStringLiteral("Sales.mdf")));

        sql::RestoreSpec r;
        r.database = "Other";
        const OperationRun clash = runRestore(sim, r, opts(1, stripesOf(backup)));
        QVERIFY(clash.outcome && !clash.outcome->has_value());
        QCOMPARE(clash.outcome->error().native.value, std::int64_t{1834});
        QCOMPARE(clash.outcome->error().category, ErrorCategory::InvalidArgument);
        QVERIFY(readFile(sim.path(QStringLiteral("Sales.mdf"))) == before);
        QVERIFY(setObjectsGone(clash.setName));

        // Onto an existing online database only WITH REPLACE.
        sql::RestoreSpec over;
        over.database = "Sales";
        const OperationRun refused = runRestore(sim, over, opts(1, stripesOf(backup)));
        QVERIFY(refused.outcome && !refused.outcome->has_value());
        QCOMPARE(refused.outcome->error().native.value, std::int64_t{3159});
        over.replace = true;
        QVERIFY(succeeded(runRestore(sim, over, opts(1, stripesOf(backup)))));

        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto names = c->query("SELECT name FROM sys.databases WHERE name = N'Other'");
        QVERIFY(names.has_value());
        QVERIFY(names->rows.empty());
    }

    void hostileDatabaseNameRoundTrips()
    {
        // The builder's quoting end to end: the name reaches the server as data, not as SQL.
        const std::string odd = "Odd]'; DROP DATABASE x;--\xC3\xA9";
        SimFixture sim;
        QVERIFY(sim.start({QString::fromStdString(odd) + QStringLiteral("=1M")}).has_value());
        sql::BackupSpec b;
        b.database = odd;
        b.description = "it's [fine]";
        const OperationRun backup = runBackup(sim, b, opts(2));
        QVERIFY2(succeeded(backup), describe(backup).c_str());
        sql::RestoreSpec r;
        r.database = "Odd copy ]]";
        r.moves = {{odd, sim.path(QStringLiteral("oddcopy.mdf")).toStdString()},
                   {odd + "_log", sim.path(QStringLiteral("oddcopy_log.ldf")).toStdString()}};
        const OperationRun restore = runRestore(sim, r, opts(2, stripesOf(backup)));
        QVERIFY2(succeeded(restore), describe(restore).c_str());
        QVERIFY(readFile(sim.path(QString::fromStdString(odd) + QStringLiteral(".mdf"))) ==
                readFile(sim.path(QStringLiteral("oddcopy.mdf"))));
        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto names = c->query("SELECT name FROM sys.databases WHERE database_id > 4 ORDER BY name");
        QVERIFY(names.has_value());
        QCOMPARE(names->rows.size(), std::size_t{2});
        QCOMPARE(*names->rows[0][0], std::string("Odd copy ]]"));
        QCOMPARE(*names->rows[1][0], odd);
    }

    void namedInstanceUsesItsVdiNamespace()
    {
        // SERVERPROPERTY('InstanceName') tells a VDI client which namespace to create its set in.
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}, {},
                          {QStringLiteral("--instance"), QStringLiteral("DEMO")})
                    .has_value());
        sql::BackupSpec b;
        b.database = "Sales";
        VdiClientPump::Options o = opts(1);
        o.instance = "DEMO";
        const OperationRun r = runBackup(sim, b, o);
        QVERIFY2(succeeded(r), describe(r).c_str());
        QVERIFY(setObjectsGone(r.setName, "DEMO"));
    }

    void concurrentBackupsOnTwoConnections()
    {
        SimFixture sim;
        QVERIFY(
            sim.start({QStringLiteral("A=2M"), QStringLiteral("B=2M")}, {QStringLiteral("slow:10")})
                .has_value());
        OperationRun a;
        OperationRun b;
        std::thread ta([&] {
            sql::BackupSpec s;
            s.database = "A";
            a = runBackup(sim, s, opts(2));
        });
        std::thread tb([&] {
            sql::BackupSpec s;
            s.database = "B";
            b = runBackup(sim, s, opts(1));
        });
        ta.join();
        tb.join();
        QVERIFY2(succeeded(a), describe(a).c_str());
        QVERIFY2(succeeded(b), describe(b).c_str());
        // They overlapped: each started before the other ended.
        QVERIFY(a.started < b.ended && b.started < a.ended);
        QVERIFY(sim.waitForIdle());
    }

    void publicLoginIsRefusedBeforeTheDevice()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}).has_value());
        auto reader = sim.connect("reader", "Read-1");
        QVERIFY(reader.has_value());
        auto r = reader->execute("BACKUP DATABASE [Sales] TO VIRTUAL_DEVICE = N'never-created'");
        QVERIFY(!r);
        QCOMPARE(r.error().native.value, std::int64_t{3265});
        QCOMPARE(r.error().category, ErrorCategory::Permission);
    }
};

QTEST_GUILESS_MAIN(TestSqlsimBackup)
#include "tst_sqlsimbackup.moc"
