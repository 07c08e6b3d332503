#include <vds/vdisk/fileio.h>

#include <algorithm>

#include <fcntl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <linux/fs.h>
#include <random>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vds/util/win32.h>

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

Expected<void> checkSourceKind(unsigned mode, const std::string &name)
{
    if (S_ISREG(mode) || S_ISBLK(mode))
        return {};
    const char *what = S_ISFIFO(mode)   ? "a FIFO (named pipe)"
                       : S_ISSOCK(mode) ? "a socket"
                       : S_ISCHR(mode)  ? "a character device"
                       : S_ISDIR(mode)  ? "a directory"
                                        : "not a regular file";
    return fail(ErrorCategory::InvalidArgument,
                std::string("the source is ") + what +
                    "; only image files and block devices (disks, partitions, loop devices) can "
                    "be read",
                name);
}

Expected<FileHandle> openSource(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return fail(Error::fromErrno(errno, path, "open"));
    if (auto ok = checkSourceKind(st.st_mode, path); !ok)
        return fail(ok.error());
    FileHandle fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (!fd.isOpen())
        return fail(Error::fromErrno(errno, path, "open"));
    if (::fstat(fd.fd(), &st) != 0)
        return fail(Error::fromErrno(errno, path, "stat"));
    if (auto ok = checkSourceKind(st.st_mode, path); !ok)
        return fail(ok.error());
    const int flags = ::fcntl(fd.fd(), F_GETFL);
    if (flags >= 0)
        ::fcntl(fd.fd(), F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

namespace {

constexpr std::string_view kPartialSuffix = ".vds-partial";
constexpr std::size_t kNameMax = 255;

std::pair<std::string, std::string> splitPath(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return {".", path};
    return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

/// ".NAME~" with NAME cut so that prefix + 8 hex digits + suffix fit in one directory entry.
std::string partialPrefix(const std::string &base)
{
    const std::size_t room = kNameMax - 2 - 8 - kPartialSuffix.size();
    return "." + base.substr(0, std::min(base.size(), room)) + "~";
}

/// Removes partial files of earlier runs for the same target whose writer is gone (their
/// flock is free). Best effort: anything unexpected is left alone.
void removeStalePartials(const std::string &dir, const std::string &prefix)
{
    DIR *d = ::opendir(dir.c_str());
    if (!d)
        return;
    while (const dirent *e = ::readdir(d)) {
        const std::string_view name(e->d_name);
        if (!name.starts_with(prefix) || !name.ends_with(kPartialSuffix) ||
            name.size() != prefix.size() + 8 + kPartialSuffix.size())
            continue;
        const std::string full = dir + "/" + std::string(name);
        FileHandle fd(::open(full.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
        if (!fd.isOpen())
            continue;
        struct stat st {};
        if (::fstat(fd.fd(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (::flock(fd.fd(), LOCK_EX | LOCK_NB) == 0)
            ::unlink(full.c_str());
    }
    ::closedir(d);
}

} // namespace

Expected<NewFile> NewFile::create(const std::string &path, unsigned mode)
{
    NewFile f;
    f.m_path = path;
    const auto [dir, base] = splitPath(path);
    if (base.empty() || base.size() > kNameMax)
        return fail(Error::fromErrno(ENAMETOOLONG, path, "create"));
    const int unnamed =
        ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, static_cast<mode_t>(mode));
    if (unnamed >= 0) {
        f.m_fd.reset(unnamed);
        return f;
    }
    // Filesystems without unnamed files say so in several ways; anything else is a real error.
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOSYS)
        return fail(Error::fromErrno(errno, path, "create"));
    const std::string prefix = partialPrefix(base);
    removeStalePartials(dir, prefix);
    std::random_device rd;
    for (int attempt = 0; attempt < 16; ++attempt) {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(rd()));
        const std::string partial = dir + "/" + prefix + hex + std::string(kPartialSuffix);
        const int fd = ::open(partial.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
                              static_cast<mode_t>(mode));
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0)
            return fail(Error::fromErrno(errno, partial, "create"));
        f.m_fd.reset(fd);
        f.m_partial = partial;
        // Held until the file is published or removed: tells later runs we are alive.
        ::flock(fd, LOCK_EX | LOCK_NB);
        return f;
    }
    return fail(Error::fromErrno(EEXIST, path, "create a temporary name"));
}

NewFile::NewFile(NewFile &&other) noexcept
    : m_fd(std::move(other.m_fd)), m_path(std::move(other.m_path)),
      m_partial(std::move(other.m_partial)), m_published(other.m_published)
{
    other.m_partial.clear();
    other.m_published = true;
}

NewFile::~NewFile()
{
    if (!m_published && !m_partial.empty())
        ::unlink(m_partial.c_str());
}

std::string NewFile::readPath() const
{
    return m_partial.empty() ? "/proc/self/fd/" + std::to_string(m_fd.fd()) : m_partial;
}

std::string NewFile::displayName() const
{
    return m_partial.empty() ? m_path + " (unnamed until complete)" : m_partial;
}

Expected<void> NewFile::publish()
{
    int rc = 0;
    if (m_partial.empty()) {
        // linkat never replaces: an existing name is EEXIST, as RENAME_NOREPLACE below.
        const std::string self = readPath();
        rc = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, m_path.c_str(), AT_SYMLINK_FOLLOW);
    } else {
        rc = ::renameat2(AT_FDCWD, m_partial.c_str(), AT_FDCWD, m_path.c_str(), RENAME_NOREPLACE);
    }
    if (rc != 0) {
        if (errno == EEXIST)
            return fail(Error::fromWin32(win32::kFileExists, ErrorCategory::InvalidArgument,
                                         "a file appeared at the target while it was written",
                                         m_path));
        return fail(Error::fromErrno(errno, m_path, "give the new image its name"));
    }
    m_published = true;
    return {};
}

Expected<void> NewFile::replace()
{
    std::string from = m_partial;
    if (from.empty()) {
        // An unnamed file cannot be renamed: give it a temporary name first.
        const auto [dir, base] = splitPath(m_path);
        std::random_device rd;
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(rd()));
        from = dir + "/" + partialPrefix(base) + hex + std::string(kPartialSuffix);
        const std::string self = readPath();
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, from.c_str(), AT_SYMLINK_FOLLOW) != 0)
            return fail(Error::fromErrno(errno, from, "name the new file"));
        m_partial = from;
    }
    if (::rename(from.c_str(), m_path.c_str()) != 0)
        return fail(Error::fromErrno(errno, m_path, "replace"));
    m_published = true;
    return {};
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

} // namespace vds::vdisk
