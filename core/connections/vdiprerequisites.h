#pragma once

#include <string>

namespace vds::connections {

/// What decides whether VDI can work between this client and a server, as the connection test
/// needs it. Read from the system by `vdi::readHostSetup` and `vdi::isThisMachine` (the rules
/// `vdsctl setup-vdi` explains and fixes live there); this adds what the test knows about the
/// server. Plain value, any thread.
struct VdiFacts {
    /// VDI is shared memory: the server must run on this machine.
    bool serverIsLocal = false;
    /// The built-in simulator speaks VDI through this program's own provider: no Microsoft
    /// library and no shared groups needed.
    bool isSimulator = false;
    /// VDS_VDI_PROVIDER=native forces this program's provider (a test set-up): no library needed.
    bool nativeForced = false;
    std::string sqlvdiPath; ///< VDS_SQLVDI_PATH, else /opt/mssql/lib/libsqlvdi.so
    bool sqlvdiPresent = false;
    std::string userName;     ///< who runs this program
    std::string serviceGroup; ///< SQL Server's group (it runs as mssql:mssql)
    /// The groups are shared both ways and this process carries the service group (so the
    /// client opens what SQL Server creates, and SQL Server what the client creates).
    bool groupsShared = false;
};

/// Reads the facts for a server at `host` (SQL Server's account: mssql).
[[nodiscard]] VdiFacts probeVdi(const std::string &host, bool isSimulator);

} // namespace vds::connections
