#pragma once

#include <cstdint>
#include <string>

namespace vds::sqlsim {

/// Who is connected and where: filled at login, read by the statement handlers. Plain value
/// owned by one connection's thread.
struct SessionInfo {
    std::string user;
    bool sysadmin = false;
    std::string database = "master";
    std::uint16_t spid = 0;
    std::string hostName;
    std::string appName;
};

} // namespace vds::sqlsim
