#pragma once

#include <memory>
#include <vector>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/imagereader.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/vhdxformat.h>
#include <vds/vdisk/vhdxlog.h>

namespace vds::vdisk {

class FileLayout;

/// Reads VHDX fixed, dynamic and differencing images (512- and 4096-byte logical sectors).
/// Validates headers, region tables, metadata and BAT at open; refuses unknown required
/// regions/items; a dirty log is applied in memory (vhdxlog.h), the file never written.
/// Owns its descriptor and parent; one thread at a time.
class VhdxReader final : public ImageReader {
public:
    static Expected<std::unique_ptr<VhdxReader>> open(FileHandle fd, const std::string &name,
                                                      const OpenOptions &options, int depth);

    [[nodiscard]] const ImageInfo &info() const override { return m_info; }
    Expected<void> read(std::uint64_t offset, void *buffer, std::size_t size) override;
    bool knownZero(std::uint64_t offset, std::uint64_t size) override;

    [[nodiscard]] const vhdx::Header &header() const { return m_header; }
    [[nodiscard]] const std::vector<std::uint64_t> &bat() const { return m_bat; }
    [[nodiscard]] std::uint64_t fileBytes() const { return m_fileBytes; }
    /// The writes of a dirty log (empty when the log is clean): what `vhd repair` applies.
    [[nodiscard]] const vhdx::LogReplay &log() const { return m_log; }

private:
    VhdxReader() = default;
    Expected<void> openStructure();
    Expected<void> readMetadata(const vhdx::RegionEntry &region);
    Expected<void> readBat(const vhdx::RegionEntry &region, FileLayout &layout);
    /// File bytes as the log says they are: the file, past its end zeros, logged writes over.
    Expected<void> readFile(void *buffer, std::size_t size, std::uint64_t offset);
    Expected<void> openParent(const OpenOptions &options, int depth);
    Expected<void> readFromParent(std::uint64_t offset, std::uint8_t *out, std::size_t size);
    Expected<void> readBlockPart(std::uint64_t block, std::uint32_t within, std::uint8_t *out,
                                 std::uint32_t size);

    FileHandle m_fd;
    std::string m_name;
    ImageInfo m_info;
    vhdx::Header m_header;
    std::uint64_t m_fileBytes = 0; ///< with the log applied (it may extend the file)
    std::uint64_t m_realBytes = 0; ///< on disk
    vhdx::LogReplay m_log;         ///< the dirty log's writes, applied to every read
    std::uint64_t m_ratio = 0;
    bool m_hasParent = false;
    std::vector<std::pair<std::u16string, std::u16string>> m_locator;
    std::vector<std::uint64_t> m_bat;
    std::unique_ptr<ImageReader> m_parent;
    std::vector<std::uint8_t> m_bitmap; ///< cached sector bitmap block of m_bitmapChunk
    std::uint64_t m_bitmapChunk = ~0ULL;
};

} // namespace vds::vdisk
