#pragma once

// Microsoft SQL Server Virtual Device Interface (vdi.h) for Linux: the client interfaces
// IClientVirtualDeviceSet2 and IClientVirtualDevice with Microsoft's names, method order,
// parameter order, types and constant values, so a Windows VDI client ports with little more
// than a header swap. Part of Virtual Device Studio (installed as <vds/compat/vdi.h>); the
// implementation lives in libvdsbase (link Vds::base or Vds::core).
//
// Porting notes:
//  * Strings are UTF-16. Pass u"…" literals, const WCHAR* (unsigned short, as unixODBC has
//    it) or NULL for the default instance: CreateEx(NULL, u"name", &cfg).
//  * There is no COM runtime: CoCreateInstance below is a shim that knows the one class;
//    CoInitializeEx / CoUninitialize do nothing. Release() frees the set object.
//  * Timeouts are milliseconds; INFINITE waits forever.
//  * The implementation is chosen at CoCreateInstance time: our shared-memory provider
//    (talks to Virtual Device Studio's server side, e.g. vds-sqlsim), or, with
//    VDS_VDI_PROVIDER=sqlvdi, Microsoft's libsqlvdi.so for SQL Server on Linux
//    (VDS_SQLVDI_PATH overrides /opt/mssql/lib/libsqlvdi.so).

#include "vdicommon.h"
#include "vdierror.h"

/* ---- Win32 completion codes a VDI client returns from CompleteCommand ---- */
#ifndef ERROR_SUCCESS
#define ERROR_SUCCESS 0L
#endif
#ifndef ERROR_INVALID_HANDLE
#define ERROR_INVALID_HANDLE 6L
#endif
#ifndef ERROR_ARENA_TRASHED
#define ERROR_ARENA_TRASHED 7L
#endif
#ifndef ERROR_HANDLE_EOF
#define ERROR_HANDLE_EOF 38L
#endif
#ifndef ERROR_HANDLE_DISK_FULL
#define ERROR_HANDLE_DISK_FULL 39L
#endif
#ifndef ERROR_NOT_SUPPORTED
#define ERROR_NOT_SUPPORTED 50L
#endif
#ifndef ERROR_DISK_FULL
#define ERROR_DISK_FULL 112L
#endif
#ifndef ERROR_OPERATION_ABORTED
#define ERROR_OPERATION_ABORTED 995L
#endif
#ifndef ERROR_END_OF_MEDIA
#define ERROR_END_OF_MEDIA 1100L
#endif
#ifndef ERROR_FILEMARK_DETECTED
#define ERROR_FILEMARK_DETECTED 1101L
#endif
#ifndef ERROR_NO_DATA_DETECTED
#define ERROR_NO_DATA_DETECTED 1104L
#endif
#ifndef ERROR_IO_DEVICE
#define ERROR_IO_DEVICE 1117L
#endif
#ifndef ERROR_EOM_OVERFLOW
#define ERROR_EOM_OVERFLOW 1129L
#endif
#ifndef ERROR_NO_SYSTEM_RESOURCES
#define ERROR_NO_SYSTEM_RESOURCES 1450L
#endif

/* ---- configuration ---- */
#pragma pack(push, 8)
struct VDConfig {
    std::uint32_t deviceCount;
    std::uint32_t features;
    std::uint32_t prefixZoneSize;
    std::uint32_t alignment;
    std::uint32_t softFileMarkBlockSize;
    std::uint32_t EOMWarningSize;
    std::uint32_t serverTimeOut;
    std::uint32_t blockSize;
    std::uint32_t maxIODepth;
    std::uint32_t maxTransferSize;
    std::uint32_t bufferAreaSize;
};

enum VDFeatures : std::uint32_t {
    VDF_Removable = 0x1,
    VDF_Rewind = 0x2,
    VDF_Position = 0x10,
    VDF_SkipBlocks = 0x20,
    VDF_ReversePosition = 0x40,
    VDF_Discard = 0x80,
    VDF_FileMarks = 0x100,
    VDF_RandomAccess = 0x200,
    VDF_SnapshotPrepare = 0x400,
    VDF_EnumFrozenFiles = 0x800,
    VDF_VSSWriter = 0x1000,
    VDF_RequestComplete = 0x2000,
    VDF_WriteMedia = 0x10000,
    VDF_ReadMedia = 0x20000,
    VDF_CompleteEnabled = 0x40000,
    VDF_LatchStats = 0x80000000u,
    VDF_LikePipe = 0,
    VDF_LikeTape =
        0x173, /* FileMarks | Removable | Rewind | Position | SkipBlocks | ReversePosition */
    VDF_LikeDisk = 0x200 /* RandomAccess */
};

