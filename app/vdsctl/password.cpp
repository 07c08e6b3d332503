// vdsctl's password sources beyond --password-env/--password-file: the keyring entry of a
// stored connection, and the terminal.
#include <QEventLoop>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
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

} // namespace vds::cli
