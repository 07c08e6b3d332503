// vdsctl server: connect to a SQL Server (or start a local vds-sqlsim with --sim) and show what
// the app knows before it offers a backup: version, platform, role, databases.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>

#include <cstdio>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "terminaltext.h"
#include <vds/backup/params.h>
#include <vds/sql/odbcdrivers.h>
#include <vds/sql/serverinfo.h>
#include <vds/sql/sqlconnection.h>
#include <vds/sql/sqlsimprocess.h>

namespace vds::cli {
namespace {

const QString kCommand = QStringLiteral("server");

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonObject toJson(const sql::ServerSummary &s)
{
    QJsonArray dbs;
    for (const auto &d : s.databases) {
        QJsonObject o{{QStringLiteral("name"), str(d.name)},
                      {QStringLiteral("id"), d.id},
                      {QStringLiteral("state"), str(d.state)},
                      {QStringLiteral("recoveryModel"), str(d.recoveryModel)},
                      {QStringLiteral("sizeBytes"), qint64(d.sizeBytes)},
                      {QStringLiteral("system"), d.isSystem()}};
        if (d.lastFullBackup)
            o.insert(QStringLiteral("lastFullBackup"), str(*d.lastFullBackup));
        if (d.lastDiffBackup)
            o.insert(QStringLiteral("lastDiffBackup"), str(*d.lastDiffBackup));
        if (d.lastLogBackup)
            o.insert(QStringLiteral("lastLogBackup"), str(*d.lastLogBackup));
        dbs.append(o);
    }
    return {{QStringLiteral("serverName"), str(s.serverName)},
            {QStringLiteral("productVersion"), str(s.productVersion)},
            {QStringLiteral("edition"), str(s.edition)},
            {QStringLiteral("instanceName"),
             s.instanceName ? QJsonValue(str(*s.instanceName)) : QJsonValue()},
            {QStringLiteral("isLinux"), s.isLinux},
            {QStringLiteral("defaultBackupPath"), str(s.defaultBackupPath)},
            {QStringLiteral("isSysadmin"), s.isSysadmin},
            {QStringLiteral("databases"), dbs}};
}

/// The simulator's folder ($XDG_DATA_HOME/vdstudio/sim, mode 0700): kept between runs, so a
/// process killed hard leaves nothing temporary behind and --sim commands share databases.
QString simulatorDataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                        QStringLiteral("/vdstudio/sim");
    if (!QDir().mkpath(dir))
        return {};
    ::chmod(QFile::encodeName(dir).constData(), 0700);
    return dir;
}

void printHuman(const sql::ServerSummary &s)
{
    out(QStringLiteral("%1  SQL Server %2, %3%4")
            .arg(str(s.serverName), str(s.productVersion), str(s.edition),
                 s.isLinux ? QStringLiteral(", Linux") : QString()));
    out(QStringLiteral("default backup path: %1").arg(str(s.defaultBackupPath)));
    out(s.isSysadmin ? QStringLiteral("login is sysadmin: VDI backups are allowed")
                     : QStringLiteral("login is NOT sysadmin: BACKUP … TO VIRTUAL_DEVICE will be "
                                      "refused (error 3265)"));
    out(QStringLiteral("%1 %2 %3 %4 %5")
            .arg(QStringLiteral("database"), -24)
            .arg(QStringLiteral("state"), -10)
            .arg(QStringLiteral("recovery"), -12)
            .arg(QStringLiteral("size"), 12)
            .arg(QStringLiteral("last full backup")));
    // Names come from the server: escaped (no control characters reach the terminal, a
    // newline cannot break the table) and padded by display width (wide characters).
    for (const auto &d : s.databases)
        out(QStringLiteral("%1 %2 %3 %4 %5")
                .arg(padToWidth(terminalSafe(str(d.name)), 24))
                .arg(terminalSafe(str(d.state)), -10)
                .arg(terminalSafe(str(d.recoveryModel)), -12)
                .arg(d.sizeBytes, 12)
                .arg(d.lastFullBackup ? str(*d.lastFullBackup) : QStringLiteral("never")));
}

} // namespace

