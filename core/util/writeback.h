#pragma once

#include <cstdint>

namespace vds {

/// The span of a file written since the last writeback. Writers note each write; start() asks
/// the kernel to begin writing that span out (asynchronously, best effort: errors surface at the
/// final fsync/fdatasync) so a long copy does not end with gigabytes of dirty pages: the disk
/// works while the data still flows, and the final flush waits for the last span only. Value
/// type, one thread (the writer's).
class WritebackRange {
public:
    void note(std::uint64_t offset, std::uint64_t size) noexcept;
    /// Bytes noted since the last start().
    [[nodiscard]] std::uint64_t pending() const noexcept
    {
        return m_to > m_from ? m_to - m_from : 0;
    }
    void start(int fd) noexcept;

private:
    std::uint64_t m_from = ~0ULL;
    std::uint64_t m_to = 0;
};

} // namespace vds
