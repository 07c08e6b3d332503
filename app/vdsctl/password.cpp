// vdsctl's password sources beyond --password-env/--password-file (the keyring entry of a
// stored connection, the terminal) and the resolution of --connection NAME.
#include <QEventLoop>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include <vds/backup/commandline.h>
#include <vds/connections/connectionstore.h>
#include <vds/connections/passwordvault.h>

namespace vds::cli {

/// Reads a password from the terminal with echo off. Nothing when there is no terminal.
std::optional<std::string> promptPassword(const QString &who)
{
    if (::isatty(STDIN_FILENO) != 1)
        return std::nullopt;
    std::fprintf(stderr, "Password for %s: ", qPrintable(who));
    std::fflush(stderr);
    termios old{};
    const bool restore = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (restore) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char line[1024];
    const bool got = std::fgets(line, sizeof line, stdin) != nullptr;
    if (restore)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputs("\n", stderr);
    if (!got)
        return std::nullopt;
    std::string password(line);
    while (!password.empty() && (password.back() == '\n' || password.back() == '\r'))
        password.pop_back();
    return password;
}

std::optional<std::string> keyringPassword(const std::string &connection)
{
    // vdsctl has no window to keep alive: waiting here for the keyring's D-Bus answer is the
    // simplest correct thing (QtKeychain answers through the event loop).
    connections::PasswordVault vault;
    QEventLoop loop;
    std::optional<std::string> found;
    bool keyring = false;
    vault.fetch(connection, &loop,
                [&](const std::optional<std::string> &password, connections::PasswordStorage s) {
                    found = password;
                    keyring = s == connections::PasswordStorage::Keyring;
                    loop.quit();
                });
    loop.exec();
    // A session-only copy cannot exist in a fresh process: only the keyring counts here.
    return keyring ? found : std::nullopt;
}

/// A stored connection's options; its password from --password-env/--password-file, else
/// its keyring entry, else the terminal, else exit 2 (an empty password is never sent).
/// Returns -1 to go on, or the exit code.
int connectStored(const backup::ServerRef &server, sql::ConnectionOptions &options, bool &simulator,
                  const QString &command)
{
    auto stored = connections::ConnectionStore::get(server.connection);
    if (!stored)
        return usageError(QString::fromStdString(stored.error().message), command);
    simulator = stored->kind == connections::Connection::Kind::Simulator;
    if (simulator)
        return -1;
    const sql::ConnectionOptions s = stored->options();
    options.driver = s.driver;
    options.host = s.host;
    options.port = s.port;
    options.auth = s.auth;
    options.login = s.login;
    options.encryption = s.encryption;
    options.trustServerCertificate = s.trustServerCertificate;
    options.hostNameInCertificate = s.hostNameInCertificate;
    if (auto pw = backup::commandline::resolvePassword(server, options); !pw)
        return usageError(QString::fromStdString(pw.error().message), command);
    if (!options.password.empty() || !stored->needsPassword())
        return -1;
    if (auto kept = keyringPassword(server.connection); kept && !kept->empty()) {
        options.password = *kept;
        return -1;
    }
    if (auto typed = promptPassword(QString::fromStdString(options.login) + QLatin1Char('@') +
                                    QString::fromStdString(options.host));
        typed && !typed->empty()) {
        options.password = *typed;
        return -1;
    }
    return usageError(QStringLiteral("no password for the connection '%1': none in the keyring "
                                     "and no terminal to ask on; give --password-env VAR or "
                                     "--password-file F")
                          .arg(QString::fromStdString(server.connection)),
                      command);
}

} // namespace vds::cli
