#include <vds/backup/statements.h>

#include <vds/backup/backupstatement.h>
#include <vds/backup/names.h>

namespace vds::backup {

Expected<std::string> backupStatement(const BackupParams &params, const std::string &set)
{
    return sql::buildBackup(backupSpec(params, set, deviceNames(set, params.stripes)));
}

Expected<std::string> backupStatementPreview(const BackupParams &params)
{
    return backupStatement(params, setName(params.database, kUuidPlaceholder));
}

} // namespace vds::backup
