#pragma once

#include <string>
#include <vector>

#include <vds/backup/params.h>
#include <vds/sql/tsqlbuilder.h>

/// The BACKUP statement's specification for a backup job: what BackupJob sends and what a
/// profile's T-SQL export shows, from one place so the two cannot drift. Plain function.
namespace vds::backup {

/// For `params.database` through the VDI set `set` with `devices` (names.h's setName and
/// deviceNames). DESCRIPTION carries the set name so the job finds its msdb record.
[[nodiscard]] sql::BackupSpec backupSpec(const BackupParams &params, const std::string &set,
                                         const std::vector<std::string> &devices);

} // namespace vds::backup
