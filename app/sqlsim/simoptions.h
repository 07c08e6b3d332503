#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vds::sqlsim {

/// A SQL login accepted by the simulator.
struct LoginSpec {
    std::string user;
    std::string password;
    bool sysadmin = true;
};

/// A fault switched on for the whole run (docs/sqlsim.md, "Faults").
struct FaultSpec {
    enum class Kind { NoOpen, WriteError, ReadError, Slow, Stall, DropConnection, Abort };
    Kind kind = Kind::NoOpen;
    unsigned value = 0;  ///< percent of the stream, or milliseconds per transfer for Slow
    unsigned device = 0; ///< Stall: which device stops moving, counted from 1
};

/// The simulator's command line as a plain value. Parsed once in main, then read-only.
struct SimOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::filesystem::path dataDir;
    std::vector<LoginSpec> logins;
    std::vector<std::pair<std::string, std::uint64_t>> seeds;
    std::vector<FaultSpec> faults;
    std::optional<std::string> instance;
    /// How long BACKUP/RESTORE waits for the client's device set before 3201 (VDI clients
    /// create the set before sending the statement, so the wait is normally short).
    unsigned openTimeoutMs = 10000;
    /// A connection that has not completed its login within this many seconds is closed
    /// (SQL Server's login timeout is client-side; a server must still not wait forever).
    unsigned loginTimeoutSeconds = 30;
    /// Connections served at once; one more gets error 17809 and is closed.
    unsigned maxConnections = 256;
    /// --tls: off (ENCRYPT_NOT_SUP), on (encrypt when the client wants it), required.
    enum class Tls { Off, On, Required };
    Tls tls = Tls::Off;
    std::string tlsCert; ///< PEM; with tlsKey. Both empty: a self-signed pair made at start
    std::string tlsKey;

    [[nodiscard]] std::optional<FaultSpec> fault(FaultSpec::Kind kind) const;
    [[nodiscard]] const LoginSpec *findLogin(const std::string &user) const;
};

/// Parses argv; on failure returns nullopt and sets `error` to a one-line message.
std::optional<SimOptions> parseOptions(int argc, char **argv, std::string &error);
/// "64K", "3M", "1G", "512" → bytes (binary multiples, as vdsctl).
std::optional<std::uint64_t> parseSize(const std::string &text);
/// The usage lines (start of --help; after a usage error).
std::string usage();
/// The full --help text: usage, what each option does (also the man page).
std::string help();

} // namespace vds::sqlsim
