#pragma once

#include <optional>
#include <string>
#include <vector>

#include <vds/connections/vdiprerequisites.h>
#include <vds/sql/connectionoptions.h>
#include <vds/sql/serverinfo.h>
#include <vds/util/error.h>

namespace vds::connections {

/// Why a connection cannot be used for VDI backups, as ids the UI words with their fix. The
/// value each carries is in `CheckFinding::value`.
enum class CheckReason : std::uint8_t {
    NoDriver,          ///< value: the driver name; the ODBC driver is not installed
    HostUnreachable,   ///< value: "host:port"; nothing answered (or refused) there
    LoginFailed,       ///< value: the login; SQL Server refused it (18456)
    ConnectFailed,     ///< anything else during the login; see `error`
    NotSysadmin,       ///< value: the login; VIRTUAL_DEVICE needs sysadmin (3265 otherwise)
    ServerNotLocal,    ///< value: the host; VDI is shared memory on one machine
    SqlVdiMissing,     ///< value: the path; Microsoft's libsqlvdi.so is not there
    MssqlGroupMissing, ///< value: the user; the groups are not shared with SQL Server's account
};

struct CheckFinding {
    CheckReason reason;
    std::string value;
    Error error; ///< the underlying failure, when there was one (SQLSTATE, number)
};

/// What a connection test found. Plain value, any thread.
struct CheckResult {
    bool connected = false;
    bool isSimulator = false;
    std::optional<sql::ServerSummary> server; ///< when connected
    std::vector<CheckFinding> findings;       ///< empty: ready for VDI backups
    [[nodiscard]] bool ok() const { return connected && findings.empty(); }
    [[nodiscard]] bool has(CheckReason reason) const;
};

/// Connects, reads the server (version, role, databases) and checks the VDI prerequisites on
/// this machine. Blocking (up to the login timeout): call it off the GUI thread (see
/// runOffThread). The password must be filled in.
[[nodiscard]] CheckResult checkConnection(const sql::ConnectionOptions &options);

/// The VDI findings alone, from facts (the rule of checkConnection, testable without a server).
[[nodiscard]] std::vector<CheckFinding> vdiFindings(const VdiFacts &facts, const std::string &host);

/// The findings of a failed login, from its error (driver missing, unreachable, refused).
[[nodiscard]] CheckFinding loginFinding(const sql::ConnectionOptions &options, const Error &error);

/// Connects and lists the server's databases (name, state, recovery model, size, last
/// backups). Blocking: call it off the GUI thread.
[[nodiscard]] Expected<sql::ServerSummary> listDatabases(const sql::ConnectionOptions &options);

} // namespace vds::connections
