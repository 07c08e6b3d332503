#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <vds/util/error.h>
#include <vds/vdisk/imageinfo.h>

namespace vds::vdisk {

/// A stretch of a virtual disk: known zeros (a hole, an unallocated block) or possible data.
struct Extent {
    bool zero = false;
    std::uint64_t length = 0;
};

/// Reads the virtual contents of a disk image or device: raw file, block device, VHD, VHDX.
/// One reader is used by one thread at a time (the converter's reader thread); it owns its
/// file descriptors and its parent chain.
class ImageReader {
public:
    virtual ~ImageReader();

    [[nodiscard]] virtual const ImageInfo &info() const = 0;
    [[nodiscard]] std::uint64_t virtualSize() const { return info().virtualSize; }

    /// Reads [offset, offset+size) of the virtual disk; reads past the end are an error.
    virtual Expected<void> read(std::uint64_t offset, void *buffer, std::size_t size) = 0;

    /// True when the range is known to read as zeros without reading it (an unallocated
    /// block, a hole). False means "unknown", never "not zero". Lets conversions skip work.
    virtual bool knownZero(std::uint64_t offset, std::uint64_t size);

    /// The extent starting at `offset`, at most `size` (> 0) bytes: a known-zero run, or the
    /// run of possible data up to the next known-zero one. Lets a copy skip holes inside a
    /// target block without reading them. Default: knownZero() block by block (whole range
    /// when the image has no blocks); readers that know finer holes override it.
    virtual Extent extentAt(std::uint64_t offset, std::uint64_t size)
    {
        const std::uint64_t block = info().blockSize;
        if (block == 0 || size <= block - offset % block)
            return {knownZero(offset, size), size};
        std::uint64_t n = block - offset % block;
        const bool zero = knownZero(offset, n);
        while (n < size) {
            const std::uint64_t step = std::min<std::uint64_t>(block, size - n);
            if (knownZero(offset + n, step) != zero)
                break;
            n += step;
        }
        return {zero, n};
    }

    /// Hints that [offset, offset+size) will be read soon, so the kernel reads it ahead while
    /// the copy works on what came before (more than one request in flight). Default: nothing.
    virtual void prefetch(std::uint64_t offset, std::uint64_t size)
    {
        (void)offset;
        (void)size;
    }

    /// The bytes of [offset, offset+size) mapped in memory, valid while the reader lives, or
    /// nullptr when the reader cannot map them (then use read()). Saves a copy per byte.
    virtual const std::uint8_t *view(std::uint64_t offset, std::size_t size);

protected:
    /// Refuses a read past the end of the virtual disk.
    [[nodiscard]] Expected<void> checkRange(std::uint64_t offset, std::size_t size,
                                            const std::string &name) const
    {
        if (offset > virtualSize() || virtualSize() - offset < size)
            return fail(ErrorCategory::InvalidArgument, "read beyond the end of the disk", name);
        return {};
    }

    /// read() for block-based formats: splits [offset, offset+size) at block boundaries and
    /// calls part(block, offsetInBlock, out, bytes) for each piece, stopping at the first error.
    template <class Part>
    static Expected<void> forEachBlockPart(std::uint64_t offset, void *buffer, std::size_t size,
                                           std::uint64_t blockSize, Part &&part)
    {
        auto *out = static_cast<std::uint8_t *>(buffer);
        while (size > 0) {
            const std::uint64_t block = offset / blockSize;
            const auto within = static_cast<std::uint32_t>(offset % blockSize);
            const auto n =
                static_cast<std::uint32_t>(std::min<std::uint64_t>(size, blockSize - within));
            if (auto ok = part(block, within, out, n); !ok)
                return ok;
            out += n;
            offset += n;
            size -= n;
        }
        return {};
    }
};

} // namespace vds::vdisk
