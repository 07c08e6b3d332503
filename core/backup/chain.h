#pragma once

#include <QDateTime>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
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
    /// The times a point in time may take in this chain: from the end of its full backup to
    /// the end of its last log backup. nullopt when the chain has no log backup (a point in
    /// time needs the log).
    [[nodiscard]] std::optional<std::pair<QDateTime, QDateTime>> pointInTimeRange() const;
};

/// Where a chain breaks: nothing continues from `lsn`, the end of backup `after`; `next` is
/// the first log backup after it (empty when none), starting at `nextFirstLsn`.
struct ChainGap {
    std::string lsn;
    std::filesystem::path after;
    std::filesystem::path next;
    std::string nextFirstLsn;
};

/// A folder (or one manifest) as a restore would see it, for people to look at before they
/// restore: which databases it holds backups of, every backup of the chosen one, the chain a
/// restore applies and where it breaks.
struct ChainInspection {
    std::vector<std::string> databases; ///< every database with a backup there, sorted
    std::string database;               ///< the database inspected (empty: several, none named)
    std::vector<Manifest> backups;      ///< every backup of `database` there, by finishedAt
    RestoreChain chain;                 ///< what a restore applies, up to the gap if there is one
    std::optional<ChainGap> gap;
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

/// assembleChain for people: the same choice of backups, but several databases without
/// `sourceDatabase` give an empty chain (and the names) and a gap ends the chain (and is
/// described) instead of failing. Errors: unreadable manifests, no full backup.
[[nodiscard]] Expected<ChainInspection> inspectChain(const std::filesystem::path &from,
                                                     const std::string &sourceDatabase,
                                                     const std::optional<QDateTime> &stopAt);

/// Checks that the steps continue each other (full → diff on that full → logs that follow).
[[nodiscard]] Expected<void> checkContinuity(const std::vector<Manifest> &steps);

} // namespace vds::backup
