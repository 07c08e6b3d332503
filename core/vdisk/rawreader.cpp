#include <vds/vdisk/rawreader.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vds::vdisk {

ImageReader::~ImageReader() = default;

bool ImageReader::knownZero(std::uint64_t, std::uint64_t)
{
    return false;
}

const std::uint8_t *ImageReader::view(std::uint64_t, std::size_t)
{
    return nullptr;
}

RawReader::~RawReader()
{
    if (m_map)
        ::munmap(m_map, m_mapSize);
}

const std::uint8_t *RawReader::view(std::uint64_t offset, std::size_t size)
{
    if (!m_map || offset > m_mapSize || m_mapSize - offset < size)
        return nullptr;
    // Ask for the next stretch ahead of time so page faults find the pages ready.
    ::madvise(static_cast<std::uint8_t *>(m_map) + (offset & ~std::uint64_t(4095)),
              std::min<std::uint64_t>(m_mapSize - (offset & ~std::uint64_t(4095)), 2 * size + 4096),
              MADV_WILLNEED);
    return static_cast<const std::uint8_t *>(m_map) + offset;
}

Expected<std::unique_ptr<RawReader>> RawReader::open(FileHandle fd, const std::string &name)
{
    std::unique_ptr<RawReader> r(new RawReader);
    struct stat st {};
    if (::fstat(fd.fd(), &st) != 0)
        return fail(Error::fromErrno(errno, name, "stat"));
    auto size = fileSize(fd.fd(), name);
    if (!size)
        return fail(size.error());
    r->m_regular = S_ISREG(st.st_mode);
    r->m_info.format = DiskFormat::Raw;
    r->m_info.type = DiskType::Fixed;
    r->m_info.virtualSize = *size;
    r->m_info.fileSize = *size;
    if (S_ISBLK(st.st_mode)) {
        int logical = 512;
        unsigned int physical = 512;
        if (::ioctl(fd.fd(), BLKSSZGET, &logical) == 0 && logical > 0)
            r->m_info.logicalSectorSize = static_cast<std::uint32_t>(logical);
        if (::ioctl(fd.fd(), BLKPBSZGET, &physical) == 0 && physical > 0)
            r->m_info.physicalSectorSize = physical;
    }
    r->m_fd = std::move(fd);
    r->m_name = name;
    // Regular files are also mapped, so conversions read them without copying. Block devices
    // are not: a failing sector must be an error we can report, not a SIGBUS.
    if (r->m_regular && *size > 0) {
        void *map = ::mmap(nullptr, *size, PROT_READ, MAP_SHARED, r->m_fd.fd(), 0);
        if (map != MAP_FAILED) {
            ::madvise(map, *size, MADV_SEQUENTIAL);
            r->m_map = map;
            r->m_mapSize = *size;
        }
    }
    return r;
}

Expected<void> RawReader::read(std::uint64_t offset, void *buffer, std::size_t size)
{
    if (offset + size > m_info.virtualSize)
        return fail(ErrorCategory::InvalidArgument, "read beyond the end of the source", m_name);
    return preadFull(m_fd.fd(), buffer, size, offset, m_name);
}

bool RawReader::knownZero(std::uint64_t offset, std::uint64_t size)
{
    if (!m_regular)
        return false;
    // The range is a hole when the next data starts at or after its end.
    const off_t data = ::lseek(m_fd.fd(), static_cast<off_t>(offset), SEEK_DATA);
    if (data < 0)
        return errno == ENXIO; // no data after offset: all hole up to EOF
    return static_cast<std::uint64_t>(data) >= offset + size;
}

void RawReader::prefetch(std::uint64_t offset, std::uint64_t size)
{
    if (offset >= m_info.virtualSize)
        return;
    size = std::min(size, m_info.virtualSize - offset);
    // Data extents only: read-ahead over a hole would fill the page cache with zero pages.
    for (std::uint64_t end = offset + size; offset < end;) {
        const Extent e = extentAt(offset, end - offset);
        if (e.length == 0)
            break;
        if (!e.zero)
            ::posix_fadvise(m_fd.fd(), static_cast<off_t>(offset), static_cast<off_t>(e.length),
                            POSIX_FADV_WILLNEED);
        offset += e.length;
    }
}

Extent RawReader::extentAt(std::uint64_t offset, std::uint64_t size)
{
    if (!m_regular)
        return {false, size};
    // SEEK_DATA finds where the hole at `offset` ends (ENXIO: hole up to EOF), SEEK_HOLE where
    // the data does. Any other failure: treat the range as data (read it, test it for zeros).
    const auto at = static_cast<off_t>(offset);
    const off_t data = ::lseek(m_fd.fd(), at, SEEK_DATA);
    if (data < 0)
        return {errno == ENXIO, size};
    if (data > at)
        return {true, std::min<std::uint64_t>(size, static_cast<std::uint64_t>(data - at))};
    const off_t hole = ::lseek(m_fd.fd(), at, SEEK_HOLE);
    if (hole <= at)
        return {false, size};
    return {false, std::min<std::uint64_t>(size, static_cast<std::uint64_t>(hole - at))};
}

} // namespace vds::vdisk
