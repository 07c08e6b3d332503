// vdsctl backup|restore|verify: parse with the one mapping in core (backup/commandline.h), run
// the jobs on a JobRunner, draw progress on stderr, print the result (JSON with --json).
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <deque>
#include <optional>

#include "cli.h"
#include "profileio.h"
#include <vds/backup/backupjob.h>
#include <vds/backup/commandline.h>
#include <vds/backup/localsim.h>
#include <vds/backup/restorejob.h>
#include <vds/backup/verifyjob.h>
#include <vds/history/historyrecorder.h>
#include <vds/jobs/jobrunner.h>
#include <vds/sql/sqlconnection.h>

namespace vds::cli {

namespace {

namespace cl = vds::backup::commandline;

std::atomic_bool g_interrupted{false};

void onSignal(int)
{
    g_interrupted.store(true);
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString human(double bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024.0 && u < 4) {
        bytes /= 1024.0;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1String(units[u]));
}

int exitFor(const jobs::JobResult &r)
{
    if (r.status == jobs::JobStatus::Cancelled)
        return ExitCancelled;
    if (r.succeeded())
        return ExitOk;
    // 2 only for what was found before the server was asked (the job says so): a refusal by
    // the server (3154, 3159 …) is the job failing, whatever its category.
    if (r.stats.extra.value(QStringLiteral("beforeServer")).toBool())
        return ExitUsage;
    return ExitJobFailed;
}

/// Connection options for the parsed server: starts the local simulator for --sim (and for
/// the stored built-in simulator connection).
int connectTo(const backup::ServerRef &server, sql::ConnectionOptions &options,
              backup::LocalSimulator &sim, const QString &command)
{
    bool storedSimulator = false;
    if (server.kind == backup::ServerRef::Kind::Connection) {
        if (const int rc = connectStored(server, options, storedSimulator, command); rc >= 0)
            return rc;
        if (!storedSimulator)
            return -1;
    }
    if (server.kind == backup::ServerRef::Kind::Sim || storedSimulator) {
        options.login = server.login;
        if (auto s = sim.start(options); !s) {
            err(QStringLiteral("vdsctl %1: cannot start vds-sqlsim: %2")
                    .arg(command, q(s.error().toString())));
            return ExitJobFailed;
        }
        if (!server.driver.empty())
            options.driver = server.driver;
        return -1;
    }
    if (auto pw = cl::resolvePassword(server, options); !pw)
        return usageError(q(pw.error().message), command);
    return -1;
}

/// The phase part of the progress line, in words, from the job's structured progress:
/// "backup, server 40 %, stalled: stripe 2", "restore-log 2/3, server 10 %".
QString progressPhase(const jobs::JobSnapshot &s)
{
    QString text = s.phase;
    if (s.stepCount > 0)
        text += QStringLiteral(" %1/%2").arg(s.step).arg(s.stepCount);
    if (s.serverPercent >= 0)
        text += QStringLiteral(", server %1 %").arg(s.serverPercent);
    if (!s.stalledChannels.isEmpty()) {
        QStringList stripes;
        for (int c : s.stalledChannels)
            stripes << QString::number(c + 1);
        text += QStringLiteral(", stalled: stripe %1").arg(stripes.join(QStringLiteral(", ")));
    }
    return text;
}

/// Runs the jobs on one runner, at most `parallel` at once; progress on stderr; Ctrl+C cancels
/// every job (SignalAbort + SQLCancel inside each). Returns the results in start order.
std::vector<jobs::JobResult> runJobs(std::vector<std::unique_ptr<jobs::Job>> pending, int parallel,
                                     bool draw)
{
    jobs::JobRunner runner;
    runner.setSampleIntervalMs(250);
    // Every job lands in the history file, also when it failed or was cancelled.
    history::HistoryRecorder recorder(runner);
    std::vector<jobs::JobResult> results(pending.size());
    std::map<jobs::JobId, std::size_t> index;
    std::deque<std::pair<std::size_t, std::unique_ptr<jobs::Job>>> queue;
    for (std::size_t i = 0; i < pending.size(); ++i)
        queue.emplace_back(i, std::move(pending[i]));
    std::size_t finished = 0;
    auto startNext = [&] {
        while (!queue.empty() && runner.runningCount() < parallel && !g_interrupted.load()) {
            auto [i, job] = std::move(queue.front());
            queue.pop_front();
            index[runner.start(std::move(job))] = i;
        }
    };
    QObject::connect(&runner, &jobs::JobRunner::throughputSample, &runner,
                     [&runner, draw](jobs::JobId id, double, const QList<double> &perChannel) {
                         if (!draw)
                             return;
                         const jobs::JobSnapshot s = runner.snapshot(id);
                         QString line = QStringLiteral("\r%1  %2").arg(s.title, progressPhase(s));
                         line += s.total ? QStringLiteral("  %1 of %2")
                                               .arg(human(double(s.done)), human(double(s.total)))
                                         : QStringLiteral("  %1").arg(human(double(s.done)));
                         line += QStringLiteral("  %1 MB/s").arg(s.bytesPerSecond / 1e6, 0, 'f', 0);
                         if (perChannel.size() > 1) {
                             QStringList parts;
                             for (double r : perChannel)
                                 parts << QString::number(r / 1e6, 'f', 0);
                             line += QStringLiteral(" [%1]").arg(parts.join(QLatin1Char(' ')));
                         }
                         std::fprintf(stderr, "%s   ", qPrintable(line));
                         std::fflush(stderr);
                     });
    QObject::connect(&runner, &jobs::JobRunner::stalled, &runner,
                     [&runner](jobs::JobId id, qint64 seconds) {
                         err(QStringLiteral("\n%1: nothing has moved for %2 s")
                                 .arg(runner.snapshot(id).title)
                                 .arg(seconds));
                     });
    QObject::connect(&runner, &jobs::JobRunner::finished, &runner,
                     [&](jobs::JobId id, const jobs::JobResult &r) {
                         if (draw)
                             std::fputs("\n", stderr);
                         results[index[id]] = r;
                         ++finished;
                         startNext();
                         if (runner.runningCount() == 0 && queue.empty())
                             QCoreApplication::exit(0);
                     });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &runner, [&] {
        if (g_interrupted.load()) {
            runner.cancelAll();
            // Jobs never started count as cancelled.
            while (!queue.empty()) {
                results[queue.front().first] = jobs::JobResult::cancelled();
                queue.pop_front();
            }
            if (runner.runningCount() == 0)
                QCoreApplication::exit(0);
        }
    });
    poll.start(100);
    startNext();
    if (runner.runningCount() > 0)
        QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    recorder.waitForIdle();
    if (const auto e = recorder.lastError())
        err(QStringLiteral("vdsctl: warning: a job was not recorded in the history: %1")
                .arg(QString::fromStdString(e->toString())));
    return results;
}

QJsonObject resultJson(const jobs::JobResult &r)
{
    QJsonObject o{{QStringLiteral("status"), jobs::statusName(r.status).toLower()},
                  {QStringLiteral("seconds"), r.stats.seconds}};
    if (!r.succeeded() && r.status != jobs::JobStatus::Cancelled) {
        o.insert(QStringLiteral("error"), q(r.error.message));
        o.insert(QStringLiteral("errorCategory"), q(std::string(categoryName(r.error.category))));
    }
    return o;
}

void printFailure(const QString &command, const QString &what, const jobs::JobResult &r)
{
    if (r.status == jobs::JobStatus::Cancelled)
        err(QStringLiteral("vdsctl %1: %2 cancelled; nothing was kept").arg(command, what));
    else if (!r.succeeded())
        err(QStringLiteral("vdsctl %1: %2 failed: %3").arg(command, what, q(r.error.toString())));
}

int worst(const std::vector<jobs::JobResult> &results)
{
    int rc = ExitOk;
    for (const auto &r : results) {
        const int e = exitFor(r);
        if (e == ExitCancelled || rc == ExitCancelled)
            rc = ExitCancelled;
        else
            rc = std::max(rc, e);
    }
    return rc;
}

/// SQL LIKE (% and _; [] classes are passed through to the regex) against every user database.
Expected<std::vector<std::string>> databasesLike(const sql::ConnectionOptions &options,
                                                 const std::string &pattern)
{
    auto c = sql::SqlConnection::connect(options);
    if (!c)
        return fail(c.error());
    auto r = c->query("SELECT name, database_id FROM sys.databases");
    if (!r)
        return fail(r.error());
    QString rx;
    for (const QChar ch : q(pattern))
        rx += ch == QLatin1Char('%')                             ? QStringLiteral(".*")
              : ch == QLatin1Char('_')                           ? QStringLiteral(".")
              : ch == QLatin1Char('[') || ch == QLatin1Char(']') ? QString(ch)
                                                                 : QRegularExpression::escape(ch);
    const QRegularExpression re(QRegularExpression::anchoredPattern(rx),
                                QRegularExpression::CaseInsensitiveOption);
    std::vector<std::string> names;
    for (const auto &row : r->rows)
        if (row.size() >= 2 && row[0] && row[1] && std::stoi(*row[1]) > 4 &&
            re.match(q(*row[0])).hasMatch())
            names.push_back(*row[0]);
    return names;
}

} // namespace

