#include "filestages_p.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vds::backup {

namespace {
// Large enough that a read is never the per-call overhead's victim, small enough to stay well
// inside the memory budget of many stripes at once.
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
    for (std::size_t i = 0; i < kBlocks; ++i) {
        free_.push_back({std::vector<std::byte>(kBlockSize), 0});
    }
    thread_ = std::thread([this] { run(); });
}

FileSink::~FileSink()
{
    stop();
}

void FileSink::stop() noexcept
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void FileSink::run()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || closing_ || !filled_.empty(); });
        if (stopping_ || (filled_.empty() && closing_)) {
            return;
        }
        Block b = std::move(filled_.front());
        filled_.pop_front();
        const bool failed = error_.isError();
        idle_ = false;
        lock.unlock();
        Expected<void> r;
        if (!failed) {
            const auto bytes = std::span(b.data).first(b.used);
            if (hash_) {
                sha_.update(bytes);
            }
            r = file_.write(bytes);
        }
        lock.lock();
        idle_ = true;
        if (!r && !error_.isError()) {
            error_ = r.error();
        }
        b.used = 0;
        free_.push_back(std::move(b));
        changed_.notify_all();
    }
}

Expected<void> FileSink::failure()
{
    std::lock_guard lock(mutex_);
    if (error_.isError()) {
        return fail(error_);
    }
    return {};
}

void FileSink::queueCurrent()
{
    {
        std::lock_guard lock(mutex_);
        filled_.push_back(std::move(current_));
    }
    hasCurrent_ = false;
    changed_.notify_all();
}

Expected<void> FileSink::write(std::span<const std::byte> data)
{
    if (auto r = failure(); !r) {
        return r;
    }
    bytes_ += data.size();
    while (!data.empty()) {
        if (!hasCurrent_) {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return !free_.empty() || error_.isError(); });
            if (error_.isError()) {
                return fail(error_);
            }
            current_ = std::move(free_.front());
            free_.pop_front();
            hasCurrent_ = true;
        }
        const std::size_t take = std::min(kBlockSize - current_.used, data.size());
        std::memcpy(current_.data.data() + current_.used, data.data(), take);
        current_.used += take;
        data = data.subspan(take);
        if (current_.used == kBlockSize) {
            queueCurrent();
        }
    }
    return {};
}

Expected<void> FileSink::finish()
{
    if (hasCurrent_ && current_.used > 0) {
        queueCurrent();
    }
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return (filled_.empty() && idle_) || stopping_; });
        closing_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
    return failure();
}

FileSource::~FileSource()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
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
    for (std::size_t i = 0; i < kBlocks; ++i) {
        free_.push_back({std::vector<std::byte>(kBlockSize), 0});
    }
    thread_ = std::thread([this] { run(); });
    return {};
}

void FileSource::run()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || !free_.empty(); });
        if (stopping_) {
            return;
        }
        Block b = std::move(free_.front());
        free_.pop_front();
        lock.unlock();
        // Fill the whole block unless the file ends: short reads are the caller's overhead.
        Error error;
        bool end = false;
        b.used = 0;
        while (b.used < b.data.size()) {
            const ssize_t n = ::read(fd_, b.data.data() + b.used, b.data.size() - b.used);
            if (n < 0) {
                if (errno == EINTR) {
                    continue;
                }
                error = Error::fromErrno(errno, path_.string(), "read");
                break;
            }
            if (n == 0) {
                end = true;
                break;
            }
            b.used += static_cast<std::size_t>(n);
        }
        sha_.update(std::span(b.data).first(b.used));
        bytes_ += b.used;
        lock.lock();
        if (b.used > 0) {
            filled_.push_back(std::move(b));
        } else {
            free_.push_back(std::move(b));
        }
        if (error.isError() || end) {
            error_ = error;
            ended_ = true;
            changed_.notify_all();
            return;
        }
        changed_.notify_all();
    }
}

Expected<std::size_t> FileSource::read(std::span<std::byte> out)
{
    if (out.empty() || done_) {
        return 0;
    }
    if (hasCurrent_ && currentPos_ == current_.used) {
        std::lock_guard lock(mutex_);
        current_.used = 0;
        free_.push_back(std::move(current_));
        hasCurrent_ = false;
        changed_.notify_all();
    }
    if (!hasCurrent_) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !filled_.empty() || ended_; });
        if (filled_.empty()) {
            // The end, or a read error once everything before it was handed out.
            if (error_.isError()) {
                return fail(error_);
            }
            done_ = true;
            return 0;
        }
        current_ = std::move(filled_.front());
        filled_.pop_front();
        currentPos_ = 0;
        hasCurrent_ = true;
    }
    const std::size_t take = std::min(out.size(), current_.used - currentPos_);
    std::memcpy(out.data(), current_.data.data() + currentPos_, take);
    currentPos_ += take;
    return take;
}

} // namespace vds::backup
