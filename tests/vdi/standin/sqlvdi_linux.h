#pragma once

// The class declarations Microsoft publishes for libsqlvdi.so (SQL Server on Linux,
// sql-server-samples/samples/features/sqlvdi-linux/vdi.h), retyped from their documented
// shape: two plain classes holding one opaque pointer each, int results, char* names,
// time_t millisecond timeouts. Compiling them gives the same Itanium-mangled symbols as the
// real library exports, which is what our dlopen loader resolves.

#include <cstdint>
#include <ctime>

extern "C" {

#pragma pack(push, 8)
struct VDConfig {
    uint32_t deviceCount, features, prefixZoneSize, alignment, softFileMarkBlockSize,
        EOMWarningSize, serverTimeOut, blockSize, maxIODepth, maxTransferSize, bufferAreaSize;
};

struct VDC_Command {
    int32_t commandCode;
    int32_t size;
    int64_t position;
    uint8_t *buffer;
};
#pragma pack(pop)

class CVDS;
class CVD;
class ClientVirtualDeviceSet;

class ClientVirtualDevice {
public:
    ClientVirtualDevice();
    ~ClientVirtualDevice();
    int GetCommand(time_t timeOut, VDC_Command **ppCmd);
    int CompleteCommand(VDC_Command *pCmd, int completionCode, unsigned long bytesTransferred,
                        int64_t position);

private:
    CVD *cvd;
    friend class ClientVirtualDeviceSet;
};

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
}
