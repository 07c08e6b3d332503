#pragma once

#include <cstdint>
#include <string>

#include <vds/util/error.h>

namespace vds::vdisk {

/// What `vhd repair` did.
struct RepairResult {
    bool wasDirty = false;           ///< the header named a log
    std::uint64_t entries = 0;       ///< log entries replayed
    std::uint64_t firstSequence = 0; ///< their sequence numbers
    std::uint64_t lastSequence = 0;
    std::uint64_t bytesWritten = 0; ///< by data and zero descriptors
};

/// Replays a dirty VHDX log into the file, as Hyper-V does when it opens one: the file is
/// copied (reflinked where the filesystem can) into a new file beside it, the log's writes are
/// applied to the copy, both headers are rewritten with an empty log and a new FileWriteGuid
/// (the DataWriteGuid, which children link to, is kept), the copy is flushed and then
/// atomically takes the original's place. A failure at any point leaves the original as it
/// was. A clean VHDX is left untouched; anything else is InvalidArgument. Calling thread.
Expected<RepairResult> repairImage(const std::string &path);

} // namespace vds::vdisk
