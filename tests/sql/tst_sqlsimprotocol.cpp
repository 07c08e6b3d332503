// sqlsim_protocol: logins, introspection, refused SQL and cancel, through the real FreeTDS ODBC
// driver (and tsql) against a vds-sqlsim started for each test.

#include <QProcess>
#include <QTest>

#include <chrono>
#include <thread>

#include "simfixture.h"
#include <vds/sql/serverinfo.h>

using namespace vds;
using namespace vds::test;

class TestSqlsimProtocol : public QObject {
    Q_OBJECT
    std::unique_ptr<SimFixture> m_shared;
    std::optional<sql::SqlConnection> m_sharedConnection;
private slots:
    void cleanupTestCase()
    {
        m_sharedConnection.reset();
        m_shared.reset(); // stops the simulator: no process outlives the test
    }

    void loginSucceedsAndFails()
    {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("Sales=1M")}).has_value(),
                 qPrintable(sim.process().errorOutput()));
        auto ok = sim.connect();
        QVERIFY2(ok.has_value(), ok ? "" : ok.error().toString().c_str());

        auto bad = sim.connect("sa", "wrong");
        QVERIFY(!bad);
        QCOMPARE(bad.error().category, ErrorCategory::Permission);
        QCOMPARE(bad.error().native.kind, NativeKind::Sqlstate);
        QCOMPARE(bad.error().native.value, std::int64_t{18456});
        QVERIFY2(bad.error().message.find("Login failed for user 'sa'") != std::string::npos,
                 bad.error().message.c_str());

        // FreeTDS 1.3 mangles braced values: refused up front with a clear error.
        auto braced = sim.connect("sa", "a;b");
        QVERIFY(!braced);
        QCOMPARE(braced.error().category, ErrorCategory::InvalidArgument);

        auto nobody = sim.connect("nobody", "x");
        QVERIFY(!nobody);
        QCOMPARE(nobody.error().native.value, std::int64_t{18456});

        auto opts = sim.options();
        opts.database = "NoSuchDb";
        auto noDb = sql::SqlConnection::connect(opts);
        QVERIFY(!noDb);
        QCOMPARE(noDb.error().category, ErrorCategory::Permission);
        QVERIFY(noDb.error().native.value == 4060 || noDb.error().native.value == 18456);
    }

    void introspection()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=2M"), QStringLiteral("Hr=1M")}).has_value());
        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto info = sql::introspect(*c);
        QVERIFY2(info.has_value(), info ? "" : info.error().toString().c_str());
        QVERIFY(info->version.starts_with("Microsoft SQL Server 2022"));
        QCOMPARE(info->productVersion, std::string("16.0.4135.4"));
        QVERIFY(info->edition.find("Developer") != std::string::npos);
        QVERIFY(!info->instanceName.has_value());
        QVERIFY(info->isLinux);
        QVERIFY(info->isSysadmin);
        QCOMPARE(info->defaultBackupPath, sim.dataDir().toStdString() + "/");
        const sql::DatabaseSummary *sales = nullptr;
        for (const auto &d : info->databases)
            if (d.name == "Sales")
                sales = &d;
        QVERIFY(sales);
        QCOMPARE(sales->state, std::string("ONLINE"));
        QCOMPARE(sales->recoveryModel, std::string("FULL"));
        // 2 MiB data + 1 MiB log (the seeded log is at least 1 MiB).
        QCOMPARE(sales->sizeBytes, std::int64_t{3 << 20});
        QVERIFY(!sales->lastFullBackup.has_value());
        QVERIFY(info->databases.size() == 6); // master, tempdb, model, msdb + 2

        // A public login is told up front that VIRTUAL_DEVICE will not work for it.
        auto reader = sim.connect("reader", "Read-1");
        QVERIFY(reader.has_value());
        auto readerInfo = sql::introspect(*reader);
        QVERIFY(readerInfo.has_value());
        QVERIFY(!readerInfo->isSysadmin);
    }

    void typedColumnsAndInstance()
    {
        SimFixture sim;
        QVERIFY(
            sim.start({}, {}, {QStringLiteral("--instance"), QStringLiteral("DEMO")}).has_value());
        auto c = sim.connect();
        QVERIFY(c.has_value());
        auto r = c->query(
            "SELECT CAST(SERVERPROPERTY('InstanceName') AS nvarchar(128)) AS i, @@SERVERNAME AS s, "
            "SERVERPROPERTY('EngineEdition') AS e, SERVERPROPERTY('NoSuchProperty') AS n");
        QVERIFY(r.has_value());
        QCOMPARE(*r->rows[0][0], std::string("DEMO"));
        QVERIFY(r->rows[0][1]->ends_with("\\DEMO"));
        QCOMPARE(*r->rows[0][2], std::string("3"));
        QVERIFY(!r->rows[0][3].has_value()); // unknown property → NULL, as SQL Server does
        auto top = c->query("SELECT TOP 2 name FROM sys.databases ORDER BY database_id DESC");
        QVERIFY2(top.has_value(), top ? "" : top.error().toString().c_str());
        QCOMPARE(top->rows.size(), std::size_t{2});
        QCOMPARE(*top->rows[0][0], std::string("msdb"));
    }

    void unknownSqlIsRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("number");
        QTest::newRow("gibberish") << QStringLiteral("FROBNICATE the server") << 102;
        QTest::newRow("unknown table") << QStringLiteral("SELECT * FROM dbo.customers") << 208;
        QTest::newRow("unknown column") << QStringLiteral("SELECT nope FROM sys.databases") << 207;
        QTest::newRow("insert") << QStringLiteral("INSERT INTO t VALUES (1)") << 208;
        QTest::newRow("unclosed quote") << QStringLiteral("SELECT 'abc") << 105;
        QTest::newRow("url backup")
            << QStringLiteral("BACKUP DATABASE x TO URL = 'https://example.invalid/x.bak'") << 3201;
        QTest::newRow("mixed media")
            << QStringLiteral("BACKUP DATABASE x TO DISK = '/tmp/x.bak', VIRTUAL_DEVICE = 'v'")
            << 3201;
        QTest::newRow("use missing") << QStringLiteral("USE [NoSuchDb]") << 911;
    }
    void unknownSqlIsRefused()
    {
        // One simulator and connection for all rows (freed in cleanupTestCase).
        if (!m_shared) {
            m_shared = std::make_unique<SimFixture>();
            QVERIFY(m_shared->start({}).has_value());
            auto c = m_shared->connect();
            QVERIFY(c.has_value());
            m_sharedConnection.emplace(std::move(*c));
        }
        auto &conn = m_sharedConnection;
        QFETCH(QString, sql);
        QFETCH(int, number);
        auto r = conn->query(sql.toStdString());
        QVERIFY(!r);
        QCOMPARE(r.error().native.value, std::int64_t{number});
        QCOMPARE(r.error().native.sqlstate.size(), std::size_t{5});
        // The connection stays usable after every refusal.
        auto ok = conn->query("SELECT 1 AS one");
        QVERIFY(ok.has_value());
        QCOMPARE(*ok->rows[0][0], std::string("1"));
    }

    void longBatchesAndRepliesSpanPackets()
    {
        SimFixture sim;
        QVERIFY(sim.start({}).has_value());
        auto c = sim.connect();
        QVERIFY(c.has_value());
        // 12,000 characters of SQL (about 24 KB of UTF-16: six request packets) and a reply of
        // 3 × 4,000 characters (three reply packets).
        std::string text;
        for (int i = 0; i < 4000; ++i)
            text.push_back(static_cast<char>('a' + i % 26));
        const std::string sql =
            "SELECT N'" + text + "' AS a, N'" + text + "' AS b, N'" + text + "' AS c";
        auto r = c->query(sql);
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
        QCOMPARE(r->rows.size(), std::size_t{1});
        QCOMPARE(*r->rows[0][0], text);
        QCOMPARE(*r->rows[0][2], text);
    }

    void cancelAnswersAttention()
    {
        SimFixture sim;
        QVERIFY(sim.start({}).has_value());
        auto c = sim.connect();
        QVERIFY(c.has_value());
        sql::SqlStatementRunner runner(*c);
        const auto t0 = std::chrono::steady_clock::now();
        QVERIFY(runner.start("WAITFOR DELAY '00:00:30'").has_value());
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QVERIFY(runner.isRunning());
        runner.cancel();
        auto r = runner.wait();
        const auto took = std::chrono::steady_clock::now() - t0;
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Cancelled);
        QCOMPARE(r.error().native.sqlstate, std::string("HY008"));
        QVERIFY(took < std::chrono::seconds(5));
        auto after = c->query("SELECT @@SPID AS spid");
        QVERIFY2(after.has_value(), after ? "" : after.error().toString().c_str());
    }

    void tsqlTalksToIt()
    {
        if (QByteArrayLiteral(VDS_TSQL_PATH).isEmpty() ||
            QByteArrayLiteral(VDS_TSQL_PATH).endsWith("NOTFOUND"))
            QSKIP("tsql (freetds-bin) is not installed");
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}).has_value());
        QProcess tsql;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TDSVER"), QStringLiteral("7.4"));
        tsql.setProcessEnvironment(env);
        tsql.start(QStringLiteral(VDS_TSQL_PATH),
                   {QStringLiteral("-H"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                    QString::number(sim.process().port()), QStringLiteral("-U"),
                    QStringLiteral("sa"), QStringLiteral("-P"), QString::fromUtf8(kSaPassword)});
        QVERIFY(tsql.waitForStarted());
        tsql.write("SELECT name, recovery_model_desc FROM sys.databases WHERE name = "
                   "N'Sales'\ngo\nexit\n");
        tsql.closeWriteChannel();
        QVERIFY(tsql.waitForFinished(20000));
        const QString out = QString::fromUtf8(tsql.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Sales\tFULL")), qPrintable(out));
    }

    void stopsCleanlyOnSigterm()
    {
        SimFixture sim;
        QVERIFY(sim.start({}).has_value());
        {
            auto c = sim.connect();
            QVERIFY(c.has_value());
            QCOMPARE(sim.simThreads(), 2); // main + this connection's thread
        }
        QVERIFY(sim.waitForIdle());
        auto open = sim.connect(); // a connection still open at stop time
        QVERIFY(open.has_value());
        QVERIFY(sim.process().stop());
    }

    void badCommandLinesExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString d = QStringLiteral("--data-dir");
        const QString l = QStringLiteral("--login");
        QTest::newRow("no data dir") << QStringList{l, QStringLiteral("a:b")};
        QTest::newRow("no login") << QStringList{d, QStringLiteral("/tmp")};
        QTest::newRow("bad fault") << QStringList{d,
                                                  QStringLiteral("/tmp"),
                                                  l,
                                                  QStringLiteral("a:b"),
                                                  QStringLiteral("--fault"),
                                                  QStringLiteral("explode:5")};
        QTest::newRow("fault over 100%") << QStringList{d,
                                                        QStringLiteral("/tmp"),
                                                        l,
                                                        QStringLiteral("a:b"),
                                                        QStringLiteral("--fault"),
                                                        QStringLiteral("abort:101")};
        QTest::newRow("bad size") << QStringList{d,
                                                 QStringLiteral("/tmp"),
                                                 l,
                                                 QStringLiteral("a:b"),
                                                 QStringLiteral("--seed-database"),
                                                 QStringLiteral("x=12Q")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
    }
    void badCommandLinesExitTwo()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(QStringLiteral(VDS_SQLSIM_PATH), args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty()); // stdout is reserved for "listening on"
        QCOMPARE(p.readAllStandardError().count('\n'), 1);
    }

    void seededDataCompressesLikeRealData()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Big=8M")}).has_value());
        QProcess zstd;
        zstd.start(QStringLiteral("zstd"), {QStringLiteral("-3"), QStringLiteral("-c"),
                                            sim.path(QStringLiteral("Big.mdf"))});
        if (!zstd.waitForStarted())
            QSKIP("zstd is not installed");
        QVERIFY(zstd.waitForFinished(30000));
        const qint64 packed = zstd.readAllStandardOutput().size();
        // Not noise (which would not shrink) and not zeros (which would vanish).
        QVERIFY2(packed < 8 * 1024 * 1024 / 2, std::to_string(packed).c_str());
        QVERIFY2(packed > 8 * 1024 * 1024 / 100, std::to_string(packed).c_str());
    }

    void onlyLoopbackListens()
    {
        QProcess p;
        p.start(QStringLiteral(VDS_SQLSIM_PATH),
                {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                 QStringLiteral("--data-dir"), QStringLiteral("/tmp"), QStringLiteral("--login"),
                 QStringLiteral("a:b")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("loopback"));
    }
};

QTEST_GUILESS_MAIN(TestSqlsimProtocol)
#include "tst_sqlsimprotocol.moc"
