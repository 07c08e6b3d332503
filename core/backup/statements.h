#pragma once

#include <string>

#include <vds/backup/params.h>
#include <vds/sql/tsqlbuilder.h>
#include <vds/util/error.h>

/// The T-SQL a backup job sends, built in one place: the job runs it, and every preview (the
/// GUI's backup dialog, exports) shows the same text for a placeholder set name.
namespace vds::backup {

/// Stands for the uuid in a set name a preview shows: `vdstudio-<database>-<uuid>`.
inline constexpr const char *kUuidPlaceholder = "<uuid>";

/// `BACKUP DATABASE|LOG … TO VIRTUAL_DEVICE = … WITH …` for `params` on `setName` (devices
/// `setName`, `setName-2` …), from backupstatement.h's backupSpec.
[[nodiscard]] Expected<std::string> backupStatement(const BackupParams &params,
                                                    const std::string &setName);
/// The statement with the set name's uuid shown as kUuidPlaceholder.
[[nodiscard]] Expected<std::string> backupStatementPreview(const BackupParams &params);

} // namespace vds::backup
