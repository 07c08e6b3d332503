#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <vds/util/error.h>
#include <vds/util/guid.h>
#include <vds/vdisk/diskoptions.h>
#include <vds/vdisk/imageinfo.h>
#include <vds/vdisk/imagereader.h>

namespace vds::vdisk {

/// Owner, group and mode for the new file (VDS_POSIX_SECURITY in docs/vhd-formats.md,
/// "CreateVirtualDisk on Linux"). Without one the file gets the directory's defaults (umask,
/// setgid group).
struct PosixSecurity {
    std::uint32_t mode = 0644;
    std::int64_t uid = -1; ///< -1: unchanged
    std::int64_t gid = -1; ///< -1: unchanged
};

/// Everything one CreateVirtualDisk call needs: the C++ form of CREATE_VIRTUAL_DISK_PARAMETERS
/// plus the flags. A plain value: wizards, profiles and the CLI fill it, the engine reads it.
/// Zero means "Microsoft's default" for sizes (docs/vhd-formats.md, "Defaults"); diskOptions()
/// (diskoptions.h) says what it becomes.
struct CreateParams {
    std::string path;                     ///< the new image; must not exist
    DiskFormat format = DiskFormat::Vhdx; ///< Vhd or Vhdx
    DiskType type = DiskType::Dynamic;    ///< Fixed = FULL_PHYSICAL_ALLOCATION
    std::uint64_t maximumSize = 0;        ///< bytes; 0 with a source = the source's size
    std::uint32_t blockSize = 0;          ///< 0 = default (VHD 2 MiB, VHDX 32 MiB, diff 2 MiB)
    std::uint32_t logicalSectorSize = 0;  ///< 0 = 512 (or the source's/parent's)
    std::uint32_t physicalSectorSize = 0; ///< 0 = VHDX 4096, VHD 512 (or the parent's)
    Guid uniqueId;                        ///< null = a fresh one
    std::string parentPath;               ///< differencing: the parent image
    std::string sourcePath;               ///< conversion: an image, raw file or block device
    /// An already open source (a disk opened through UDisks2). Not owned: createVirtualDisk
    /// reads from its own duplicate. A VirtualDiskJob takes its duplicate when constructed, so
    /// the caller may close this one as soon as the job exists.
    int sourceFd = -1;
    bool preventWritesToSource = false;       ///< PREVENT_WRITES_TO_SOURCE_DISK
    bool doNotCopyMetadataFromParent = false; ///< accepted; we never copy parent metadata
    bool sparseFile = false;                  ///< SPARSE_FILE: fixed target not preallocated
    bool verify = false;                      ///< re-read the target and compare with the source
    bool sync = true;                         ///< fdatasync before the file gets its final name
    /// Read a VHD chain (the source's or the parent's) whose parent's modification time differs
    /// from the one its child stores, as OpenOptions::acceptParentTimestamp.
    bool acceptParentTimestamp = false;
    /// 1 = Version 1 rules (512-byte sectors only); 2 = Version 2.
    int parametersVersion = 2;
    std::optional<PosixSecurity> security;
    /// Wraps the opened source reader (filters, fault injection in tests). Optional.
    std::function<std::unique_ptr<ImageReader>(std::unique_ptr<ImageReader>)> wrapSource;
};

/// Receives progress from the engine's writer thread: bytes, counted per buffer.
/// Implementations must be cheap and thread-safe (a job maps it onto its JobContext atomics).
class ProgressSink {
public:
    virtual ~ProgressSink();
    virtual void setTotal(std::uint64_t bytes) = 0;
    virtual void advance(std::uint64_t bytes) = 0;
    /// "prepare", "copy", "verify", "finish".
    virtual void phase(std::string_view name);
    /// Bytes read from the source (reader thread) and written to the target (writer thread)
    /// while copying; all-zero units that are skipped are neither. For read/write graphs.
    virtual void sourceRead(std::uint64_t bytes);
    virtual void targetWritten(std::uint64_t bytes);
};

/// What a successful create or conversion did.
struct CreateResult {
    ImageInfo info;                ///< of the new image
    std::uint64_t bytesCopied = 0; ///< virtual bytes taken from the source (0 without one)
    std::uint64_t blocksWritten = 0;
    std::uint64_t blocksSkipped = 0; ///< all-zero units not written
    bool verified = false;
    double seconds = 0.0;
};

/// Checks the parameters that need no file access (block size, sizes, sector sizes, parent vs
/// source, …). Every refusal names its condition and carries the Win32 code Windows returns.
/// refusalFor() (diskoptions.h) gives the same refusal machine-readable.
Expected<void> validateParams(const CreateParams &params);

/// The size rules once the effective size is known (explicit, or the source's): at least 3 MB,
/// whole sectors, VHD ≤ 2040 GiB, VHDX ≤ 64 TiB. sizeRefusal() is the machine-readable form.
Expected<void> checkSize(const CreateParams &params, std::uint64_t size,
                         std::uint32_t logicalSector);

/// Creates the image: validate → open source/parent → write NAME.partial → copy → finish →
/// optional verify → fsync → rename to `path`. On failure or cancel nothing is left at `path`
/// and the partial file is removed. Blocking; runs on the caller's thread plus one reader
/// thread. `cancel` is checked per buffer.
Expected<CreateResult> createVirtualDisk(const CreateParams &params, ProgressSink *progress,
                                         const std::atomic_bool &cancel);

/// The Win32 code for an error the engine returned (its native code when it has one).
std::uint32_t win32Code(const Error &error) noexcept;

} // namespace vds::vdisk
