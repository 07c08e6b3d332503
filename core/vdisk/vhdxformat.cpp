#include <vds/vdisk/vhdxformat.h>

#include <cstring>

#include <vds/util/crc32c.h>
#include <vds/util/endian.h>

namespace vds::vdisk::vhdx {

namespace {

const Guid &known(const char *text)
{
    // Called with literals only; a bad literal is a programming error caught by the tests.
    static thread_local Guid scratch;
    scratch = *Guid::parse(text);
    return scratch;
}

void putGuid(std::uint8_t *p, const Guid &g)
{
    std::memcpy(p, g.bytes.data(), 16);
}

Guid getGuid(const std::uint8_t *p)
{
    Guid g;
    std::memcpy(g.bytes.data(), p, 16);
    return g;
}

} // namespace

#define VDS_VHDX_GUID(name, text)                                                                  \
    const Guid &name()                                                                             \
    {                                                                                              \
        static const Guid g = known(text);                                                         \
        return g;                                                                                  \
    }
VDS_VHDX_GUID(batRegionGuid, "2DC27766-F623-4200-9D64-115E9BFD4A08")
VDS_VHDX_GUID(metadataRegionGuid, "8B7CA206-4790-4B9A-B8FE-575F050F886E")
VDS_VHDX_GUID(fileParametersGuid, "CAA16737-FA36-4D43-B3B6-33F0AA44E76B")
VDS_VHDX_GUID(virtualDiskSizeGuid, "2FA54224-CD1B-4876-B211-5DBED83BF4B8")
VDS_VHDX_GUID(page83Guid, "BECA12AB-B2E6-4523-93EF-C309E000C746")
VDS_VHDX_GUID(logicalSectorSizeGuid, "8141BF1D-A96F-4709-BA47-F233A8FAAB5F")
VDS_VHDX_GUID(physicalSectorSizeGuid, "CDA348C7-445D-4471-9CC9-E9885251C556")
VDS_VHDX_GUID(parentLocatorGuid, "A8D35F2D-B30B-454D-ABF7-D3D84834AB0C")
VDS_VHDX_GUID(parentLocatorTypeGuid, "B04AEFB7-D19E-4A81-B789-25B8E9445913")
#undef VDS_VHDX_GUID

void encodeHeader(const Header &h, std::uint8_t *o)
{
    std::memset(o, 0, kHeaderSize);
    std::memcpy(o, "head", 4);
    storeLe<std::uint64_t>(o + 8, h.sequenceNumber);
    putGuid(o + 16, h.fileWriteGuid);
    putGuid(o + 32, h.dataWriteGuid);
    putGuid(o + 48, h.logGuid);
    storeLe<std::uint16_t>(o + 64, h.logVersion);
    storeLe<std::uint16_t>(o + 66, h.version);
    storeLe<std::uint32_t>(o + 68, h.logLength);
    storeLe<std::uint64_t>(o + 72, h.logOffset);
    storeLe<std::uint32_t>(o + 4, crc32c(o, kHeaderSize));
}

Expected<Header> decodeHeader(const std::uint8_t *in, const std::string &context)
{
    if (std::memcmp(in, "head", 4) != 0)
        return fail(ErrorCategory::Format, "VHDX header signature 'head' missing", context);
    std::uint8_t copy[kHeaderSize];
    std::memcpy(copy, in, kHeaderSize);
    std::memset(copy + 4, 0, 4);
    if (crc32c(copy, kHeaderSize) != loadLe<std::uint32_t>(in + 4))
        return fail(ErrorCategory::Format, "VHDX header checksum mismatch", context);
    Header h;
    h.sequenceNumber = loadLe<std::uint64_t>(in + 8);
    h.fileWriteGuid = getGuid(in + 16);
    h.dataWriteGuid = getGuid(in + 32);
    h.logGuid = getGuid(in + 48);
    h.logVersion = loadLe<std::uint16_t>(in + 64);
    h.version = loadLe<std::uint16_t>(in + 66);
    h.logLength = loadLe<std::uint32_t>(in + 68);
    h.logOffset = loadLe<std::uint64_t>(in + 72);
    if (h.version != 1)
        return fail(ErrorCategory::Format,
                    "unsupported VHDX header version " + std::to_string(h.version), context);
    return h;
}

void encodeRegionTable(const std::vector<RegionEntry> &entries, std::uint8_t *o)
{
    std::memset(o, 0, kRegionTableSize);
    std::memcpy(o, "regi", 4);
    storeLe<std::uint32_t>(o + 8, static_cast<std::uint32_t>(entries.size()));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        std::uint8_t *e = o + 16 + 32 * i;
        putGuid(e, entries[i].guid);
        storeLe<std::uint64_t>(e + 16, entries[i].fileOffset);
        storeLe<std::uint32_t>(e + 24, entries[i].length);
        storeLe<std::uint32_t>(e + 28, entries[i].required ? 1U : 0U);
    }
    storeLe<std::uint32_t>(o + 4, crc32c(o, kRegionTableSize));
}

