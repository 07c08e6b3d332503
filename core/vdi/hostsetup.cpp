#include <vds/vdi/hostsetup.h>

#include <vds/vdi/clientset.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <arpa/inet.h>
#include <grp.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <pwd.h>
#include <unistd.h>

namespace vds::vdi {

namespace {

/// Every group `name` belongs to (its primary group included), from NSS.
std::vector<gid_t> groupsOf(const std::string &name, gid_t primary)
{
    int count = 64;
    std::vector<gid_t> out(static_cast<std::size_t>(count));
    while (getgrouplist(name.c_str(), primary, out.data(), &count) < 0)
        out.resize(std::size_t(count));
    out.resize(std::size_t(count));
    return out;
}

std::string groupName(gid_t gid)
{
    const group *g = getgrgid(gid);
    return g ? std::string(g->gr_name) : std::to_string(gid);
}

/// Supplementary and effective groups of a running process ("Groups:" and "Gid:" in status).
std::vector<gid_t> processGroups(const std::filesystem::path &status)
{
    std::ifstream in(status);
    std::vector<gid_t> out;
    std::string line;
    while (std::getline(in, line)) {
        const bool groups = line.rfind("Groups:", 0) == 0;
        const bool gid = line.rfind("Gid:", 0) == 0;
        if (!groups && !gid)
            continue;
        std::istringstream fields(line.substr(line.find(':') + 1));
        long v = 0;
        while (fields >> v)
            out.push_back(gid_t(v));
    }
    return out;
}

/// Real uid of a running process, or -1.
long processUid(const std::filesystem::path &status)
{
    std::ifstream in(status);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Uid:", 0) == 0) {
            std::istringstream fields(line.substr(4));
            long uid = -1;
            fields >> uid;
            return uid;
        }
    }
    return -1;
}

bool contains(const std::vector<gid_t> &v, gid_t g)
{
    return std::find(v.begin(), v.end(), g) != v.end();
}

} // namespace

bool isThisMachine(const std::string &host)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (host.empty() || getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0)
        return false;
    ifaddrs *interfaces = nullptr;
    if (getifaddrs(&interfaces) != 0)
        interfaces = nullptr;
    bool local = false;
    for (const addrinfo *a = found; a && !local; a = a->ai_next) {
        if (a->ai_family == AF_INET) {
            in_addr addr{};
            std::memcpy(&addr, &reinterpret_cast<const sockaddr_in *>(a->ai_addr)->sin_addr,
                        sizeof addr);
            local = (ntohl(addr.s_addr) >> 24) == 127;
            for (const ifaddrs *i = interfaces; i && !local; i = i->ifa_next) {
                if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET)
                    continue;
                in_addr mine{};
                std::memcpy(&mine, &reinterpret_cast<const sockaddr_in *>(i->ifa_addr)->sin_addr,
                            sizeof mine);
                local = mine.s_addr == addr.s_addr;
            }
        } else if (a->ai_family == AF_INET6) {
            in6_addr addr{};
            std::memcpy(&addr, &reinterpret_cast<const sockaddr_in6 *>(a->ai_addr)->sin6_addr,
                        sizeof addr);
            local = IN6_IS_ADDR_LOOPBACK(&addr);
            for (const ifaddrs *i = interfaces; i && !local; i = i->ifa_next) {
                if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET6)
                    continue;
                in6_addr mine{};
                std::memcpy(&mine, &reinterpret_cast<const sockaddr_in6 *>(i->ifa_addr)->sin6_addr,
                            sizeof mine);
                local = std::memcmp(&mine, &addr, sizeof addr) == 0;
            }
        }
    }
    if (interfaces)
        freeifaddrs(interfaces);
    freeaddrinfo(found);
    return local;
}

HostSetupFacts readHostSetup(const std::string &user, const std::string &serviceUser)
{
    HostSetupFacts f;
    f.user = user;
    if (f.user.empty()) {
        // Under sudo the user to set up is the one who asked, not root.
        const char *sudoUser = std::getenv("SUDO_USER");
        if (sudoUser && *sudoUser && getuid() == 0) {
            f.user = sudoUser;
        } else if (const passwd *self = getpwuid(getuid())) {
            f.user = self->pw_name;
        }
    }
    f.serviceUser = serviceUser;

    uid_t userUid = 0;
    if (const passwd *pw = getpwnam(f.user.c_str())) {
        f.userExists = true;
        userUid = pw->pw_uid;
        f.userGid = pw->pw_gid;
        f.userGroup = groupName(pw->pw_gid);
    }
    uid_t serviceUid = 0;
    if (const passwd *pw = getpwnam(f.serviceUser.c_str())) {
        f.serviceExists = true;
        serviceUid = pw->pw_uid;
        f.serviceGid = pw->pw_gid;
        f.serviceGroup = groupName(pw->pw_gid);
    }
    if (f.userExists && f.serviceExists) {
        f.userInServiceGroup = contains(groupsOf(f.user, f.userGid), f.serviceGid);
        f.serviceInUserGroup = contains(groupsOf(f.serviceUser, f.serviceGid), f.userGid);
    }
    f.sessionIsUser = f.userExists && getuid() == userUid;
    if (f.sessionIsUser && f.serviceExists) {
        std::vector<gid_t> mine(static_cast<std::size_t>(std::max(getgroups(0, nullptr), 0)));
        if (!mine.empty())
            mine.resize(std::size_t(std::max(getgroups(int(mine.size()), mine.data()), 0)));
        mine.push_back(getegid());
        f.sessionHasServiceGroup = contains(mine, f.serviceGid);
    }

    if (f.serviceExists) {
        std::error_code ec;
        for (const auto &entry : std::filesystem::directory_iterator("/proc", ec)) {
            const std::string name = entry.path().filename().string();
            if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit))
                continue;
            const auto status = entry.path() / "status";
            if (processUid(status) != long(serviceUid))
                continue;
            const pid_t pid = pid_t(std::strtol(name.c_str(), nullptr, 10));
            f.servicePids.push_back(pid);
            if (f.userExists && !contains(processGroups(status), f.userGid))
                f.staleServicePids.push_back(pid);
        }
        std::sort(f.servicePids.begin(), f.servicePids.end());
        std::sort(f.staleServicePids.begin(), f.staleServicePids.end());
    }

    const char *env = std::getenv("VDS_SQLVDI_PATH");
    f.libraryPath = env && *env ? std::string(env) : std::string(kDefaultSqlVdiPath);
    std::error_code ec;
    f.libraryPresent = std::filesystem::is_regular_file(f.libraryPath, ec);
    return f;
}

} // namespace vds::vdi