int runServer(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("SQL Server host, optionally :PORT or ,PORT (default 1433)."),
        QStringLiteral("HOST[:PORT]"));
    const QCommandLineOption sim(QStringLiteral("sim"),
                                 QStringLiteral("Start a local vds-sqlsim with a demo database and "
                                                "use it (try without a server)."));
    const QCommandLineOption storedConnection(
        QStringLiteral("connection"),
        QStringLiteral("A connection stored by vdstudio (connections.json)."),
        QStringLiteral("NAME"));
    const QCommandLineOption login(QStringLiteral("login"), QStringLiteral("SQL login."),
                                   QStringLiteral("USER"));
    const QCommandLineOption passwordEnv(
        QStringLiteral("password-env"),
        QStringLiteral("Read the password from this environment variable."), QStringLiteral("VAR"));
    const QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        QStringLiteral("Read the password from the first line of F."), QStringLiteral("F"));
    const QCommandLineOption driver(
        QStringLiteral("driver"),
        QStringLiteral("ODBC driver name or library path (default FreeTDS)."),
        QStringLiteral("DRIVER"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions(
        {server, sim, storedConnection, login, passwordEnv, passwordFile, driver, json});
    if (const int rc = parse(parser, args, kCommand,
                             QStringLiteral("Connect to SQL Server and show its version, your role "
                                            "and its databases."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()),
                          kCommand);
    if (int(parser.isSet(server)) + int(parser.isSet(sim)) + int(parser.isSet(storedConnection)) !=
        1)
        return usageError(QStringLiteral("give exactly one of --server, --sim and --connection"),
                          kCommand);
    if (parser.isSet(passwordEnv) && parser.isSet(passwordFile))
        return usageError(QStringLiteral("--password-env and --password-file exclude each other"),
                          kCommand);

    sql::ConnectionOptions options;
    if (parser.isSet(driver))
        options.driver = parser.value(driver).toStdString();
    if (!sql::driverAvailable(options.driver)) {
        QStringList installed;
        for (const std::string &n : sql::installedDrivers())
            installed << str(n);
        return usageError(QStringLiteral("the ODBC driver '%1' is not installed (installed: %2)")
                              .arg(str(options.driver), installed.isEmpty()
                                                            ? QStringLiteral("none")
                                                            : installed.join(QStringLiteral(", "))),
                          kCommand);
    }
    bool useSimulator = parser.isSet(sim);
    bool stored = false;
    if (parser.isSet(storedConnection)) {
        backup::ServerRef ref;
        ref.kind = backup::ServerRef::Kind::Connection;
        ref.connection = parser.value(storedConnection).toStdString();
        ref.login = parser.value(login).toStdString();
        ref.passwordEnv = parser.value(passwordEnv).toStdString();
        ref.passwordFile = parser.value(passwordFile).toStdString();
        ref.driver = parser.value(driver).toStdString();
        if (const int rc = connectStored(ref, options, useSimulator, kCommand); rc >= 0)
            return rc;
        stored = !useSimulator;
    }
    sql::SqlSimProcess simulator;
    if (useSimulator) {
        const QString simData = simulatorDataDir();
        if (simData.isEmpty())
            return usageError(QStringLiteral("cannot create the simulator's folder"), kCommand);
        sql::SqlSimProcess::Options so;
        so.dataDir = simData;
        so.logins = {QStringLiteral("sa:vdstudio-sim:sysadmin")};
        so.seeds = {QStringLiteral("Demo=64M")};
        if (auto started = simulator.start(so); !started) {
            err(QStringLiteral("vdsctl server: cannot start vds-sqlsim: %1")
                    .arg(str(started.error().toString())));
            return ExitJobFailed;
        }
        options.host = "127.0.0.1";
        options.port = simulator.port();
        options.login = parser.isSet(login) ? parser.value(login).toStdString() : "sa";
        options.password = "vdstudio-sim";
    } else if (!stored) {
        // HOST:PORT, or SQL Server's own spelling HOST,PORT.
        const QString hostPort = parser.value(server);
        const int comma = hostPort.lastIndexOf(QLatin1Char(','));
        const int colon = comma > 0 ? comma : hostPort.lastIndexOf(QLatin1Char(':'));
        options.host = (colon > 0 ? hostPort.left(colon) : hostPort).toStdString();
        if (colon > 0) {
            bool ok = false;
            const uint port = hostPort.mid(colon + 1).toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return usageError(
                    QStringLiteral("'%1' is not a port number").arg(hostPort.mid(colon + 1)),
                    kCommand);
            options.port = static_cast<std::uint16_t>(port);
        }
        if (!parser.isSet(login))
            return usageError(QStringLiteral("--login is required with --server"), kCommand);
        options.login = parser.value(login).toStdString();
        if (parser.isSet(passwordEnv)) {
            const QByteArray name = parser.value(passwordEnv).toLocal8Bit();
            if (!qEnvironmentVariableIsSet(name.constData()))
                return usageError(QStringLiteral("environment variable %1 is not set")
                                      .arg(parser.value(passwordEnv)),
                                  kCommand);
            options.password = qgetenv(name.constData()).toStdString();
        } else if (parser.isSet(passwordFile)) {
            QFile f(parser.value(passwordFile));
            if (!f.open(QIODevice::ReadOnly))
                return usageError(QStringLiteral("cannot read %1").arg(f.fileName()), kCommand);
            options.password = QString::fromUtf8(f.readLine()).trimmed().toStdString();
        } else {
            // Never an empty password by default: ask on a terminal, else it is a usage error.
            auto typed = promptPassword(parser.value(login) + QLatin1Char('@') + str(options.host));
            if (!typed)
                return usageError(QStringLiteral("no password: give --password-env VAR or "
                                                 "--password-file F (or run on a terminal)"),
                                  kCommand);
            options.password = std::move(*typed);
        }
    }

    auto connection = sql::SqlConnection::connect(options);
    if (!connection) {
        err(QStringLiteral("vdsctl server: %1").arg(str(connection.error().toString())));
        return ExitJobFailed;
    }
    auto summary = sql::introspect(*connection);
    if (!summary) {
        err(QStringLiteral("vdsctl server: %1").arg(str(summary.error().toString())));
        return ExitJobFailed;
    }
    if (parser.isSet(json)) {
        QJsonObject o = toJson(*summary);
        o.insert(QStringLiteral("simulator"), useSimulator);
        printJson(o);
    } else {
        if (useSimulator)
            out(QStringLiteral("(vds-sqlsim on 127.0.0.1:%1, stopped when this command ends; "
                               "data in %2)")
                    .arg(simulator.port())
                    .arg(simulatorDataDir()));
        printHuman(*summary);
    }
    return ExitOk;
}

} // namespace vds::cli
