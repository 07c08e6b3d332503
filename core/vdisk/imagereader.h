#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "util/error.h"
#include "vdisk/imageinfo.h"

namespace vds::vdisk {

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

    /// The bytes of [offset, offset+size) mapped in memory, valid while the reader lives, or
    /// nullptr when the reader cannot map them (then use read()). Saves a copy per byte.
    virtual const std::uint8_t *view(std::uint64_t offset, std::size_t size);
};

} // namespace vds::vdisk
