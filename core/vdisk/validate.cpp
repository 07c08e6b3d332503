// Parameter rules of CreateVirtualDisk (docs/vhd-formats.md, "Parameters" and "Parameter
// errors"; the rules as applied are listed in core/vdisk/README.md). Each refusal names the
// condition and keeps the Win32 code Windows returns for it.
#include <string>

#include <vds/util/win32.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/vhdformat.h>
#include <vds/vdisk/vhdxformat.h>

namespace vds::vdisk {

namespace {

std::unexpected<Error> refuse(std::uint32_t code, const std::string &condition,
                              const std::string &context)
{
    return std::unexpected(Error::fromWin32(code,
                                            code == win32::kInvalidParameter
                                                ? ErrorCategory::InvalidArgument
                                                : ErrorCategory::Unsupported,
                                            condition, context));
}

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

} // namespace

ProgressSink::~ProgressSink() = default;
void ProgressSink::phase(std::string_view) {}
void ProgressSink::sourceRead(std::uint64_t) {}
void ProgressSink::targetWritten(std::uint64_t) {}

Expected<void> validateParams(const CreateParams &p)
{
    const std::string &ctx = p.path;
    constexpr std::uint32_t E87 = win32::kInvalidParameter;
    if (p.path.empty())
        return refuse(E87, "Path is empty", ctx);
    if (p.format != DiskFormat::Vhd && p.format != DiskFormat::Vhdx)
        return refuse(win32::kNotSupported, "only VHD and VHDX files can be created", ctx);
    if (p.parametersVersion != 1 && p.parametersVersion != 2)
        return refuse(E87, "Parameters->Version is not 1 or 2", ctx);
    const bool hasSource = !p.sourcePath.empty() || p.sourceFd >= 0;
    const bool hasParent = !p.parentPath.empty();
    if (hasSource && hasParent)
        return refuse(E87, "ParentPath and SourcePath are both set (they exclude each other)", ctx);
    if (hasParent && p.type != DiskType::Differencing)
        return refuse(
            E87,
            p.type == DiskType::Fixed
                ? "ParentPath with FULL_PHYSICAL_ALLOCATION (a differencing disk cannot be fixed)"
                : "ParentPath given but the disk type is not differencing",
            ctx);
    if (p.type == DiskType::Differencing && !hasParent)
        return refuse(E87, "a differencing disk needs ParentPath", ctx);
    if (hasParent && p.maximumSize != 0)
        return refuse(E87, "MaximumSize must be 0 with ParentPath (the parent's size is used)",
                      ctx);
    if (p.sparseFile && p.type != DiskType::Fixed)
        return refuse(E87, "SPARSE_FILE applies to fixed disks only", ctx);

    // Sector sizes.
    if (p.parametersVersion == 1) {
        if (p.logicalSectorSize != 0 && p.logicalSectorSize != 512)
            return refuse(E87,
                          "SectorSizeInBytes " + std::to_string(p.logicalSectorSize) +
                              " with Version 1 parameters (512 only)",
                          ctx);
        if (p.physicalSectorSize != 0)
            return refuse(E87, "Version 1 parameters have no PhysicalSectorSizeInBytes", ctx);
    }
    for (auto [value, field] : {std::pair{p.logicalSectorSize, "SectorSizeInBytes"},
                                std::pair{p.physicalSectorSize, "PhysicalSectorSizeInBytes"}}) {
        if (value != 0 && value != 512 && value != 4096)
            return refuse(
                E87, std::string(field) + " " + std::to_string(value) + " is not 512 or 4096", ctx);
        if (p.format == DiskFormat::Vhd && value == 4096)
            return refuse(win32::kUnsupportedSectorSize,
                          std::string(field) + " 4096: VHD supports 512-byte sectors only", ctx);
    }

    // Block size: VHD's rule (0, 512 KB, 2 MB; fixed 0 only), VHDX powers of two 1–256 MB.
    if (p.format == DiskFormat::Vhd) {
        if (p.type == DiskType::Fixed && p.blockSize != 0)
            return refuse(
                E87, "BlockSizeInBytes " + hex(p.blockSize) + " for a fixed VHD (must be 0)", ctx);
        if (p.blockSize != 0 && p.blockSize != 0x80000 && p.blockSize != 0x200000)
            return refuse(E87,
                          "BlockSizeInBytes " + hex(p.blockSize) +
                              " is not 0, 0x80000 (512 KB) or 0x200000 (2 MB) for VHD",
                          ctx);
    } else if (p.blockSize != 0 && (!isPow2(p.blockSize) || p.blockSize < vhdx::kMinBlockSize ||
                                    p.blockSize > vhdx::kMaxBlockSize)) {
        return refuse(E87,
                      "BlockSizeInBytes " + hex(p.blockSize) +
                          " is not a power of two from 1 MB to 256 MB for VHDX",
                      ctx);
    }

    // Size rules for an explicit MaximumSize; sizes taken from a source are checked again
    // by checkSize() once the source is open.
    if (!hasSource && !hasParent && p.maximumSize == 0)
        return refuse(E87, "MaximumSize is 0 without a source or parent (below the 3 MB minimum)",
                      ctx);
    if (p.security && (p.security->mode & ~07777U) != 0)
        return refuse(win32::kInvalidSecurityDescriptor,
                      "VDS_POSIX_SECURITY Mode has bits outside 07777", ctx);
    return {};
}

/// Size rules once the effective size is known (explicit or from the source).
Expected<void> checkSize(const CreateParams &p, std::uint64_t size, std::uint32_t logicalSector)
{
    const std::string &ctx = p.path;
    constexpr std::uint32_t E87 = win32::kInvalidParameter;
    if (size < 3ULL * 1024 * 1024)
        return refuse(E87, "MaximumSize " + std::to_string(size) + " is below the 3 MB minimum",
                      ctx);
    if (size % 512 != 0 || size % logicalSector != 0)
        return refuse(E87,
                      "MaximumSize " + std::to_string(size) +
                          " is not a multiple of the sector size " + std::to_string(logicalSector),
                      ctx);
    if (p.format == DiskFormat::Vhd && size > vhd::kMaxSize)
        return refuse(win32::kVhdInvalidSize,
                      "MaximumSize " + std::to_string(size) + " is above the VHD limit of 2040 GiB",
                      ctx);
    if (p.format == DiskFormat::Vhdx && size > vhdx::kMaxSize)
        return refuse(win32::kVhdInvalidSize,
                      "MaximumSize " + std::to_string(size) + " is above the VHDX limit of 64 TiB",
                      ctx);
    return {};
}

} // namespace vds::vdisk
