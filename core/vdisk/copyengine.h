#pragma once

#include <atomic>
#include <cstdint>

#include <vds/util/error.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/imagereader.h>
#include <vds/vdisk/imagewriter.h>

namespace vds::vdisk {

struct CopyStats {
    std::uint64_t bytesRead = 0;
    std::uint64_t unitsWritten = 0;
    std::uint64_t unitsSkipped = 0;
    std::uint64_t bytesWritten = 0; ///< data bytes handed to the writer (zero pages excluded)
};

/// Streams `virtualSize` bytes from a reader into a writer: a reader thread fills large aligned
/// buffers (never reading the extents the source knows are zero, then testing each 4 KiB page
/// it did read for zeros) and hands each unit's data runs through a bounded queue to the
/// calling thread, which writes only those runs. Bytes beyond the
/// source's end read as zeros (a target larger than its source). Cancel is checked per buffer;
/// the first error stops both threads. Progress counts bytes handed to the writer.
Expected<CopyStats> copyImage(ImageReader &source, ImageWriter &target, std::uint64_t virtualSize,
                              ProgressSink *progress, const std::atomic_bool &cancel);

/// Compares the first `size` bytes of two readers (verify pass). Mismatch → Format error naming
/// the first differing offset.
Expected<void> compareImages(ImageReader &a, ImageReader &b, std::uint64_t size,
                             ProgressSink *progress, const std::atomic_bool &cancel);

} // namespace vds::vdisk
