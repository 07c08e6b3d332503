#pragma once

#include <QDateTime>
#include <QJsonObject>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <vds/util/error.h>

/// The manifest written next to every backup (`<base>.manifest.json`): what was backed up, the
/// LSNs (decimal strings: they exceed 2^53), the codec, the recipients and each stripe's sizes
/// and hashes, and the database's files for relocation. Plain value; any thread.
namespace vds::backup {

struct ManifestStripe {
    std::string file;        ///< relative to the manifest's folder
    std::uint64_t bytes = 0; ///< raw stream bytes
    std::string sha256;      ///< of the raw stream
    std::string fileSha256;  ///< of the file as written
};

struct ManifestFile {
    std::string logicalName;
    std::string type; ///< "rows" or "log"
    std::string physicalName;
    std::uint64_t sizeBytes = 0;
};

struct Manifest {
    static constexpr int kSchemaVersion = 1;
    int schemaVersion = kSchemaVersion;
    std::string tool;
    std::string server;
    std::string serverVersion;
    std::string database;
    std::string type; ///< full, diff, log, copy-only
    QDateTime startedAt;
    QDateTime finishedAt;
    std::string firstLsn;
    std::string lastLsn;
    std::string databaseBackupLsn;
    std::string differentialBaseLsn;
    std::string codec;      ///< none, zstd
    std::string encryption; ///< none, age-x25519, age-scrypt
    std::vector<std::string> recipients;
    std::string setName; ///< the VDI set name / backup DESCRIPTION (identifies the backup)
    std::vector<ManifestStripe> stripes;
    std::vector<ManifestFile> files;

    std::filesystem::path path; ///< where it was read from or written to (not serialised)

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Expected<Manifest> fromJson(const QJsonObject &object,
                                                     const std::string &context = {});
    /// Reads and validates a manifest file (Format with the key named when one is missing).
    [[nodiscard]] static Expected<Manifest> load(const std::filesystem::path &path);
    /// Writes atomically (temporary file, fsync, rename); `path` is set on success.
    [[nodiscard]] Expected<void> save(const std::filesystem::path &target);

    [[nodiscard]] std::filesystem::path folder() const { return path.parent_path(); }
    [[nodiscard]] std::uint64_t rawBytes() const;
};

/// An LSN string as a number (0 for empty or malformed).
[[nodiscard]] std::uint64_t lsnValue(const std::string &lsn);

} // namespace vds::backup
