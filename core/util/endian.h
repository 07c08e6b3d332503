#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

/// Unaligned big/little-endian loads and stores for on-disk structures. VHD is big-endian,
/// VHDX little-endian; every field goes through these so no struct layout depends on the host.
namespace vds {

template <class T> inline T loadLe(const std::uint8_t *p) noexcept
{
    T v;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::endian::native == std::endian::big)
        v = std::byteswap(v);
    return v;
}

template <class T> inline T loadBe(const std::uint8_t *p) noexcept
{
    T v;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::endian::native == std::endian::little)
        v = std::byteswap(v);
    return v;
}

template <class T> inline void storeLe(std::uint8_t *p, T v) noexcept
{
    if constexpr (std::endian::native == std::endian::big)
        v = std::byteswap(v);
    std::memcpy(p, &v, sizeof v);
}

template <class T> inline void storeBe(std::uint8_t *p, T v) noexcept
{
    if constexpr (std::endian::native == std::endian::little)
        v = std::byteswap(v);
    std::memcpy(p, &v, sizeof v);
}

} // namespace vds
