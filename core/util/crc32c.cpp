#include <vds/util/crc32c.h>

#include <array>

namespace vds {

namespace {

// Only headers and region tables (4-64 KiB) are checksummed, so a byte-wise table is plenty.
constexpr std::array<std::uint32_t, 256> makeTable()
{
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1U) ? (c >> 1) ^ 0x82F63B78U : c >> 1;
        t[i] = c;
    }
    return t;
}

constexpr auto kTable = makeTable();

} // namespace

std::uint32_t crc32c(const void *data, std::size_t size) noexcept
{
    const auto *p = static_cast<const std::uint8_t *>(data);
    std::uint32_t c = 0xFFFFFFFFU;
    for (std::size_t i = 0; i < size; ++i)
        c = kTable[(c ^ p[i]) & 0xFFU] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

} // namespace vds
