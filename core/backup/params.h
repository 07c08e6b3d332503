#pragma once

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <vds/backup/stripe.h>
#include <vds/sql/connectionoptions.h>

/// The plain values the backup, restore and verify jobs are built from. Filled by the command
/// line (commandline.h), wizards and profiles; the jobs never read settings. Secrets appear
/// twice: as references (an environment variable, a file) that history and profiles keep, and
/// resolved (the password, the passphrase, the identities) just before the job starts.
namespace vds::backup {

enum class BackupType : std::uint8_t { Full, Diff, Log, CopyOnly };

/// "full", "diff", "log", "copy-only" (command line, manifests, file names).
[[nodiscard]] std::string typeName(BackupType type);
[[nodiscard]] std::optional<BackupType> parseType(std::string_view text);

/// Where the server is, as the user named it (kept in history and profiles).
struct ServerRef {
    enum class Kind : std::uint8_t { Host, Sim, Connection };
    Kind kind = Kind::Host;
    std::string host;          ///< Host: "host", port separately
    std::uint16_t port = 1433; ///< Host
    std::string connection;    ///< Connection: a stored connection's name
    std::string login;         ///< empty: "sa" for the simulator
    std::string passwordEnv;   ///< reference: environment variable
    std::string passwordFile;  ///< reference: first line of a file
    /// ODBC driver name or library path; empty with Connection: the stored connection's.
    std::string driver = "FreeTDS";
    /// "host:port", "sim" or "connection:NAME" for history and file names.
    [[nodiscard]] std::string display() const;
};

/// Encryption of the stripes as asked for; recipients and files are references, the passphrase
/// is resolved into `passphrase` (never stored).
struct EncryptionParams {
    Encryption kind = Encryption::None;
    std::vector<std::string> recipients;     ///< "age1…" given on the command line
    std::vector<std::string> recipientFiles; ///< files of recipients (resolved into recipients)
    std::string passphraseEnv;               ///< reference
    std::string passphrase;                  ///< resolved
};

struct BackupParams {
    ServerRef server;
    sql::ConnectionOptions connection; ///< resolved; password filled just before start
    std::string database;
    BackupType type = BackupType::Full;
    int stripes = 1;                 ///< 1–64
    std::filesystem::path directory; ///< --to
    std::string namePattern;         ///< empty: the default of names.h
    Codec codec = Codec::None;
    int zstdLevel = 3;
    int zstdThreads = 0;
    EncryptionParams encryption;
    bool checksum = false;
    bool verify = false;          ///< run an offline verification of the result
    unsigned bufferCount = 0;     ///< 0: the default (kDefaultBufferCount)
    unsigned maxTransferSize = 0; ///< 0: the default (kDefaultMaxTransferSize)
    /// Per-stripe stall warning after this long without a byte (the runner's is job-wide).
    int stripeStallSeconds = 15;
};

struct RestoreParams {
    ServerRef server;
    sql::ConnectionOptions connection;
    std::filesystem::path from; ///< a manifest or a folder of manifests
    std::string sourceDatabase; ///< which database's chain in a folder (empty: the only one)
    std::string database;       ///< the target name
    bool replace = false;
    bool norecovery = false;
    std::vector<std::pair<std::string, std::string>> moves; ///< logical name → path
    std::optional<QDateTime> stopAt;                        ///< with its offset
    std::string identityFile;                               ///< reference
    std::vector<std::string> identities;                    ///< resolved
    std::string passphraseEnv;                              ///< reference
    std::string passphrase;                                 ///< resolved
    unsigned bufferCount = 0;
    unsigned maxTransferSize = 0;
};

struct VerifyParams {
    std::optional<ServerRef> server; ///< with a server: RESTORE VERIFYONLY through VDI too
    sql::ConnectionOptions connection;
    std::filesystem::path from;
    std::string sourceDatabase;
    std::string identityFile;
    std::vector<std::string> identities;
    std::string passphraseEnv;
    std::string passphrase;
};

inline constexpr int kMaxStripes = 64;

/// BUFFERCOUNT when none is given: the count is shared by all devices (as on SQL Server), two
/// per device keep each pump busy while the server fills the other, at least six in all.
[[nodiscard]] unsigned defaultBufferCount(int stripes);
/// MAXTRANSFERSIZE when none is given: SQL Server's largest (4 MiB) up to 8 stripes, 1 MiB
/// beyond, so the shared buffer area stays under ~128 MiB whatever the stripe count.
[[nodiscard]] unsigned defaultMaxTransferSize(int stripes);

} // namespace vds::backup
