#pragma once

// Microsoft SQL Server Virtual Device Interface, client side, as declared by Microsoft's SDK
// for SQL Server on Linux (libsqlvdi.so). Names, values, struct layouts and packing are
// Microsoft's; this text is Virtual Device Studio's. A client written for the SDK compiles
// against it unchanged with only the include path pointing here, and links either
// Virtual Device Studio's library (libvdssqlvdi.so, or the libsqlvdi.so drop-in) or
// Microsoft's. Self-contained: C++20, no other include path, no Qt. Results are `int`
// (0 = NOERROR, VD_E_* from vdierror.h). Timeout units: see core/vdi/README.md of
// Virtual Device Studio ("Linux SDK interface").

#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#pragma pack(push, 8)

// Win32 completion codes a client hands back through CompleteCommand (the subset the SDK
// declares; `L` suffixes as in the SDK, so `%ld`-style printing keeps working).
#ifndef ERROR_SUCCESS
#define ERROR_SUCCESS 0L
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

/// The set's configuration: eleven 32-bit fields (44 bytes). The client fills deviceCount
/// through serverTimeOut; GetConfiguration returns the server's choices in the rest.
struct VDConfig {
    uint32_t deviceCount;
    uint32_t features;
    uint32_t prefixZoneSize;
    uint32_t alignment;
    uint32_t softFileMarkBlockSize;
    uint32_t EOMWarningSize;
    uint32_t serverTimeOut;
    uint32_t blockSize;
    uint32_t maxIODepth;
    uint32_t maxTransferSize;
    uint32_t bufferAreaSize;
};

/// VDConfig.features bits.
enum VDFeatures {
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
    VDF_LatchStats = 0x80000000,
    VDF_LikePipe = 0,
    VDF_LikeTape =
        0x173,           // FileMarks | Removable | Rewind | Position | SkipBlocks | ReversePosition
    VDF_LikeDisk = 0x200 // RandomAccess
};

/// VDC_Command.commandCode values.
enum VDCommands {
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

/// SetPosition's origin (carried in VDC_Command.size) for random-access devices.
enum VDWhence { VDC_Beginning = 0, VDC_Current = 1, VDC_End = 2 };

/// A command as the client receives it (24 bytes on x86-64). `buffer` points into the set's
/// shared buffer area as mapped in this process.
struct VDC_Command {
    int32_t commandCode;
    int32_t size;
    int64_t position;
    uint8_t *buffer;
};

/// A command as the server side sees it (declared by the SDK; clients do not use it).
struct VDS_Command {
    int32_t commandCode;
    int32_t size;
    int64_t inPosition;
    int64_t outPosition;
    uint8_t *buffer;
    uint8_t *completionRoutine;
    uint8_t *completionContext;
    int32_t completionCode;
    int32_t bytesTransferred;
};

class CVDS;
class CVD;
class ClientVirtualDeviceSet;

/// One device of a set. Obtained from ClientVirtualDeviceSet::OpenDevice, owned by the set
/// and invalid after its Close. Use each device from one thread at a time.
class ClientVirtualDevice {
public:
    ClientVirtualDevice();
    ~ClientVirtualDevice();

    /// The next command; VD_E_TIMEOUT, VD_E_CLOSE (normal end), VD_E_ABORT. A negative
    /// timeout waits forever.
    int GetCommand(time_t timeOut, VDC_Command **ppCmd);

    /// Completes `pCmd` with a Win32 code; bytes for Read/Write, position for Get/SetPosition.
    int CompleteCommand(VDC_Command *pCmd, int completionCode, unsigned long bytesTransferred,
                        int64_t position);

private:
    CVD *cvd;
    friend class ClientVirtualDeviceSet;
};

/// A virtual device set: `new ClientVirtualDeviceSet()`, Create (or OpenInSecondary in a
/// second process), GetConfiguration, OpenDevice per device, Close. Set calls may come from
/// any thread.
class ClientVirtualDeviceSet {
public:
    int Create(char *name, VDConfig *cfg);
    int GetConfiguration(time_t timeout, VDConfig *cfg);
    int OpenDevice(char *name, ClientVirtualDevice **ppVirtualDevice);
    int Close();
    int SignalAbort();
    int OpenInSecondary(char *setName);
    int GetBufferHandle(uint8_t *pBuffer, unsigned int *pBufferHandle);
    int MapBufferHandle(int dwBuffer, uint8_t **ppBuffer);
    void RegisterDeviceClosed();

    ClientVirtualDeviceSet();
    ~ClientVirtualDeviceSet();

private:
    CVDS *cvds;
};

#pragma pack(pop)

#ifdef __cplusplus
}
#endif
