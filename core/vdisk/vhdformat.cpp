#include <vds/vdisk/vhdformat.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include <vds/util/endian.h>

namespace vds::vdisk::vhd {

Geometry chsFor(std::uint64_t totalSectors) noexcept
{
    std::uint64_t ts = std::min<std::uint64_t>(totalSectors, 65535ULL * 16 * 255);
    std::uint64_t spt = 0, heads = 0, cth = 0;
    if (ts >= 65535ULL * 16 * 63) {
        spt = 255;
        heads = 16;
        cth = ts / spt;
    } else {
        spt = 17;
        cth = ts / spt;
        heads = std::max<std::uint64_t>(4, (cth + 1023) / 1024);
        if (cth >= heads * 1024 || heads > 16) {
            spt = 31;
            heads = 16;
            cth = ts / spt;
        }
        if (cth >= heads * 1024) {
            spt = 63;
            heads = 16;
            cth = ts / spt;
        }
    }
    Geometry g;
    g.cylinders = static_cast<std::uint16_t>(cth / heads);
    g.heads = static_cast<std::uint8_t>(heads);
    g.sectorsPerTrack = static_cast<std::uint8_t>(spt);
    return g;
}

Geometry geometryFor(std::uint64_t size) noexcept
{
    const Geometry g = chsFor(size / kSector);
    const std::uint64_t chsBytes =
        std::uint64_t(g.cylinders) * g.heads * g.sectorsPerTrack * kSector;
    if (chsBytes == size)
        return g;
    return Geometry{65535, 16, 255};
}

std::uint32_t checksum(const std::uint8_t *data, std::size_t size, std::size_t skip) noexcept
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < size; ++i)
        if (i < skip || i >= skip + 4)
            sum += data[i];
    return ~sum;
}

void encodeFooter(const Footer &f, std::uint8_t *o)
{
    std::memset(o, 0, kFooterSize);
    std::memcpy(o, "conectix", 8);
    storeBe<std::uint32_t>(o + 8, f.features);
    storeBe<std::uint32_t>(o + 12, f.formatVersion);
    storeBe<std::uint64_t>(o + 16, f.dataOffset);
    storeBe<std::uint32_t>(o + 24, f.timestamp);
    std::memcpy(o + 28, f.creatorApp.data(), 4);
    storeBe<std::uint32_t>(o + 32, f.creatorVersion);
    storeBe<std::uint32_t>(o + 36, f.creatorHostOs);
    storeBe<std::uint64_t>(o + 40, f.originalSize);
    storeBe<std::uint64_t>(o + 48, f.currentSize);
    storeBe<std::uint16_t>(o + 56, f.geometry.cylinders);
    o[58] = f.geometry.heads;
    o[59] = f.geometry.sectorsPerTrack;
    storeBe<std::uint32_t>(o + 60, f.diskType);
    f.uniqueId.toRfcBytes(o + 68);
    o[84] = f.savedState;
    storeBe<std::uint32_t>(o + 64, checksum(o, kFooterSize, 64));
}

Expected<Footer> decodeFooter(const std::uint8_t *in, const std::string &context)
{
    if (std::memcmp(in, "conectix", 8) != 0)
        return fail(ErrorCategory::Format, "VHD footer cookie 'conectix' missing", context);
    Footer f;
    f.checksum = loadBe<std::uint32_t>(in + 64);
    if (f.checksum != checksum(in, kFooterSize, 64))
        return fail(ErrorCategory::Format, "VHD footer checksum mismatch", context);
    f.features = loadBe<std::uint32_t>(in + 8);
    f.formatVersion = loadBe<std::uint32_t>(in + 12);
    f.dataOffset = loadBe<std::uint64_t>(in + 16);
    f.timestamp = loadBe<std::uint32_t>(in + 24);
    std::memcpy(f.creatorApp.data(), in + 28, 4);
    f.creatorVersion = loadBe<std::uint32_t>(in + 32);
    f.creatorHostOs = loadBe<std::uint32_t>(in + 36);
    f.originalSize = loadBe<std::uint64_t>(in + 40);
    f.currentSize = loadBe<std::uint64_t>(in + 48);
    f.geometry.cylinders = loadBe<std::uint16_t>(in + 56);
    f.geometry.heads = in[58];
    f.geometry.sectorsPerTrack = in[59];
    f.diskType = loadBe<std::uint32_t>(in + 60);
    f.uniqueId = Guid::fromRfcBytes(in + 68);
    f.savedState = in[84];
    if ((f.formatVersion >> 16) != 1)
        return fail(ErrorCategory::Format,
                    "unsupported VHD format version " + std::to_string(f.formatVersion), context);
    if (f.diskType != kTypeFixed && f.diskType != kTypeDynamic && f.diskType != kTypeDifferencing)
        return fail(ErrorCategory::Format,
                    "unsupported VHD disk type " + std::to_string(f.diskType), context);
    if (f.currentSize > kMaxSize || f.currentSize % kSector != 0)
        return fail(ErrorCategory::Format,
                    "VHD current size " + std::to_string(f.currentSize) +
                        " is not a multiple of 512 up to 2040 GiB",
                    context);
    return f;
}

