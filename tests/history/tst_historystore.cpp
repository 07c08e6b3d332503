// history_store: the history file in-process — rows with params, typed errors, statistics and
// report; listing and filtering; the JSON shape; WAL mode; the migration from a hand-made
// version 1 file; damaged and newer files refused with a clear error and left untouched; the
// recorder writing every job a JobRunner finishes, on its own thread.

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <vds/history/historyrecorder.h>
#include <vds/history/historystore.h>
#include <vds/jobs/job.h>
#include <vds/jobs/jobrunner.h>

using namespace vds;
using namespace vds::history;

namespace {

/// A stand-in for a backup job: params with server and database (and a secret reference),
/// a report, a chosen ending.
class FakeBackupJob final : public jobs::Job {
public:
    explicit FakeBackupJob(jobs::JobStatus ending, QString database = QStringLiteral("Sales"))
        : jobs::Job(QStringLiteral("Back up ") + database), m_ending(ending),
          m_database(std::move(database))
    {}
    QString kind() const override { return QStringLiteral("backup"); }
    QJsonObject historyParams() const override
    {
        return {{QStringLiteral("server"), QStringLiteral("127.0.0.1,1433")},
                {QStringLiteral("database"), m_database},
                {QStringLiteral("passphraseEnv"), QStringLiteral("VDS_PASS")},
                {QStringLiteral("stripes"), 3}};
    }

protected:
    jobs::JobResult execute(jobs::JobContext &ctx) override
    {
        ctx.setTotal(3 << 20);
        ctx.report().beginPhase(QStringLiteral("stream"));
        ctx.report().line(QStringLiteral("3 stripes"));
        ctx.addDone(3 << 20);
        switch (m_ending) {
        case jobs::JobStatus::Failed: {
            Error e = Error::make(ErrorCategory::Sql, "BACKUP DATABASE is terminating abnormally.",
                                  m_database.toStdString());
            e.native = {NativeKind::Sqlstate, 3013, "42000"};
            return jobs::JobResult::failure(e);
        }
        case jobs::JobStatus::Cancelled: return jobs::JobResult::cancelled();
        case jobs::JobStatus::Succeeded: break;
        }
        jobs::JobStatistics stats;
        stats.extra.insert(QStringLiteral("manifest"), QStringLiteral("/b/x.manifest.json"));
        return jobs::JobResult::success(stats);
    }

private:
    jobs::JobStatus m_ending;
    QString m_database;
};

QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

HistoryEntry sample(const QString &kind, jobs::JobStatus status, const QString &db = {})
{
    HistoryEntry e;
    e.kind = kind;
    e.title = QStringLiteral("t-") + kind;
    e.params = {{QStringLiteral("path"), QStringLiteral("/tmp/x.vhdx")}};
    e.database = db;
    e.status = status;
    if (status == jobs::JobStatus::Failed)
        e.error = Error::fromErrno(28, "/tmp/x.vhdx", "write");
    e.statistics = {{QStringLiteral("bytesDone"), 1234.0}, {QStringLiteral("seconds"), 1.5}};
    e.startedAt = QDateTime::currentDateTimeUtc().addSecs(-2);
    e.finishedAt = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT
private slots:
    void addListFindAndFilter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/history.sqlite"));
        HistoryStore store(path);
        QVERIFY(store.open().has_value()); // creates the folder and the file
        QCOMPARE(store.foundVersion(), 0);
        const auto a = store.add(sample(QStringLiteral("vhd-create"), jobs::JobStatus::Succeeded));
        const auto b = store.add(sample(QStringLiteral("vhd-convert"), jobs::JobStatus::Failed));
        const auto c = store.add(
            sample(QStringLiteral("backup"), jobs::JobStatus::Cancelled, QStringLiteral("Sales")));
        QVERIFY(a && b && c);
        QVERIFY(*a < *b && *b < *c);

        auto all = store.list();
        QVERIFY(all.has_value());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->first().id, *c); // newest first
        auto converts = store.list({0, QStringLiteral("vhd-convert"), {}, {}, {}, {}, {}});
        QVERIFY(converts.has_value());
        QCOMPARE(converts->size(), 1);
        const HistoryEntry &f = converts->first();
        QCOMPARE(f.status, jobs::JobStatus::Failed);
        QCOMPARE(f.error.category, ErrorCategory::DiskFull);
        QCOMPARE(f.error.native.kind, NativeKind::Errno);
        QCOMPARE(f.error.native.value, std::int64_t{28});
        QCOMPARE(f.error.context, std::string("/tmp/x.vhdx"));
        QCOMPARE(f.params.value(QStringLiteral("path")).toString(), QStringLiteral("/tmp/x.vhdx"));
        QCOMPARE(store.list({1, {}, {}, {}, {}, {}, {}})->size(), 1);
        QCOMPARE(store.list({0, {}, {}, QStringLiteral("Sales"), {}, {}, {}})->size(), 1);
        QCOMPARE(store.list({0, QStringLiteral("nope"), {}, {}, {}, {}, {}})->size(), 0);

