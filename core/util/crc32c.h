#pragma once

#include <cstddef>
#include <cstdint>

namespace vds {

/// CRC-32C (Castagnoli, reflected 0x82F63B78, init and final XOR 0xFFFFFFFF), as VHDX uses for
/// headers, region tables and log entries. crc32c("123456789") == 0xE3069283.
std::uint32_t crc32c(const void *data, std::size_t size) noexcept;

} // namespace vds
