#include "jobfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

namespace vds::test {

JobRun runJob(std::unique_ptr<jobs::Job> job,
              std::function<void(jobs::JobRunner &, jobs::JobId, quint64, quint64)> onProgress,
              int timeoutMs)
{
    JobRun run;
    jobs::JobRunner runner;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    jobs::JobId id = 0;
    QObject::connect(&runner, &jobs::JobRunner::progress, &loop,
                     [&](jobs::JobId, quint64 done, quint64 total) {
                         run.samples.push_back({clock.elapsed(), done, total, {}});
                         if (onProgress)
                             onProgress(runner, id, done, total);
                     });
    QObject::connect(&runner, &jobs::JobRunner::throughputSample, &loop,
                     [&](jobs::JobId, double, const QList<double> &perChannel) {
                         if (!run.samples.isEmpty())
                             run.samples.back().perChannel = perChannel;
                     });
    QObject::connect(&runner, &jobs::JobRunner::finished, &loop,
                     [&](jobs::JobId, const jobs::JobResult &r) {
                         run.result = r;
                         ++run.finishedSignals;
                         // Let a second (wrong) finished arrive before leaving.
                         QTimer::singleShot(300, &loop, &QEventLoop::quit);
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    id = runner.start(std::move(job));
    loop.exec();
    return run;
}

backup::BackupParams backupParams(const SimFixture &sim, const std::string &database,
                                  const QString &folder)
{
    backup::BackupParams p;
    p.server.kind = backup::ServerRef::Kind::Host;
    p.server.host = "127.0.0.1";
    p.server.port = sim.options().port;
    p.server.login = "sa";
    p.connection = sim.options();
    p.database = database;
    p.directory = folder.toStdString();
    return p;
}

backup::RestoreParams restoreParams(const SimFixture &sim, const QString &from,
                                    const std::string &database)
{
    backup::RestoreParams p;
    p.server.kind = backup::ServerRef::Kind::Host;
    p.server.host = "127.0.0.1";
    p.server.port = sim.options().port;
    p.server.login = "sa";
    p.connection = sim.options();
    p.from = from.toStdString();
    p.database = database;
    return p;
}

QString manifestOf(const JobRun &run)
{
    return run.result.stats.extra.value(QStringLiteral("manifest")).toString();
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

int runTool(const QString &program, const QStringList &args, QByteArray *output,
            const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted())
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace vds::test
