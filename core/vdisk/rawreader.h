#pragma once

#include <memory>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/imagereader.h>

namespace vds::vdisk {

/// Reads a raw image file or a block device through an open descriptor with pread (never a
/// memory map: a source that shrinks or disappears under us must be a read error, not SIGBUS,
/// and the pages of a large source must not count as our memory). SEEK_DATA / SEEK_HOLE make
/// holes known zeros; the kernel is told the access is sequential and asked to read ahead.
/// Owns the descriptor; one thread at a time.
class RawReader final : public ImageReader {
public:
    /// Takes ownership of `fd`. `name` is the path (for messages).
    static Expected<std::unique_ptr<RawReader>> open(FileHandle fd, const std::string &name);

    [[nodiscard]] const ImageInfo &info() const override { return m_info; }
    Expected<void> read(std::uint64_t offset, void *buffer, std::size_t size) override;
    bool knownZero(std::uint64_t offset, std::uint64_t size) override;
    Extent extentAt(std::uint64_t offset, std::uint64_t size) override;
    void prefetch(std::uint64_t offset, std::uint64_t size) override;
    ~RawReader() override;
    RawReader(const RawReader &) = delete;
    RawReader &operator=(const RawReader &) = delete;

private:
    RawReader() = default;
    /// The error for a read that found the source shorter than when it was opened.
    Error shrunk(std::uint64_t offset, const Error &cause) const;

    FileHandle m_fd;
    std::string m_name;
    ImageInfo m_info;
    bool m_regular = false;
    std::uint64_t m_readaheadEnd = 0; ///< the kernel was asked to read up to here
};

} // namespace vds::vdisk
