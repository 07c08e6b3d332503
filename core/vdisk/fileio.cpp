#include <vds/vdisk/fileio.h>

#include <algorithm>

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vds::vdisk {

FileHandle &FileHandle::operator=(FileHandle &&other) noexcept
{
    if (this != &other)
        reset(other.release());
    return *this;
}

FileHandle::~FileHandle()
{
    reset();
}

int FileHandle::release() noexcept
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

void FileHandle::reset(int fd) noexcept
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

Expected<void> preadFull(int fd, void *buffer, std::size_t size, std::uint64_t offset,
                         const std::string &context)
{
    auto *p = static_cast<std::uint8_t *>(buffer);
    while (size > 0) {
        const ssize_t n = ::pread(fd, p, size, static_cast<off_t>(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(
                Error::fromErrno(errno, context, "read at offset " + std::to_string(offset)));
        }
        if (n == 0)
            return fail(ErrorCategory::Io,
                        "unexpected end of file at offset " + std::to_string(offset), context);
        p += n;
        size -= static_cast<std::size_t>(n);
        offset += static_cast<std::uint64_t>(n);
    }
    return {};
}

Expected<void> pwriteFull(int fd, const void *buffer, std::size_t size, std::uint64_t offset,
                          const std::string &context)
{
    const auto *p = static_cast<const std::uint8_t *>(buffer);
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, p, size, static_cast<off_t>(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(
                Error::fromErrno(errno, context, "write at offset " + std::to_string(offset)));
        }
        if (n == 0)
            return fail(Error::fromErrno(ENOSPC, context, "write"));
        p += n;
        size -= static_cast<std::size_t>(n);
        offset += static_cast<std::uint64_t>(n);
    }
    return {};
}

Expected<void> pwriteNonZero(int fd, const void *buffer, std::size_t size, std::uint64_t offset,
                             const std::string &context)
{
    constexpr std::size_t kPage = 4096;
    const auto *p = static_cast<const std::uint8_t *>(buffer);
    std::size_t at = 0;
    while (at < size) {
        // Skip zero pages, then write the run of non-zero pages that follows in one call.
        while (at < size && isAllZero(p + at, std::min(kPage, size - at)))
            at += kPage;
        std::size_t end = at;
        while (end < size && !isAllZero(p + end, std::min(kPage, size - end)))
            end += kPage;
        end = std::min(end, size);
        if (end > at)
            if (auto ok = pwriteFull(fd, p + at, end - at, offset + at, context); !ok)
                return ok;
        at = end;
    }
    return {};
}

Expected<void> zeroRange(int fd, std::uint64_t offset, std::uint64_t length, bool keepAllocated,
                         const std::string &context)
{
    const auto at = static_cast<off_t>(offset), n = static_cast<off_t>(length);
    if (length == 0 || ::fallocate(fd, FALLOC_FL_ZERO_RANGE, at, n) == 0)
        return {};
    if (!keepAllocated && ::fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, at, n) == 0)
        return {};
    if (errno != EOPNOTSUPP && errno != ENOSYS && errno != EINVAL)
        return fail(Error::fromErrno(errno, context,
                                     "clear " + std::to_string(length) + " bytes at offset " +
                                         std::to_string(offset)));
    static const std::uint8_t zeros[1U << 20] = {};
    while (length > 0) {
        const auto step = static_cast<std::size_t>(std::min<std::uint64_t>(length, sizeof zeros));
        if (auto ok = pwriteFull(fd, zeros, step, offset, context); !ok)
            return ok;
        offset += step;
        length -= step;
    }
    return {};
}

Expected<std::uint64_t> fileSize(int fd, const std::string &context)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return fail(Error::fromErrno(errno, context, "stat"));
    if (S_ISBLK(st.st_mode)) {
        std::uint64_t bytes = 0;
        if (::ioctl(fd, BLKGETSIZE64, &bytes) != 0)
            return fail(Error::fromErrno(errno, context, "BLKGETSIZE64"));
        return bytes;
    }
    return static_cast<std::uint64_t>(st.st_size);
}

bool isAllZero(const void *buffer, std::size_t size) noexcept
{
    const auto *p = static_cast<const std::uint8_t *>(buffer);
    if (size == 0)
        return true;
    // Most data blocks differ from zero in their first bytes: test those first, then let
    // memcmp (vectorised in glibc) compare the buffer with itself shifted by 16 bytes.
    const std::size_t head = size < 16 ? size : 16;
    for (std::size_t i = 0; i < head; ++i)
        if (p[i] != 0)
            return false;
    return size <= 16 || std::memcmp(p, p + 16, size - 16) == 0;
}

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

} // namespace vds::vdisk
