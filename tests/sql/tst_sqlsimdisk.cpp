// sqlsim_disk: the simulator's own file backup (BACKUP … TO DISK, RESTORE … FROM DISK) through
// FreeTDS ODBC: striped round trips with STATS and 3014, a .bak written through VDI restoring
// from disk and a TO DISK backup restoring through VDI (one stream format), files of odd sizes
// (pages read in runs, a short last page), SQL Server-style
// errors, nothing left behind by a failed backup, RESTORING after a failed restore over an
// existing database, the log chain across a differential, STOPAT between backups,
// differential_base_lsn, and the stall fault.

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QThread>

#include <functional>
#include <mutex>

#include "simfixture.h"

using namespace vds;
using namespace vds::test;
using Kind = sql::SqlProgressEvent::Kind;

namespace {

struct SqlRun {
    std::optional<Expected<sql::SqlStatementOutcome>> outcome;
    std::vector<sql::SqlProgressEvent> events;
    std::vector<sql::SqlDiagnostic> diagnostics;

    [[nodiscard]] bool ok() const
    {
        return outcome && outcome->has_value() && (*outcome)->completed;
    }
    [[nodiscard]] std::int64_t errorNumber() const
    {
        return outcome && !outcome->has_value() ? outcome->error().native.value : 0;
    }
    [[nodiscard]] std::string describe() const
    {
        if (!outcome)
            return "no outcome";
        return outcome->has_value() ? "ok" : outcome->error().toString();
    }
};

/// Runs one BACKUP/RESTORE statement on its own connection; `whileRunning` is called on this
/// thread after the start (to poll or cancel).
SqlRun runSql(const SimFixture &sim, const std::string &text,
              const std::function<void(sql::SqlStatementRunner &)> &whileRunning = {},
              const std::string &login = "sa", const std::string &password = kSaPassword)
{
    SqlRun r;
    auto conn = sim.connect(login, password);
    if (!conn) {
        r.outcome = std::unexpected(conn.error());
        return r;
    }
    sql::SqlStatementRunner runner(*conn);
    std::mutex m;
    auto started = runner.start(text, [&](const sql::SqlProgressEvent &e) {
        std::lock_guard lock(m);
        r.events.push_back(e);
    });
    if (!started) {
        r.outcome = std::unexpected(started.error());
        return r;
    }
    if (whileRunning)
        whileRunning(runner);
    r.outcome = runner.wait();
    r.diagnostics = runner.diagnostics();
    return r;
}

std::string quoted(const QString &path)
{
    return "N'" + path.toStdString() + "'";
}

std::string disks(const QStringList &paths)
{
    std::string out;
    for (const QString &p : paths)
        out += (out.empty() ? "DISK = " : ", DISK = ") + quoted(p);
    return out;
}

std::string moveTo(const SimFixture &sim, const std::string &name)
{
    return "MOVE N'Sales' TO " + quoted(sim.path(QString::fromStdString(name + ".mdf"))) +
           ", MOVE N'Sales_log' TO " + quoted(sim.path(QString::fromStdString(name + "_log.ldf")));
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

bool writeFile(const QString &path, const std::vector<std::byte> &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           f.write(reinterpret_cast<const char *>(data.data()), static_cast<qint64>(data.size())) ==
               static_cast<qint64>(data.size());
}

std::vector<std::byte> bytesOf(const QByteArray &a)
{
    const auto *p = reinterpret_cast<const std::byte *>(a.constData());
    return {p, p + a.size()};
}

QStringList leftovers(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*partial*")},
                               QDir::Files | QDir::Hidden | QDir::System);
}

std::optional<std::string> cell(sql::SqlConnection &c, const std::string &query)
{
    auto r = c.query(query);
    if (!r || r->rows.empty())
        return std::string("<no row>");
    return r->rows[0][0];
}

std::string stateOf(sql::SqlConnection &c, const std::string &db)
{
    return cell(c, "SELECT state_desc FROM sys.databases WHERE name = N'" + db + "'")
        .value_or("NULL");
}

/// The header length of a stripe (the stream's own layout: magic, version, length, …).
std::uint32_t headerLength(const QByteArray &s)
{
    if (s.size() < 16)
        return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[12 + i])) << (8 * i);
    return v;
}

} // namespace

