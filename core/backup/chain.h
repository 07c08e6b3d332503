#pragma once

#include <QDateTime>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <vds/backup/manifest.h>

/// Which backups a restore applies, and in which order: from one manifest (just that backup)
/// or from a folder of manifests (the newest full, then the newest differential on it, then
/// the log backups that continue from there, up to a point in time). Plain functions.
namespace vds::backup {

struct RestoreChain {
    std::vector<Manifest> steps; ///< full [, diff] [, log…] in order
    /// Whether the last log step should carry STOPAT (the point lies inside the chain's end).
    bool stopAtLast = false;

    /// The most stripes any step has: the per-stripe channels a job feeds (at least 1).
    [[nodiscard]] int widestStripes() const;
};

/// Every manifest in a folder (not recursive), sorted by finishedAt. Unreadable manifests are
/// an error naming the file (a folder with a broken manifest is not silently half-used).
[[nodiscard]] Expected<std::vector<Manifest>> manifestsIn(const std::filesystem::path &folder);

/// From a manifest file: that backup alone. From a folder: the newest chain of
/// `sourceDatabase` (empty: the only database in the folder; several → InvalidArgument naming
/// them), ending at `stopAt` when given. A log that does not continue from the step before is a
/// gap → InvalidArgument naming the two LSNs and files.
[[nodiscard]] Expected<RestoreChain> assembleChain(const std::filesystem::path &from,
                                                   const std::string &sourceDatabase,
                                                   const std::optional<QDateTime> &stopAt);

/// Checks that the steps continue each other (full → diff on that full → logs that follow).
[[nodiscard]] Expected<void> checkContinuity(const std::vector<Manifest> &steps);

} // namespace vds::backup
