// sql_tsql: the T-SQL builder, connection strings and diagnostics, without a server. The
// property test parses the generated statements with the simulator's own T-SQL lexer and
// parser, so hostile names must come back as exactly the data that went in.

#include <QTest>

#include <random>
#include <span>
#include <vector>

#include "backupstatement.h"
#include "backupstream.h"
#include "sqlcursor.h"
#include "sqllexer.h"
#include <vds/sql/connectionoptions.h>
#include <vds/sql/sqldiagnostic.h>
#include <vds/sql/sqlprogress.h>
#include <vds/sql/tsqlbuilder.h>
#include <vds/util/crc32c.h>

using namespace vds;
using namespace vds::sql;

namespace {

std::string randomHostileName(std::mt19937 &rng)
{
    static const std::vector<std::string> pieces = {"]",
                                                    "'",
                                                    ";",
                                                    "\n",
                                                    "\r\n",
                                                    "--",
                                                    "/*",
                                                    "*/",
                                                    "[",
                                                    "\"",
                                                    "N'",
                                                    "''",
                                                    "]]",
                                                    " ",
                                                    "\t",
                                                    "é",
                                                    "中文",
                                                    "😀",
                                                    "DROP TABLE x",
                                                    "a",
                                                    "Z",
                                                    "0",
                                                    ",",
                                                    "=",
                                                    "VIRTUAL_DEVICE",
                                                    "WITH",
                                                    "@@"};
    std::uniform_int_distribution<std::size_t> count(1, 8);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::string s;
    const std::size_t n = count(rng);
    for (std::size_t i = 0; i < n; ++i)
        s += pieces[pick(rng)];
    return s;
}

vds::sqlsim::SimResult<vds::sqlsim::BackupStatement> parseBack(const std::string &sql, bool &backup)
{
    const auto lex = vds::sqlsim::lexSql(sql);
    if (!lex.ok)
        return vds::sqlsim::sqlError(105, "unclosed quote");
    vds::sqlsim::SqlCursor c(lex.tokens);
    backup = c.peek().isKeyword("BACKUP");
    c.next();
    return vds::sqlsim::parseBackupStatement(c, backup);
}

} // namespace

class TestTsql : public QObject {
    Q_OBJECT
private slots:
    void simulatorPageChecksumIsCrc32c()
    {
        // The simulator's stream checksum (hardware-assisted where possible) is CRC-32C: the
        // check value, and the same as the portable implementation for every length and offset.
        const char *check = "123456789";
        QCOMPARE(vds::sqlsim::backupformat::crc32(
                     std::span(reinterpret_cast<const std::uint8_t *>(check), 9)),
                 0xE3069283u);
        std::mt19937 rng(7);
        std::vector<std::uint8_t> data(9000);
        for (auto &b : data)
            b = static_cast<std::uint8_t>(rng());
        for (std::size_t off : {0u, 1u, 3u})
            for (std::size_t len : {0u, 1u, 7u, 8u, 9u, 63u, 8192u})
                QCOMPARE(vds::sqlsim::backupformat::crc32(std::span(data.data() + off, len)),
                         vds::crc32c(data.data() + off, len));
    }
    void quoting()
    {
        QCOMPARE(quoteIdentifier("a]b"), std::string("[a]]b]"));
        QCOMPARE(quoteIdentifier("plain"), std::string("[plain]"));
        QCOMPARE(quoteLiteral("it's"), std::string("N'it''s'"));
        QCOMPARE(quoteLiteral(""), std::string("N''"));
    }

    void backupStatementShape()
    {
        BackupSpec s;
        s.database = "Sales";
        s.devices = {"vdstudio-Sales-1", "vdstudio-Sales-1-1"};
        s.differential = true;
        s.checksum = true;
        s.stats = 5;
        s.blockSize = 65536;
        s.bufferCount = 8;
        s.maxTransferSize = 1048576;
        s.description = "nightly";
        const auto sql = buildBackup(s);
        QVERIFY(sql.has_value());
        QCOMPARE(*sql,
                 std::string("BACKUP DATABASE [Sales] TO VIRTUAL_DEVICE = N'vdstudio-Sales-1', "
                             "VIRTUAL_DEVICE = N'vdstudio-Sales-1-1' WITH DIFFERENTIAL, CHECKSUM, "
                             "NO_COMPRESSION, DESCRIPTION = N'nightly', BLOCKSIZE = 65536, "
                             "BUFFERCOUNT = 8, MAXTRANSFERSIZE = 1048576, STATS = 5"));
        s.kind = BackupSpec::Kind::Log;
        QVERIFY(!buildBackup(s)); // a log backup cannot be differential
    }

