#pragma once

#include <memory>
#include <string>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/imagereader.h>

namespace vds::vdisk {

struct OpenOptions {
    /// Open the parent chain of differencing disks (needed to read data, not for `info`).
    bool followParents = true;
    /// Guards against parent cycles (a chain longer than this is refused).
    int maxDepth = 16;
    /// Use a VHD parent whose modification time differs from the one its child stores (a chain
    /// copied without keeping times). Off by default, as Windows refuses such a parent.
    bool acceptParentTimestamp = false;
};

/// Which format a file holds: "vhdxfile" at 0 → VHDX; "conectix" in the last 512 bytes (or at
/// 0) → VHD; anything else → raw.
Expected<DiskFormat> probeFormat(int fd, const std::string &name);

/// Opens any supported image or device read-only, choosing the reader by probeFormat().
Expected<std::unique_ptr<ImageReader>> openImage(const std::string &path,
                                                 const OpenOptions &options = {});
/// Opens `openPath` but names the image `name` in messages and resolves its parents from
/// `name`'s folder (a new image read back through /proc/self/fd before it has its name).
Expected<std::unique_ptr<ImageReader>>
openImage(const std::string &openPath, const std::string &name, const OpenOptions &options = {});
/// Same, over a descriptor the caller already opened (e.g. a disk handed out by UDisks2).
/// Takes ownership. `name` is used for messages and for resolving parents.
Expected<std::unique_ptr<ImageReader>> openImage(FileHandle fd, const std::string &name,
                                                 const OpenOptions &options = {});

} // namespace vds::vdisk
