#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <vds/util/error.h>

namespace vds::vdisk {

/// Every stretch of an image file its structures claim — headers, region tables, the log,
/// BAT, metadata, each allocated block — checked at open so that a file whose blocks lie over
/// its own tables, over each other or beyond its end is refused before any data is copied
/// (`qemu-img check` finds the same). Value type, one thread.
class FileLayout {
public:
    FileLayout(std::string image, std::uint64_t fileBytes)
        : m_image(std::move(image)), m_fileBytes(fileBytes)
    {}

    /// Records [offset, offset + length) as `what` (a string literal), block `index` when
    /// `index` is not kNoIndex.
    void add(const char *what, std::uint64_t offset, std::uint64_t length,
             std::uint64_t index = kNoIndex);

    /// A Format error naming both structures and their offsets for the first overlap, or the
    /// structure that lies beyond the end of the file.
    [[nodiscard]] Expected<void> check() const;

    static constexpr std::uint64_t kNoIndex = ~0ULL;

private:
    struct Extent {
        std::uint64_t offset, length, index;
        const char *what;
    };
    [[nodiscard]] static std::string describe(const Extent &e);

    std::string m_image;
    std::uint64_t m_fileBytes;
    std::vector<Extent> m_extents;
};

} // namespace vds::vdisk
