#include <vds/backup/statements.h>

#include <vds/backup/names.h>

namespace vds::backup {

sql::BackupSpec backupSpec(const BackupParams &p, const std::string &set)
{
    sql::BackupSpec spec;
    spec.kind =
        p.type == BackupType::Log ? sql::BackupSpec::Kind::Log : sql::BackupSpec::Kind::Database;
    spec.database = p.database;
    spec.devices = deviceNames(set, p.stripes);
    spec.differential = p.type == BackupType::Diff;
    spec.copyOnly = p.type == BackupType::CopyOnly;
    spec.checksum = p.checksum;
    spec.stats = 1;
    spec.bufferCount = p.bufferCount ? p.bufferCount : defaultBufferCount(p.stripes);
    spec.maxTransferSize =
        p.maxTransferSize ? p.maxTransferSize : defaultMaxTransferSize(p.stripes);
    spec.description = set;
    return spec;
}

Expected<std::string> backupStatement(const BackupParams &params, const std::string &set)
{
    return sql::buildBackup(backupSpec(params, set));
}

Expected<std::string> backupStatementPreview(const BackupParams &params)
{
    return backupStatement(params, setName(params.database, kUuidPlaceholder));
}

} // namespace vds::backup
