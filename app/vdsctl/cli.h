#pragma once

#include <QCommandLineParser>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <vds/backup/params.h>

/// vdsctl's subcommand framework: a command table, one parser per command, shared exit codes
/// and output helpers. Commands print results on stdout (JSON with --json, nothing else there)
/// and human progress and errors on stderr.
namespace vds::cli {

/// Documented in `vdsctl --help` and docs/cli.md, "Exit codes".
enum ExitCode : int { ExitOk = 0, ExitJobFailed = 1, ExitUsage = 2, ExitCancelled = 3 };

struct Command {
    QString name;
    QString summary;
    /// Runs with the arguments after the command's name; returns an ExitCode.
    std::function<int(const QStringList &args)> run;
};

/// Every command, in the order `--help` lists them (commands.cpp).
const std::vector<Command> &commands();

/// Prints "vdsctl[ CMD]: MESSAGE (try 'vdsctl[ CMD] --help')" on stderr; returns ExitUsage.
int usageError(const QString &message, const QString &command = {});

/// Parses a command's arguments. Returns -1 when the command should go on; otherwise the exit
/// code to return (0 after printing --help, ExitUsage after a one-line error).
int parse(QCommandLineParser &parser, const QStringList &args, const QString &command,
          const QString &description);

/// Writes a JSON object or array and a newline to stdout.
void printJson(const QJsonValue &value);
/// Writes a line to stdout / stderr.
void out(const QString &line);
void err(const QString &line);

/// Whether human progress should be drawn: stderr is a terminal, or --progress was given.
bool wantProgress(bool forced);

/// Keeps the process's own argv (main() calls this once) so file names can be handed to the
/// engine byte for byte: QCoreApplication::arguments() decodes them, and a name that is not
/// valid in the locale's encoding (`x\xff.vhdx`) would come back as a different name.
void setRawArguments(int argc, char **argv);
/// The bytes of the command-line argument that decoded to `arg` (the path as the user typed
/// it), else `arg` in the locale's encoding.
std::string nativePath(const QString &arg);

/// Parses "1048576", "64K", "3M", "10G", "2T" (binary multiples; an optional trailing 'B' or
/// "iB" is accepted). False on anything else or on overflow.
bool parseSize(const QString &text, quint64 &bytes);

/// Reads a password from the terminal with echo off. Nothing when stdin is not a terminal.
std::optional<std::string> promptPassword(const QString &who);
/// The keyring entry of a stored connection (nothing when there is none, or no keyring).
std::optional<std::string> keyringPassword(const std::string &connection);
/// Fills `options` from the stored connection `server.connection` names, with its password
/// from --password-env/--password-file, the keyring, or the terminal. `simulator` is set when
/// it is the built-in simulator (the caller starts it). -1 to go on, else the exit code.
int connectStored(const backup::ServerRef &server, sql::ConnectionOptions &options, bool &simulator,
                  const QString &command);

} // namespace vds::cli