int runBackup(const QStringList &args)
{
    const QString cmd = QStringLiteral("backup");
    QCommandLineParser parser;
    parser.addOptions(cl::serverOptions());
    parser.addOptions(cl::backupOptions());
    if (const int rc = parse(parser, args, cmd,
                             QStringLiteral("Back up databases through VDI into striped, "
                                            "optionally compressed and encrypted files."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            cmd);
    auto request = cl::backupFrom(parser);
    if (!request)
        return usageError(q(request.error().message), cmd);
    if (parser.isSet(QStringLiteral("save-profile"))) {
        // The profile is written from the parsed request (the one mapping back to words), with
        // paths made absolute: a profile runs from anywhere.
        cl::BackupRequest canonical = *request;
        backup::BackupParams &b = canonical.params;
        b.directory = absolutePath(b.directory.string());
        for (auto &f : b.encryption.recipientFiles)
            f = absolutePath(f);
        b.server.passwordFile = absolutePath(b.server.passwordFile);
        return saveProfile(profiles::Kind::Backup, parser.value(QStringLiteral("save-profile")),
                           cl::toArguments(canonical), parser.isSet(QStringLiteral("json")), cmd);
    }
    if (auto s = cl::resolveSecrets(request->params); !s)
        return usageError(q(s.error().message), cmd);
    backup::LocalSimulator sim;
    if (const int rc = connectTo(request->params.server, request->params.connection, sim, cmd);
        rc >= 0)
        return rc;
    std::vector<std::string> databases = request->databases;
    if (!request->databasesLike.empty()) {
        auto found = databasesLike(request->params.connection, request->databasesLike);
        if (!found) {
            err(QStringLiteral("vdsctl backup: %1").arg(q(found.error().toString())));
            return ExitJobFailed;
        }
        if (found->empty())
            return usageError(
                QStringLiteral("no user database matches '%1'").arg(q(request->databasesLike)),
                cmd);
        databases = *found;
    }
    std::vector<std::unique_ptr<jobs::Job>> jobsToRun;
    for (const auto &db : databases) {
        backup::BackupParams p = request->params;
        p.database = db;
        jobsToRun.push_back(std::make_unique<backup::BackupJob>(std::move(p)));
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto results = runJobs(std::move(jobsToRun), request->parallel,
                                 wantProgress(parser.isSet(QStringLiteral("progress"))));
    QJsonArray all;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto &r = results[i];
        QJsonObject o = resultJson(r);
        o.insert(QStringLiteral("database"), q(databases[i]));
        if (r.succeeded()) {
            o.insert(QStringLiteral("manifest"),
                     r.stats.extra.value(QStringLiteral("manifest")).toString());
            o.insert(QStringLiteral("files"),
                     QJsonArray::fromStringList(
                         r.stats.extra.value(QStringLiteral("files")).toStringList()));
            o.insert(QStringLiteral("bytes"), double(r.stats.bytesDone));
            o.insert(QStringLiteral("firstLsn"),
                     r.stats.extra.value(QStringLiteral("firstLsn")).toString());
            o.insert(QStringLiteral("lastLsn"),
                     r.stats.extra.value(QStringLiteral("lastLsn")).toString());
            if (!json)
                out(QStringLiteral("%1: %2 in %3 s (%4 MB/s) → %5")
                        .arg(q(databases[i]), human(double(r.stats.bytesDone)))
                        .arg(r.stats.seconds, 0, 'f', 2)
                        .arg(r.stats.averageBytesPerSecond / 1e6, 0, 'f', 0)
                        .arg(r.stats.extra.value(QStringLiteral("manifest")).toString()));
            for (const auto &s : r.stats.extra.value(QStringLiteral("stalls")).toStringList())
                err(QStringLiteral("vdsctl backup: %1: warning: %2").arg(q(databases[i]), s));
        } else {
            printFailure(cmd, QStringLiteral("backup of %1").arg(q(databases[i])), r);
        }
        all.append(o);
    }
    if (json)
        printJson(all.size() == 1 ? QJsonValue(all.first()) : QJsonValue(all));
    return worst(results);
}

namespace {

/// The common front of `restore` and `verify`: parse the command line (server options plus
/// `options`), build the Params with `from` and resolve its secrets. Returns the exit code to
/// stop with, or -1 with `params` set.
/// `--save-profile`: the parsed params back to words, paths made absolute.
int saveParams(const QCommandLineParser &parser, const QString &cmd, backup::RestoreParams p)
{
    p.from = absolutePath(p.from.string());
    p.identityFile = absolutePath(p.identityFile);
    p.server.passwordFile = absolutePath(p.server.passwordFile);
    return saveProfile(profiles::Kind::Restore, parser.value(QStringLiteral("save-profile")),
                       cl::toArguments(p), parser.isSet(QStringLiteral("json")), cmd);
}

int saveParams(const QCommandLineParser &parser, const QString &cmd, backup::VerifyParams p)
{
    p.from = absolutePath(p.from.string());
    p.identityFile = absolutePath(p.identityFile);
    if (p.server)
        p.server->passwordFile = absolutePath(p.server->passwordFile);
    return saveProfile(profiles::Kind::Verify, parser.value(QStringLiteral("save-profile")),
                       cl::toArguments(p), parser.isSet(QStringLiteral("json")), cmd);
}

template <class Params, class From>
int readParams(QCommandLineParser &parser, const QStringList &args, const QString &cmd,
               const QList<QCommandLineOption> &options, const QString &description, From from,
               std::optional<Params> &params)
{
    parser.addOptions(cl::serverOptions());
    parser.addOptions(options);
    if (const int rc = parse(parser, args, cmd, description); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            cmd);
    auto parsed = from(parser);
    if (!parsed)
        return usageError(q(parsed.error().message), cmd);
    if (parser.isSet(QStringLiteral("save-profile")))
        return saveParams(parser, cmd, *parsed);
    if (auto s = cl::resolveSecrets(*parsed); !s)
        return usageError(q(s.error().message), cmd);
    params = std::move(*parsed);
    return -1;
}

/// Runs one job with progress as the command line asks; its result.
jobs::JobResult runOne(std::unique_ptr<jobs::Job> job, const QCommandLineParser &parser)
{
    std::vector<std::unique_ptr<jobs::Job>> one;
    one.push_back(std::move(job));
    return runJobs(std::move(one), 1, wantProgress(parser.isSet(QStringLiteral("progress"))))
        .front();
}

} // namespace

int runRestore(const QStringList &args)
{
    const QString cmd = QStringLiteral("restore");
    QCommandLineParser parser;
    std::optional<backup::RestoreParams> params;
    if (const int rc = readParams(parser, args, cmd, cl::restoreOptions(),
                                  QStringLiteral("Restore a backup, or a folder's newest full + "
                                                 "differential + log chain, through VDI."),
                                  cl::restoreFrom, params);
        rc >= 0)
        return rc;
    backup::LocalSimulator sim;
    if (const int rc = connectTo(params->server, params->connection, sim, cmd); rc >= 0)
        return rc;
    const std::string target = params->database;
    const jobs::JobResult r =
        runOne(std::make_unique<backup::RestoreJob>(std::move(*params)), parser);
    QJsonObject o = resultJson(r);
    o.insert(QStringLiteral("database"), q(target));
    if (r.succeeded()) {
        o.insert(QStringLiteral("bytes"), double(r.stats.bytesDone));
        o.insert(QStringLiteral("backups"),
                 QJsonArray::fromStringList(
                     r.stats.extra.value(QStringLiteral("steps")).toStringList()));
        o.insert(QStringLiteral("moves"),
                 QJsonArray::fromStringList(
                     r.stats.extra.value(QStringLiteral("moves")).toStringList()));
        if (!parser.isSet(QStringLiteral("json")))
            out(QStringLiteral("%1 restored from %2 backup(s) in %3 s")
                    .arg(q(target))
                    .arg(r.stats.extra.value(QStringLiteral("steps")).toStringList().size())
                    .arg(r.stats.seconds, 0, 'f', 2));
    } else {
        printFailure(cmd, QStringLiteral("restore of %1").arg(q(target)), r);
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(o);
    return exitFor(r);
}

int runVerify(const QStringList &args)
{
    const QString cmd = QStringLiteral("verify");
    QCommandLineParser parser;
    std::optional<backup::VerifyParams> params;
    if (const int rc = readParams(parser, args, cmd, cl::verifyOptions(),
                                  QStringLiteral("Check a backup offline (hashes, decryptability, "
                                                 "chain); with a server also RESTORE VERIFYONLY."),
                                  cl::verifyFrom, params);
        rc >= 0)
        return rc;
    backup::LocalSimulator sim;
    if (params->server)
        if (const int rc = connectTo(*params->server, params->connection, sim, cmd); rc >= 0)
            return rc;
    const jobs::JobResult r =
        runOne(std::make_unique<backup::VerifyJob>(std::move(*params)), parser);
    QJsonObject o = resultJson(r);
    if (r.succeeded()) {
        o.insert(QStringLiteral("backups"),
                 QJsonArray::fromStringList(
                     r.stats.extra.value(QStringLiteral("backups")).toStringList()));
        o.insert(QStringLiteral("serverVerified"),
                 r.stats.extra.value(QStringLiteral("serverVerified")).toBool());
        if (!parser.isSet(QStringLiteral("json")))
            out(QStringLiteral("verified %1 backup(s)%2")
                    .arg(r.stats.extra.value(QStringLiteral("backups")).toStringList().size())
                    .arg(r.stats.extra.value(QStringLiteral("serverVerified")).toBool()
                             ? QStringLiteral(", and the server says they are valid")
                             : QString()));
    } else {
        printFailure(cmd, QStringLiteral("verification"), r);
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(o);
    return exitFor(r);
}

} // namespace vds::cli
