#include <vds/util/writeback.h>

#include <algorithm>

#include <fcntl.h>

namespace vds {

void WritebackRange::note(std::uint64_t offset, std::uint64_t size) noexcept
{
    m_from = std::min(m_from, offset);
    m_to = std::max(m_to, offset + size);
}

void WritebackRange::start(int fd) noexcept
{
    if (m_to > m_from)
        ::sync_file_range(fd, static_cast<off_t>(m_from), static_cast<off_t>(m_to - m_from),
                          SYNC_FILE_RANGE_WRITE);
    m_from = ~0ULL;
    m_to = 0;
}

} // namespace vds
