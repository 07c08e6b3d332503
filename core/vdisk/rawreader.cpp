#include <vds/vdisk/rawreader.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vds::vdisk {

namespace {
/// How far ahead of the last read the kernel is asked to fetch (POSIX_FADV_WILLNEED). Page
/// cache, not our memory: it does not count towards the process's resident size.
constexpr std::uint64_t kReadahead = 32ULL << 20;
} // namespace

ImageReader::~ImageReader() = default;

bool ImageReader::knownZero(std::uint64_t, std::uint64_t)
{
    return false;
}

const std::uint8_t *ImageReader::view(std::uint64_t, std::size_t)
{
    return nullptr;
}

RawReader::~RawReader() = default;

Expected<std::unique_ptr<RawReader>> RawReader::open(FileHandle fd, const std::string &name)
{
    std::unique_ptr<RawReader> r(new RawReader);
    struct stat st {};
    if (::fstat(fd.fd(), &st) != 0)
        return fail(Error::fromErrno(errno, name, "stat"));
    if (auto ok = checkSourceKind(st.st_mode, name); !ok)
        return fail(ok.error());
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
    // Conversions read front to back: a larger kernel readahead window, pages dropped early.
    ::posix_fadvise(fd.fd(), 0, 0, POSIX_FADV_SEQUENTIAL);
    r->m_fd = std::move(fd);
    r->m_name = name;
    return r;
}

Error RawReader::shrunk(std::uint64_t offset, const Error &cause) const
{
    auto now = fileSize(m_fd.fd(), m_name);
    if (now && *now < m_info.virtualSize)
        return Error::make(ErrorCategory::Io,
                           "the source is now " + std::to_string(*now) + " bytes, " +
                               std::to_string(m_info.virtualSize) +
                               " when the copy started: it was truncated or removed while being "
                               "read (offset " +
                               std::to_string(offset) + ")",
                           m_name);
    return cause;
}

Expected<void> RawReader::read(std::uint64_t offset, void *buffer, std::size_t size)
{
    if (offset > m_info.virtualSize || m_info.virtualSize - offset < size)
        return fail(ErrorCategory::InvalidArgument, "read beyond the end of the source", m_name);
    // Keep the kernel one window ahead of us so the next read finds its pages in cache.
    const std::uint64_t end = offset + size;
    if (end + kReadahead / 2 > m_readaheadEnd) {
        const std::uint64_t from = std::max(end, m_readaheadEnd);
        const std::uint64_t to = std::min(m_info.virtualSize, end + kReadahead);
        if (to > from)
            ::posix_fadvise(m_fd.fd(), static_cast<off_t>(from), static_cast<off_t>(to - from),
                            POSIX_FADV_WILLNEED);
        m_readaheadEnd = std::max(m_readaheadEnd, to);
    }
    if (auto ok = preadFull(m_fd.fd(), buffer, size, offset, m_name); !ok)
        return fail(shrunk(offset, ok.error()));
    return {};
}

bool RawReader::knownZero(std::uint64_t offset, std::uint64_t size)
{
    if (!m_regular)
        return false;
    // The range is a hole when the next data starts at or after its end.
    const off_t data = ::lseek(m_fd.fd(), static_cast<off_t>(offset), SEEK_DATA);
    if (data >= 0)
        return static_cast<std::uint64_t>(data) >= offset + size;
    if (errno != ENXIO)
        return false;
    // No data after `offset`: a hole up to the end of the file — unless the file has shrunk
    // since it was opened; then "unknown", so read() reports the truncation.
    auto now = fileSize(m_fd.fd(), m_name);
    return now && *now >= m_info.virtualSize;
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
    if (data < 0) {
        if (errno != ENXIO)
            return {false, size};
        // No data after `offset`: a hole up to the end of the file — unless the file has shrunk
        // since it was opened; then data, so read() reports the truncation.
        auto now = fileSize(m_fd.fd(), m_name);
        return {now && *now >= m_info.virtualSize, size};
    }
    if (data > at)
        return {true, std::min<std::uint64_t>(size, static_cast<std::uint64_t>(data - at))};
    const off_t hole = ::lseek(m_fd.fd(), at, SEEK_HOLE);
    if (hole <= at)
        return {false, size};
    return {false, std::min<std::uint64_t>(size, static_cast<std::uint64_t>(hole - at))};
}

} // namespace vds::vdisk
