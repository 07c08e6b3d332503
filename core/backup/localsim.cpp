#include <vds/backup/localsim.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUuid>

namespace vds::backup {

QString LocalSimulator::dataDir()
{
    // One folder for the GUI and the CLI alike, whatever the program's own name.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/vdstudio/sim");
}

Expected<void> LocalSimulator::start(sql::ConnectionOptions &options, const QStringList &faults)
{
    const QString dir = dataDir();
    if (!QDir().mkpath(dir))
        return fail(ErrorCategory::Io, "cannot create the simulator's folder", dir.toStdString());
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // The simulator's login is made once and kept beside its data, readable by the user alone.
    QFile loginFile(dir + QStringLiteral("/login"));
    QString password;
    if (loginFile.open(QIODevice::ReadOnly)) {
        password = QString::fromUtf8(loginFile.readLine()).trimmed();
        loginFile.close();
    }
    if (password.isEmpty()) {
        password = QStringLiteral("Sim-") + QUuid::createUuid().toString(QUuid::Id128).left(20);
        if (!loginFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(ErrorCategory::Io, "cannot write the simulator's login file",
                        loginFile.fileName().toStdString());
        loginFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        loginFile.write(password.toUtf8() + '\n');
        loginFile.close();
    }
    sql::SqlSimProcess::Options so;
    so.dataDir = dir;
    so.logins = {QStringLiteral("sa:%1:sysadmin").arg(password)};
    so.seeds = {QStringLiteral("Demo=64M")};
    so.faults = faults;
    if (auto started = m_process.start(so); !started)
        return fail(started.error());
    options.host = "127.0.0.1";
    options.port = m_process.port();
    if (options.login.empty())
        options.login = "sa";
    options.password = password.toStdString();
    return {};
}

} // namespace vds::backup
