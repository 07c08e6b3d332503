#pragma once

#include <cstdint>

namespace vds::vdi::liveness {

/// This process's start time in clock ticks since boot (/proc/self/stat field 22).
std::uint64_t selfStartTime();

/// True while the process `pid` that started at `startTime` runs: it exists, is not a zombie
/// and its start time matches (so a recycled pid does not look alive). pid 0 → false.
bool isAlive(std::uint32_t pid, std::uint64_t startTime);

} // namespace vds::vdi::liveness
