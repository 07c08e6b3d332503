// history_cli: what vdsctl writes into the history and shows from it. Every run gets its own
// XDG_DATA_HOME. vhd create and vhd convert are recorded when they succeed, fail and are
// cancelled (SIGINT); two vdsctl processes write at once; list filters and JSON; show; an
// unknown id is exit 2; a damaged or newer history file is a clear error and stays untouched.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

namespace {

const QString vdsctl = QStringLiteral(VDSCTL_PATH);

struct Run {
    int code = -1;
    QString out;
    QString err;
};

class HistoryCli final {
public:
    HistoryCli()
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    }
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] QString historyFile() const
    {
        return m_dir.filePath(QStringLiteral("data/vdstudio/history.sqlite"));
    }
    [[nodiscard]] const QProcessEnvironment &env() const { return m_env; }

    Run run(const QStringList &args, int timeoutMs = 60000) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(vdsctl, args);
        if (!p.waitForFinished(timeoutMs))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QJsonArray list(const QStringList &extra = {}) const
    {
        const Run r = run(QStringList{QStringLiteral("history"), QStringLiteral("list"),
                                      QStringLiteral("--json"), QStringLiteral("--limit"),
                                      QStringLiteral("0")} +
                          extra);
        return r.code == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).array() : QJsonArray{};
    }

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool writePattern(const QString &path, qint64 bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk(1 << 20, '\0');
    for (int i = 0; i < chunk.size(); ++i)
        chunk[i] = char((i * 7 + 1) & 0xFF);
    for (qint64 done = 0; done < bytes; done += chunk.size())
        if (f.write(chunk) != chunk.size())
            return false;
    return true;
}

QJsonObject newest(const QJsonArray &a)
{
    return a.isEmpty() ? QJsonObject{} : a.first().toObject();
}

} // namespace

