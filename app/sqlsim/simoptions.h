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

/// A fault switched on for the whole run (docs/cli.md, "Faults").
struct FaultSpec {
    enum class Kind { NoOpen, WriteError, ReadError, Slow, DropConnection, Abort, Stall };
    Kind kind = Kind::NoOpen;
    unsigned value = 0;  ///< percent of the stream, or milliseconds per transfer for Slow
    unsigned device = 0; ///< Stall: which device stops (0-based), the others go on
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

    [[nodiscard]] std::optional<FaultSpec> fault(FaultSpec::Kind kind) const;
    [[nodiscard]] const LoginSpec *findLogin(const std::string &user) const;
};

/// Parses argv; on failure returns nullopt and sets `error` to a one-line message.
std::optional<SimOptions> parseOptions(int argc, char **argv, std::string &error);
/// "64K", "3M", "1G", "512" → bytes (binary multiples, as vdsctl).
std::optional<std::uint64_t> parseSize(const std::string &text);
/// The usage text printed by --help.
std::string usage();

} // namespace vds::sqlsim