enum VDCommands : std::uint32_t {
    VDC_Read = 1,
    VDC_Write = 2,
    VDC_ClearError = 3,
    VDC_Rewind = 4,
    VDC_WriteMark = 5,
    VDC_SkipMarks = 6,
    VDC_SkipBlocks = 7,
    VDC_Load = 8,
    VDC_GetPosition = 9,
    VDC_SetPosition = 10,
    VDC_Discard = 11,
    VDC_Flush = 12,
    VDC_Snapshot = 13,
    VDC_MountSnapshot = 14,
    VDC_PrepareToFreeze = 15,
    VDC_FileInfoBegin = 16,
    VDC_FileInfoEnd = 17,
    VDC_GetError = 18,
    VDC_Complete = 19
};

enum VDWhence : std::uint32_t { VDC_Beginning = 0, VDC_Current = 1, VDC_End = 2 };

/* A command as the client receives it: read-only to the client. */
struct VDC_Command {
    std::uint32_t commandCode;
    std::uint32_t size;
    std::uint64_t position;
    std::uint8_t *buffer;
};
#pragma pack(pop)

/* ---- interface and class identifiers ---- */
inline constexpr IID IID_IUnknown = {
    0x00000000, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
inline constexpr IID IID_IClientVirtualDevice = {
    0x40700424, 0x0080, 0x11d2, {0x85, 0x1f, 0x00, 0xc0, 0x4f, 0xc2, 0x17, 0x59}};
inline constexpr IID IID_IClientVirtualDeviceSet = {
    0x40700425, 0x0080, 0x11d2, {0x85, 0x1f, 0x00, 0xc0, 0x4f, 0xc2, 0x17, 0x59}};
inline constexpr IID IID_IClientVirtualDeviceSet2 = {
    0xd0e6eb07, 0x7a62, 0x11d2, {0x85, 0x73, 0x00, 0xc0, 0x4f, 0xc2, 0x17, 0x59}};
inline constexpr IID IID_IServerVirtualDevice = {
    0xb5e7a131, 0xa7bd, 0x11d1, {0x84, 0xc2, 0x00, 0xc0, 0x4f, 0xc2, 0x17, 0x59}};
inline constexpr IID IID_IServerVirtualDeviceSet = {
    0xb5e7a132, 0xa7bd, 0x11d1, {0x84, 0xc2, 0x00, 0xc0, 0x4f, 0xc2, 0x17, 0x59}};
inline constexpr IID IID_IServerVirtualDeviceSet2 = {
    0xAECBD0D6, 0x24C6, 0x11d3, {0x85, 0xB7, 0x00, 0xC0, 0x4F, 0xC2, 0x17, 0x59}};
/* As in Microsoft's header, the class id is the v1 interface id. */
#define CLSID_MSSQL_ClientVirtualDeviceSet IID_IClientVirtualDeviceSet

/* ---- interfaces ---- */
struct IUnknown {
    virtual HRESULT QueryInterface(REFIID riid, void **ppvObject) = 0;
    virtual ULONG AddRef() = 0;
    virtual ULONG Release() = 0;

protected:
    ~IUnknown() = default; /* objects are freed by Release, never by delete */
};
typedef IUnknown *LPUNKNOWN;

struct IClientVirtualDevice : public IUnknown {
    /* Next command; dwTimeOut in ms (0 polls, INFINITE waits). VD_E_CLOSE = normal end. */
    virtual HRESULT GetCommand(DWORD dwTimeOut, VDC_Command **ppCmd) = 0;
    virtual HRESULT CompleteCommand(VDC_Command *pCmd, DWORD dwCompletionCode,
                                    DWORD dwBytesTransferred, DWORDLONG dwlPosition) = 0;

protected:
    ~IClientVirtualDevice() = default;
};

struct IClientVirtualDeviceSet : public IUnknown {
    /* Deprecated: the instance comes from the environment variable _VIRTUAL_SERVER_NAME_. */
    virtual HRESULT Create(const char16_t *lpName, VDConfig *pCfg) = 0;
    virtual HRESULT GetConfiguration(DWORD dwTimeOut, VDConfig *pCfg) = 0;
    virtual HRESULT OpenDevice(const char16_t *lpName, IClientVirtualDevice **ppVirtualDevice) = 0;
    virtual HRESULT Close() = 0;
    virtual HRESULT SignalAbort() = 0;
    /* Deprecated: default instance (or _VIRTUAL_SERVER_NAME_). */
    virtual HRESULT OpenInSecondary(const char16_t *lpSetName) = 0;
    virtual HRESULT GetBufferHandle(BYTE *pBuffer, DWORD *pBufferHandle) = 0;
    virtual HRESULT MapBufferHandle(DWORD dwBuffer, BYTE **ppBuffer) = 0;

    /* The same calls with const WCHAR* strings (WCHAR is 16-bit here, as on Windows). */
    HRESULT Create(const WCHAR *lpName, VDConfig *pCfg)
    {
        return Create(reinterpret_cast<const char16_t *>(lpName), pCfg);
    }
    HRESULT OpenDevice(const WCHAR *lpName, IClientVirtualDevice **ppVirtualDevice)
    {
        return OpenDevice(reinterpret_cast<const char16_t *>(lpName), ppVirtualDevice);
    }
    HRESULT OpenInSecondary(const WCHAR *lpSetName)
    {
        return OpenInSecondary(reinterpret_cast<const char16_t *>(lpSetName));
    }

protected:
    ~IClientVirtualDeviceSet() = default;
};

struct IClientVirtualDeviceSet2 : public IClientVirtualDeviceSet {
    /* lpInstanceName: NULL = default instance; a "machine\" prefix is VD_E_INSTANCE_NAME. */
    virtual HRESULT CreateEx(const char16_t *lpInstanceName, const char16_t *lpName,
                             VDConfig *pCfg) = 0;
    virtual HRESULT OpenInSecondaryEx(const char16_t *lpInstanceName,
                                      const char16_t *lpSetName) = 0;

    HRESULT CreateEx(const WCHAR *lpInstanceName, const WCHAR *lpName, VDConfig *pCfg)
    {
        return CreateEx(reinterpret_cast<const char16_t *>(lpInstanceName),
                        reinterpret_cast<const char16_t *>(lpName), pCfg);
    }
    HRESULT OpenInSecondaryEx(const WCHAR *lpInstanceName, const WCHAR *lpSetName)
    {
        return OpenInSecondaryEx(reinterpret_cast<const char16_t *>(lpInstanceName),
                                 reinterpret_cast<const char16_t *>(lpSetName));
    }

protected:
    ~IClientVirtualDeviceSet2() = default;
};

/* ---- the COM shim ---- */
#ifndef CLSCTX_INPROC_SERVER
#define CLSCTX_INPROC_SERVER 0x1
#endif
#ifndef CLSCTX_ALL
#define CLSCTX_ALL 0x17
#endif
#ifndef COINIT_MULTITHREADED
#define COINIT_MULTITHREADED 0x0
#endif
#ifndef COINIT_APARTMENTTHREADED
#define COINIT_APARTMENTTHREADED 0x2
#endif

/* Hands out a new client set for CLSID_MSSQL_ClientVirtualDeviceSet with
 * IID_IClientVirtualDeviceSet2, IID_IClientVirtualDeviceSet or IID_IUnknown.
 * REGDB_E_CLASSNOTREG for another class; E_NOINTERFACE for another interface;
 * VD_E_INVALID (and *ppv = NULL) when the configured libsqlvdi.so cannot be loaded. */
HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext, REFIID riid,
                         LPVOID *ppv);

/* No COM runtime to start on Linux: both are no-ops kept for source compatibility. */
inline HRESULT CoInitializeEx(LPVOID /*pvReserved*/, DWORD /*dwCoInit*/)
{
    return S_OK;
}
inline HRESULT CoInitialize(LPVOID /*pvReserved*/)
{
    return S_OK;
}
inline void CoUninitialize() {}
