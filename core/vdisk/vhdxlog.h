#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <vds/util/error.h>
#include <vds/vdisk/vhdxformat.h>

namespace vds::vdisk::vhdx {

/// What a VHDX log asks to be written into the file: the valid entries of its active sequence
/// (the run of consecutive entries with the highest sequence number that starts at its last
/// entry's tail), as 4 KiB sector writes and zeroed ranges in sequence order. Applied in memory
/// by the reader (the source is never written) and into the file by `vhd repair`. Value type.
struct LogReplay {
    struct Op {
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
        std::vector<std::uint8_t> data; ///< `length` bytes; empty for a zero descriptor
    };
    std::vector<Op> ops;
    std::uint64_t entries = 0;
    std::uint64_t firstSequence = 0, lastSequence = 0;
    std::uint64_t lastFileOffset = 0; ///< the file must be at least this long afterwards

    [[nodiscard]] bool empty() const noexcept { return ops.empty(); }
    /// Applies every op, in order, to `buffer`, which holds file bytes [offset, offset + size).
    void overlay(std::uint64_t offset, std::uint8_t *buffer, std::size_t size) const noexcept;
    /// The end of the furthest write or zero range.
    [[nodiscard]] std::uint64_t extent() const noexcept;
};

/// Reads the log that `header` names from `fd`. No valid entry → an empty replay (nothing to
/// do). An active sequence whose entries break the rules (a descriptor's sequence number, a
/// data sector's stamps, an offset not 4 KiB aligned) is a Format error naming the log entry's
/// offset.
Expected<LogReplay> readLog(int fd, const Header &header, const std::string &name);

} // namespace vds::vdisk::vhdx
