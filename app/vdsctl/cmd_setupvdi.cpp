// vdsctl setup-vdi: checks, explains and (as root, confirmed) fixes what SQL Server on Linux
// needs before a VDI backup can run: shared groups both ways between the client user and the
// service account, a server restarted since, and Microsoft's libsqlvdi.so (docs/setup-vdi.md).
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

#include "cli.h"
#include <vds/vdi/hostsetup.h>

namespace vds::cli {

namespace {

const QString kCommand = QStringLiteral("setup-vdi");

/// One check: its id (stable, for --json), whether it holds, what it means, and the command
/// that fixes it when one exists.
struct Step {
    QString id;
    bool ok = false;
    QString explanation;
    QStringList fix;
};

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString pidList(const std::vector<pid_t> &pids)
{
    QStringList out;
    for (pid_t p : pids)
        out << QString::number(p);
    return out.join(QStringLiteral(", "));
}

std::vector<Step> steps(const vdi::HostSetupFacts &f)
{
    std::vector<Step> s;
    if (!f.serviceExists) {
        s.push_back({QStringLiteral("service-account"),
                     false,
                     QStringLiteral("There is no user '%1' here: SQL Server for Linux is not "
                                    "installed on this machine, or runs under another account "
                                    "(--service-user NAME). VDI needs the app on the same "
                                    "machine as SQL Server.")
                         .arg(q(f.serviceUser)),
                     {}});
    } else {
        s.push_back({QStringLiteral("service-account"),
                     true,
                     QStringLiteral("SQL Server's account is '%1' (group '%2').")
                         .arg(q(f.serviceUser), q(f.serviceGroup)),
                     {}});
        s.push_back(
            {QStringLiteral("user-in-service-group"),
             f.userInServiceGroup,
             f.userInServiceGroup
                 ? QStringLiteral("'%1' is in group '%2': it can open the shared memory "
                                  "SQL Server creates.")
                       .arg(q(f.user), q(f.serviceGroup))
                 : QStringLiteral("'%1' is not in group '%2', so it cannot open the "
                                  "shared memory and semaphores SQL Server creates.")
                       .arg(q(f.user), q(f.serviceGroup)),
             {QStringLiteral("usermod"), QStringLiteral("-aG"), q(f.serviceGroup), q(f.user)}});
        s.push_back(
            {QStringLiteral("service-in-user-group"),
             f.serviceInUserGroup,
             f.serviceInUserGroup
                 ? QStringLiteral("'%1' is in group '%2': SQL Server can open the "
                                  "virtual device set the client creates.")
                       .arg(q(f.serviceUser), q(f.userGroup))
                 : QStringLiteral("'%1' is not in group '%2', so SQL Server cannot open "
                                  "the virtual device set '%3' creates.")
                       .arg(q(f.serviceUser), q(f.userGroup), q(f.user)),
             {QStringLiteral("usermod"), QStringLiteral("-aG"), q(f.userGroup), q(f.serviceUser)}});
        // A restart only helps once the service account is in the client's group; until then
        // a running server is stale too, and the restart comes after the group change.
        const bool running = !f.servicePids.empty();
        const bool stale = running && (!f.serviceInUserGroup || !f.staleServicePids.empty());
        QStringList restart;
        if (f.serviceUser == "mssql")
            restart = {QStringLiteral("systemctl"), QStringLiteral("restart"),
                       QStringLiteral("mssql-server")};
        QString restartText;
        if (!running)
            restartText = QStringLiteral("SQL Server is not running; it picks the groups up "
                                         "when it starts.");
        else if (!f.serviceInUserGroup)
            restartText = QStringLiteral("SQL Server (%1) must be restarted once '%2' is in "
                                         "group '%3' (a process reads its groups when it starts).")
                              .arg(pidList(f.servicePids), q(f.serviceUser), q(f.userGroup));
        else if (stale)
            restartText = QStringLiteral("Processes of '%1' (%2) started before '%1' joined "
                                         "group '%3' and do not have it: restart SQL Server.")
                              .arg(q(f.serviceUser), pidList(f.staleServicePids), q(f.userGroup));
        else
            restartText = QStringLiteral("SQL Server (%1) runs with group '%2'.")
                              .arg(pidList(f.servicePids), q(f.userGroup));
        s.push_back({QStringLiteral("service-restart"), !stale, restartText, restart});
        if (f.sessionIsUser) {
            // Checked only for the user running this: another user's sessions cannot be seen.
            s.push_back({QStringLiteral("session"),
                         f.sessionHasServiceGroup,
                         f.sessionHasServiceGroup
                             ? QStringLiteral("This session has group '%1'.").arg(q(f.serviceGroup))
                             : QStringLiteral("This session does not have group '%1': once "
                                              "'%2' is in it, log out and back in (or run "
                                              "'newgrp %1').")
                                   .arg(q(f.serviceGroup), q(f.user)),
                         {}});
        }
    }
    s.push_back({QStringLiteral("library"),
                 f.libraryPresent,
                 f.libraryPresent
                     ? QStringLiteral("Microsoft's VDI library is at %1.").arg(q(f.libraryPath))
                     : QStringLiteral("Microsoft's VDI library is not at %1: it comes with the "
                                      "mssql-server package (or set VDS_SQLVDI_PATH to where it "
                                      "is).")
                           .arg(q(f.libraryPath)),
                 {}});
    return s;
}

bool ready(const std::vector<Step> &s)
{
    return std::all_of(s.begin(), s.end(), [](const Step &x) { return x.ok; });
}

void printHuman(const vdi::HostSetupFacts &f, const std::vector<Step> &s)
{
    out(QStringLiteral("VDI set-up for user '%1' and SQL Server account '%2':")
            .arg(q(f.user), q(f.serviceUser)));
    for (const Step &x : s) {
        out(QStringLiteral("  [%1] %2")
                .arg(x.ok ? QStringLiteral("ok") : QStringLiteral("!!"), x.explanation));
        if (!x.ok && !x.fix.isEmpty())
            out(QStringLiteral("       fix: sudo %1").arg(x.fix.join(QLatin1Char(' '))));
    }
    out(ready(s) ? QStringLiteral("Ready for VDI backups.")
                 : QStringLiteral("Not ready: see the steps marked !!."));
}

QJsonObject toJson(const vdi::HostSetupFacts &f, const std::vector<Step> &s,
                   const QJsonArray &applied)
{
    QJsonArray jsteps;
    for (const Step &x : s) {
        QJsonObject o{{QStringLiteral("id"), x.id},
                      {QStringLiteral("ok"), x.ok},
                      {QStringLiteral("explanation"), x.explanation}};
        o.insert(QStringLiteral("fix"), x.fix.isEmpty() || x.ok
                                            ? QJsonValue()
                                            : QJsonValue(QJsonArray::fromStringList(x.fix)));
        jsteps.append(o);
    }
    QJsonArray stale;
    for (pid_t p : f.staleServicePids)
        stale.append(int(p));
    return {{QStringLiteral("user"), q(f.user)},
            {QStringLiteral("userGroup"), q(f.userGroup)},
            {QStringLiteral("serviceUser"), q(f.serviceUser)},
            {QStringLiteral("serviceGroup"), q(f.serviceGroup)},
            {QStringLiteral("libraryPath"), q(f.libraryPath)},
            {QStringLiteral("staleServicePids"), stale},
            {QStringLiteral("ready"), ready(s)},
            {QStringLiteral("steps"), jsteps},
            {QStringLiteral("applied"), applied}};
}

/// Runs one fix; its output goes to stderr so stdout stays the report.
int runFix(const QStringList &command)
{
    const QString program = QStandardPaths::findExecutable(command.constFirst());
    if (program.isEmpty()) {
        err(QStringLiteral("vdsctl setup-vdi: %1 is not installed").arg(command.constFirst()));
        return 127;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.setStandardOutputFile(QStringLiteral("/dev/stderr"));
    p.start(program, command.mid(1));
    if (!p.waitForFinished(120000))
        return 126;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : 126;
}

bool confirm()
{
    std::fputs("Apply these changes now? [y/N] ", stderr);
    std::fflush(stderr);
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

} // namespace

int runSetupVdi(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption apply(QStringLiteral("apply"),
                                   QStringLiteral("Apply the missing steps without asking (as "
                                                  "root). On a terminal, you are asked instead."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("The client user to set up (default: you; "
                                                 "under sudo, the user who ran sudo)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption service(QStringLiteral("service-user"),
                                     QStringLiteral("SQL Server's account (default mssql)."),
                                     QStringLiteral("NAME"), QStringLiteral("mssql"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("The SQL Server to back up: it must run on this "
                                                   "machine (VDI is shared memory)."),
                                    QStringLiteral("HOST[:PORT]"));
    const QCommandLineOption sim(QStringLiteral("sim"),
                                 QStringLiteral("For the built-in simulator: it runs as you, so "
                                                "nothing needs setting up."));
    parser.addOptions({apply, json, user, service, server, sim});
    if (const int rc = parse(parser, args, kCommand,
                             QStringLiteral("Check the VDI permissions between you and SQL Server "
                                            "on Linux, explain each missing step, and apply them "
                                            "(as root, after confirmation or with --apply). Exit "
                                            "0 when ready, 1 when a step remains."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()),
                          kCommand);

    if (parser.isSet(server) && parser.isSet(sim))
        return usageError(QStringLiteral("give --server or --sim, not both"), kCommand);
    if (parser.isSet(sim)) {
        // vds-sqlsim runs as the user who starts it and uses our own VDI provider.
        const QString text = QStringLiteral("The simulator runs as you: VDI needs no set-up.");
        if (parser.isSet(json))
            printJson(QJsonObject{
                {QStringLiteral("ready"), true},
                {QStringLiteral("steps"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("simulator")},
                                        {QStringLiteral("ok"), true},
                                        {QStringLiteral("explanation"), text},
                                        {QStringLiteral("fix"), QJsonValue()}}}},
                {QStringLiteral("applied"), QJsonArray()}});
        else
            out(text);
        return ExitOk;
    }

    const std::string userName = parser.value(user).toStdString();
    const std::string serviceName = parser.value(service).toStdString();
    vdi::HostSetupFacts facts = vdi::readHostSetup(userName, serviceName);
    if (!facts.userExists)
        return usageError(QStringLiteral("no user '%1' on this machine").arg(q(facts.user)),
                          kCommand);
    // HOST:PORT, HOST,PORT or HOST\\INSTANCE: only the host decides where the server runs.
    QString host =
        parser.value(server).section(QLatin1Char('\\'), 0, 0).section(QLatin1Char(','), 0, 0);
    if (host.count(QLatin1Char(':')) == 1) // HOST:PORT (an IPv6 address has more colons)
        host = host.section(QLatin1Char(':'), 0, 0);
    const auto checks = [&] {
        std::vector<Step> all = steps(facts);
        if (!host.isEmpty()) {
            const bool local = vdi::isThisMachine(host.toStdString());
            all.insert(all.begin(),
                       Step{QStringLiteral("same-host"),
                            local,
                            local ? QStringLiteral("%1 is this machine.").arg(host)
                                  : QStringLiteral("%1 is not this machine (or does not resolve): "
                                                   "VDI is shared memory, so the app must run on "
                                                   "the server's host (or in its container).")
                                        .arg(host),
                            {}});
        }
        return all;
    };
    std::vector<Step> plan = checks();

    QStringList fixes;
    for (const Step &x : plan)
        if (!x.ok && !x.fix.isEmpty())
            fixes << x.fix.join(QLatin1Char(' '));
    const bool terminal = ::isatty(STDIN_FILENO) == 1 && !parser.isSet(json);
    bool doApply = parser.isSet(apply);
    if (!fixes.isEmpty() && !doApply && terminal) {
        printHuman(facts, plan);
        if (::geteuid() != 0) {
            err(QStringLiteral("vdsctl setup-vdi: run as root to apply them: sudo vdsctl "
                               "setup-vdi --user %1")
                    .arg(q(facts.user)));
            return ExitJobFailed;
        }
        err(QStringLiteral("Will run:\n  %1").arg(fixes.join(QStringLiteral("\n  "))));
        doApply = confirm();
        if (!doApply)
            return ExitJobFailed;
    }

    QJsonArray applied;
    if (doApply && !fixes.isEmpty()) {
        if (::geteuid() != 0) {
            err(QStringLiteral("vdsctl setup-vdi: --apply needs root (usermod changes the group "
                               "database): sudo vdsctl setup-vdi --apply --user %1")
                    .arg(q(facts.user)));
            return ExitJobFailed;
        }
        // Groups first: the restart is only worth it once both memberships exist, and which
        // processes are stale is only known after them.
        for (const QString &id :
             {QStringLiteral("user-in-service-group"), QStringLiteral("service-in-user-group"),
              QStringLiteral("service-restart")}) {
            if (id == QLatin1String("service-restart")) {
                facts = vdi::readHostSetup(facts.user, serviceName);
                plan = checks();
            }
            for (const Step &x : plan) {
                if (x.id != id || x.ok || x.fix.isEmpty())
                    continue;
                err(QStringLiteral("+ %1").arg(x.fix.join(QLatin1Char(' '))));
                const int rc = runFix(x.fix);
                applied.append(
                    QJsonObject{{QStringLiteral("command"), QJsonArray::fromStringList(x.fix)},
                                {QStringLiteral("exitCode"), rc}});
            }
        }
        facts = vdi::readHostSetup(facts.user, serviceName);
        plan = checks();
    }

    if (parser.isSet(json))
        printJson(toJson(facts, plan, applied));
    else
        printHuman(facts, plan);
    return ready(plan) ? ExitOk : ExitJobFailed;
}

} // namespace vds::cli