class TestSqlsimDisk : public QObject {
    Q_OBJECT
private slots:
    void stripedDiskRoundTrip()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=4M")}).has_value());
        // One relative path (the server's default backup directory is its data directory).
        const QStringList stripes{QStringLiteral("sales.1of3.bak"),
                                  sim.path(QStringLiteral("sales.2of3.bak")),
                                  sim.path(QStringLiteral("sales.3of3.bak"))};
        const SqlRun b = runSql(sim, "BACKUP DATABASE [Sales] TO " + disks(stripes) +
                                         " WITH STATS = 10, CHECKSUM, DESCRIPTION = N'disk-test'");
        QVERIFY2(b.ok(), b.describe().c_str());
        int percents = 0;
        for (const auto &e : b.events)
            percents += e.kind == Kind::Percent;
        QVERIFY(percents >= 5);
        QCOMPARE(b.events.back().kind, Kind::Completed);
        QCOMPARE(b.events.back().diagnostic.number, 3014);
        qint64 total = 0;
        for (const QString &s : stripes) {
            const QFileInfo fi(QDir(sim.dataDir()).filePath(s));
            QVERIFY2(fi.exists(), qPrintable(fi.filePath()));
            QVERIFY(fi.size() > 1 << 20 && fi.size() % 512 == 0);
            total += fi.size();
        }
        QVERIFY(total > 4 << 20);
        QVERIFY(leftovers(sim.dataDir()).isEmpty());

        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto header =
            c->query("RESTORE HEADERONLY FROM " +
                     disks({sim.path(QStringLiteral("sales.1of3.bak")), stripes[1], stripes[2]}));
        QVERIFY2(header.has_value(), header ? "" : header.error().toString().c_str());
        QCOMPARE(header->rows.size(), std::size_t{1});
        QCOMPARE(*header->rows[0][header->column("DatabaseName")], std::string("Sales"));
        QCOMPARE(*header->rows[0][header->column("BackupDescription")], std::string("disk-test"));
        QCOMPARE(*header->rows[0][header->column("FamilyCount")], std::string("3"));
        QVERIFY(!header->rows[0][header->column("DifferentialBaseLSN")].has_value());
        // LSNs are decimal strings beyond 2^53: what a JSON number cannot carry.
        const std::string lastLsn = *header->rows[0][header->column("LastLSN")];
        QVERIFY(std::stoull(lastLsn) > (1ull << 53));
        QCOMPARE(cell(*c, "SELECT last_lsn FROM msdb.dbo.backupset WHERE description = "
                          "N'disk-test'"),
                 std::optional(lastLsn));

        // All stripes are needed; one missing is SQL Server's 3132.
        const SqlRun partial =
            runSql(sim, "RESTORE DATABASE [Copy] FROM " + disks({stripes[1], stripes[2]}) +
                            " WITH " + moveTo(sim, "Copy"));
        QCOMPARE(partial.errorNumber(), std::int64_t{3132});
        QVERIFY(!QFile::exists(sim.path(QStringLiteral("Copy.mdf"))));