Expected<std::vector<RegionEntry>> decodeRegionTable(const std::uint8_t *in,
                                                     const std::string &context)
{
    if (std::memcmp(in, "regi", 4) != 0)
        return fail(ErrorCategory::Format, "VHDX region table signature 'regi' missing", context);
    std::vector<std::uint8_t> copy(in, in + kRegionTableSize);
    std::memset(copy.data() + 4, 0, 4);
    if (crc32c(copy.data(), kRegionTableSize) != loadLe<std::uint32_t>(in + 4))
        return fail(ErrorCategory::Format, "VHDX region table checksum mismatch", context);
    const std::uint32_t count = loadLe<std::uint32_t>(in + 8);
    if (count > 2047)
        return fail(ErrorCategory::Format,
                    "VHDX region table entry count " + std::to_string(count) + " above 2047",
                    context);
    std::vector<RegionEntry> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint8_t *e = in + 16 + 32 * i;
        RegionEntry r;
        r.guid = getGuid(e);
        r.fileOffset = loadLe<std::uint64_t>(e + 16);
        r.length = loadLe<std::uint32_t>(e + 24);
        r.required = (loadLe<std::uint32_t>(e + 28) & 1U) != 0;
        out.push_back(r);
    }
    return out;
}

void encodeMetadataTable(const std::vector<MetadataItem> &items, std::uint8_t *o)
{
    std::memset(o, 0, 64 * 1024);
    std::memcpy(o, "metadata", 8);
    storeLe<std::uint16_t>(o + 10, static_cast<std::uint16_t>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::uint8_t *e = o + 32 + 32 * i;
        putGuid(e, items[i].id);
        storeLe<std::uint32_t>(e + 16, items[i].offset);
        storeLe<std::uint32_t>(e + 20, items[i].length);
        const std::uint32_t flags = (items[i].isUser ? 1U : 0U) |
                                    (items[i].isVirtualDisk ? 2U : 0U) |
                                    (items[i].isRequired ? 4U : 0U);
        storeLe<std::uint32_t>(e + 24, flags);
    }
}

Expected<std::vector<MetadataItem>> decodeMetadataTable(const std::uint8_t *in,
                                                        const std::string &context)
{
    if (std::memcmp(in, "metadata", 8) != 0)
        return fail(ErrorCategory::Format, "VHDX metadata table signature missing", context);
    const std::uint16_t count = loadLe<std::uint16_t>(in + 10);
    if (count > 2047)
        return fail(ErrorCategory::Format, "VHDX metadata entry count above 2047", context);
    std::vector<MetadataItem> out;
    for (std::uint16_t i = 0; i < count; ++i) {
        const std::uint8_t *e = in + 32 + 32 * i;
        MetadataItem m;
        m.id = getGuid(e);
        m.offset = loadLe<std::uint32_t>(e + 16);
        m.length = loadLe<std::uint32_t>(e + 20);
        const std::uint32_t flags = loadLe<std::uint32_t>(e + 24);
        m.isUser = flags & 1U;
        m.isVirtualDisk = flags & 2U;
        m.isRequired = flags & 4U;
        out.push_back(m);
    }
    return out;
}

