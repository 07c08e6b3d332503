#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>

#include <vds/util/error.h>
#include <vds/util/writeback.h>

namespace vds::backup {

/// A file that appears under its final name only once complete. Owned by one writer, one thread.
/// Data goes to an unnamed O_TMPFILE inode in the target's folder (nothing to clean up if the
/// process dies) or, where the filesystem lacks O_TMPFILE, to a unique ".NAME.XXXXXX.partial"
/// beside it. Every few MiB written, the kernel is asked to start writing them out, so the disk
/// works while the stream still flows and commit() waits for the last span only (without it,
/// a machine with much memory holds gigabytes dirty until the end). commit() fsyncs the data, links
/// it under the final name without replacing anything, and fsyncs the folder; abort() (or the
/// destructor) removes whatever was written.
class AtomicFile {
public:
    AtomicFile() = default;
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    /// An existing `target` → InvalidArgument; a missing folder → NotFound; no write permission
    /// → Permission.
    [[nodiscard]] Expected<void> create(const std::filesystem::path &target);
    /// Writes everything (retrying short writes and EINTR). ENOSPC/EDQUOT/EFBIG → DiskFull.
    [[nodiscard]] Expected<void> write(std::span<const std::byte> data);
    [[nodiscard]] Expected<void> commit();
    void abort() noexcept;

    [[nodiscard]] const std::filesystem::path &target() const { return target_; }
    /// The temporary name, empty when the data lives in an unnamed O_TMPFILE inode.
    [[nodiscard]] const std::filesystem::path &partialPath() const { return partial_; }

private:
    std::filesystem::path target_;
    std::filesystem::path partial_;
    static constexpr std::uint64_t kWritebackSpan = 8U << 20;
    int fd_ = -1;
    int dirFd_ = -1;
    std::uint64_t written_ = 0;
    WritebackRange writeback_;
};

} // namespace vds::backup
