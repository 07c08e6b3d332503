#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <vds/util/error.h>
#include <vds/util/guid.h>
#include <vds/vdisk/imageinfo.h>

namespace vds::vdisk {

/// What a writer lays out. Filled by createVirtualDisk() after validation; every value is final
/// (defaults resolved, sizes checked).
struct TargetLayout {
    DiskFormat format = DiskFormat::Vhdx;
    DiskType type = DiskType::Dynamic;
    std::uint64_t virtualSize = 0;
    std::uint32_t blockSize = 0; ///< 0 for fixed VHD
    std::uint32_t logicalSectorSize = 512;
    std::uint32_t physicalSectorSize = 512;
    Guid uniqueId;          ///< VHD Unique Id / VHDX Page 83 id
    bool sparse = false;    ///< fixed: leave unwritten areas as holes
    std::string path;       ///< final path (parent locators are relative to it)
    std::string parentPath; ///< absolute, differencing only
};

/// Writes one new image into an open, empty file. The copy engine hands it the virtual disk in
/// whole allocation units, in order; metadata (BAT, headers, footers) is written by finish(),
/// so a file whose writing stopped early never looks complete. Used by one thread at a time;
/// does not own the descriptor.
class ImageWriter {
public:
    virtual ~ImageWriter();
    /// Bytes per unit: the block size for dynamic targets, a copy chunk for fixed ones.
    [[nodiscard]] virtual std::uint32_t unitSize() const = 0;
    /// Reserves space (fully allocated fixed targets) and prepares the layout.
    virtual Expected<void> begin() = 0;
    /// Unit `index` (the last may be short). When `allZero` is set `data` is not valid (the
    /// bytes were never read): dynamic targets skip the block, fixed ones rely on preallocated
    /// space or write zeros of their own.
    virtual Expected<void> writeUnit(std::uint64_t index, const std::uint8_t *data,
                                     std::size_t size, bool allZero) = 0;
    /// Writes the metadata that makes the file a valid image.
    virtual Expected<void> finish() = 0;
    /// Starts writeback of what was written so far without waiting for it, so the disk works
    /// while we copy instead of all at the final flush. Default: nothing.
    virtual void startWriteback() {}
};

} // namespace vds::vdisk
