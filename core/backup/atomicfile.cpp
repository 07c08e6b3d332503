#include "atomicfile_p.h"

#include <cerrno>
#include <cstdio>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vds::backup {

namespace {

// renameat2's RENAME_NOREPLACE: refuse to replace a file that appeared meanwhile.
int renameNoReplace(int dirFd, const char *from, const char *to)
{
#ifdef RENAME_NOREPLACE
    if (::renameat2(dirFd, from, dirFd, to, RENAME_NOREPLACE) == 0) {
        return 0;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        return -1;
    }
#endif
    // Filesystems without renameat2 flags: link() refuses an existing name too.
    if (::linkat(dirFd, from, dirFd, to, 0) != 0) {
        return -1;
    }
    ::unlinkat(dirFd, from, 0);
    return 0;
}

} // namespace

AtomicFile::~AtomicFile()
{
    abort();
}

Expected<void> AtomicFile::create(const std::filesystem::path &target)
{
    if (target.empty() || !target.has_filename()) {
        return fail(ErrorCategory::InvalidArgument, "the stripe needs a file name", target);
    }
    target_ = target;
    std::filesystem::path folder = target.parent_path();
    if (folder.empty()) {
        folder = ".";
    }
    dirFd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd_ < 0) {
        return fail(Error::fromErrno(errno, folder.string(), "cannot open the folder"));
    }
    struct stat st {};
    if (::fstatat(dirFd_, target.filename().c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        abort();
        return fail(ErrorCategory::InvalidArgument, "the file exists already", target.string());
    }
    fd_ = ::openat(dirFd_, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    if (fd_ >= 0) {
        return {};
    }
    const int tmpErr = errno;
    // EISDIR/EOPNOTSUPP/EINVAL: the kernel or the filesystem has no O_TMPFILE; anything else
    // (EACCES, EROFS, ENOSPC) would fail for a named file as well.
    if (tmpErr != EISDIR && tmpErr != EOPNOTSUPP && tmpErr != EINVAL) {
        Error e = Error::fromErrno(tmpErr, folder.string(), "cannot create a file in the folder");
        abort();
        return fail(std::move(e));
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        char suffix[32];
        std::snprintf(suffix, sizeof suffix, ".%d.%d.partial", static_cast<int>(::getpid()),
                      attempt);
        const std::string name = "." + target.filename().string() + suffix;
        fd_ = ::openat(dirFd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd_ >= 0) {
            partial_ = folder / name;
            return {};
        }
        if (errno != EEXIST) {
            Error e = Error::fromErrno(errno, (folder / name).string(), "cannot create");
            abort();
            return fail(std::move(e));
        }
    }
    abort();
    return fail(ErrorCategory::Io, "no free temporary name", target.string());
}

Expected<void> AtomicFile::write(std::span<const std::byte> data)
{
    if (fd_ < 0) {
        return fail(ErrorCategory::Internal, "write to a closed stripe file", target_.string());
    }
    const std::byte *p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail(Error::fromErrno(errno, target_.string(), "write"));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    writeback_.note(written_, data.size());
    written_ += data.size();
    if (writeback_.pending() >= kWritebackSpan) {
        writeback_.start(fd_);
    }
    return {};
}

Expected<void> AtomicFile::commit()
{
    if (fd_ < 0) {
        return fail(ErrorCategory::Internal, "commit of a closed stripe file", target_.string());
    }
    if (::fsync(fd_) != 0) {
        return fail(Error::fromErrno(errno, target_.string(), "fsync"));
    }
    const std::string name = target_.filename().string();
    if (partial_.empty()) {
        // An O_TMPFILE inode gets its name through /proc (AT_EMPTY_PATH would need
        // CAP_DAC_READ_SEARCH). linkat never replaces an existing name.
        const std::string self = "/proc/self/fd/" + std::to_string(fd_);
        int rc = ::linkat(AT_FDCWD, self.c_str(), dirFd_, name.c_str(), AT_SYMLINK_FOLLOW);
        if (rc != 0 && errno == ENOENT) {
            // No /proc mounted: AT_EMPTY_PATH works where we hold CAP_DAC_READ_SEARCH.
            rc = ::linkat(fd_, "", dirFd_, name.c_str(), AT_EMPTY_PATH);
        }
        if (rc != 0) {
            return fail(Error::fromErrno(errno, target_.string(), "cannot name the file"));
        }
    } else if (renameNoReplace(dirFd_, partial_.filename().c_str(), name.c_str()) != 0) {
        return fail(Error::fromErrno(errno, target_.string(), "cannot rename the partial file"));
    }
    partial_.clear();
    if (::fsync(dirFd_) != 0) {
        // The name may not survive a crash: take it back rather than report a stripe as written.
        Error e = Error::fromErrno(errno, target_.parent_path().string(), "fsync of the folder");
        ::unlinkat(dirFd_, name.c_str(), 0);
        return fail(std::move(e));
    }
    ::close(fd_);
    fd_ = -1;
    ::close(dirFd_);
    dirFd_ = -1;
    return {};
}

void AtomicFile::abort() noexcept
{
    if (!partial_.empty() && dirFd_ >= 0) {
        ::unlinkat(dirFd_, partial_.filename().c_str(), 0);
    }
    partial_.clear();
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (dirFd_ >= 0) {
        ::close(dirFd_);
        dirFd_ = -1;
    }
}

} // namespace vds::backup
