#include <vds/backup/backupstatement.h>

namespace vds::backup {

sql::BackupSpec backupSpec(const BackupParams &p, const std::string &set,
                           const std::vector<std::string> &devices)
{
    sql::BackupSpec spec;
    spec.kind =
        p.type == BackupType::Log ? sql::BackupSpec::Kind::Log : sql::BackupSpec::Kind::Database;
    spec.database = p.database;
    spec.devices = devices;
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

} // namespace vds::backup
