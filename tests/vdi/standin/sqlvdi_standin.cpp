// A stand-in libsqlvdi.so: Microsoft's Linux class declarations implemented over our native
// provider, so the SqlVdi loader can be tested end to end where no SQL Server can run.
// It records how it was driven in env-visible counters only through its behaviour; the test
// checks the data that crosses it and the errors it forwards.
#include <vds/compat/linux/vdi.h>

#include <memory>
#include <string>
#include <vector>

#include <vds/vdi/clientset.h>

using namespace vds::vdi;

class CVDS {
public:
    std::unique_ptr<ClientSet> set;
    std::vector<std::unique_ptr<ClientVirtualDevice>> devices;
};

class CVD {
public:
    ClientDevice *device = nullptr;
    VDC_Command commands[64] = {};
    Command *sources[64] = {};
};

namespace {
int rc(const vds::Expected<void> &r)
{
    return r ? 0 : hresultOf(r.error());
}
} // namespace

ClientVirtualDevice::ClientVirtualDevice() : cvd(new CVD) {}
ClientVirtualDevice::~ClientVirtualDevice()
{
    delete cvd;
}

int ClientVirtualDevice::GetCommand(time_t timeOut, VDC_Command **ppCmd)
{
    auto cmd = cvd->device->getCommand(static_cast<std::int64_t>(timeOut));
    if (!cmd)
        return hresultOf(cmd.error());
    for (int i = 0; i < 64; ++i)
        if (!cvd->sources[i]) {
            cvd->sources[i] = *cmd;
            cvd->commands[i] = {static_cast<int32_t>((*cmd)->commandCode),
                                static_cast<int32_t>((*cmd)->size),
                                static_cast<int64_t>((*cmd)->position),
                                reinterpret_cast<uint8_t *>((*cmd)->buffer)};
            *ppCmd = &cvd->commands[i];
            return 0;
        }
    return hr::kUnexpected;
}

int ClientVirtualDevice::CompleteCommand(VDC_Command *pCmd, int completionCode,
                                         unsigned long bytesTransferred, int64_t position)
{
    const auto i = pCmd - cvd->commands;
    if (i < 0 || i >= 64 || !cvd->sources[i])
        return hr::kInvalid;
    Command *source = cvd->sources[i];
    cvd->sources[i] = nullptr;
    return rc(cvd->device->completeCommand(source, static_cast<std::uint32_t>(completionCode),
                                           bytesTransferred, static_cast<std::uint64_t>(position)));
}

ClientVirtualDeviceSet::ClientVirtualDeviceSet() : cvds(new CVDS)
{
    auto s = makeClientSet();
    if (s)
        cvds->set = std::move(*s);
}

ClientVirtualDeviceSet::~ClientVirtualDeviceSet()
{
    delete cvds;
}

int ClientVirtualDeviceSet::Create(char *name, VDConfig *cfg)
{
    Config c{cfg->deviceCount,
             cfg->features,
             cfg->prefixZoneSize,
             cfg->alignment,
             cfg->softFileMarkBlockSize,
             cfg->EOMWarningSize,
             cfg->serverTimeOut,
             cfg->blockSize,
             cfg->maxIODepth,
             cfg->maxTransferSize,
             cfg->bufferAreaSize};
    // Microsoft's library has no instances: the default one.
    return rc(cvds->set->create("", name, c));
}

int ClientVirtualDeviceSet::GetConfiguration(time_t timeout, VDConfig *cfg)
{
    auto c = cvds->set->getConfiguration(static_cast<std::int64_t>(timeout));
    if (!c)
        return hresultOf(c.error());
    *cfg = {c->deviceCount,
            c->features,
            c->prefixZoneSize,
            c->alignment,
            c->softFileMarkBlockSize,
            c->eomWarningSize,
            c->serverTimeOut,
            c->blockSize,
            c->maxIoDepth,
            c->maxTransferSize,
            c->bufferAreaSize};
    return 0;
}

int ClientVirtualDeviceSet::OpenDevice(char *name, ClientVirtualDevice **ppVirtualDevice)
{
    *ppVirtualDevice = nullptr;
    auto d = cvds->set->openDevice(name);
    if (!d)
        return hresultOf(d.error());
    cvds->devices.push_back(std::make_unique<ClientVirtualDevice>());
    cvds->devices.back()->cvd->device = *d;
    *ppVirtualDevice = cvds->devices.back().get();
    return 0;
}

int ClientVirtualDeviceSet::Close()
{
    const int r = rc(cvds->set->close());
    cvds->devices.clear();
    return r;
}

int ClientVirtualDeviceSet::SignalAbort()
{
    return rc(cvds->set->signalAbort());
}

int ClientVirtualDeviceSet::OpenInSecondary(char *setName)
{
    return rc(cvds->set->openInSecondary("", setName));
}

int ClientVirtualDeviceSet::GetBufferHandle(uint8_t *pBuffer, unsigned int *pBufferHandle)
{
    auto h = cvds->set->bufferHandle(reinterpret_cast<const std::byte *>(pBuffer));
    if (!h)
        return hresultOf(h.error());
    *pBufferHandle = *h;
    return 0;
}

int ClientVirtualDeviceSet::MapBufferHandle(int dwBuffer, uint8_t **ppBuffer)
{
    auto p = cvds->set->mapBufferHandle(static_cast<std::uint32_t>(dwBuffer));
    if (!p)
        return hresultOf(p.error());
    *ppBuffer = reinterpret_cast<uint8_t *>(*p);
    return 0;
}

void ClientVirtualDeviceSet::RegisterDeviceClosed() {}
