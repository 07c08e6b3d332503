#include "catalogviews.h"

namespace vds::sqlsim {

std::optional<ResultSet> CatalogViews::table(const std::string &name) const
{
    using T = ColumnType;
    ResultSet t;
    if (name == "sys.databases") {
        t.columns = {{"name", T::NVarChar, 128},      {"database_id", T::Int, 0},
                     {"state_desc", T::NVarChar, 60}, {"recovery_model_desc", T::NVarChar, 60},
                     {"create_date", T::DateTime, 0}, {"compatibility_level", T::Int, 0},
                     {"is_read_only", T::Bit, 0},     {"user_access_desc", T::NVarChar, 60}};
        const SimTime boot = SimTime(std::chrono::seconds(1767225600));
        const char *system[] = {"master", "tempdb", "model", "msdb"};
        for (int i = 0; i < 4; ++i)
            t.rows.push_back({std::string(system[i]), std::int64_t{i + 1}, std::string("ONLINE"),
                              std::string(i == 0 || i == 2 ? "FULL" : "SIMPLE"), boot,
                              std::int64_t{160}, false, std::string("MULTI_USER")});
        for (const SimDatabase &d : m_store.databases())
            t.rows.push_back({d.name, std::int64_t{d.id}, d.state, d.recoveryModel, d.created,
                              std::int64_t{160}, false, std::string("MULTI_USER")});
    } else if (name == "sys.master_files") {
        t.columns = {{"database_id", T::Int, 0},
                     {"file_id", T::Int, 0},
                     {"type_desc", T::NVarChar, 60},
                     {"name", T::NVarChar, 128},
                     {"physical_name", T::NVarChar, 260},
                     {"state_desc", T::NVarChar, 60},
                     {"size", T::Int, 0}};
        for (const SimDatabase &d : m_store.databases()) {
            std::int64_t fileId = 1;
            for (const SimFile &f : d.files) {
                std::error_code ec;
                const auto bytes = std::filesystem::file_size(f.path, ec);
                t.rows.push_back(
                    {std::int64_t{d.id}, fileId++, std::string(f.log ? "LOG" : "ROWS"),
                     f.logicalName, f.path.string(), std::string("ONLINE"),
                     static_cast<std::int64_t>(ec ? 0 : (bytes + kPageSize - 1) / kPageSize)});
            }
        }
    } else if (name == "msdb.dbo.backupset") {
        t.columns = {{"backup_set_id", T::Int, 0},
                     {"database_name", T::NVarChar, 128},
                     {"type", T::NVarChar, 1},
                     {"backup_start_date", T::DateTime, 0},
                     {"backup_finish_date", T::DateTime, 0},
                     {"first_lsn", T::BigInt, 0},
                     {"last_lsn", T::BigInt, 0},
                     {"database_backup_lsn", T::BigInt, 0},
                     {"differential_base_lsn", T::BigInt, 0},
                     {"backup_size", T::BigInt, 0},
                     {"is_copy_only", T::Bit, 0},
                     {"description", T::NVarChar, 255}};
        std::int64_t id = 1;
        for (const BackupRecord &r : m_store.history())
            t.rows.push_back(
                {id++, r.database, std::string(1, r.type), r.started, r.finished,
                 static_cast<std::int64_t>(r.firstLsn), static_cast<std::int64_t>(r.lastLsn),
                 static_cast<std::int64_t>(r.databaseBackupLsn),
                 r.differentialBaseLsn ? Value(static_cast<std::int64_t>(r.differentialBaseLsn))
                                       : Value(),
                 static_cast<std::int64_t>(r.bytes), r.copyOnly,
                 r.description.empty() ? Value() : Value(r.description)});
    } else if (name == "sys.dm_os_host_info") {
        t.columns = {{"host_platform", T::NVarChar, 256},
                     {"host_distribution", T::NVarChar, 256},
                     {"host_release", T::NVarChar, 256}};
        t.rows.push_back(
            {std::string("Linux"), std::string("Debian GNU/Linux 12"), std::string("6.1")});
    } else {
        return std::nullopt;
    }
    return t;
}

std::pair<Value, Column>
CatalogViews::serverProperty(const std::string &p, const std::string &serverName,
                             const std::optional<std::string> &instance) const
{
    const Column text{"", ColumnType::NVarChar, 128};
    const Column integer{"", ColumnType::Int, 0};
    if (p == "productversion")
        return {std::string("16.0.4135.4"), text};
    if (p == "productmajorversion")
        return {std::string("16"), text};
    if (p == "productlevel")
        return {std::string("RTM"), text};
    if (p == "productupdatelevel")
        return {std::string("CU12"), text};
    if (p == "edition")
        return {std::string("Developer Edition (64-bit)"), text};
    if (p == "engineedition")
        return {std::int64_t{3}, integer};
    if (p == "instancename")
        return {instance ? Value(*instance) : Value(), text};
    if (p == "servername")
        return {serverName, text};
    if (p == "machinename")
        return {serverName.substr(0, serverName.find('\\')), text};
    if (p == "isclustered" || p == "ishadrenabled" || p == "issingleuser")
        return {std::int64_t{0}, integer};
    if (p == "collation")
        return {std::string("SQL_Latin1_General_CP1_CI_AS"), text};
    // The data directory doubles as the default data, log and backup path.
    if (p == "instancedefaultdatapath" || p == "instancedefaultlogpath" ||
        p == "instancedefaultbackuppath")
        return {m_store.dataDir().string() + "/", {"", ColumnType::NVarChar, 260}};
    return {Value(), text};
}

} // namespace vds::sqlsim
