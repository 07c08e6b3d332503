// Creates and closes a set through Microsoft's Linux SDK classes (Virtual Device Studio's
// implementation, found through find_package(VdsCore) → Vds::compat).
#include <vds/compat/linux/vdi.h>
#include <vds/compat/linux/vdierror.h>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    ClientVirtualDeviceSet *vds = new ClientVirtualDeviceSet();
    VDConfig cfg;
    std::memset(&cfg, 0, sizeof cfg);
    cfg.deviceCount = 1;
    int rc = vds->Create(argv[1], &cfg);
    // Nobody serves the set: a short wait times out, as the SDK documents.
    const int wait = rc == 0 ? vds->GetConfiguration(50, &cfg) : rc;
    const int closed = vds->Close();
    std::printf("linux sdk: Create %d, GetConfiguration %s, Close %d\n", rc,
                wait == VD_E_TIMEOUT ? "VD_E_TIMEOUT" : "unexpected", closed);
    delete vds;
    return rc == 0 && wait == VD_E_TIMEOUT && closed == 0 ? 0 : 1;
}
