#pragma once

#include <string>
#include <vector>

namespace vds::connections {

/// What decides whether VDI can work between this client and a server, read from the system
/// (no server needed). Plain value, any thread.
struct VdiFacts {
    /// VDI is shared memory: the server must run on this machine (a loopback address, or an
    /// address of one of this machine's interfaces).
    bool serverIsLocal = false;
    /// The built-in simulator speaks VDI through this program's own provider: no Microsoft
    /// library and no mssql group needed.
    bool isSimulator = false;
    /// VDS_VDI_PROVIDER=native forces this program's provider (a test set-up): no library needed.
    bool nativeForced = false;
    std::string sqlvdiPath; ///< VDS_SQLVDI_PATH, else /opt/mssql/lib/libsqlvdi.so
    bool sqlvdiPresent = false;
    std::string userName;          ///< who runs this program
    bool mssqlGroupExists = false; ///< SQL Server's group (it runs as mssql:mssql)
    bool userInMssqlGroup = false; ///< this process has the group (or runs as mssql)
};

/// Reads the facts for a server at `host` (resolved with getaddrinfo and compared with
/// getifaddrs; a name that does not resolve is not local).
[[nodiscard]] VdiFacts probeVdi(const std::string &host, bool isSimulator);

/// Whether `host` names this machine.
[[nodiscard]] bool isLocalHost(const std::string &host);

} // namespace vds::connections
