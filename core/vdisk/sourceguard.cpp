#include <vds/vdisk/sourceguard.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <linux/fs.h>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <vds/logging/log.h>
#include <vds/util/win32.h>

#include <spdlog/logger.h>

namespace vds::vdisk {

namespace {

std::string sysfsPath(unsigned major, unsigned minor)
{
    const std::string link =
        "/sys/dev/block/" + std::to_string(major) + ":" + std::to_string(minor);
    char buf[PATH_MAX];
    if (::realpath(link.c_str(), buf) == nullptr)
        return {};
    return buf;
}

// mountinfo escapes blanks in paths as \040 etc.
std::string unescape(const std::string &s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size()) {
            out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 3), nullptr, 8)));
            i += 3;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

} // namespace

std::vector<MountEntry> parseMountInfo(const std::string &text)
{
    std::vector<MountEntry> out;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream f(line);
        std::string id, parent, devno, root, mountPoint, options;
        if (!(f >> id >> parent >> devno >> root >> mountPoint >> options))
            continue;
        MountEntry e;
        if (std::sscanf(devno.c_str(), "%u:%u", &e.major, &e.minor) != 2)
            continue;
        e.mountPoint = unescape(mountPoint);
        e.readWrite = options.rfind("rw", 0) == 0 && (options.size() == 2 || options[2] == ',');
        out.push_back(e);
    }
    return out;
}

SourceWriteGuard::SourceWriteGuard(SourceWriteGuard &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

SourceWriteGuard &SourceWriteGuard::operator=(SourceWriteGuard &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

SourceWriteGuard::~SourceWriteGuard()
{
    release();
}

void SourceWriteGuard::release() noexcept
{
    if (m_fd < 0)
        return;
    int ro = 0;
    if (::ioctl(m_fd, BLKROSET, &ro) != 0)
        vds::log::get("vdisk")->error("could not clear the read-only flag again: errno {}", errno);
    ::close(m_fd);
    m_fd = -1;
}

Expected<SourceWriteGuard> SourceWriteGuard::engage(int fd, const std::string &name)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return fail(Error::fromErrno(errno, name, "stat"));
    if (!S_ISBLK(st.st_mode))
        return SourceWriteGuard{};
    const unsigned maj = ::major(st.st_rdev), min = ::minor(st.st_rdev);
    const std::string self = sysfsPath(maj, min);
    std::ifstream in("/proc/self/mountinfo");
    std::stringstream text;
    text << in.rdbuf();
    for (const MountEntry &m : parseMountInfo(text.str())) {
        if (!m.readWrite)
            continue;
        const bool same = m.major == maj && m.minor == min;
        // A partition's sysfs directory lives inside its disk's.
        const std::string other = same ? self : sysfsPath(m.major, m.minor);
        const bool partition = !self.empty() && other.size() > self.size() &&
                               other.compare(0, self.size() + 1, self + "/") == 0;
        if (same || partition)
            return fail(Error::fromWin32(win32::kDiskOnlineAndWritable,
                                         ErrorCategory::InvalidArgument,
                                         "source is mounted read-write at " + m.mountPoint +
                                             " (unmount it or remount it read-only first)",
                                         name));
    }
    int ro = 0;
    if (::ioctl(fd, BLKROGET, &ro) != 0)
        return fail(Error::fromErrno(errno, name, "BLKROGET"));
    SourceWriteGuard guard;
    if (ro)
        return guard; // already read-only: nothing to restore
    const int dup = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (dup < 0)
        return fail(Error::fromErrno(errno, name, "dup"));
    ro = 1;
    if (::ioctl(dup, BLKROSET, &ro) != 0) {
        const int err = errno;
        ::close(dup);
        return fail(Error::fromErrno(err, name, "BLKROSET (needs CAP_SYS_ADMIN)"));
    }
    guard.m_fd = dup;
    return guard;
}

} // namespace vds::vdisk