    void invalidOptionsAreRefused_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 7; ++i)
            QTest::newRow(std::to_string(i).c_str()) << i;
    }
    void invalidOptionsAreRefused()
    {
        QFETCH(int, which);
        BackupSpec s;
        s.database = "db";
        s.devices = {"dev"};
        switch (which) {
        case 0: s.blockSize = 1000; break;
        case 1: s.blockSize = 256; break;
        case 2: s.maxTransferSize = 65536 + 512; break;
        case 3: s.maxTransferSize = 8u << 20; break;
        case 4: s.database = std::string("a\0b", 3); break;
        case 5: s.devices.clear(); break;
        case 6: s.stats = 0; break;
        }
        const auto r = buildBackup(s);
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::InvalidArgument);
    }

    void restoreStatementShape()
    {
        RestoreSpec r;
        r.database = "New]Db";
        r.devices = {"v1"};
        r.moves = {{"Sales", "/data/New.mdf"}, {"Sales_log", "/data/New_log.ldf"}};
        r.norecovery = true;
        r.replace = true;
        r.stopAt = "2026-11-22T02:00:00";
        const auto sql = buildRestore(r);
        QVERIFY(sql.has_value());
        QCOMPARE(
            *sql,
            std::string("RESTORE DATABASE [New]]Db] FROM VIRTUAL_DEVICE = N'v1' WITH MOVE N'Sales' "
                        "TO N'/data/New.mdf', MOVE N'Sales_log' TO N'/data/New_log.ldf', REPLACE, "
                        "NORECOVERY, STOPAT = N'2026-11-22T02:00:00'"));
        RestoreSpec h;
        h.kind = RestoreSpec::Kind::HeaderOnly;
        h.devices = {"v1"};
        QCOMPARE(*buildRestore(h), std::string("RESTORE HEADERONLY FROM VIRTUAL_DEVICE = N'v1'"));
        h.replace = true;
        QVERIFY(!buildRestore(h));
    }

    // Property: whatever a name holds, the statement parses back to exactly that name.
    void hostileNamesStayData()
    {
        std::mt19937 rng(20261122);
        for (int round = 0; round < 500; ++round) {
            BackupSpec b;
            b.database = randomHostileName(rng);
            b.devices = {randomHostileName(rng), randomHostileName(rng), randomHostileName(rng)};
            b.description = randomHostileName(rng);
            b.stats = 10;
            const auto sql = buildBackup(b);
            QVERIFY2(sql.has_value(), b.database.c_str());
            bool isBackup = false;
            const auto parsed = parseBack(*sql, isBackup);
            QVERIFY2(parsed.has_value(), sql->c_str());
            QVERIFY(isBackup);
            QCOMPARE(parsed->database, b.database);
            QCOMPARE(parsed->devices, b.devices);
            QCOMPARE(parsed->description, b.description);
            QCOMPARE(parsed->stats, 10u);

            RestoreSpec r;
            r.database = randomHostileName(rng);
            r.devices = {randomHostileName(rng)};
            r.moves = {{randomHostileName(rng), randomHostileName(rng)}};
            r.norecovery = true;
            const auto rsql = buildRestore(r);
            QVERIFY(rsql.has_value());
            const auto rp = parseBack(*rsql, isBackup);
            QVERIFY2(rp.has_value(), rsql->c_str());
            QVERIFY(!isBackup);
            QCOMPARE(rp->database, r.database);
            QCOMPARE(rp->devices, r.devices);
            QCOMPARE(rp->moves.size(), std::size_t{1});
            QCOMPARE(rp->moves[0].first, r.moves[0].first);
            QCOMPARE(rp->moves[0].second, r.moves[0].second);
            QVERIFY(rp->norecovery);
        }
    }

    void connectionStrings()
    {
        ConnectionOptions o;
        o.driver = "/usr/lib/x86_64-linux-gnu/odbc/libtdsodbc.so";
        o.host = "127.0.0.1";
        o.port = 14330;
        o.login = "sa";
        o.password = "p;w}d";
        QCOMPARE(driverKind(o.driver), DriverKind::FreeTds);
        const std::string free = connectionString(o);
        QVERIFY(free.find("Server=127.0.0.1;Port=14330;TDS_Version=7.4;") != std::string::npos);
        QVERIFY(free.find("PWD={p;w}}d};") != std::string::npos);
        QVERIFY(free.find("Encryption=off;") != std::string::npos);
        QVERIFY(redactedConnectionString(o).find("PWD=***;") != std::string::npos);
        QVERIFY(redactedConnectionString(o).find("p;w") == std::string::npos);

        o.driver = "ODBC Driver 18 for SQL Server";
        o.encryption = Encryption::Strict;
        o.hostNameInCertificate = "sql.example";
        QCOMPARE(driverKind(o.driver), DriverKind::MsOdbc18);
        const std::string ms18 = connectionString(o);
        QVERIFY(ms18.find("Driver={ODBC Driver 18 for SQL Server};") == 0);
        QVERIFY(ms18.find("Server=tcp:127.0.0.1,14330;") != std::string::npos);
        QVERIFY(ms18.find("Encrypt=strict;") != std::string::npos);
        QVERIFY(ms18.find("HostNameInCertificate=sql.example;") != std::string::npos);
        QVERIFY(ms18.find("TDS_Version") == std::string::npos);

        o.driver = "ODBC Driver 17 for SQL Server";
        o.encryption = Encryption::Optional;
        o.auth = AuthKind::Kerberos;
        const std::string ms17 = connectionString(o);
        QCOMPARE(driverKind(o.driver), DriverKind::MsOdbc17);
        QVERIFY(ms17.find("Encrypt=no;") != std::string::npos);
        QVERIFY(ms17.find("Trusted_Connection=yes;") != std::string::npos);
        QVERIFY(ms17.find("UID=") == std::string::npos);
        QVERIFY(ms17.find("HostNameInCertificate") == std::string::npos);

        o.driver = "FreeTDS";
        o.encryption = Encryption::Required;
        const std::string kerb = connectionString(o);
        QVERIFY(kerb.find("UID=") == std::string::npos); // FreeTDS: no UID means Kerberos
        QVERIFY(kerb.find("Encryption=require;") != std::string::npos);
    }

    void diagnosticsBecomeTypedErrors()
    {
        std::vector<SqlDiagnostic> d = {
            {"01000", 3211, 0, "10 percent processed."},
            {"42000", 3201, 16,
             "Cannot open backup device 'x'. Operating system error 0x80770003."},
            {"42000", 3013, 16, "BACKUP DATABASE is terminating abnormally."}};
        Error e = errorFromDiagnostics(d, "Sales", "failed");
        QCOMPARE(e.native.kind, NativeKind::Sqlstate);
        QCOMPARE(e.native.value, std::int64_t{3201});
        QCOMPARE(e.native.sqlstate, std::string("42000"));
        QCOMPARE(e.category, ErrorCategory::NotFound);

        d = {{"42000", 3013, 16, "BACKUP DATABASE is terminating abnormally."}};
        QCOMPARE(errorFromDiagnostics(d, {}, "x").native.value, std::int64_t{3013});
        QCOMPARE(categoryFor({"42000", 18456, 14, ""}), ErrorCategory::Permission);
        QCOMPARE(categoryFor({"42000", 3204, 16, ""}), ErrorCategory::Aborted);
        QCOMPARE(categoryFor({"HY008", 0, {}, ""}), ErrorCategory::Cancelled);
        QCOMPARE(categoryFor({"08S01", 20004, {}, ""}), ErrorCategory::Aborted);
        QCOMPARE(categoryFor({"42000", 1834, 16, ""}), ErrorCategory::InvalidArgument);
        QCOMPARE(categoryFor({"42000", 3202, 16, ""}), ErrorCategory::Io);
        QCOMPARE(stripDriverPrefix("[FreeTDS][SQL Server]Login failed"),
                 std::string("Login failed"));
    }

    void progressMessagesAreClassified()
    {
        auto p = classifyMessage({"01000", 3211, 0, "40 percent processed."});
        QCOMPARE(p.kind, SqlProgressEvent::Kind::Percent);
        QCOMPARE(p.percent, 40);
        p = classifyMessage(
            {"01000", 4035, 0,
             "Processed 512 pages for database 'Sales', file 'Sales_log' on file 1."});
        QCOMPARE(p.kind, SqlProgressEvent::Kind::FilePages);
        QCOMPARE(p.pages, std::int64_t{512});
        QCOMPARE(p.file, std::string("Sales_log"));
        p = classifyMessage(
            {"01000", 3014, 0,
             "BACKUP DATABASE successfully processed 640 pages in 1.250 seconds (4.000 MB/sec)."});
        QCOMPARE(p.kind, SqlProgressEvent::Kind::Completed);
        QCOMPARE(p.pages, std::int64_t{640});
        QCOMPARE(p.seconds, 1.25);
        QCOMPARE(classifyMessage({"01000", 3262, 0, "The backup set on file 1 is valid."}).kind,
                 SqlProgressEvent::Kind::Verified);
        QCOMPARE(classifyMessage({"01000", 5701, 0, "Changed database context"}).kind,
                 SqlProgressEvent::Kind::Message);
    }
};

QTEST_APPLESS_MAIN(TestTsql)
#include "tst_tsql.moc"
