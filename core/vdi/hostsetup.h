#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace vds::vdi {

/// Who may open whose VDI objects on this host. SQL Server on Linux runs as a service account
/// (`mssql`); the shared memory and semaphores of a virtual device set belong to the user and
/// primary group that create them (mode 0660), so the client user and the service account must
/// share groups both ways, and a running server only sees a group added after it started once
/// restarted. Plain facts, no wording: `vdsctl setup-vdi` explains and fixes them.
struct HostSetupFacts {
    std::string user; ///< the client user (the one who runs vdsctl / vdstudio)
    bool userExists = false;
    gid_t userGid = 0;       ///< its primary group
    std::string userGroup;   ///< that group's name
    std::string serviceUser; ///< the SQL Server account, normally "mssql"
    bool serviceExists = false;
    gid_t serviceGid = 0;
    std::string serviceGroup;
    bool userInServiceGroup = false; ///< the client can open what SQL Server creates
    bool serviceInUserGroup = false; ///< SQL Server can open what the client creates
    /// This process already carries the service group (false right after usermod: the user
    /// must log in again). Only meaningful when `user` is the user running this process.
    bool sessionHasServiceGroup = false;
    bool sessionIsUser = false;
    /// Running processes of the service account, and those that lack the client's group
    /// (started before the group was added: SQL Server must be restarted).
    std::vector<pid_t> servicePids;
    std::vector<pid_t> staleServicePids;
    std::string libraryPath; ///< Microsoft's libsqlvdi.so: VDS_SQLVDI_PATH or the default
    bool libraryPresent = false;
};

/// Whether `host` (a name or address, without port or instance) is this machine: it resolves
/// to a loopback address or to an address of one of its interfaces. VDI is shared memory, so
/// only such a server can run a VDI backup with us. False when it does not resolve.
[[nodiscard]] bool isThisMachine(const std::string &host);

/// Reads the facts from the user and group databases (NSS), /proc and the file system.
/// `user` empty: the user running this process (the one who ran sudo, under sudo).
/// Any thread; no side effects.
[[nodiscard]] HostSetupFacts readHostSetup(const std::string &user, const std::string &serviceUser);

} // namespace vds::vdi