void encodeHeader(const DynamicHeader &h, std::uint8_t *o)
{
    std::memset(o, 0, kHeaderSize);
    std::memcpy(o, "cxsparse", 8);
    storeBe<std::uint64_t>(o + 8, h.dataOffset);
    storeBe<std::uint64_t>(o + 16, h.tableOffset);
    storeBe<std::uint32_t>(o + 24, h.headerVersion);
    storeBe<std::uint32_t>(o + 28, h.maxTableEntries);
    storeBe<std::uint32_t>(o + 32, h.blockSize);
    h.parentUniqueId.toRfcBytes(o + 40);
    storeBe<std::uint32_t>(o + 56, h.parentTimestamp);
    const std::size_t chars = std::min<std::size_t>(h.parentName.size(), 256);
    for (std::size_t i = 0; i < chars; ++i)
        storeBe<std::uint16_t>(o + 64 + 2 * i, static_cast<std::uint16_t>(h.parentName[i]));
    for (std::size_t i = 0; i < 8; ++i) {
        std::uint8_t *e = o + 576 + 24 * i;
        storeBe<std::uint32_t>(e, h.locators[i].platformCode);
        storeBe<std::uint32_t>(e + 4, h.locators[i].dataSpace);
        storeBe<std::uint32_t>(e + 8, h.locators[i].dataLength);
        storeBe<std::uint64_t>(e + 16, h.locators[i].dataOffset);
    }
    storeBe<std::uint32_t>(o + 36, checksum(o, kHeaderSize, 36));
}

Expected<DynamicHeader> decodeHeader(const std::uint8_t *in, const std::string &context)
{
    if (std::memcmp(in, "cxsparse", 8) != 0)
        return fail(ErrorCategory::Format, "VHD dynamic header cookie 'cxsparse' missing", context);
    DynamicHeader h;
    h.checksum = loadBe<std::uint32_t>(in + 36);
    if (h.checksum != checksum(in, kHeaderSize, 36))
        return fail(ErrorCategory::Format, "VHD dynamic header checksum mismatch", context);
    h.dataOffset = loadBe<std::uint64_t>(in + 8);
    h.tableOffset = loadBe<std::uint64_t>(in + 16);
    h.headerVersion = loadBe<std::uint32_t>(in + 24);
    h.maxTableEntries = loadBe<std::uint32_t>(in + 28);
    h.blockSize = loadBe<std::uint32_t>(in + 32);
    h.parentUniqueId = Guid::fromRfcBytes(in + 40);
    h.parentTimestamp = loadBe<std::uint32_t>(in + 56);
    for (std::size_t i = 0; i < 256; ++i) {
        const auto c = loadBe<std::uint16_t>(in + 64 + 2 * i);
        if (c == 0)
            break;
        h.parentName.push_back(static_cast<char16_t>(c));
    }
    for (std::size_t i = 0; i < 8; ++i) {
        const std::uint8_t *e = in + 576 + 24 * i;
        h.locators[i].platformCode = loadBe<std::uint32_t>(e);
        h.locators[i].dataSpace = loadBe<std::uint32_t>(e + 4);
        h.locators[i].dataLength = loadBe<std::uint32_t>(e + 8);
        h.locators[i].dataOffset = loadBe<std::uint64_t>(e + 16);
    }
    if ((h.headerVersion >> 16) != 1)
        return fail(ErrorCategory::Format, "unsupported VHD dynamic header version", context);
    if (h.blockSize < kSector || h.blockSize > (256U << 20) || (h.blockSize & (h.blockSize - 1)))
        return fail(ErrorCategory::Format,
                    "VHD block size " + std::to_string(h.blockSize) +
                        " is not a power of two between 512 bytes and 256 MiB",
                    context);
    return h;
}

std::uint32_t bitmapSize(std::uint32_t blockSize) noexcept
{
    const std::uint32_t bytes = (blockSize / kSector + 7) / 8;
    return (bytes + kSector - 1) / kSector * kSector;
}

std::uint32_t nowTimestamp() noexcept
{
    return toTimestamp(static_cast<std::int64_t>(std::time(nullptr)));
}

std::uint32_t toTimestamp(std::int64_t unixSeconds) noexcept
{
    const std::int64_t t = unixSeconds - kEpochOffset;
    return t < 0 ? 0U : static_cast<std::uint32_t>(std::min<std::int64_t>(t, UINT32_MAX));
}

std::string timestampText(std::uint32_t timestamp)
{
    const std::time_t t = static_cast<std::time_t>(std::int64_t(timestamp) + kEpochOffset);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

} // namespace vds::vdisk::vhd
