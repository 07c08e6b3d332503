#include <vds/vdi/liveness_p.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace vds::vdi::liveness {

namespace {
/// State letter and start time of a process, from /proc/PID/stat. The command name (field 2)
/// may hold spaces and parentheses, so parsing starts after its last ')'.
bool readStat(const char *path, char &state, std::uint64_t &startTime)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buf[1024];
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    const char *p = std::strrchr(buf, ')');
    if (!p || p[1] != ' ')
        return false;
    p += 2;
    state = *p;
    // field 3 is the state; start time is field 22: skip 19 more separators.
    for (int field = 3; field < 22; ++field) {
        p = std::strchr(p, ' ');
        if (!p)
            return false;
        ++p;
    }
    startTime = std::strtoull(p, nullptr, 10);
    return true;
}
} // namespace

std::uint64_t selfStartTime()
{
    char state = 0;
    std::uint64_t start = 0;
    readStat("/proc/self/stat", state, start);
    return start;
}

bool isAlive(std::uint32_t pid, std::uint64_t startTime)
{
    if (pid == 0)
        return false;
    char path[32];
    std::snprintf(path, sizeof path, "/proc/%u/stat", pid);
    char state = 0;
    std::uint64_t start = 0;
    if (!readStat(path, state, start))
        return false;
    return state != 'Z' && state != 'X' && start == startTime;
}

} // namespace vds::vdi::liveness
