// Microsoft's Linux SDK class ClientVirtualDeviceSet, exported under the SDK's symbols and
// carried by our providers (native by default; Microsoft's library when the environment asks).
#include <vds/vdi/linuxsdk_p.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <vds/vdi/commandtrace_p.h>

/// Marks Virtual Device Studio's own libsqlvdi.so: the loader of Microsoft's library refuses
/// a library exporting it, so VDS_SQLVDI_PATH cannot make the drop-in load itself.
extern "C" __attribute__((visibility("default"))) const char vds_sqlvdi_dropin[] =
    "Virtual Device Studio libsqlvdi.so";

using namespace vds::vdi;

namespace {
int rc(const vds::Expected<void> &r)
{
    return r ? 0 : hresultOf(r.error());
}

Config toConfig(const VDConfig &v)
{
    return Config{
        v.deviceCount,    v.features,      v.prefixZoneSize, v.alignment,  v.softFileMarkBlockSize,
        v.EOMWarningSize, v.serverTimeOut, v.blockSize,      v.maxIODepth, v.maxTransferSize,
        v.bufferAreaSize};
}

VDConfig fromConfig(const Config &c)
{
    return VDConfig{
        c.deviceCount,    c.features,      c.prefixZoneSize, c.alignment,  c.softFileMarkBlockSize,
        c.eomWarningSize, c.serverTimeOut, c.blockSize,      c.maxIoDepth, c.maxTransferSize,
        c.bufferAreaSize};
}
static_assert(sizeof(VDConfig) == sizeof(Config));

/// Every call but the constructor goes through here: a set that could not be made answers
/// with the reason it failed.
int unusable(const CVDS *cvds)
{
    return cvds->set ? 0 : (cvds->initError ? cvds->initError : hr::kUnexpected);
}
} // namespace

namespace vds::vdi::linuxsdk {

std::int64_t configurationTimeoutMs(time_t value) noexcept
{
    if (value < 0 || value >= static_cast<time_t>(0xFFFFFFFFu))
        return kInfinite;
    return static_cast<std::int64_t>(value);
}

std::int64_t commandTimeoutMs(time_t value) noexcept
{
    if (value < 0 || value >= static_cast<time_t>(0xFFFFFFFFu))
        return kInfinite;
    static const bool milliseconds = [] {
        const char *unit = std::getenv("VDS_VDI_GETCOMMAND_UNIT");
        return unit && std::strcmp(unit, "ms") == 0;
    }();
    return milliseconds ? static_cast<std::int64_t>(value)
                        : static_cast<std::int64_t>(value) * 1000;
}

} // namespace vds::vdi::linuxsdk

ClientVirtualDeviceSet::ClientVirtualDeviceSet() : cvds(new CVDS)
{
    auto options = optionsFromEnvironment();
    if (!options) {
        cvds->initError = hresultOf(options.error());
        cvds->initMessage = options.error().message;
    } else if (auto set = makeClientSet(*options); !set) {
        cvds->initError = hresultOf(set.error());
        cvds->initMessage = set.error().message;
    } else {
        cvds->set = trace::wrapFromEnvironment(std::move(*set));
    }
    if (!cvds->set)
        std::fprintf(stderr, "libsqlvdi (Virtual Device Studio): %s\n", cvds->initMessage.c_str());
}

ClientVirtualDeviceSet::~ClientVirtualDeviceSet()
{
    delete cvds;
}

int ClientVirtualDeviceSet::Create(char *name, VDConfig *cfg)
{
    if (const int bad = unusable(cvds))
        return bad;
    if (!name || !cfg)
        return hr::kInvalid;
    // Microsoft's Linux library has no named instances: the default one.
    return rc(cvds->set->create("", name, toConfig(*cfg)));
}

int ClientVirtualDeviceSet::GetConfiguration(time_t timeout, VDConfig *cfg)
{
    if (const int bad = unusable(cvds))
        return bad;
    if (!cfg)
        return hr::kInvalid;
    auto c = cvds->set->getConfiguration(linuxsdk::configurationTimeoutMs(timeout));
    if (!c)
        return hresultOf(c.error());
    *cfg = fromConfig(*c);
    return 0;
}

int ClientVirtualDeviceSet::OpenDevice(char *name, ClientVirtualDevice **ppVirtualDevice)
{
    if (const int bad = unusable(cvds))
        return bad;
    if (!ppVirtualDevice)
        return hr::kInvalid;
    *ppVirtualDevice = nullptr;
    if (!name)
        return hr::kInvalid;
    auto d = cvds->set->openDevice(name);
    if (!d)
        return hresultOf(d.error());
    std::lock_guard guard(cvds->mutex);
    cvds->devices.push_back(std::make_unique<ClientVirtualDevice>());
    cvds->devices.back()->cvd->device = *d;
    *ppVirtualDevice = cvds->devices.back().get();
    return 0;
}

int ClientVirtualDeviceSet::Close()
{
    if (const int bad = unusable(cvds))
        return bad;
    const int r = rc(cvds->set->close());
    std::lock_guard guard(cvds->mutex);
    cvds->devices.clear(); // device objects die with the set, as the SDK documents
    return r;
}

int ClientVirtualDeviceSet::SignalAbort()
{
    if (const int bad = unusable(cvds))
        return bad;
    return rc(cvds->set->signalAbort());
}

int ClientVirtualDeviceSet::OpenInSecondary(char *setName)
{
    if (const int bad = unusable(cvds))
        return bad;
    if (!setName)
        return hr::kInvalid;
    return rc(cvds->set->openInSecondary("", setName));
}

int ClientVirtualDeviceSet::GetBufferHandle(uint8_t *pBuffer, unsigned int *pBufferHandle)
{
    if (const int bad = unusable(cvds))
        return bad;
    if (!pBufferHandle)
        return hr::kInvalid;
    auto h = cvds->set->bufferHandle(reinterpret_cast<const std::byte *>(pBuffer));
    if (!h)
        return hresultOf(h.error());
    *pBufferHandle = *h;
    return 0;
}

int ClientVirtualDeviceSet::MapBufferHandle(int dwBuffer, uint8_t **ppBuffer)
{
    if (const int bad = unusable(cvds))
        return bad;
    if (!ppBuffer)
        return hr::kInvalid;
    auto p = cvds->set->mapBufferHandle(static_cast<std::uint32_t>(dwBuffer));
    if (!p)
        return hresultOf(p.error());
    *ppBuffer = reinterpret_cast<uint8_t *>(*p);
    return 0;
}

// Undocumented in the SDK; our devices need no bookkeeping when they close.
void ClientVirtualDeviceSet::RegisterDeviceClosed() {}
