#include "ui/connections/connectiontext.h"

#include <QCoreApplication>

namespace vds::ui {

namespace {

// lupdate files a free function's tr() under the enclosing namespace, so the lookup context
// is that namespace's name too (another name would never find the translation).
QString tr(const char *text)
{
    return QCoreApplication::translate("vds::ui", text);
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

FindingText describe(const connections::CheckFinding &f)
{
    using connections::CheckReason;
    const QString value = q(f.value);
    FindingText t;
    switch (f.reason) {
    case CheckReason::NoDriver:
        t.headline = tr("The ODBC driver \"%1\" is not installed.").arg(value);
        t.fix = tr("Install FreeTDS (sudo apt install tdsodbc) or Microsoft's ODBC Driver 18 "
                   "for SQL Server, then pick it in the Driver list.");
        break;
    case CheckReason::HostUnreachable:
        t.headline = tr("Nothing answered at %1.").arg(value);
        t.fix = tr("Check the host name and port, that SQL Server is running and listens on TCP "
                   "(mssql-conf set network.tcpport), and that no firewall blocks the port.");
        break;
    case CheckReason::LoginFailed:
        t.headline = tr("SQL Server refused the login \"%1\".").arg(value);
        t.fix = tr("Check the login name and password (passwords are case-sensitive), and that "
                   "the server allows SQL Server authentication (mixed mode).");
        break;
    case CheckReason::ConnectFailed:
        t.headline = tr("The connection failed: %1").arg(q(f.error.message));
        t.fix = tr("Check the encryption settings and the driver; the log has the details.");
        break;
    case CheckReason::NotSysadmin:
        t.headline = tr("The login \"%1\" is not a member of the sysadmin role.").arg(value);
        t.fix = tr("Backups through virtual devices need sysadmin. Ask an administrator to run: "
                   "ALTER SERVER ROLE sysadmin ADD MEMBER [%1];")
                    .arg(value);
        break;
    case CheckReason::ServerNotLocal:
        t.headline = tr("SQL Server at \"%1\" is not on this machine.").arg(value);
        t.fix = tr("Virtual device backups share memory with the server, so they only work "
                   "where SQL Server runs. Install Virtual Device Studio on the server and "
                   "connect to it there; you can still list its databases from here.");
        break;
    case CheckReason::SqlVdiMissing:
        t.headline = tr("Microsoft's VDI library is missing: %1").arg(value);
        t.fix = tr("It comes with SQL Server on Linux (package mssql-server). If it lives "
                   "elsewhere, set VDS_SQLVDI_PATH to its full path.");
        break;
    case CheckReason::MssqlGroupMissing:
        t.headline = tr("\"%1\" and SQL Server do not share their groups yet.").arg(value);
        t.fix = tr("SQL Server can only open the virtual devices when you share groups with its "
                   "account (mssql) both ways. Run sudo vdsctl setup-vdi --apply, log out and "
                   "back in, and restart SQL Server if it asks; vdsctl setup-vdi shows each "
                   "step.");
        break;
    }
    return t;
}

QString describeResult(const connections::CheckResult &r)
{
    QString html;
    if (r.connected && r.server) {
        html += tr("<p><b>Connected</b> to %1 (SQL Server %2%3).</p>")
                    .arg(q(r.server->serverName).toHtmlEscaped(),
                         q(r.server->productVersion).toHtmlEscaped(),
                         r.isSimulator ? tr(", the built-in simulator") : QString());
    }
    if (r.findings.empty()) {
        html += tr("<p>Ready for backups through virtual devices.</p>");
        return html;
    }
    for (const auto &f : r.findings) {
        const FindingText t = describe(f);
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(t.headline.toHtmlEscaped(), t.fix.toHtmlEscaped());
    }
    return html;
}

QString storageNotice(connections::PasswordStorage storage)
{
    if (storage == connections::PasswordStorage::SessionOnly)
        return tr("No keyring: the password is kept for this session only. Install and unlock a "
                  "Secret Service keyring (GNOME Keyring, KWallet) to keep it.");
    return tr("The password is kept in the system keyring.");
}

} // namespace vds::ui
