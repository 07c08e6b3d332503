#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <vds/backup/manifest.h>
#include <vds/backup/stripe.h>

/// Checks of a backup that need no server: where each stripe's file is, whether it is the file
/// the manifest describes (fileSha256), whether it opens (age header, zstd frame) and, read in
/// full, whether its raw stream is the one the manifest records. Plain functions; run on the
/// calling thread.
namespace vds::backup {

struct OfflineCheckOptions {
    std::vector<std::string> identities; ///< age X25519 secret keys
    std::string passphrase;
    bool hashesOnly = false; ///< check fileSha256 only (no key to decrypt with)
    bool opensOnly = false;  ///< skip fileSha256: presence and the keys only (quick, for a UI)
};

/// A stripe's file as found on disk.
struct LocatedStripe {
    std::filesystem::path path;
    bool named = false; ///< the file the manifest names (so fileSha256 applies)
};

/// Finds a stripe's file: the name the manifest gives, else the same raw stream under another
/// codec suffix (".bak", ".bak.zst", ".bak.age", ".bak.zst.age"), as the zstd and age tools
/// leave it. NotFound names the file looked for.
[[nodiscard]] Expected<LocatedStripe> locateStripe(const Manifest &manifest,
                                                   const ManifestStripe &stripe);

/// Everything checkable before a RESTORE is sent: every stripe present, fileSha256 of the
/// named files, every file opens with the keys given (age header, zstd magic). Errors name the
/// stripe; a wrong key is Permission, damage Format, absence NotFound.
[[nodiscard]] Expected<std::vector<LocatedStripe>>
precheckBackup(const Manifest &manifest, const OfflineCheckOptions &options,
               const std::atomic_bool &cancel);

/// precheckBackup, then every stripe read through to its end: bytes and raw sha256 compared
/// with the manifest (skipped with hashesOnly).
[[nodiscard]] Expected<void> checkBackup(const Manifest &manifest,
                                         const OfflineCheckOptions &options,
                                         const std::atomic_bool &cancel);

} // namespace vds::backup