        auto one = store.find(*a);
        QVERIFY(one.has_value() && one->has_value());
        QCOMPARE((*one)->kind, QStringLiteral("vhd-create"));
        QVERIFY(!(*one)->error.isError());
        QCOMPARE((*one)->finishedAt.timeSpec(), Qt::UTC);
        auto none = store.find(9999);
        QVERIFY(none.has_value() && !none->has_value());

        // WAL, as the file is shared by the GUI, vdsctl and timers.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("w"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), HistoryStore::kSchemaVersion);
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("w"));
    }

    void jsonShape()
    {
        HistoryEntry e =
            sample(QStringLiteral("backup"), jobs::JobStatus::Failed, QStringLiteral("Sales"));
        e.id = 7;
        e.server = QStringLiteral("srv");
        const QJsonObject j = e.toJson();
        for (const char *key : {"id", "kind", "title", "status", "server", "database", "params",
                                "error", "statistics", "report", "startedAt", "finishedAt"})
            QVERIFY2(j.contains(QLatin1String(key)), key);
        QCOMPARE(j.value(QStringLiteral("id")).toInt(), 7);
        QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        const QJsonObject err = j.value(QStringLiteral("error")).toObject();
        QCOMPARE(err.value(QStringLiteral("category")).toString(), QStringLiteral("DiskFull"));
        QCOMPARE(err.value(QStringLiteral("nativeKind")).toString(), QStringLiteral("errno"));
        QCOMPARE(err.value(QStringLiteral("nativeCode")).toString(), QStringLiteral("28"));
        QVERIFY(j.value(QStringLiteral("finishedAt")).toString().endsWith(QLatin1Char('Z')));
        HistoryEntry ok = sample(QStringLiteral("vhd-create"), jobs::JobStatus::Succeeded);
        QVERIFY(ok.toJson().value(QStringLiteral("error")).isNull());
        QVERIFY(ok.toJson().value(QStringLiteral("database")).isNull());
    }

    void migratesAVersionOneFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            // Version 1 as it shipped: the jobs table, no host/bytes/seconds columns.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
                " title TEXT NOT NULL, params TEXT NOT NULL, server TEXT, database_name TEXT,"
                " status TEXT NOT NULL, error_category TEXT, error_native_kind TEXT,"
                " error_native_code TEXT, error_sqlstate TEXT, error_message TEXT,"
                " error_context TEXT, statistics TEXT NOT NULL, report TEXT NOT NULL,"
                " started_at TEXT NOT NULL, finished_at TEXT NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO jobs (kind, title, params, status, statistics, report, started_at,"
                " finished_at) VALUES ('vhd-create', 'old job', '{\"path\":\"/old.vhdx\"}',"
                " 'succeeded', '{\"bytesDone\":4096,\"seconds\":2.5}', '{}',"
                " '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:02.500Z')")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        {
            HistoryStore store(path);
            QVERIFY2(store.open().has_value(), "open");
            QCOMPARE(store.foundVersion(), 1);
            auto all = store.list();
            QVERIFY(all.has_value());
            QCOMPARE(all->size(), 1);
            QCOMPARE(all->first().title, QStringLiteral("old job"));
            QCOMPARE(all->first().params.value(QStringLiteral("path")).toString(),
                     QStringLiteral("/old.vhdx"));
            QVERIFY(store.add(sample(QStringLiteral("vhd-create"), jobs::JobStatus::Succeeded)));
        }
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT bytes, seconds FROM jobs ORDER BY id")) &&
                    q.next());
            QCOMPARE(q.value(0).toLongLong(), 4096); // filled in from the old row's statistics
            QCOMPARE(q.value(1).toDouble(), 2.5);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));
    }

    void damagedOrNewerFilesAreRefusedAndKept()
    {
        QTemporaryDir dir;
        const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(5000, 'x'));
        }
        const QByteArray before = digest(garbage);
        HistoryStore bad(garbage);
        auto r = bad.open();
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Format);
        QVERIFY(r.error().message.find("not a SQLite database") != std::string::npos);
        QVERIFY(!bad.add(sample(QStringLiteral("vhd-create"), jobs::JobStatus::Succeeded)));
        QCOMPARE(digest(garbage), before);
        QVERIFY(!QFile::exists(garbage + QStringLiteral("-wal")));

        const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v99"));
            db.setDatabaseName(newer);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE future (x)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v99"));
        const QByteArray newerBefore = digest(newer);
        HistoryStore future(newer);
        auto f = future.open();
        QVERIFY(!f);
        QCOMPARE(f.error().category, ErrorCategory::Unsupported);
        QVERIFY(f.error().message.find("version 99") != std::string::npos);
        QCOMPARE(digest(newer), newerBefore);
    }

    void recorderWritesEveryFinishedJob()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        jobs::JobRunner runner;
        HistoryRecorder recorder(runner, path);
        QSignalSpy recorded(&recorder, &HistoryRecorder::recorded);
        QSignalSpy finished(&runner, &jobs::JobRunner::finished);
        const auto ok = runner.start(std::make_unique<FakeBackupJob>(jobs::JobStatus::Succeeded));
        const auto bad = runner.start(
            std::make_unique<FakeBackupJob>(jobs::JobStatus::Failed, QStringLiteral("HR")));
        const auto stop = runner.start(std::make_unique<FakeBackupJob>(jobs::JobStatus::Cancelled));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 3, 10000);
        QCOMPARE(finished.size(), 3);
        QThread::msleep(100);
        QCOMPARE(recorded.size(), 3); // exactly one row per job
        QVERIFY(!recorder.lastError());

        HistoryStore store(path);
        auto all = store.list();
        QVERIFY(all.has_value());
        QCOMPARE(all->size(), 3);
        std::map<jobs::JobId, qint64> rows;
        for (const auto &args : recorded)
            rows[args.at(0).value<jobs::JobId>()] = args.at(1).toLongLong();
        auto byJob = [&](jobs::JobId id) { return **store.find(rows.at(id)); };
        const HistoryEntry s = byJob(ok);
        QCOMPARE(s.kind, QStringLiteral("backup"));
        QCOMPARE(s.title, QStringLiteral("Back up Sales"));
        QCOMPARE(s.status, jobs::JobStatus::Succeeded);
        QCOMPARE(s.server, QStringLiteral("127.0.0.1,1433"));
        QCOMPARE(s.database, QStringLiteral("Sales"));
        QCOMPARE(s.params.value(QStringLiteral("passphraseEnv")).toString(),
                 QStringLiteral("VDS_PASS")); // the reference, never the secret
        QCOMPARE(s.statistics.value(QStringLiteral("bytesDone")).toDouble(), double(3 << 20));
        QCOMPARE(s.statistics.value(QStringLiteral("extra"))
                     .toObject()
                     .value(QStringLiteral("manifest"))
                     .toString(),
                 QStringLiteral("/b/x.manifest.json"));
        const QJsonArray phases = s.report.value(QStringLiteral("phases")).toArray();
        QCOMPARE(phases.size(), 1);
        QCOMPARE(phases[0].toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("stream"));
        QVERIFY(s.startedAt.isValid() && s.startedAt <= s.finishedAt);
        const HistoryEntry f = byJob(bad);
        QCOMPARE(f.status, jobs::JobStatus::Failed);
        QCOMPARE(f.database, QStringLiteral("HR"));
        QCOMPARE(f.error.category, ErrorCategory::Sql);
        QCOMPARE(f.error.native.value, std::int64_t{3013});
        QCOMPARE(f.error.native.sqlstate, std::string("42000"));
        QCOMPARE(byJob(stop).status, jobs::JobStatus::Cancelled);
        QCOMPARE(byJob(stop).error.category, ErrorCategory::Cancelled);
    }

    void recorderReportsAFileItCannotWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("definitely not sqlite");
        }
        jobs::JobRunner runner;
        HistoryRecorder recorder(runner, path);
        QSignalSpy failed(&recorder, &HistoryRecorder::recordFailed);
        runner.start(std::make_unique<FakeBackupJob>(jobs::JobStatus::Succeeded));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("not a SQLite database")));
        QVERIFY(recorder.lastError().has_value());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("definitely not sqlite"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