class TestHistoryCli : public QObject {
    Q_OBJECT
private slots:
    void createIsRecordedOnSuccessAndFailure()
    {
        HistoryCli cli;
        QCOMPARE(cli.run({QStringLiteral("history")}).code, 0); // nothing yet, no file made
        QVERIFY(!QFile::exists(cli.historyFile()));
        const QString disk = cli.path(QStringLiteral("a.vhdx"));
        const Run ok = cli.run({QStringLiteral("vhd"), QStringLiteral("create"), disk,
                                QStringLiteral("--size"), QStringLiteral("64M")});
        QCOMPARE(ok.code, 0);
        QVERIFY2(!ok.err.contains(QStringLiteral("not recorded")), qPrintable(ok.err));
        QJsonObject e = newest(cli.list());
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("vhd-create"));
        QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QVERIFY(e.value(QStringLiteral("error")).isNull());
        const QJsonObject params = e.value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("path")).toString(), disk);
        QCOMPARE(params.value(QStringLiteral("format")).toString(), QStringLiteral("vhdx"));
        QCOMPARE(params.value(QStringLiteral("type")).toString(), QStringLiteral("dynamic"));
        QCOMPARE(params.value(QStringLiteral("size")).toDouble(), double(64 << 20));
        QVERIFY(e.value(QStringLiteral("report"))
                    .toObject()
                    .value(QStringLiteral("phases"))
                    .toArray()
                    .size() >= 1);

        // The same target again: the job runs and fails (the file exists).
        const Run bad = cli.run({QStringLiteral("vhd"), QStringLiteral("create"), disk,
                                 QStringLiteral("--size"), QStringLiteral("64M")});
        QVERIFY(bad.code == 1 || bad.code == 2);
        const QJsonArray all = cli.list();
        QCOMPARE(all.size(), 2);
        e = newest(all);
        QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        const QJsonObject err = e.value(QStringLiteral("error")).toObject();
        QVERIFY(!err.value(QStringLiteral("category")).toString().isEmpty());
        QVERIFY(!err.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(e.value(QStringLiteral("id")).toInt() >
                all.at(1).toObject().value(QStringLiteral("id")).toInt());

        // A usage error never reaches a job: nothing is recorded.
        QCOMPARE(cli.run({QStringLiteral("vhd"), QStringLiteral("create"), disk}).code, 2);
        QCOMPARE(cli.list().size(), 2);
    }

    void convertIsRecordedOnSuccessFailureAndCancel()
    {
        HistoryCli cli;
        const QString source = cli.path(QStringLiteral("source.img"));
        QVERIFY(writePattern(source, 8 << 20));
        const Run ok = cli.run({QStringLiteral("vhd"), QStringLiteral("convert"), source,
                                cli.path(QStringLiteral("c.vhdx")), QStringLiteral("--verify")});
        QCOMPARE(ok.code, 0);
        QJsonObject e = newest(cli.list());
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("vhd-convert"));
        QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(
            e.value(QStringLiteral("params")).toObject().value(QStringLiteral("source")).toString(),
            source);
        QCOMPARE(
            e.value(QStringLiteral("params")).toObject().value(QStringLiteral("verify")).toBool(),
            true);
        QVERIFY(e.value(QStringLiteral("statistics"))
                    .toObject()
                    .value(QStringLiteral("bytesDone"))
                    .toDouble() >= double(8 << 20));

        // A differencing source whose parent is gone: the job runs, fails and says why. (A
        // SOURCE that is not there at all is refused before any job starts: exit 2, no record.)
        const QString parent = cli.path(QStringLiteral("parent.vhdx"));
        const QString child = cli.path(QStringLiteral("child.vhdx"));
        QCOMPARE(cli.run({QStringLiteral("vhd"), QStringLiteral("create"), parent,
                          QStringLiteral("--size"), QStringLiteral("8M")})
                     .code,
                 0);
        QCOMPARE(cli.run({QStringLiteral("vhd"), QStringLiteral("create"), child,
                          QStringLiteral("--parent"), parent})
                     .code,
                 0);
        QVERIFY(QFile::remove(parent));
        const Run missing = cli.run({QStringLiteral("vhd"), QStringLiteral("convert"), child,
                                     cli.path(QStringLiteral("d.vhdx"))});
        QCOMPARE(missing.code, 1);
        e = newest(cli.list());
        QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(e.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("category"))
                     .toString(),
                 QStringLiteral("NotFound"));

        // Ctrl+C while a large conversion runs: exit 3, recorded as cancelled.
        const QString big = cli.path(QStringLiteral("big.img"));
        QVERIFY(writePattern(big, qint64(1) << 30));
        QProcess p;
        p.setProcessEnvironment(cli.env());
        p.start(vdsctl, {QStringLiteral("vhd"), QStringLiteral("convert"), big,
                         cli.path(QStringLiteral("big.vhdx")), QStringLiteral("--type"),
                         QStringLiteral("fixed"), QStringLiteral("--verify"),
                         QStringLiteral("--progress")});
        QVERIFY(p.waitForStarted());
        // Wait for the first progress line: the job is running.
        QByteArray progress; // accumulated: QTRY evaluates its condition once more at the end
        QTRY_VERIFY_WITH_TIMEOUT((progress += p.readAllStandardError()).contains('%') ||
                                     p.state() == QProcess::NotRunning,
                                 30000);
        QVERIFY(p.state() == QProcess::Running);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 3);
        e = newest(cli.list());
        QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(e.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("category"))
                     .toString(),
                 QStringLiteral("Cancelled"));
        QVERIFY(!QFile::exists(cli.path(QStringLiteral("big.vhdx"))));
        QFile::remove(big);

        const QJsonArray converts =
            cli.list({QStringLiteral("--kind"), QStringLiteral("vhd-convert")});
        QCOMPARE(converts.size(), 3);
        // The parent and the child of the missing-parent case.
        QCOMPARE(cli.list({QStringLiteral("--kind"), QStringLiteral("vhd-create")}).size(), 2);
    }

    void twoProcessesWriteAtOnce()
    {
        HistoryCli cli;
        constexpr int kEach = 8;
        auto loop = [&](const QString &prefix) {
            auto *p = new QProcess;
            p->setProcessEnvironment(cli.env());
            QStringList script;
            for (int i = 0; i < kEach; ++i)
                script << QStringLiteral("'%1' vhd create '%2' --size 16M || exit 1")
                              .arg(vdsctl,
                                   cli.path(prefix + QString::number(i) + QStringLiteral(".vhdx")));
            p->start(QStringLiteral("bash"), {QStringLiteral("-c"), script.join(u'\n')});
            return p;
        };
        std::unique_ptr<QProcess> a(loop(QStringLiteral("a")));
        std::unique_ptr<QProcess> b(loop(QStringLiteral("b")));
        QVERIFY(a->waitForFinished(120000) && b->waitForFinished(120000));
        QCOMPARE(a->exitCode(), 0);
        QCOMPARE(b->exitCode(), 0);
        const QString errs =
            QString::fromUtf8(a->readAllStandardError() + b->readAllStandardError());
        QVERIFY2(!errs.contains(QStringLiteral("not recorded")), qPrintable(errs));
        const QJsonArray all = cli.list();
        QCOMPARE(all.size(), 2 * kEach);
        QSet<int> ids;
        QSet<QString> paths;
        for (const auto &v : all) {
            ids.insert(v.toObject().value(QStringLiteral("id")).toInt());
            paths.insert(v.toObject()
                             .value(QStringLiteral("params"))
                             .toObject()
                             .value(QStringLiteral("path"))
                             .toString());
        }
        QCOMPARE(ids.size(), 2 * kEach);
        QCOMPARE(paths.size(), 2 * kEach);
    }

    void listAndShowForPeopleAndPrograms()
    {
        HistoryCli cli;
        for (const char *name : {"x.vhdx", "y.vhd"})
            QCOMPARE(cli.run({QStringLiteral("vhd"), QStringLiteral("create"),
                              cli.path(QString::fromLatin1(name)), QStringLiteral("--size"),
                              QStringLiteral("8M")})
                         .code,
                     0);
        const Run table = cli.run({QStringLiteral("history")});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.startsWith(QStringLiteral("    ID  FINISHED")));
        QCOMPARE(table.out.count(QLatin1Char('\n')), 3);
        QVERIFY(table.out.contains(QStringLiteral("Create y.vhd")));
        const Run limited = cli.run({QStringLiteral("history"), QStringLiteral("--limit"),
                                     QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(limited.code, 0);
        const QJsonArray one = QJsonDocument::fromJson(limited.out.toUtf8()).array();
        QCOMPARE(one.size(), 1);
        const int id = one.first().toObject().value(QStringLiteral("id")).toInt();

        const Run showJson = cli.run({QStringLiteral("history"), QStringLiteral("show"),
                                      QString::number(id), QStringLiteral("--json")});
        QCOMPARE(showJson.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(showJson.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("id")).toInt(), id);
        QCOMPARE(
            o.value(QStringLiteral("params")).toObject().value(QStringLiteral("format")).toString(),
            QStringLiteral("vhd"));
        const Run show =
            cli.run({QStringLiteral("history"), QStringLiteral("show"), QString::number(id)});
        QCOMPARE(show.code, 0);
        QVERIFY(show.out.startsWith(QStringLiteral("Job %1: Create y.vhd").arg(id)));
        QVERIFY(show.out.contains(QStringLiteral("status:    succeeded")));
        QVERIFY(show.out.contains(QStringLiteral("report:")));
        // The same page the History page exports, from the same renderer.
        const Run html = cli.run({QStringLiteral("history"), QStringLiteral("show"),
                                  QString::number(id), QStringLiteral("--html")});
        QCOMPARE(html.code, 0);
        QVERIFY(html.out.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.out.contains(QStringLiteral("Create y.vhd")));
        QVERIFY(html.out.contains(QStringLiteral("succeeded")));
        QVERIFY(html.out.trimmed().endsWith(QStringLiteral("</html>")));
        QCOMPARE(cli.run({QStringLiteral("history"), QStringLiteral("show"), QString::number(id),
                          QStringLiteral("--html"), QStringLiteral("--json")})
                     .code,
                 2);

        const Run unknown =
            cli.run({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("9999")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.out.isEmpty());
        QVERIFY(unknown.err.contains(QStringLiteral("no job with id 9999")));
        QCOMPARE(
            cli.run({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("x")}).code,
            2);
        QCOMPARE(
            cli.run({QStringLiteral("history"), QStringLiteral("--limit"), QStringLiteral("-3")})
                .code,
            2);
    }

    void damagedOrNewerHistoryIsAClearErrorAndKept()
    {
        HistoryCli cli;
        QVERIFY(QDir().mkpath(QFileInfo(cli.historyFile()).absolutePath()));
        {
            QFile f(cli.historyFile());
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, '\x7f'));
        }
        const QByteArray before = digest(cli.historyFile());
        const Run list = cli.run({QStringLiteral("history")});
        QCOMPARE(list.code, 1);
        QVERIFY(list.out.isEmpty());
        QVERIFY2(list.err.contains(QStringLiteral("not a SQLite database")), qPrintable(list.err));
        QVERIFY(list.err.contains(cli.historyFile()));
        // A job still runs and says it could not be recorded; the file stays as it was.
        const Run create = cli.run({QStringLiteral("vhd"), QStringLiteral("create"),
                                    cli.path(QStringLiteral("z.vhdx")), QStringLiteral("--size"),
                                    QStringLiteral("8M")});
        QCOMPARE(create.code, 0);
        QVERIFY2(create.err.contains(QStringLiteral("not recorded in the history")),
                 qPrintable(create.err));
        QCOMPARE(digest(cli.historyFile()), before);

        QVERIFY(QFile::remove(cli.historyFile()));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(cli.historyFile());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE jobs2 (x)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 7")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const QByteArray futureBefore = digest(cli.historyFile());
        const Run newer = cli.run({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(newer.code, 1);
        QVERIFY(newer.out.isEmpty());
        QVERIFY2(newer.err.contains(QStringLiteral("schema version 7")), qPrintable(newer.err));
        QCOMPARE(digest(cli.historyFile()), futureBefore);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
