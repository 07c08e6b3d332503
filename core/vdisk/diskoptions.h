#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <vds/util/error.h>
#include <vds/vdisk/imageinfo.h>

namespace vds::vdisk {

struct CreateParams;

/// Which parameter of CreateParams a refusal is about.
enum class Parameter : std::uint8_t {
    None,
    Path,
    Format,
    Version, ///< parametersVersion
    Type,
    ParentPath,
    SourcePath,
    MaximumSize,
    BlockSize,
    LogicalSectorSize,
    PhysicalSectorSize,
    SparseFile,
    Security,
};

/// Why the engine refuses a set of parameters: one id per rule, so a caller can word it.
enum class RefusalReason : std::uint8_t {
    None,
    PathEmpty,               ///< no target path
    FormatNotCreatable,      ///< only VHD and VHDX are written
    VersionInvalid,          ///< parametersVersion is not 1 or 2
    SourceWithParent,        ///< a source and a parent exclude each other
    ParentNeedsDifferencing, ///< a parent given for a dynamic disk
    FixedWithParent,         ///< a parent given for a fixed disk
    DifferencingNeedsParent, ///< a differencing disk without a parent
    SizeWithParent,          ///< a differencing disk takes the parent's size
    SparseNeedsFixed,        ///< SPARSE_FILE applies to fixed disks only
    SectorSizeVersion1,      ///< Version 1 parameters allow 512-byte sectors only
    PhysicalSectorVersion1,  ///< Version 1 parameters have no physical sector size
    SectorSizeInvalid,       ///< not 512 or 4096 (`value`)
    SectorSizeNotInFormat,   ///< 4096 for VHD, which has 512-byte sectors only
    BlockSizeFixedVhd,       ///< a fixed VHD has no blocks (`value` must be 0)
    BlockSizeInvalid,        ///< not one of DiskOptions::blockSizes (`value`)
    SizeMissing,             ///< no size, and neither a source nor a parent to take it from
    SecurityModeInvalid,     ///< mode bits outside 07777
    SizeTooSmall,            ///< below `limit` (the 3 MB minimum)
    SizeNotSectorMultiple,   ///< not a whole number of `limit`-byte sectors
    SizeTooLarge,            ///< above `limit` (VHD 2040 GiB, VHDX 64 TiB)
    SizeBelowSource,         ///< an explicit size below the source's (`limit`)
};

/// A machine-readable refusal: the rule, the parameter, the value given and the limit it broke
/// (a size limit, the sector size a size must be a multiple of; 0 when there is none).
/// Callers word it themselves; `message()` is the engine's own technical English.
struct Refusal {
    RefusalReason reason = RefusalReason::None;
    Parameter parameter = Parameter::None;
    std::uint64_t value = 0;
    std::uint64_t limit = 0;

    /// The Win32 code Windows returns for this rule (ERROR_INVALID_PARAMETER, …).
    [[nodiscard]] std::uint32_t win32Code() const noexcept;
    /// "MaximumSize 1024 is below the 3 MB minimum": the text validateParams() puts in its Error.
    [[nodiscard]] std::string message() const;
    /// The Error validateParams()/checkSize() return for it, naming `context` (the path).
    [[nodiscard]] Error toError(std::string context) const;
};

/// The choices the engine accepts for one format and type: what a wizard offers and the CLI's
/// help names. 0 in CreateParams always means the default given here.
struct DiskOptions {
    /// Explicit block sizes accepted besides 0 (the default), ascending. Empty: the disk has no
    /// blocks (a fixed VHD) and only 0 is accepted.
    std::vector<std::uint32_t> blockSizes;
    /// What block size 0 becomes. 0 when there are no blocks. For a fixed VHDX the engine picks
    /// at most this, smaller when the last block would waste space; for a differencing VHD the
    /// parent's block size wins when it has one.
    std::uint32_t defaultBlockSize = 0;
    std::vector<std::uint32_t> logicalSectorSizes;  ///< ascending
    std::uint32_t defaultLogicalSectorSize = 512;   ///< what 0 becomes without a source/parent
    std::vector<std::uint32_t> physicalSectorSizes; ///< ascending
    std::uint32_t defaultPhysicalSectorSize = 512;  ///< what 0 becomes without a source/parent
    std::uint64_t minimumSize = 0;                  ///< bytes (3 MB)
    std::uint64_t maximumSize = 0;                  ///< bytes (VHD 2040 GiB, VHDX 64 TiB)
    /// A differencing disk takes the parent's size and sector sizes: no size may be given.
    bool sizeFromParent = false;
    /// A conversion takes the source's size (and sector size) unless one is given.
    bool sizeFromSource = false;
    /// A size must be given (neither a parent nor a source to take it from).
    bool sizeRequired = false;
    /// SPARSE_FILE (do not preallocate) applies: fixed disks only.
    bool sparseAllowed = false;
};

/// The choices for `format` (Vhd or Vhdx) and `type`; `fromSource` for a conversion.
[[nodiscard]] DiskOptions diskOptions(DiskFormat format, DiskType type, bool fromSource = false);

/// The first rule `params` breaks that needs no file access, or nothing.
/// validateParams() is this as an Error.
[[nodiscard]] std::optional<Refusal> refusalFor(const CreateParams &params);

/// The size rules for an effective size (explicit, or the source's) with `logicalSector`-byte
/// sectors. checkSize() is this as an Error.
[[nodiscard]] std::optional<Refusal> sizeRefusal(DiskFormat format, std::uint64_t size,
                                                 std::uint32_t logicalSector);

} // namespace vds::vdisk
