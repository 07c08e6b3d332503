// Parameter rules of CreateVirtualDisk (docs/vhd-formats.md, "Parameters" and "Parameter
// errors"; the rules as applied are listed in core/vdisk/README.md). Each rule has its own
// RefusalReason, so the GUI and the CLI word it themselves; the Error form keeps the Win32 code
// Windows returns for it. diskOptions() lists the same rules as choices: keep the two in step.
#include <algorithm>
#include <cstdio>
#include <string>

#include <vds/util/win32.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/diskoptions.h>
#include <vds/vdisk/vhdformat.h>
#include <vds/vdisk/vhdxformat.h>

namespace vds::vdisk {

namespace {

constexpr std::uint64_t kMinimumSize = 3ULL * 1024 * 1024;

std::string hex(std::uint64_t v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llX", static_cast<unsigned long long>(v));
    return buf;
}

bool isPow2(std::uint64_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

const char *sectorField(Parameter p)
{
    return p == Parameter::PhysicalSectorSize ? "PhysicalSectorSizeInBytes" : "SectorSizeInBytes";
}

Refusal refusal(RefusalReason reason, Parameter parameter, std::uint64_t value = 0,
                std::uint64_t limit = 0)
{
    return Refusal{reason, parameter, value, limit};
}

} // namespace

ProgressSink::~ProgressSink() = default;
void ProgressSink::phase(std::string_view) {}
void ProgressSink::sourceRead(std::uint64_t) {}
void ProgressSink::targetWritten(std::uint64_t) {}

std::uint32_t Refusal::win32Code() const noexcept
{
    switch (reason) {
    case RefusalReason::FormatNotCreatable: return win32::kNotSupported;
    case RefusalReason::SectorSizeNotInFormat: return win32::kUnsupportedSectorSize;
    case RefusalReason::SizeTooLarge: return win32::kVhdInvalidSize;
    case RefusalReason::SecurityModeInvalid: return win32::kInvalidSecurityDescriptor;
    case RefusalReason::None: return win32::kSuccess;
    default: return win32::kInvalidParameter;
    }
}

std::string Refusal::message() const
{
    const std::string v = std::to_string(value);
    switch (reason) {
    case RefusalReason::None: return {};
    case RefusalReason::PathEmpty: return "Path is empty";
    case RefusalReason::FormatNotCreatable: return "only VHD and VHDX files can be created";
    case RefusalReason::VersionInvalid: return "Parameters->Version is not 1 or 2";
    case RefusalReason::SourceWithParent:
        return "ParentPath and SourcePath are both set (they exclude each other)";
    case RefusalReason::FixedWithParent:
        return "ParentPath with FULL_PHYSICAL_ALLOCATION (a differencing disk cannot be fixed)";
    case RefusalReason::ParentNeedsDifferencing:
        return "ParentPath given but the disk type is not differencing";
    case RefusalReason::DifferencingNeedsParent: return "a differencing disk needs ParentPath";
    case RefusalReason::SizeWithParent:
        return "MaximumSize must be 0 with ParentPath (the parent's size is used)";
    case RefusalReason::SparseNeedsFixed: return "SPARSE_FILE applies to fixed disks only";
    case RefusalReason::SectorSizeVersion1:
        return "SectorSizeInBytes " + v + " with Version 1 parameters (512 only)";
    case RefusalReason::PhysicalSectorVersion1:
        return "Version 1 parameters have no PhysicalSectorSizeInBytes";
    case RefusalReason::SectorSizeInvalid:
        return std::string(sectorField(parameter)) + " " + v + " is not 512 or 4096";
    case RefusalReason::SectorSizeNotInFormat:
        return std::string(sectorField(parameter)) + " 4096: VHD supports 512-byte sectors only";
    case RefusalReason::BlockSizeFixedVhd:
        return "BlockSizeInBytes " + hex(value) + " for a fixed VHD (must be 0)";
    case RefusalReason::BlockSizeInvalid:
        return limit == vhd::kDefaultBlockSize
                   ? "BlockSizeInBytes " + hex(value) +
                         " is not 0, 0x80000 (512 KB) or 0x200000 (2 MB) for VHD"
                   : "BlockSizeInBytes " + hex(value) +
                         " is not a power of two from 1 MB to 256 MB for VHDX";
    case RefusalReason::SizeMissing:
        return "MaximumSize is 0 without a source or parent (below the 3 MB minimum)";
    case RefusalReason::SecurityModeInvalid:
        return "VDS_POSIX_SECURITY Mode has bits outside 07777";
    case RefusalReason::SizeTooSmall: return "MaximumSize " + v + " is below the 3 MB minimum";
    case RefusalReason::SizeNotSectorMultiple:
        return "MaximumSize " + v + " is not a multiple of the sector size " +
               std::to_string(limit);
    case RefusalReason::SizeTooLarge:
        return "MaximumSize " + v + " is above the " +
               (limit == vhd::kMaxSize ? "VHD limit of 2040 GiB" : "VHDX limit of 64 TiB");
    case RefusalReason::SizeBelowSource:
        return "MaximumSize " + v + " is below the source's size " + std::to_string(limit);
    }
    return "invalid parameter";
}

Error Refusal::toError(std::string context) const
{
    const std::uint32_t code = win32Code();
    return Error::fromWin32(code,
                            code == win32::kInvalidParameter ? ErrorCategory::InvalidArgument
                                                             : ErrorCategory::Unsupported,
                            message(), std::move(context));
}

DiskOptions diskOptions(DiskFormat format, DiskType type, bool fromSource)
{
    DiskOptions o;
    const bool vhd = format == DiskFormat::Vhd;
    if (vhd) {
        if (type != DiskType::Fixed) {
            o.blockSizes = {512U << 10, vhd::kDefaultBlockSize};
            o.defaultBlockSize = vhd::kDefaultBlockSize;
        }
        o.logicalSectorSizes = {512};
        o.physicalSectorSizes = {512};
        o.defaultPhysicalSectorSize = 512;
        o.maximumSize = vhd::kMaxSize;
    } else {
        for (std::uint32_t bs = vhdx::kMinBlockSize; bs <= vhdx::kMaxBlockSize; bs *= 2)
            o.blockSizes.push_back(bs);
        o.defaultBlockSize =
            type == DiskType::Differencing ? vhdx::kDefaultDiffBlockSize : vhdx::kDefaultBlockSize;
        o.logicalSectorSizes = {512, 4096};
        o.physicalSectorSizes = {512, 4096};
        o.defaultPhysicalSectorSize = 4096;
        o.maximumSize = vhdx::kMaxSize;
    }
    o.defaultLogicalSectorSize = 512;
    o.minimumSize = kMinimumSize;
    o.sizeFromParent = type == DiskType::Differencing;
    o.sizeFromSource = fromSource && type != DiskType::Differencing;
    o.sizeRequired = !o.sizeFromParent && !o.sizeFromSource;
    o.sparseAllowed = type == DiskType::Fixed;
    return o;
}

std::optional<Refusal> refusalFor(const CreateParams &p)
{
    using R = RefusalReason;
    using P = Parameter;
    if (p.path.empty())
        return refusal(R::PathEmpty, P::Path);
    if (p.format != DiskFormat::Vhd && p.format != DiskFormat::Vhdx)
        return refusal(R::FormatNotCreatable, P::Format, std::uint64_t(p.format));
    if (p.parametersVersion != 1 && p.parametersVersion != 2)
        return refusal(R::VersionInvalid, P::Version, std::uint64_t(p.parametersVersion));
    const bool hasSource = !p.sourcePath.empty() || p.sourceFd >= 0;
    const bool hasParent = !p.parentPath.empty();
    if (hasSource && hasParent)
        return refusal(R::SourceWithParent, P::ParentPath);
    if (hasParent && p.type != DiskType::Differencing)
        return refusal(p.type == DiskType::Fixed ? R::FixedWithParent : R::ParentNeedsDifferencing,
                       P::Type, std::uint64_t(p.type));
    if (p.type == DiskType::Differencing && !hasParent)
        return refusal(R::DifferencingNeedsParent, P::ParentPath);
    if (hasParent && p.maximumSize != 0)
        return refusal(R::SizeWithParent, P::MaximumSize, p.maximumSize);
    const DiskOptions o = diskOptions(p.format, p.type, hasSource);
    if (p.sparseFile && !o.sparseAllowed)
        return refusal(R::SparseNeedsFixed, P::SparseFile, 1);

    // Sector sizes.
    if (p.parametersVersion == 1) {
        if (p.logicalSectorSize != 0 && p.logicalSectorSize != 512)
            return refusal(R::SectorSizeVersion1, P::LogicalSectorSize, p.logicalSectorSize);
        if (p.physicalSectorSize != 0)
            return refusal(R::PhysicalSectorVersion1, P::PhysicalSectorSize, p.physicalSectorSize);
    }
    for (auto [value, field] : {std::pair{p.logicalSectorSize, P::LogicalSectorSize},
                                std::pair{p.physicalSectorSize, P::PhysicalSectorSize}}) {
        if (value != 0 && value != 512 && value != 4096)
            return refusal(R::SectorSizeInvalid, field, value);
        if (p.format == DiskFormat::Vhd && value == 4096)
            return refusal(R::SectorSizeNotInFormat, field, value);
    }

    // Block size: one of the choices (VHD 512 KB or 2 MB, none for fixed; VHDX powers of two
    // from 1 MB to 256 MB).
    if (p.blockSize != 0) {
        if (p.format == DiskFormat::Vhd && p.type == DiskType::Fixed)
            return refusal(R::BlockSizeFixedVhd, P::BlockSize, p.blockSize);
        const bool listed =
            isPow2(p.blockSize) &&
            std::find(o.blockSizes.begin(), o.blockSizes.end(), p.blockSize) != o.blockSizes.end();
        if (!listed)
            return refusal(R::BlockSizeInvalid, P::BlockSize, p.blockSize,
                           p.format == DiskFormat::Vhd ? vhd::kDefaultBlockSize
                                                       : vhdx::kDefaultBlockSize);
    }

    // Size rules for an explicit MaximumSize; sizes taken from a source are checked again
    // by checkSize() once the source is open.
    if (o.sizeRequired && p.maximumSize == 0)
        return refusal(R::SizeMissing, P::MaximumSize, 0, kMinimumSize);
    if (p.security && (p.security->mode & ~07777U) != 0)
        return refusal(R::SecurityModeInvalid, P::Security, p.security->mode);
    return std::nullopt;
}

std::optional<Refusal> sizeRefusal(DiskFormat format, std::uint64_t size,
                                   std::uint32_t logicalSector)
{
    using R = RefusalReason;
    const DiskOptions o = diskOptions(format, DiskType::Dynamic);
    if (size < o.minimumSize)
        return refusal(R::SizeTooSmall, Parameter::MaximumSize, size, o.minimumSize);
    if (size % 512 != 0 || size % logicalSector != 0)
        return refusal(R::SizeNotSectorMultiple, Parameter::MaximumSize, size, logicalSector);
    if (size > o.maximumSize)
        return refusal(R::SizeTooLarge, Parameter::MaximumSize, size, o.maximumSize);
    return std::nullopt;
}

Expected<void> validateParams(const CreateParams &p)
{
    if (auto r = refusalFor(p))
        return std::unexpected(r->toError(p.path));
    return {};
}

Expected<void> checkSize(const CreateParams &p, std::uint64_t size, std::uint32_t logicalSector)
{
    if (auto r = sizeRefusal(p.format, size, logicalSector))
        return std::unexpected(r->toError(p.path));
    return {};
}

} // namespace vds::vdisk
