#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

#include <vds/util/error.h>

namespace vds::backup {

/// A file that appears under its final name only once complete. Owned by one writer, one thread.
/// Data goes to an unnamed O_TMPFILE inode in the target's folder (nothing to clean up if the
/// process dies) or, where the filesystem lacks O_TMPFILE, to a unique ".NAME.XXXXXX.partial"
/// beside it. commit() fsyncs the data, links it under the final name without replacing
/// anything, and fsyncs the folder; abort() (or the destructor) removes whatever was written.
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
    int fd_ = -1;
    int dirFd_ = -1;
};

} // namespace vds::backup
