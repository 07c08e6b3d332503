#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
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
    Guid uniqueId;                      ///< VHD Unique Id / VHDX Page 83 id
    bool sparse = false;                ///< fixed: leave unwritten areas as holes
    std::string path;                   ///< final path (parent locators are relative to it)
    std::string parentPath;             ///< absolute, differencing only
    bool acceptParentTimestamp = false; ///< CreateParams::acceptParentTimestamp
};

/// A run of bytes that may hold data inside one writer unit (offset and length in bytes).
struct DataRun {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

/// Calls gap(offset, length) for each zero stretch of [from, end) around `runs` (which lie
/// inside it, sorted).
template <class Gap>
Expected<void> forEachGap(std::span<const DataRun> runs, std::size_t from, std::size_t end,
                          Gap &&gap)
{
    std::size_t at = from;
    for (const DataRun &r : runs) {
        if (r.offset > at)
            if (auto ok = gap(at, r.offset - at); !ok)
                return ok;
        at = std::size_t{r.offset} + r.length;
    }
    if (at < end)
        return gap(at, end - at);
    return {};
}

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
    /// Bytes [from, from+length) of unit `index` (a unit of `unitBytes`; the last may be
    /// short), given as the runs that hold data there: sorted, disjoint, offsets within the
    /// unit; everything else in the part is zero. `data` points at the unit's byte `from` and
    /// is valid over the runs only (zeros were never read). A unit comes in one or more parts,
    /// in order, covering it once; units come in order. Writers write the runs only: the
    /// zeros are holes in a new block (a unit with no runs at all stays unallocated in dynamic
    /// targets), preallocated space in a fixed image, or written where the filesystem can
    /// do neither.
    virtual Expected<void> writeRuns(std::uint64_t index, std::size_t unitBytes, std::uint32_t from,
                                     std::uint32_t length, const std::uint8_t *data,
                                     std::span<const DataRun> runs) = 0;
    /// A whole unit of data in one part, or of nothing when `allZero` (`data` then unused).
    Expected<void> writeUnit(std::uint64_t index, const std::uint8_t *data, std::size_t size,
                             bool allZero)
    {
        const auto n = static_cast<std::uint32_t>(size);
        const DataRun all{0, n};
        return writeRuns(index, size, 0, n, data,
                         allZero ? std::span<const DataRun>{} : std::span<const DataRun>{&all, 1});
    }
    /// Writes the metadata that makes the file a valid image.
    virtual Expected<void> finish() = 0;
    /// Starts writeback of what was written so far without waiting for it, so the disk works
    /// while we copy instead of all at the final flush. Default: nothing.
    virtual void startWriteback() {}
};

} // namespace vds::vdisk
