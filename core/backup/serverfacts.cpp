#include <vds/backup/serverfacts.h>

#include <QDateTime>
#include <QString>

#include <vds/sql/tsqlbuilder.h>

namespace vds::backup {

namespace {

std::string cell(const sql::QueryResult &r, std::size_t row, std::string_view column)
{
    const int c = r.column(column);
    if (c < 0 || row >= r.rows.size() || !r.rows[row][static_cast<std::size_t>(c)])
        return {};
    return *r.rows[row][static_cast<std::size_t>(c)];
}

} // namespace

Expected<ServerFacts> readServerFacts(sql::SqlConnection &connection)
{
    auto r = connection.query(
        "SELECT @@VERSION AS version, @@SERVERNAME AS server_name, "
        "CAST(SERVERPROPERTY('InstanceName') AS nvarchar(128)) AS instance_name, "
        "CAST(SERVERPROPERTY('InstanceDefaultDataPath') AS nvarchar(260)) AS data_path, "
        "CAST(SERVERPROPERTY('InstanceDefaultLogPath') AS nvarchar(260)) AS log_path");
    if (!r)
        return fail(r.error());
    if (r->rows.empty())
        return fail(ErrorCategory::Protocol, "the server answered the version query with no row");
    ServerFacts f;
    f.version = cell(*r, 0, "version");
    f.serverName = cell(*r, 0, "server_name");
    f.instance = cell(*r, 0, "instance_name");
    f.defaultDataPath = cell(*r, 0, "data_path");
    f.defaultLogPath = cell(*r, 0, "log_path");
    return f;
}

Expected<std::optional<std::string>> databaseState(sql::SqlConnection &connection,
                                                   const std::string &database)
{
    auto r = connection.query("SELECT state_desc FROM sys.databases WHERE name = " +
                              sql::quoteLiteral(database));
    if (!r)
        return fail(r.error());
    if (r->rows.empty())
        return std::optional<std::string>{};
    return std::optional<std::string>{cell(*r, 0, "state_desc")};
}

Expected<std::vector<ManifestFile>> databaseFiles(sql::SqlConnection &connection,
                                                  const std::string &database)
{
    auto id = connection.query("SELECT database_id FROM sys.databases WHERE name = " +
                               sql::quoteLiteral(database));
    if (!id)
        return fail(id.error());
    if (id->rows.empty())
        return fail(ErrorCategory::NotFound, "the server has no database '" + database + "'",
                    database);
    auto r = connection.query(
        "SELECT name, type_desc, physical_name, size FROM sys.master_files WHERE database_id = " +
        cell(*id, 0, "database_id") + " ORDER BY file_id");
    if (!r)
        return fail(r.error());
    std::vector<ManifestFile> files;
    for (std::size_t i = 0; i < r->rows.size(); ++i)
        files.push_back({cell(*r, i, "name"), cell(*r, i, "type_desc") == "LOG" ? "log" : "rows",
                         cell(*r, i, "physical_name"),
                         // sys.master_files counts 8 KiB pages.
                         std::stoull("0" + cell(*r, i, "size")) * 8192});
    return files;
}

Expected<BackupSetRow> backupSetRow(sql::SqlConnection &connection, const std::string &setName)
{
    const std::string where =
        " FROM msdb.dbo.backupset WHERE description = " + sql::quoteLiteral(setName);
    auto r = connection.query("SELECT first_lsn, last_lsn, database_backup_lsn, "
                              "differential_base_lsn" +
                              where);
    bool withDiffBase = true;
    if (!r) {
        // Older servers and the simulator have no differential_base_lsn column.
        withDiffBase = false;
        r = connection.query("SELECT first_lsn, last_lsn, database_backup_lsn" + where);
    }
    if (!r)
        return fail(r.error());
    if (r->rows.empty())
        return fail(ErrorCategory::Sql,
                    "msdb.dbo.backupset has no row for this backup (description = '" + setName +
                        "')",
                    setName);
    BackupSetRow row;
    const std::size_t last = r->rows.size() - 1;
    row.firstLsn = cell(*r, last, "first_lsn");
    row.lastLsn = cell(*r, last, "last_lsn");
    row.databaseBackupLsn = cell(*r, last, "database_backup_lsn");
    if (withDiffBase)
        row.differentialBaseLsn = cell(*r, last, "differential_base_lsn");
    return row;
}

Expected<int> serverUtcOffset(sql::SqlConnection &connection, const ServerFacts &facts)
{
    auto r = connection.query(
        "SELECT CONVERT(nvarchar(40), SYSDATETIMEOFFSET(), 126) AS now_with_offset");
    if (r && !r->rows.empty()) {
        const QDateTime t = QDateTime::fromString(
            QString::fromStdString(cell(*r, 0, "now_with_offset")), Qt::ISODateWithMs);
        if (t.isValid())
            return t.offsetFromUtc();
    }
    if (facts.isSimulator())
        return 0;
    if (!r)
        return fail(r.error());
    return fail(ErrorCategory::Protocol, "the server's SYSDATETIMEOFFSET() could not be read");
}

} // namespace vds::backup