std::uint64_t chunkRatio(std::uint32_t blockSize, std::uint32_t logicalSectorSize) noexcept
{
    return ((1ULL << 23) * logicalSectorSize) / blockSize;
}

std::uint64_t batEntries(std::uint64_t virtualSize, std::uint32_t blockSize,
                         std::uint32_t logicalSectorSize, bool differencing) noexcept
{
    const std::uint64_t ratio = chunkRatio(blockSize, logicalSectorSize);
    const std::uint64_t payload = (virtualSize + blockSize - 1) / blockSize;
    const std::uint64_t bitmaps = (payload + ratio - 1) / ratio;
    if (differencing)
        return bitmaps * (ratio + 1);
    return payload == 0 ? 0 : payload + (payload - 1) / ratio;
}

std::vector<std::uint8_t>
encodeParentLocator(const std::vector<std::pair<std::u16string, std::u16string>> &entries)
{
    const std::size_t tableEnd = 20 + 12 * entries.size();
    std::vector<std::uint8_t> out(tableEnd);
    putGuid(out.data(), parentLocatorTypeGuid());
    storeLe<std::uint16_t>(out.data() + 18, static_cast<std::uint16_t>(entries.size()));
    auto append = [&out](const std::u16string &s) {
        const std::size_t at = out.size();
        out.resize(at + 2 * s.size());
        for (std::size_t i = 0; i < s.size(); ++i)
            storeLe<std::uint16_t>(out.data() + at + 2 * i, static_cast<std::uint16_t>(s[i]));
        return at;
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::size_t k = append(entries[i].first);
        const std::size_t v = append(entries[i].second);
        std::uint8_t *e = out.data() + 20 + 12 * i;
        storeLe<std::uint32_t>(e, static_cast<std::uint32_t>(k));
        storeLe<std::uint32_t>(e + 4, static_cast<std::uint32_t>(v));
        storeLe<std::uint16_t>(e + 8, static_cast<std::uint16_t>(2 * entries[i].first.size()));
        storeLe<std::uint16_t>(e + 10, static_cast<std::uint16_t>(2 * entries[i].second.size()));
    }
    return out;
}

Expected<std::vector<std::pair<std::u16string, std::u16string>>>
decodeParentLocator(const std::uint8_t *in, std::size_t size, const std::string &context)
{
    if (size < 20)
        return fail(ErrorCategory::Format, "VHDX parent locator too short", context);
    if (getGuid(in) != parentLocatorTypeGuid())
        return fail(ErrorCategory::Format, "VHDX parent locator type unknown", context);
    const std::uint16_t count = loadLe<std::uint16_t>(in + 18);
    if (20 + 12ULL * count > size)
        return fail(ErrorCategory::Format, "VHDX parent locator entries beyond the item", context);
    std::vector<std::pair<std::u16string, std::u16string>> out;
    auto get = [&](std::uint32_t off, std::uint16_t len, std::u16string &s) {
        if (std::uint64_t(off) + len > size || len % 2 != 0)
            return false;
        for (std::uint16_t i = 0; i < len / 2; ++i)
            s.push_back(static_cast<char16_t>(loadLe<std::uint16_t>(in + off + 2 * i)));
        return true;
    };
    for (std::uint16_t i = 0; i < count; ++i) {
        const std::uint8_t *e = in + 20 + 12 * i;
        std::u16string k, v;
        if (!get(loadLe<std::uint32_t>(e), loadLe<std::uint16_t>(e + 8), k) ||
            !get(loadLe<std::uint32_t>(e + 4), loadLe<std::uint16_t>(e + 10), v))
            return fail(ErrorCategory::Format, "VHDX parent locator key or value out of range",
                        context);
        out.emplace_back(std::move(k), std::move(v));
    }
    return out;
}

} // namespace vds::vdisk::vhdx
