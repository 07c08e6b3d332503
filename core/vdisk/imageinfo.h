#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vds::vdisk {

enum class DiskFormat : std::uint8_t { Raw, Vhd, Vhdx };
enum class DiskType : std::uint8_t { Fixed, Dynamic, Differencing };

[[nodiscard]] std::string_view formatName(DiskFormat format) noexcept; ///< "raw", "vhd", "vhdx"
[[nodiscard]] std::string_view typeName(DiskType type) noexcept;       ///< "fixed", …

/// Everything `vdsctl vhd info` shows about an image. Value type.
struct ImageInfo {
    DiskFormat format = DiskFormat::Raw;
    DiskType type = DiskType::Fixed;
    std::uint64_t virtualSize = 0;
    std::uint32_t blockSize = 0; ///< 0 for raw and fixed VHD
    std::uint32_t logicalSectorSize = 512;
    std::uint32_t physicalSectorSize = 512;
    std::string uniqueId;   ///< VHD footer Unique Id / VHDX Page 83 id; empty for raw
    std::string parentPath; ///< resolved parent file, differencing only
    std::string parentId;   ///< VHD parent unique id / VHDX parent_linkage
    /// The parent locators the child stores, "KIND value" ("W2ru .\\base.vhd",
    /// "relative_path ..\\base.vhdx"), whether or not the parent is found.
    std::vector<std::string> parentLocators;
    std::string creator;        ///< VHD creator application, VHDX creator string
    std::uint64_t fileSize = 0; ///< bytes the image file occupies (its length)
    bool dirtyLog = false;      ///< VHDX: the header names a log not yet written back
    /// Damage that was worked around (a VHD footer read from its copy, ...): shown by `info`
    /// and `verify`, logged by conversions.
    std::vector<std::string> warnings;
};

} // namespace vds::vdisk
