#include <vds/sql/sqlsimprocess.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <csignal>

#include <sys/prctl.h>

namespace vds::sql {

SqlSimProcess::~SqlSimProcess()
{
    stop();
}

QString SqlSimProcess::findExecutable()
{
    const QString env = qEnvironmentVariable("VDS_SQLSIM");
    if (!env.isEmpty() && QFileInfo(env).isExecutable())
        return env;
    if (QCoreApplication::instance()) {
        const QString beside =
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("vds-sqlsim"));
        if (QFileInfo(beside).isExecutable())
            return beside;
    }
    return QStandardPaths::findExecutable(QStringLiteral("vds-sqlsim"));
}

Expected<void> SqlSimProcess::start(const Options &o, int timeoutMs)
{
    if (isRunning())
        return fail(ErrorCategory::InvalidArgument, "the simulator is already running");
    const QString program = findExecutable();
    if (program.isEmpty())
        return fail(ErrorCategory::NotFound,
                    "vds-sqlsim not found (next to the program, on PATH or in VDS_SQLSIM)");
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data-dir"), o.dataDir};
    for (const QString &l : o.logins)
        args << QStringLiteral("--login") << l;
    for (const QString &s : o.seeds)
        args << QStringLiteral("--seed-database") << s;
    for (const QString &f : o.faults)
        args << QStringLiteral("--fault") << f;
    if (!o.instance.isEmpty())
        args << QStringLiteral("--instance") << o.instance;
    args << o.extraArguments;
    m_stderr.clear();
    m_port = 0;
    // If we die without stopping it (a crash, a failed test), the simulator goes with us
    // instead of lingering on its port. The signal follows the thread that started it, which
    // is this object's thread: the same lifetime the QProcess has.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.setProgram(program);
    m_process.setArguments(args);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs))
        return fail(ErrorCategory::NotFound, "cannot start " + program.toStdString() + ": " +
                                                 m_process.errorString().toStdString());
    QDeadlineTimer deadline(timeoutMs);
    QByteArray line;
    while (!deadline.hasExpired()) {
        if (m_process.canReadLine()) {
            line = m_process.readLine().trimmed();
            break;
        }
        if (!m_process.waitForReadyRead(
                static_cast<int>(std::max<qint64>(deadline.remainingTime(), 1)))) {
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
    }
    const QByteArray prefix = "listening on 127.0.0.1:";
    bool ok = false;
    if (line.startsWith(prefix))
        m_port = static_cast<quint16>(line.mid(prefix.size()).toUInt(&ok));
    if (!ok || m_port == 0) {
        const QString err = errorOutput();
        stop(2000);
        return fail(ErrorCategory::Protocol,
                    "vds-sqlsim did not report its port: " + err.toStdString());
    }
    return {};
}

QString SqlSimProcess::errorOutput()
{
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    return m_stderr;
}

bool SqlSimProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    m_process.terminate(); // SIGTERM: the simulator joins its threads and exits 0
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(2000);
        return false;
    }
    errorOutput();
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

} // namespace vds::sql
