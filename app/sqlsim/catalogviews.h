#pragma once

#include <optional>
#include <string>
#include <utility>

#include "databasestore.h"
#include "tokenwriter.h"

namespace vds::sqlsim {

/// The catalog views the app reads, built from the store on each query: sys.databases (with
/// the four system databases), sys.master_files, msdb.dbo.backupset and sys.dm_os_host_info,
/// with SQL Server's column names and types. Read-only over a thread-safe store; any thread.
class CatalogViews final {
public:
    explicit CatalogViews(const DatabaseStore &store) : m_store(store) {}

    /// The whole view named `qualifiedLower` ("sys.databases"), or nullopt (→ error 208).
    [[nodiscard]] std::optional<ResultSet> table(const std::string &qualifiedLower) const;

    /// SERVERPROPERTY('name') (lower-cased name): the value and its column type; unknown
    /// properties are NULL, as on SQL Server.
    [[nodiscard]] std::pair<Value, Column>
    serverProperty(const std::string &name, const std::string &serverName,
                   const std::optional<std::string> &instance) const;

private:
    const DatabaseStore &m_store;
};

} // namespace vds::sqlsim
