#include <vds/sql/serverinfo.h>

#include <map>

#include <spdlog/logger.h>

#include <vds/logging/log.h>

namespace vds::sql {

namespace {
std::string cell(const QueryResult &r, std::size_t row, const char *column)
{
    const int c = r.column(column);
    if (c < 0 || row >= r.rows.size() || !r.rows[row][static_cast<std::size_t>(c)])
        return {};
    return *r.rows[row][static_cast<std::size_t>(c)];
}
std::optional<std::string> optCell(const QueryResult &r, std::size_t row, const char *column)
{
    const int c = r.column(column);
    if (c < 0 || row >= r.rows.size())
        return std::nullopt;
    return r.rows[row][static_cast<std::size_t>(c)];
}
} // namespace

Expected<ServerSummary> introspect(SqlConnection &connection)
{
    ServerSummary s;
    auto facts = connection.query(
        "SELECT @@VERSION AS version, @@SERVERNAME AS server_name, "
        "CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version, "
        "CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition, "
        "CAST(SERVERPROPERTY('InstanceName') AS nvarchar(128)) AS instance_name, "
        "CAST(SERVERPROPERTY('InstanceDefaultBackupPath') AS nvarchar(260)) AS backup_path, "
        "IS_SRVROLEMEMBER('sysadmin') AS is_sysadmin");
    if (!facts)
        return fail(facts.error());
    if (facts->rows.empty())
        return fail(ErrorCategory::Protocol, "the server answered the version query with no row");
    s.version = cell(*facts, 0, "version");
    s.serverName = cell(*facts, 0, "server_name");
    s.productVersion = cell(*facts, 0, "product_version");
    s.edition = cell(*facts, 0, "edition");
    s.instanceName = optCell(*facts, 0, "instance_name");
    s.defaultBackupPath = cell(*facts, 0, "backup_path");
    s.isSysadmin = cell(*facts, 0, "is_sysadmin") == "1";

    // sys.dm_os_host_info exists from SQL Server 2017 (the first release on Linux); older
    // servers are Windows by definition.
    if (auto host = connection.query("SELECT host_platform FROM sys.dm_os_host_info");
        host && !host->rows.empty())
        s.isLinux = cell(*host, 0, "host_platform") == "Linux";
    else
        s.isLinux = s.version.find(" on Linux") != std::string::npos;

    auto dbs = connection.query("SELECT name, database_id, state_desc, recovery_model_desc "
                                "FROM sys.databases ORDER BY name");
    if (!dbs)
        return fail(dbs.error());
    std::map<int, std::size_t> byId;
    for (std::size_t i = 0; i < dbs->rows.size(); ++i) {
        DatabaseSummary d;
        d.name = cell(*dbs, i, "name");
        d.id = std::atoi(cell(*dbs, i, "database_id").c_str());
        d.state = cell(*dbs, i, "state_desc");
        d.recoveryModel = cell(*dbs, i, "recovery_model_desc");
        byId[d.id] = s.databases.size();
        s.databases.push_back(std::move(d));
    }
    // size is in 8 KiB pages.
    if (auto files = connection.query("SELECT database_id, size FROM sys.master_files"); files) {
        for (std::size_t i = 0; i < files->rows.size(); ++i) {
            const int id = std::atoi(cell(*files, i, "database_id").c_str());
            if (auto it = byId.find(id); it != byId.end())
                s.databases[it->second].sizeBytes +=
                    std::atoll(cell(*files, i, "size").c_str()) * 8192;
        }
    } else {
        vds::log::get("sql")->warn("cannot read sys.master_files: {}", files.error().toString());
    }
    auto history =
        connection.query("SELECT database_name, type, MAX(backup_finish_date) AS last_finish "
                         "FROM msdb.dbo.backupset GROUP BY database_name, type");
    if (history) {
        for (std::size_t i = 0; i < history->rows.size(); ++i) {
            const std::string name = cell(*history, i, "database_name");
            const std::string type = cell(*history, i, "type");
            const auto when = optCell(*history, i, "last_finish");
            for (DatabaseSummary &d : s.databases) {
                if (d.name != name)
                    continue;
                if (type == "D")
                    d.lastFullBackup = when;
                else if (type == "I")
                    d.lastDiffBackup = when;
                else if (type == "L")
                    d.lastLogBackup = when;
            }
        }
    } else {
        vds::log::get("sql")->warn("cannot read msdb backup history: {}",
                                   history.error().toString());
    }
    return s;
}

} // namespace vds::sql
