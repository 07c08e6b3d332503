#pragma once

#include <vector>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/imagewriter.h>
#include <vds/vdisk/vhdxformat.h>

namespace vds::vdisk {

/// Writes VHDX fixed, dynamic and differencing images with an empty log (layout in
/// core/vdisk/README.md). Thread affinity: one thread at a time; does not own the descriptor.
class VhdxWriter final : public ImageWriter {
public:
    VhdxWriter(int fd, TargetLayout layout);

    [[nodiscard]] std::uint32_t unitSize() const override { return m_layout.blockSize; }
    Expected<void> begin() override;
    Expected<void> writeUnit(std::uint64_t index, const std::uint8_t *data, std::size_t size,
                             bool allZero) override;
    Expected<void> finish() override;
    void startWriteback() override;

    /// Region offsets we use (core/vdisk/README.md, "VHDX files we write"): log at 1 MiB,
    /// metadata at 2 MiB, BAT at 3 MiB.
    static constexpr std::uint64_t kLogOffset = 1ULL << 20, kLogLength = 1ULL << 20;
    static constexpr std::uint64_t kMetadataOffset = 2ULL << 20, kMetadataLength = 1ULL << 20;
    static constexpr std::uint64_t kBatOffset = 3ULL << 20;

private:
    Expected<void> prepareParent();
    /// fallocate; false when the filesystem cannot (zeros are written then).
    Expected<bool> allocate(std::uint64_t offset, std::uint64_t length);
    std::vector<std::uint8_t> buildMetadata() const;

    int m_fd;
    TargetLayout m_layout;
    bool m_mustWriteZeros = false;
    WritebackRange m_writeback;
    std::uint64_t m_ratio = 0, m_batLength = 0, m_dataStart = 0, m_next = 0;
    std::vector<std::uint64_t> m_bat;
    std::vector<std::uint8_t> m_locator, m_zeros;
};

} // namespace vds::vdisk
