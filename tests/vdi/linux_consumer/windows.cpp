// Creates and closes a set through the Windows-style header (CoCreateInstance), linked
// through Vds::compat.
#include <vds/compat/vdi.h>
#include <vds/compat/vdierror.h>

#include <cstdio>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    IClientVirtualDeviceSet2 *vds = nullptr;
    HRESULT hr = CoCreateInstance(CLSID_MSSQL_ClientVirtualDeviceSet, NULL, CLSCTX_INPROC_SERVER,
                                  IID_IClientVirtualDeviceSet2, reinterpret_cast<void **>(&vds));
    if (FAILED(hr))
        return 1;
    std::u16string name;
    for (const char *p = argv[1]; *p; ++p)
        name += static_cast<char16_t>(*p);
    VDConfig cfg{};
    cfg.deviceCount = 1;
    hr = vds->CreateEx(NULL, name.c_str(), &cfg);
    const HRESULT wait = SUCCEEDED(hr) ? vds->GetConfiguration(50, &cfg) : hr;
    const HRESULT closed = vds->Close();
    vds->Release();
    std::printf("windows: CreateEx %d, GetConfiguration %s, Close %d\n", hr,
                wait == VD_E_TIMEOUT ? "VD_E_TIMEOUT" : "unexpected", closed);
    return SUCCEEDED(hr) && wait == VD_E_TIMEOUT && closed == S_OK ? 0 : 1;
}
