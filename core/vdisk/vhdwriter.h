#pragma once

#include <memory>
#include <vector>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/imagewriter.h>
#include <vds/vdisk/vhdformat.h>

namespace vds::vdisk {

/// Writes VHD fixed, dynamic and differencing images (layout in core/vdisk/README.md).
/// Thread affinity: one thread at a time; does not own the descriptor.
class VhdWriter final : public ImageWriter {
public:
    /// For differencing targets `parent` describes the parent (its footer and mtime are read).
    VhdWriter(int fd, TargetLayout layout);

    [[nodiscard]] std::uint32_t unitSize() const override;
    Expected<void> begin() override;
    Expected<void> writeRuns(std::uint64_t index, std::size_t unitBytes, std::uint32_t from,
                             std::uint32_t length, const std::uint8_t *data,
                             std::span<const DataRun> runs) override;
    Expected<void> finish() override;
    void startWriteback() override;

private:
    Expected<void> prepareParent();
    /// The sector bitmap of a new block and its first run (which starts the block) at once.
    Expected<void> writeBitmapAndRun(std::uint64_t bitmapAt, const std::uint8_t *run,
                                     std::size_t size);
    vhd::Footer makeFooter() const;

    int m_fd;
    TargetLayout m_layout;
    bool m_mustWriteZeros = false; ///< fallocate unsupported: write zero units too
    WritebackRange m_writeback;
    std::vector<std::uint32_t> m_bat;
    std::uint64_t m_batOffset = 0, m_next = 0;
    std::uint64_t m_blockAt = 0; ///< file offset of the data of the block being written
    vhd::DynamicHeader m_header;
    std::vector<std::pair<std::uint64_t, std::vector<std::uint8_t>>> m_locatorData;
    std::vector<std::uint8_t> m_bitmap;
};

} // namespace vds::vdisk
