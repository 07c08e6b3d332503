#include <vds/connections/vdiprerequisites.h>

#include <arpa/inet.h>
#include <grp.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

#include <vds/vdi/clientset.h>

namespace vds::connections {

namespace {

bool sameAddress(const sockaddr *a, const sockaddr *b)
{
    if (a->sa_family != b->sa_family)
        return false;
    if (a->sa_family == AF_INET)
        return reinterpret_cast<const sockaddr_in *>(a)->sin_addr.s_addr ==
               reinterpret_cast<const sockaddr_in *>(b)->sin_addr.s_addr;
    if (a->sa_family == AF_INET6)
        return std::memcmp(&reinterpret_cast<const sockaddr_in6 *>(a)->sin6_addr,
                           &reinterpret_cast<const sockaddr_in6 *>(b)->sin6_addr,
                           sizeof(in6_addr)) == 0;
    return false;
}

bool isLoopback(const sockaddr *a)
{
    if (a->sa_family == AF_INET)
        return (ntohl(reinterpret_cast<const sockaddr_in *>(a)->sin_addr.s_addr) >> 24) == 127;
    if (a->sa_family == AF_INET6)
        return IN6_IS_ADDR_LOOPBACK(&reinterpret_cast<const sockaddr_in6 *>(a)->sin6_addr);
    return false;
}

} // namespace

bool isLocalHost(const std::string &host)
{
    if (host.empty())
        return false;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *resolved = nullptr;
    if (::getaddrinfo(host.c_str(), nullptr, &hints, &resolved) != 0)
        return false;
    ifaddrs *interfaces = nullptr;
    ::getifaddrs(&interfaces);
    bool local = false;
    for (addrinfo *a = resolved; a && !local; a = a->ai_next) {
        if (isLoopback(a->ai_addr)) {
            local = true;
            break;
        }
        for (ifaddrs *i = interfaces; i && !local; i = i->ifa_next)
            if (i->ifa_addr && sameAddress(a->ai_addr, i->ifa_addr))
                local = true;
    }
    if (interfaces)
        ::freeifaddrs(interfaces);
    ::freeaddrinfo(resolved);
    return local;
}

VdiFacts probeVdi(const std::string &host, bool isSimulator)
{
    VdiFacts f;
    f.serverIsLocal = isLocalHost(host);
    f.isSimulator = isSimulator;
    const char *provider = std::getenv("VDS_VDI_PROVIDER");
    f.nativeForced = provider && std::string_view(provider) == "native";
    const char *path = std::getenv("VDS_SQLVDI_PATH");
    f.sqlvdiPath = path && *path ? std::string(path) : std::string(vdi::kDefaultSqlVdiPath);
    std::error_code ec;
    f.sqlvdiPresent = std::filesystem::is_regular_file(f.sqlvdiPath, ec);

    if (const passwd *pw = ::getpwuid(::geteuid()))
        f.userName = pw->pw_name;
    if (const group *g = ::getgrnam("mssql")) {
        f.mssqlGroupExists = true;
        if (::getegid() == g->gr_gid || f.userName == "mssql") {
            f.userInMssqlGroup = true;
        } else {
            // The process's own groups: a user added to the group only since login does not
            // have it yet, and VDI runs with what the process has.
            const int n = ::getgroups(0, nullptr);
            std::vector<gid_t> groups(static_cast<std::size_t>(std::max(n, 0)));
            if (n > 0 && ::getgroups(n, groups.data()) == n)
                for (gid_t gid : groups)
                    if (gid == g->gr_gid)
                        f.userInMssqlGroup = true;
        }
    }
    return f;
}

} // namespace vds::connections
