#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <string>
#include <vector>

#include <vds/backup/params.h>
#include <vds/util/error.h>

/// The one mapping between the command lines of `vdsctl backup|restore|verify` and the jobs'
/// Params values, both ways: vdsctl parses with it, profiles and the GUI's "show the command"
/// print with it. Errors are InvalidArgument with the option named (vdsctl: exit 2). Secrets
/// stay references here; resolveSecrets() reads them just before a job starts.
namespace vds::backup::commandline {

/// A backup request: the Params every database shares, and which databases.
struct BackupRequest {
    BackupParams params; ///< `database` empty: one job per entry of `databases`
    std::vector<std::string> databases;
    std::string databasesLike; ///< a LIKE pattern resolved against the server
    int parallel = 1;
};

/// Options shared by the server-side commands (SERVER := --server | --sim | --connection …).
[[nodiscard]] QList<QCommandLineOption> serverOptions();
[[nodiscard]] QList<QCommandLineOption> backupOptions();
[[nodiscard]] QList<QCommandLineOption> restoreOptions();
[[nodiscard]] QList<QCommandLineOption> verifyOptions();

/// Reads a parser that was given serverOptions() + the command's options. `serverRequired`:
/// false for verify (offline without one).
[[nodiscard]] Expected<std::optional<ServerRef>> serverFrom(const QCommandLineParser &parser,
                                                            bool serverRequired);
[[nodiscard]] Expected<BackupRequest> backupFrom(const QCommandLineParser &parser);
[[nodiscard]] Expected<RestoreParams> restoreFrom(const QCommandLineParser &parser);
[[nodiscard]] Expected<VerifyParams> verifyFrom(const QCommandLineParser &parser);

/// The command line (after the command's name) that gives these Params back.
[[nodiscard]] QStringList serverArguments(const ServerRef &server);
[[nodiscard]] QStringList toArguments(const BackupRequest &request);
[[nodiscard]] QStringList toArguments(const RestoreParams &params);
[[nodiscard]] QStringList toArguments(const VerifyParams &params);

/// Reads secrets from their references: the passphrase from its environment variable, age
/// recipients from their files, identities from the identity file. InvalidArgument/NotFound
/// name the reference (never the value).
[[nodiscard]] Expected<void> resolveSecrets(BackupParams &params);
[[nodiscard]] Expected<void> resolveSecrets(RestoreParams &params);
[[nodiscard]] Expected<void> resolveSecrets(VerifyParams &params);
/// The login's password from --password-env / --password-file into `connection`.
[[nodiscard]] Expected<void> resolvePassword(const ServerRef &server,
                                             sql::ConnectionOptions &connection);

/// "zstd", "zstd:3", "zstd:3:4" → level and threads (level 1–19, threads 0–64).
[[nodiscard]] Expected<void> parseCompress(const std::string &text, int &level, int &threads);
/// ISO 8601 with or without an offset; without one it is the client's local time.
[[nodiscard]] Expected<QDateTime> parseStopAt(const QString &text);

} // namespace vds::backup::commandline
