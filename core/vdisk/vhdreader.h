#pragma once

#include <memory>
#include <vector>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/imagereader.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/vhdformat.h>

namespace vds::vdisk {

/// Reads VHD fixed, dynamic and differencing images (the latter through their parent chain).
/// Validates footer, header and BAT at open so corrupt files are refused with a clear error.
/// Owns its descriptor and parent; one thread at a time.
class VhdReader final : public ImageReader {
public:
    static Expected<std::unique_ptr<VhdReader>> open(FileHandle fd, const std::string &name,
                                                     const OpenOptions &options, int depth);

    [[nodiscard]] const ImageInfo &info() const override { return m_info; }
    Expected<void> read(std::uint64_t offset, void *buffer, std::size_t size) override;
    bool knownZero(std::uint64_t offset, std::uint64_t size) override;

    [[nodiscard]] const vhd::Footer &footer() const { return m_footer; }
    [[nodiscard]] const vhd::DynamicHeader &header() const { return m_header; }

private:
    VhdReader() = default;
    Expected<void> openDynamic(std::uint64_t fileBytes);
    Expected<void> openParent(const OpenOptions &options, int depth);
    /// The parent's paths the child stores (W2ru first, W2ku, MacX, the parent name), also
    /// recorded in info().parentLocators.
    Expected<std::vector<std::string>> readLocators();
    Expected<void> readBlockPart(std::uint64_t block, std::uint32_t within, std::uint8_t *out,
                                 std::uint32_t size);

    FileHandle m_fd;
    std::string m_name;
    ImageInfo m_info;
    vhd::Footer m_footer;
    vhd::DynamicHeader m_header;
    std::vector<std::uint32_t> m_bat;
    std::uint32_t m_bitmapSize = 0;
    std::unique_ptr<ImageReader> m_parent;
    std::vector<std::uint8_t> m_bitmap; ///< cached sector bitmap of m_bitmapBlock
    std::uint64_t m_bitmapBlock = ~0ULL;
};

} // namespace vds::vdisk