        const SqlRun r = runSql(sim, "RESTORE DATABASE [Copy] FROM " + disks(stripes) +
                                         " WITH STATS = 25, " + moveTo(sim, "Copy"));
        QVERIFY2(r.ok(), r.describe().c_str());
        QCOMPARE(r.events.back().diagnostic.number, 3014);
        QVERIFY(readFile(sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(sim.path(QStringLiteral("Copy.mdf"))));
        QVERIFY(readFile(sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(sim.path(QStringLiteral("Copy_log.ldf"))));
        QCOMPARE(stateOf(*c, "Copy"), std::string("ONLINE"));
        auto verify = runSql(sim, "RESTORE VERIFYONLY FROM " + disks(stripes));
        QVERIFY(verify.outcome && verify.outcome->has_value() && (*verify.outcome)->verified);
        auto files = c->query("RESTORE FILELISTONLY FROM " + disks(stripes));
        QVERIFY(files.has_value());
        QCOMPARE(files->rows.size(), std::size_t{2});
    }

    void oddSizedFilesRoundTrip_data()
    {
        QTest::addColumn<QStringList>("stripes");
        QTest::addColumn<QString>("with");
        // 64 KiB transfers over 2 stripes: runs of 8 pages; 1 MiB transfers on one stripe: runs
        // of 64 pages, the longest read, and a remainder after the last full one.
        QTest::newRow("2 stripes, 64 KiB")
            << QStringList{QStringLiteral("odd.1of2.bak"), QStringLiteral("odd.2of2.bak")}
            << QStringLiteral("COPY_ONLY");
        QTest::newRow("1 stripe, 1 MiB") << QStringList{QStringLiteral("odd.bak")}
                                         << QStringLiteral("COPY_ONLY, MAXTRANSFERSIZE = 1048576");
    }

    // The device threads read runs of up to 64 pages with one pread: files that are no whole
    // number of runs, or of pages, must come back byte for byte (the last page is short).
    void oddSizedFilesRoundTrip()
    {
        QFETCH(QStringList, stripes);
        QFETCH(QString, with);
        SimFixture sim;
        QByteArray data(64 * 8192 * 2 + 3 * 8192 + 100, Qt::Uninitialized);
        QByteArray log(9000, Qt::Uninitialized);
        for (QByteArray *b : {&data, &log})
            for (qsizetype i = 0; i < b->size(); ++i)
                (*b)[i] = static_cast<char>((i * 131 + 7) % 251 + (b == &log ? 3 : 0));
        for (const auto &[name, bytes] :
             {std::pair{QStringLiteral("Odd.mdf"), data}, {QStringLiteral("Odd_log.ldf"), log}}) {
            QFile f(sim.path(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(bytes), bytes.size());
        }
        QVERIFY(sim.start({}).has_value());
        for (QString &s : stripes)
            s = sim.path(s);
        const SqlRun b = runSql(sim, "BACKUP DATABASE [Odd] TO " + disks(stripes) + " WITH " +
                                         with.toStdString());
        QVERIFY2(b.ok(), b.describe().c_str());
        const SqlRun r =
            runSql(sim, "RESTORE DATABASE [Odd2] FROM " + disks(stripes) + " WITH MOVE N'Odd' TO " +
                            quoted(sim.path(QStringLiteral("Odd2.mdf"))) + ", MOVE N'Odd_log' TO " +
                            quoted(sim.path(QStringLiteral("Odd2_log.ldf"))));
        QVERIFY2(r.ok(), r.describe().c_str());
        QVERIFY(readFile(sim.path(QStringLiteral("Odd2.mdf"))) == data);
        QVERIFY(readFile(sim.path(QStringLiteral("Odd2_log.ldf"))) == log);
    }

    void vdiStreamAndDiskFileAreOneFormat()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=3M")}).has_value());
        // Through VDI (two stripes), written raw to files by the client, restored FROM DISK.
        sql::BackupSpec spec;
        spec.database = "Sales";
        VdiClientPump::Options two;
        two.devices = 2;
        const OperationRun viaVdi = runBackup(sim, spec, two);
        QVERIFY(viaVdi.outcome && viaVdi.outcome->has_value() && (*viaVdi.outcome)->completed);
        const QStringList raw{sim.path(QStringLiteral("vdi.1of2.bak")),
                              sim.path(QStringLiteral("vdi.2of2.bak"))};
        QVERIFY(writeFile(raw[0], viaVdi.devices[0].data));
        QVERIFY(writeFile(raw[1], viaVdi.devices[1].data));
        const SqlRun fromDisk = runSql(sim, "RESTORE DATABASE [FromVdi] FROM " + disks(raw) +
                                                " WITH " + moveTo(sim, "FromVdi"));
        QVERIFY2(fromDisk.ok(), fromDisk.describe().c_str());
        QVERIFY(readFile(sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(sim.path(QStringLiteral("FromVdi.mdf"))));
        QVERIFY(readFile(sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(sim.path(QStringLiteral("FromVdi_log.ldf"))));

        // TO DISK with the same stripes: the same stream layout, byte for byte, but for the
        // header's backup id and times and the end record's time.
        const QStringList disk{sim.path(QStringLiteral("disk.1of2.bak")),
                               sim.path(QStringLiteral("disk.2of2.bak"))};
        const SqlRun toDisk =
            runSql(sim, "BACKUP DATABASE [Sales] TO " + disks(disk) + " WITH COPY_ONLY");
        QVERIFY2(toDisk.ok(), toDisk.describe().c_str());
        for (int i = 0; i < 2; ++i) {
            const QByteArray fromVdi = readFile(raw[i]);
            const QByteArray fromDiskFile = readFile(disk[i]);
            QCOMPARE(fromDiskFile.size(), fromVdi.size());
            const auto h = static_cast<int>(headerLength(fromVdi));
            QVERIFY(h > 64);
            QCOMPARE(headerLength(fromDiskFile), headerLength(fromVdi));
            QVERIFY(fromDiskFile.left(12) == fromVdi.left(12));               // magic, version
            QVERIFY(fromDiskFile.mid(h, 1 << 20) == fromVdi.mid(h, 1 << 20)); // page records
        }
        // …and restores through VDI.
        sql::RestoreSpec rs;
        rs.database = "FromDisk";
        const std::string base = sim.path(QStringLiteral("FromDisk")).toStdString();
        rs.moves = {{"Sales", base + ".mdf"}, {"Sales_log", base + "_log.ldf"}};
        VdiClientPump::Options in;
        in.devices = 2;
        in.input = {bytesOf(readFile(disk[0])), bytesOf(readFile(disk[1]))};
        const OperationRun viaVdiRestore = runRestore(sim, rs, in);
        QVERIFY(viaVdiRestore.outcome && viaVdiRestore.outcome->has_value() &&
                (*viaVdiRestore.outcome)->completed);
        QVERIFY(readFile(sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(sim.path(QStringLiteral("FromDisk.mdf"))));
        QVERIFY(readFile(sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(sim.path(QStringLiteral("FromDisk_log.ldf"))));
    }

    void errorsAreSqlServers()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}).has_value());
        const SqlRun missing =
            runSql(sim, "RESTORE DATABASE [X] FROM DISK = N'" +
                            sim.path(QStringLiteral("nope.bak")).toStdString() + "'");
        QCOMPARE(missing.errorNumber(), std::int64_t{3201});
        std::vector<std::int32_t> numbers;
        for (const auto &d : missing.diagnostics)
            numbers.push_back(d.number);
        QCOMPARE(numbers, (std::vector<std::int32_t>{3201, 3013}));
        QVERIFY(missing.diagnostics[0].text.find("Operating system error 2(") != std::string::npos);

        const SqlRun noDir =
            runSql(sim, "BACKUP DATABASE [Sales] TO DISK = N'/nonexistent-vds-dir/x.bak'");
        QCOMPARE(noDir.errorNumber(), std::int64_t{3201});
        QVERIFY(noDir.diagnostics[0].text.find("Operating system error 3(") != std::string::npos);

        const SqlRun publicLogin =
            runSql(sim, "BACKUP DATABASE [Sales] TO DISK = N'p.bak'", {}, "reader", "Read-1");
        QCOMPARE(publicLogin.errorNumber(), std::int64_t{262});
        QVERIFY(!QFile::exists(sim.path(QStringLiteral("p.bak"))));
    }

    void failedBackupLeavesNothing()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}, {QStringLiteral("write-error:50")})
                    .has_value());
        const QString older = sim.path(QStringLiteral("older.bak"));
        QVERIFY(writeFile(older, bytesOf(QByteArray("an older backup"))));
        const SqlRun r = runSql(sim, "BACKUP DATABASE [Sales] TO " +
                                         disks({older, sim.path(QStringLiteral("new.bak"))}) +
                                         " WITH STATS = 5");
        QCOMPARE(r.errorNumber(), std::int64_t{3202});
        QVERIFY(!QFile::exists(sim.path(QStringLiteral("new.bak"))));
        QCOMPARE(readFile(older), QByteArray("an older backup")); // not damaged
        QVERIFY(leftovers(sim.dataDir()).isEmpty());
        auto c = sim.connect();
        QVERIFY(c.has_value());
        QCOMPARE(cell(*c, "SELECT COUNT(*) FROM msdb.dbo.backupset"),
                 std::optional<std::string>("0"));
    }

    void failedRestoreOverExistingLeavesRestoring()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}).has_value());
        const QString bak = sim.path(QStringLiteral("full.bak"));
        QVERIFY(runSql(sim, "BACKUP DATABASE [Sales] TO DISK = " + quoted(bak)).ok());
        QVERIFY(sim.restart({QStringLiteral("read-error:40")}).has_value());
        const SqlRun over =
            runSql(sim, "RESTORE DATABASE [Sales] FROM DISK = " + quoted(bak) + " WITH REPLACE");
        QCOMPARE(over.errorNumber(), std::int64_t{3203});
        const SqlRun fresh = runSql(sim, "RESTORE DATABASE [Fresh] FROM DISK = " + quoted(bak) +
                                             " WITH " + moveTo(sim, "Fresh"));
        QCOMPARE(fresh.errorNumber(), std::int64_t{3203});
        auto c = sim.connect();
        QVERIFY(c.has_value());
        QCOMPARE(stateOf(*c, "Sales"), std::string("RESTORING")); // never ONLINE over partial files
        QVERIFY(!QFile::exists(sim.path(QStringLiteral("Fresh.mdf")))); // a new one leaves nothing
        QCOMPARE(stateOf(*c, "Fresh"), std::string("<no row>"));
        c->disconnect();
        QVERIFY(sim.restart({}).has_value());
        QVERIFY(runSql(sim, "RESTORE DATABASE [Sales] FROM DISK = " + quoted(bak) + " WITH REPLACE")
                    .ok());
        auto c2 = sim.connect();
        QVERIFY(c2.has_value());
        QCOMPARE(stateOf(*c2, "Sales"), std::string("ONLINE"));
    }

    void logChainSurvivesDifferentialAndStopAt()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M")}).has_value());
        const QString mdf = sim.path(QStringLiteral("Sales.mdf"));
        const QString ldf = sim.path(QStringLiteral("Sales_log.ldf"));
        auto backup = [&](const QString &file, const std::string &what,
                          const std::string &with = {}) {
            const SqlRun r =
                runSql(sim, "BACKUP " + what + " TO DISK = " + quoted(sim.path(file)) + with);
            QVERIFY2(r.ok(), r.describe().c_str());
        };
        backup(QStringLiteral("f.bak"), "DATABASE [Sales]");
        touchPages(mdf, {3, 100}, 'd');
        backup(QStringLiteral("d.bak"), "DATABASE [Sales]", " WITH DIFFERENTIAL");
        const QByteArray atDiff = readFile(mdf);
        const QByteArray atDiffLog = readFile(ldf);
        QThread::msleep(1500);
        const QString between =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
        QThread::msleep(1500);
        touchPages(mdf, {100, 150}, 'l');
        touchPages(ldf, {0}, 'l');
        backup(QStringLiteral("l1.bak"), "LOG [Sales]");
        touchPages(mdf, {7}, 'm');
        backup(QStringLiteral("l2.bak"), "LOG [Sales]");

        // Full + both logs, without the differential: the differential broke no chain.
        const std::string chain =
            "RESTORE DATABASE [Chain] FROM DISK = " + quoted(sim.path(QStringLiteral("f.bak"))) +
            " WITH NORECOVERY, " + moveTo(sim, "Chain");
        QVERIFY(runSql(sim, chain).ok());
        const SqlRun l2First = runSql(
            sim, "RESTORE LOG [Chain] FROM DISK = " + quoted(sim.path(QStringLiteral("l2.bak"))) +
                     " WITH NORECOVERY");
        QCOMPARE(l2First.errorNumber(), std::int64_t{4305}); // a real gap is still refused
        QVERIFY(runSql(sim, "RESTORE LOG [Chain] FROM DISK = " +
                                quoted(sim.path(QStringLiteral("l1.bak"))) + " WITH NORECOVERY")
                    .ok());
        const SqlRun again = runSql(
            sim, "RESTORE LOG [Chain] FROM DISK = " + quoted(sim.path(QStringLiteral("l1.bak"))) +
                     " WITH NORECOVERY");
        QCOMPARE(again.errorNumber(), std::int64_t{4326}); // already applied: too early
        QVERIFY(runSql(sim, "RESTORE LOG [Chain] FROM DISK = " +
                                quoted(sim.path(QStringLiteral("l2.bak"))))
                    .ok());
        QVERIFY(readFile(mdf) == readFile(sim.path(QStringLiteral("Chain.mdf"))));
        QVERIFY(readFile(ldf) == readFile(sim.path(QStringLiteral("Chain_log.ldf"))));

        // Full + differential + the first log up to a time before that log began: accepted,
        // nothing of the log applies, the database is as it was at the differential.
        QVERIFY(runSql(sim, "RESTORE DATABASE [Pit] FROM DISK = " +
                                quoted(sim.path(QStringLiteral("f.bak"))) + " WITH NORECOVERY, " +
                                moveTo(sim, "Pit"))
                    .ok());
        QVERIFY(runSql(sim, "RESTORE DATABASE [Pit] FROM DISK = " +
                                quoted(sim.path(QStringLiteral("d.bak"))) + " WITH NORECOVERY")
                    .ok());
        const SqlRun tooEarly = runSql(
            sim, "RESTORE LOG [Pit] FROM DISK = " + quoted(sim.path(QStringLiteral("l1.bak"))) +
                     " WITH STOPAT = N'2001-01-01T00:00:00', NORECOVERY");
        QCOMPARE(tooEarly.errorNumber(), std::int64_t{4335});
        const SqlRun pit = runSql(
            sim, "RESTORE LOG [Pit] FROM DISK = " + quoted(sim.path(QStringLiteral("l1.bak"))) +
                     " WITH STOPAT = N'" + between.toStdString() + "'");
        QVERIFY2(pit.ok(), pit.describe().c_str());
        QVERIFY(readFile(sim.path(QStringLiteral("Pit.mdf"))) == atDiff);
        QVERIFY(readFile(sim.path(QStringLiteral("Pit_log.ldf"))) == atDiffLog);
        auto c = sim.connect();
        QVERIFY(c.has_value());
        QCOMPARE(stateOf(*c, "Pit"), std::string("ONLINE"));

        // msdb and HEADERONLY: differential_base_lsn on the differential only.
        auto rows = c->query("SELECT type, last_lsn, differential_base_lsn, database_backup_lsn "
                             "FROM msdb.dbo.backupset ORDER BY backup_set_id");
        QVERIFY(rows.has_value());
        QCOMPARE(rows->rows.size(), std::size_t{4});
        QCOMPARE(*rows->rows[1][0], std::string("I"));
        QCOMPARE(rows->rows[1][2], rows->rows[0][1]); // the full's LSN is the diff's base
        QVERIFY(!rows->rows[0][2].has_value());
        QVERIFY(!rows->rows[2][2].has_value());
        auto h =
            c->query("RESTORE HEADERONLY FROM DISK = " + quoted(sim.path(QStringLiteral("d.bak"))));
        QVERIFY(h.has_value());
        QCOMPARE(h->rows[0][h->column("DifferentialBaseLSN")], rows->rows[0][1]);
        QCOMPARE(*h->rows[0][h->column("BackupType")], std::string("5"));
    }

    void stallFaultStopsOneStripe()
    {
        SimFixture sim;
        QVERIFY(
            sim.start({QStringLiteral("Sales=4M")}, {QStringLiteral("stall:2:10")}).has_value());
        const QStringList stripes{sim.path(QStringLiteral("s1.bak")),
                                  sim.path(QStringLiteral("s2.bak"))};
        const QString p1 = sim.path(QStringLiteral(".s1.bak.sqlsim-partial"));
        const QString p2 = sim.path(QStringLiteral(".s2.bak.sqlsim-partial"));
        qint64 size1 = 0;
        qint64 size2 = 0;
        const SqlRun r =
            runSql(sim, "BACKUP DATABASE [Sales] TO " + disks(stripes) + " WITH STATS = 10",
                   [&](sql::SqlStatementRunner &runner) {
                       // Stripe 1 runs to its end; stripe 2 stops and stays stopped.
                       for (int i = 0; i < 100; ++i) {
                           QThread::msleep(50);
                           const qint64 now1 = QFileInfo(p1).size();
                           if (now1 > (2 << 20) && now1 == size1)
                               break;
                           size1 = now1;
                       }
                       size2 = QFileInfo(p2).size();
                       QThread::msleep(500);
                       if (QFileInfo(p2).size() != size2)
                           size2 = -1;
                       runner.cancel();
                   });
        QVERIFY(size1 > 2 << 20);
        // -1: it still moved. It may stop before its first transfer when stripe 1 ran ahead.
        QVERIFY2(size2 >= 0 && size2 < size1 / 2, qPrintable(QString::number(size2)));
        QVERIFY(r.outcome && !r.outcome->has_value());
        QCOMPARE(r.outcome->error().category, ErrorCategory::Cancelled);
        QVERIFY(!QFile::exists(stripes[0]) && !QFile::exists(stripes[1]));
        QVERIFY(leftovers(sim.dataDir()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSqlsimDisk)
#include "tst_sqlsimdisk.moc"
