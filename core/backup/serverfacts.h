#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <vds/backup/manifest.h>
#include <vds/sql/sqlconnection.h>

/// What the backup jobs ask a server before they start: its name, version, instance (the VDI
/// namespace), default data/log folders, a database's files, the backupset row of a set, the
/// server's UTC offset. Plain functions on a connection the caller owns (job thread).
namespace vds::backup {

struct ServerFacts {
    std::string serverName;
    std::string version;  ///< @@VERSION
    std::string instance; ///< "" for the default instance
    std::string defaultDataPath;
    std::string defaultLogPath;
    [[nodiscard]] bool isSimulator() const
    {
        return version.find("vds-sqlsim") != std::string::npos;
    }
};

[[nodiscard]] Expected<ServerFacts> readServerFacts(sql::SqlConnection &connection);

/// The database's files from sys.master_files (NotFound when there is no such database).
[[nodiscard]] Expected<std::vector<ManifestFile>> databaseFiles(sql::SqlConnection &connection,
                                                                const std::string &database);
/// State of a database ("ONLINE", "RESTORING", …), nullopt when it does not exist.
[[nodiscard]] Expected<std::optional<std::string>> databaseState(sql::SqlConnection &connection,
                                                                 const std::string &database);

struct BackupSetRow {
    std::string firstLsn, lastLsn, databaseBackupLsn, differentialBaseLsn;
};
/// This backup's own row of msdb.dbo.backupset (WHERE description = the set name).
[[nodiscard]] Expected<BackupSetRow> backupSetRow(sql::SqlConnection &connection,
                                                  const std::string &setName);

/// The server's offset from UTC in seconds (SYSDATETIMEOFFSET()). The simulator, whose local
/// time is UTC, may not answer it: 0 there.
[[nodiscard]] Expected<int> serverUtcOffset(sql::SqlConnection &connection,
                                            const ServerFacts &facts);

} // namespace vds::backup
