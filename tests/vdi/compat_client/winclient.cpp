// A VDI client written the Windows way (COM creation, CreateEx(NULL, u"…"), GetCommand loop),
// built by vdi_compat_install against the *installed* <vds/compat/vdi.h> with only the install
// prefix on the include path, and with ODBC's <sql.h>/<sqlext.h> included before or after it
// (-DSQL_FIRST), as a ported client that issues its BACKUP over ODBC would.
//
// usage: winclient SETNAME backup|restore BYTES SEED   (a vdi_helper server serves the set)
#ifdef SQL_FIRST
#include <sql.h>
#include <sqlext.h>
#endif
#include <vds/compat/vdi.h>
#include <vds/compat/vdierror.h>
#ifndef SQL_FIRST
#include <sql.h>
#include <sqlext.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>

// The Windows types and ODBC's agree, whichever came first.
static_assert(sizeof(DWORD) == 4 && sizeof(WCHAR) == 2 && sizeof(BYTE) == 1);
static_assert(sizeof(VDConfig) == 44 && sizeof(VDC_Command) == 24);

// Same pattern as tests/vdi/vdiengine.h (fillPattern): what the helper server writes/expects.
static unsigned char patternByte(unsigned long long o, unsigned seed)
{
    const unsigned long long x = (o >> 3) * 0x9E3779B97F4A7C15ull + 0 * 0x1000193ull + seed;
    return (unsigned char)((x >> (8 * (o & 7))) ^ (x >> 61));
}

// The exact spelling of the contract, compiled (not run): a u"" literal and NULL instance.
HRESULT createLikeWindows(IClientVirtualDeviceSet2 *vds, VDConfig *cfg)
{
    return vds->CreateEx(NULL, u"name", cfg);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: winclient SETNAME backup|restore BYTES SEED\n");
        return 2;
    }
    const bool restore = strcmp(argv[2], "restore") == 0;
    const unsigned long long total = strtoull(argv[3], NULL, 10);
    const unsigned seed = (unsigned)strtoul(argv[4], NULL, 10);
    std::u16string name;
    for (const char *p = argv[1]; *p; ++p)
        name += (char16_t)*p;

    SQLHENV env = SQL_NULL_HENV; // ODBC is usable alongside
    (void)env;
    HRESULT hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    IClientVirtualDeviceSet2 *vds = NULL;
    hr = CoCreateInstance(CLSID_MSSQL_ClientVirtualDeviceSet, NULL, CLSCTX_INPROC_SERVER,
                          IID_IClientVirtualDeviceSet2, (void **)&vds);
    if (!SUCCEEDED(hr)) {
        printf("CoCreateInstance failed x%X\n", (unsigned)hr);
        return 1;
    }
    VDConfig config;
    memset(&config, 0, sizeof(config));
    config.deviceCount = 1;
    hr = vds->CreateEx(NULL, name.c_str(), &config);
    if (!SUCCEEDED(hr)) {
        printf("CreateEx failed x%X\n", (unsigned)hr);
        return 1;
    }
    hr = vds->GetConfiguration(60000, &config);
    if (FAILED(hr)) {
        printf("GetConfiguration failed x%X\n", (unsigned)hr);
        vds->Close();
        return 1;
    }
    IClientVirtualDevice *vd = NULL;
    hr = vds->OpenDevice(name.c_str(), &vd);
    if (FAILED(hr)) {
        printf("OpenDevice failed x%X\n", (unsigned)hr);
        vds->Close();
        return 1;
    }
    VDC_Command *cmd;
    DWORD completionCode, bytesTransferred;
    unsigned long long offset = 0, mismatches = 0;
    BOOL done = FALSE;
    while (!done && SUCCEEDED(hr = vd->GetCommand(INFINITE, &cmd))) {
        bytesTransferred = 0;
        completionCode = ERROR_SUCCESS;
        switch (cmd->commandCode) {
        case VDC_Write:
            for (DWORD i = 0; i < cmd->size; ++i)
                mismatches += cmd->buffer[i] != patternByte(offset + i, seed);
            offset += cmd->size;
            bytesTransferred = cmd->size;
            break;
        case VDC_Read: {
            DWORD n = cmd->size;
            if (total - offset < n)
                n = (DWORD)(total - offset);
            for (DWORD i = 0; i < n; ++i)
                cmd->buffer[i] = patternByte(offset + i, seed);
            offset += n;
            bytesTransferred = n;
            if (n < cmd->size)
                completionCode = ERROR_HANDLE_EOF;
            break;
        }
        case VDC_Flush:
        case VDC_ClearError: break;
        default: completionCode = ERROR_NOT_SUPPORTED;
        }
        hr = vd->CompleteCommand(cmd, completionCode, bytesTransferred, 0);
        if (FAILED(hr))
            done = TRUE;
    }
    const bool normalEnd = hr == VD_E_CLOSE;
    vds->Close();
    vds->Release();
    CoUninitialize();
    printf("%s %llu bytes, %llu mismatches, end %s\n", restore ? "restored" : "backed up", offset,
           mismatches, normalEnd ? "VD_E_CLOSE" : "abnormal");
    return normalEnd && mismatches == 0 && offset == total ? 0 : 1;
}
