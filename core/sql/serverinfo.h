#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <vds/sql/sqlconnection.h>

namespace vds::sql {

/// One database as the app lists it. Plain value.
struct DatabaseSummary {
    std::string name;
    int id = 0;
    std::string state;         ///< ONLINE, RESTORING, …
    std::string recoveryModel; ///< FULL, SIMPLE, BULK_LOGGED
    std::int64_t sizeBytes = 0;
    std::optional<std::string> lastFullBackup; ///< "yyyy-MM-dd hh:mm:ss.zzz" from msdb
    std::optional<std::string> lastDiffBackup;
    std::optional<std::string> lastLogBackup;
    [[nodiscard]] bool isSystem() const { return id >= 1 && id <= 4; }
};

/// What the app needs to know about a server before it offers a backup. Plain value.
struct ServerSummary {
    std::string serverName;
    std::string version;        ///< @@VERSION
    std::string productVersion; ///< "16.0.4135.4"
    std::string edition;
    std::optional<std::string> instanceName; ///< nullopt = default instance
    bool isLinux = false;
    std::string defaultBackupPath;
    /// BACKUP … TO VIRTUAL_DEVICE needs sysadmin (3265 otherwise): known before the first try.
    bool isSysadmin = false;
    std::vector<DatabaseSummary> databases;
};

/// Reads version, platform, paths, role and databases (sys.databases + sys.master_files +
/// msdb.dbo.backupset) with queries that work on SQL Server 2017+ and on vds-sqlsim. A
/// missing msdb permission leaves the last-backup fields empty instead of failing.
Expected<ServerSummary> introspect(SqlConnection &connection);

} // namespace vds::sql
