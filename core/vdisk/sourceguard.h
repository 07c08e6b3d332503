#pragma once

#include <string>
#include <vector>

#include <vds/util/error.h>

namespace vds::vdisk {

/// One line of /proc/self/mountinfo that matters here.
struct MountEntry {
    unsigned major = 0, minor = 0;
    std::string mountPoint;
    bool readWrite = false;
};

/// Parses mountinfo text (a parameter so tests can feed their own).
std::vector<MountEntry> parseMountInfo(const std::string &text);

/// PREVENT_WRITES_TO_SOURCE_DISK, as on Windows: a block device source mounted read-write (the
/// disk itself or any of its partitions) is refused, naming the mount point; otherwise the
/// device is switched read-only (BLKROSET) for the guard's lifetime and switched back when it
/// ends, also on failure. Regular files are left alone (the flag has no effect there).
/// Thread affinity: any; owns no descriptor (the caller's must outlive it). Move-only.
class SourceWriteGuard final {
public:
    SourceWriteGuard() = default;
    SourceWriteGuard(SourceWriteGuard &&other) noexcept;
    SourceWriteGuard &operator=(SourceWriteGuard &&other) noexcept;
    SourceWriteGuard(const SourceWriteGuard &) = delete;
    SourceWriteGuard &operator=(const SourceWriteGuard &) = delete;
    ~SourceWriteGuard();

    static Expected<SourceWriteGuard> engage(int fd, const std::string &name);
    /// Restores the read-only flag now (the destructor does it otherwise).
    void release() noexcept;
    [[nodiscard]] bool changedFlag() const noexcept { return m_fd >= 0; }

private:
    int m_fd = -1; ///< dup of the device while we hold it read-only
};

} // namespace vds::vdisk
