#include <vds/connections/vdiprerequisites.h>

#include <cstdlib>
#include <string_view>

#include <vds/vdi/hostsetup.h>

namespace vds::connections {

VdiFacts probeVdi(const std::string &host, bool isSimulator)
{
    VdiFacts f;
    f.serverIsLocal = vdi::isThisMachine(host);
    f.isSimulator = isSimulator;
    const char *provider = std::getenv("VDS_VDI_PROVIDER");
    f.nativeForced = provider && std::string_view(provider) == "native";
    const vdi::HostSetupFacts setup = vdi::readHostSetup({}, "mssql");
    f.sqlvdiPath = setup.libraryPath;
    f.sqlvdiPresent = setup.libraryPresent;
    f.userName = setup.user;
    f.serviceGroup = setup.serviceGroup.empty() ? std::string("mssql") : setup.serviceGroup;
    f.groupsShared = setup.sessionIsUser && setup.serviceExists && setup.sessionHasServiceGroup &&
                     setup.serviceInUserGroup;
    return f;
}

} // namespace vds::connections
