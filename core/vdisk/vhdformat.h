#pragma once

#include <array>
#include <cstdint>
#include <string>

#include <vds/util/error.h>
#include <vds/util/guid.h>

/// VHD (Virtual Hard Disk v1.0) on-disk structures: the 512-byte footer and the 1024-byte
/// dynamic disk header. All fields big-endian (docs/vhd-formats.md, "VHD").
namespace vds::vdisk::vhd {

inline constexpr std::uint32_t kSector = 512;
inline constexpr std::uint32_t kFooterSize = 512;
inline constexpr std::uint32_t kHeaderSize = 1024;
inline constexpr std::uint64_t kMaxSize = 2040ULL << 30;     ///< 2040 GiB
inline constexpr std::uint32_t kDefaultBlockSize = 2U << 20; ///< 2 MiB
inline constexpr std::uint32_t kUnusedBat = 0xFFFFFFFFU;
inline constexpr std::uint32_t kTypeFixed = 2, kTypeDynamic = 3, kTypeDifferencing = 4;
inline constexpr std::uint32_t kPlatformW2ru = 0x57327275U; ///< relative UTF-16 path
inline constexpr std::uint32_t kPlatformW2ku = 0x57326B75U; ///< absolute UTF-16 path
inline constexpr std::uint32_t kPlatformMacX = 0x4D616358U; ///< file:// URL, UTF-8
/// Seconds between the Unix epoch and VHD's (2000-01-01 00:00:00 UTC).
inline constexpr std::int64_t kEpochOffset = 946684800;

struct Geometry {
    std::uint16_t cylinders = 0;
    std::uint8_t heads = 0;
    std::uint8_t sectorsPerTrack = 0;
};

/// The spec's CHS algorithm for `size`, or the maximum 65535/16/255 when the CHS product does
/// not reproduce `size` exactly: QEMU before 10.0 trusts Current Size only then
/// (docs/vhd-formats.md, "Current Size and QEMU").
Geometry geometryFor(std::uint64_t size) noexcept;
/// The CHS algorithm alone (docs/vhd-formats.md, "CHS geometry").
Geometry chsFor(std::uint64_t totalSectors) noexcept;

struct Footer {
    std::uint32_t features = 2;
    std::uint32_t formatVersion = 0x00010000;
    std::uint64_t dataOffset = ~0ULL;
    std::uint32_t timestamp = 0;
    std::array<char, 4> creatorApp{'v', 'd', 's', ' '};
    std::uint32_t creatorVersion = 0x00010000;
    std::uint32_t creatorHostOs = 0x5769326B; // "Wi2k": what Windows and QEMU write
    std::uint64_t originalSize = 0;
    std::uint64_t currentSize = 0;
    Geometry geometry;
    std::uint32_t diskType = kTypeFixed;
    std::uint32_t checksum = 0;
    Guid uniqueId;
    std::uint8_t savedState = 0;
};

struct ParentLocator {
    std::uint32_t platformCode = 0;
    std::uint32_t dataSpace = 0; ///< bytes (what Hyper-V writes; the spec says sectors)
    std::uint32_t dataLength = 0;
    std::uint64_t dataOffset = 0;
};

struct DynamicHeader {
    std::uint64_t dataOffset = ~0ULL;
    std::uint64_t tableOffset = 0;
    std::uint32_t headerVersion = 0x00010000;
    std::uint32_t maxTableEntries = 0;
    std::uint32_t blockSize = kDefaultBlockSize;
    std::uint32_t checksum = 0;
    Guid parentUniqueId;
    std::uint32_t parentTimestamp = 0;
    std::u16string parentName;
    std::array<ParentLocator, 8> locators{};
};

/// One's complement of the byte sum, with the 4 checksum bytes at `skip` counted as zero.
std::uint32_t checksum(const std::uint8_t *data, std::size_t size, std::size_t skip) noexcept;

void encodeFooter(const Footer &footer, std::uint8_t *out); ///< fills in the checksum
Expected<Footer> decodeFooter(const std::uint8_t *in, const std::string &context);
void encodeHeader(const DynamicHeader &header, std::uint8_t *out);
Expected<DynamicHeader> decodeHeader(const std::uint8_t *in, const std::string &context);

/// Sector bitmap bytes in front of each data block, rounded up to a whole sector.
std::uint32_t bitmapSize(std::uint32_t blockSize) noexcept;
/// Current time in VHD's epoch.
std::uint32_t nowTimestamp() noexcept;
/// Unix seconds (a file's mtime) in VHD's epoch; times before 2000 become 0.
std::uint32_t toTimestamp(std::int64_t unixSeconds) noexcept;
/// A VHD time stamp as a readable UTC time: "2026-11-30 07:35:12 UTC".
std::string timestampText(std::uint32_t timestamp);

} // namespace vds::vdisk::vhd
