#pragma once

#include <QString>

#include <vds/backup/chain.h>
#include <vds/backup/manifest.h>
#include <vds/util/error.h>

/// The restore wizard's words for what core/backup reports by value: backup types, codecs,
/// a gap in a chain, a key that does not open a stripe. GUI thread (tr()).
namespace vds::ui::restoretext {

/// "full" → "Full", "diff" → "Differential", "log" → "Log", "copy-only" → "Copy-only full".
[[nodiscard]] QString backupType(const std::string &type);
/// "zstd, age (passphrase)", "none".
[[nodiscard]] QString storage(const backup::Manifest &manifest);
/// A gap in people's words, naming both backups and their LSNs.
[[nodiscard]] QString gap(const backup::ChainGap &gap);
/// Why the keys given do not open a backup: wrong passphrase / identity, or the error as
/// errortext words it. `manifest`: the backup that was checked.
[[nodiscard]] QString keyProblem(const Error &error, const backup::Manifest &manifest);
/// "2026-11-30 08:31:16" in the user's time zone.
[[nodiscard]] QString when(const QDateTime &time);

} // namespace vds::ui::restoretext
