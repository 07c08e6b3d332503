#include "filestages_p.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vds::backup {

namespace {
// Large enough that a write or read is never the per-call overhead's victim, small enough to
// stay well inside the memory budget of many stripes at once.
constexpr std::size_t kFileBlock = 1 << 20;
} // namespace

Expected<std::size_t> readFully(Source &source, std::span<std::byte> out)
{
    std::size_t got = 0;
    while (got < out.size()) {
        auto n = source.read(out.subspan(got));
        if (!n) {
            return n;
        }
        if (*n == 0) {
            break;
        }
        got += *n;
    }
    return got;
}

FileSink::FileSink(AtomicFile &file, bool hash) : file_(file), hash_(hash)
{
    buffer_.reserve(kFileBlock);
}

Expected<void> FileSink::flush()
{
    if (buffer_.empty()) {
        return {};
    }
    auto r = file_.write(buffer_);
    buffer_.clear();
    return r;
}

Expected<void> FileSink::write(std::span<const std::byte> data)
{
    if (hash_) {
        sha_.update(data);
    }
    bytes_ += data.size();
    if (buffer_.size() + data.size() <= kFileBlock) {
        buffer_.insert(buffer_.end(), data.begin(), data.end());
        return {};
    }
    if (auto r = flush(); !r) {
        return r;
    }
    // Large pieces (raw stripes: the server's whole transfer) go straight to the file.
    if (data.size() >= kFileBlock / 2) {
        return file_.write(data);
    }
    buffer_.insert(buffer_.end(), data.begin(), data.end());
    return {};
}

Expected<void> FileSink::finish()
{
    return flush();
}

FileSource::~FileSource()
{
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

Expected<void> FileSource::open(const std::filesystem::path &path)
{
    path_ = path;
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
        return fail(Error::fromErrno(errno, path.string(), "cannot open"));
    }
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
        return fail(ErrorCategory::InvalidArgument, "a folder, not a stripe file", path.string());
    }
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
    return {};
}

Expected<std::size_t> FileSource::read(std::span<std::byte> out)
{
    for (;;) {
        const ssize_t n = ::read(fd_, out.data(), out.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail(Error::fromErrno(errno, path_.string(), "read"));
        }
        sha_.update(out.first(static_cast<std::size_t>(n)));
        bytes_ += static_cast<std::uint64_t>(n);
        return static_cast<std::size_t>(n);
    }
}

} // namespace vds::backup
