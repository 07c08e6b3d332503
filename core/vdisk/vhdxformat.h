#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <vds/util/error.h>
#include <vds/util/guid.h>

/// VHDX on-disk structures (MS-VHDX; docs/vhd-formats.md, "VHDX"). Little-endian; GUIDs in
/// Microsoft layout.
namespace vds::vdisk::vhdx {

inline constexpr std::uint64_t kMiB = 1ULL << 20;
inline constexpr std::uint64_t kHeader1 = 64 * 1024, kHeader2 = 128 * 1024;
inline constexpr std::uint64_t kRegion1 = 192 * 1024, kRegion2 = 256 * 1024;
inline constexpr std::uint32_t kHeaderSize = 4096;
inline constexpr std::uint32_t kRegionTableSize = 64 * 1024;
inline constexpr std::uint64_t kMaxSize = 64ULL << 40;        ///< 64 TiB
inline constexpr std::uint32_t kDefaultBlockSize = 32U << 20; ///< dynamic
inline constexpr std::uint32_t kDefaultDiffBlockSize = 2U << 20;
inline constexpr std::uint32_t kMinBlockSize = 1U << 20, kMaxBlockSize = 256U << 20;

// BAT entry states (bits 0-2).
inline constexpr std::uint64_t kNotPresent = 0, kUndefined = 1, kZero = 2, kUnmapped = 3,
                               kUnmappedDraft = 5, kFullyPresent = 6, kPartiallyPresent = 7;

// Well-known GUIDs (text form; parsed once).
const Guid &batRegionGuid();
const Guid &metadataRegionGuid();
const Guid &fileParametersGuid();
const Guid &virtualDiskSizeGuid();
const Guid &page83Guid();
const Guid &logicalSectorSizeGuid();
const Guid &physicalSectorSizeGuid();
const Guid &parentLocatorGuid();
const Guid &parentLocatorTypeGuid();

struct Header {
    std::uint64_t sequenceNumber = 0;
    Guid fileWriteGuid;
    Guid dataWriteGuid;
    Guid logGuid;
    std::uint16_t logVersion = 0;
    std::uint16_t version = 1;
    std::uint32_t logLength = 0;
    std::uint64_t logOffset = 0;
};

struct RegionEntry {
    Guid guid;
    std::uint64_t fileOffset = 0;
    std::uint32_t length = 0;
    bool required = true;
};

struct MetadataItem {
    Guid id;
    std::uint32_t offset = 0; ///< from the region's start
    std::uint32_t length = 0;
    bool isUser = false, isVirtualDisk = false, isRequired = false;
};

void encodeHeader(const Header &h, std::uint8_t *out); ///< 4096 bytes, checksum filled in
Expected<Header> decodeHeader(const std::uint8_t *in, const std::string &context);
void encodeRegionTable(const std::vector<RegionEntry> &entries, std::uint8_t *out); ///< 64 KiB
Expected<std::vector<RegionEntry>> decodeRegionTable(const std::uint8_t *in,
                                                     const std::string &context);
/// The 64 KiB metadata table.
void encodeMetadataTable(const std::vector<MetadataItem> &items, std::uint8_t *out);
Expected<std::vector<MetadataItem>> decodeMetadataTable(const std::uint8_t *in,
                                                        const std::string &context);

/// (2^23 × logical sector size) / block size.
std::uint64_t chunkRatio(std::uint32_t blockSize, std::uint32_t logicalSectorSize) noexcept;
/// Number of BAT entries (payload + interleaved sector bitmap entries).
std::uint64_t batEntries(std::uint64_t virtualSize, std::uint32_t blockSize,
                         std::uint32_t logicalSectorSize, bool differencing) noexcept;
/// Index of payload block `block` in the BAT (bitmap entries interleaved).
inline std::uint64_t payloadIndex(std::uint64_t block, std::uint64_t ratio) noexcept
{
    return block + block / ratio;
}
/// Index of the sector bitmap entry of chunk `chunk`.
inline std::uint64_t bitmapIndex(std::uint64_t chunk, std::uint64_t ratio) noexcept
{
    return chunk * (ratio + 1) + ratio;
}

/// Parent locator (key/value UTF-16LE) encode/decode.
std::vector<std::uint8_t>
encodeParentLocator(const std::vector<std::pair<std::u16string, std::u16string>> &entries);
Expected<std::vector<std::pair<std::u16string, std::u16string>>>
decodeParentLocator(const std::uint8_t *in, std::size_t size, const std::string &context);

} // namespace vds::vdisk::vhdx
