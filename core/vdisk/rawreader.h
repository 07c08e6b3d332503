#pragma once

#include <memory>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/imagereader.h>

namespace vds::vdisk {

/// Reads a raw image file or a block device through an open descriptor. Uses SEEK_DATA /
/// SEEK_HOLE on files so holes are known zeros. Owns the descriptor; one thread at a time.
class RawReader final : public ImageReader {
public:
    /// Takes ownership of `fd`. `name` is the path (for messages).
    static Expected<std::unique_ptr<RawReader>> open(FileHandle fd, const std::string &name);

    [[nodiscard]] const ImageInfo &info() const override { return m_info; }
    Expected<void> read(std::uint64_t offset, void *buffer, std::size_t size) override;
    bool knownZero(std::uint64_t offset, std::uint64_t size) override;
    Extent extentAt(std::uint64_t offset, std::uint64_t size) override;
    void prefetch(std::uint64_t offset, std::uint64_t size) override;
    const std::uint8_t *view(std::uint64_t offset, std::size_t size) override;
    ~RawReader() override;
    RawReader(const RawReader &) = delete;
    RawReader &operator=(const RawReader &) = delete;

private:
    RawReader() = default;
    void *m_map = nullptr;
    std::uint64_t m_mapSize = 0;
    FileHandle m_fd;
    std::string m_name;
    ImageInfo m_info;
    bool m_regular = false;
};

} // namespace vds::vdisk
