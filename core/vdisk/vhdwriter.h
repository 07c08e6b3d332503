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
    Expected<void> writeUnit(std::uint64_t index, const std::uint8_t *data, std::size_t size,
                             bool allZero) override;
    Expected<void> finish() override;
    void startWriteback() override;

private:
    Expected<void> prepareParent();
    vhd::Footer makeFooter() const;

    int m_fd;
    TargetLayout m_layout;
    bool m_mustWriteZeros = false; ///< fallocate unsupported: write zero units too
    WritebackRange m_writeback;
    std::vector<std::uint32_t> m_bat;
    std::uint64_t m_batOffset = 0, m_next = 0;
    vhd::DynamicHeader m_header;
    std::vector<std::pair<std::uint64_t, std::vector<std::uint8_t>>> m_locatorData;
    std::vector<std::uint8_t> m_bitmap, m_zeros;
};

} // namespace vds::vdisk
