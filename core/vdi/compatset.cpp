#include <vds/vdi/compatset_p.h>

#include <cstdlib>
#include <cstring>

#include <vds/vdi/commandtrace_p.h>
#include <vds/vdi/compatdevice_p.h>
#include <vds/vdi/utf16_p.h>

namespace vds::vdi {

namespace {
HRESULT toHresult(const Expected<void> &r)
{
    return r ? S_OK : hresultOf(r.error());
}

static_assert(sizeof(Config) == sizeof(VDConfig));

Config toConfig(const VDConfig &v)
{
    return Config{
        v.deviceCount,    v.features,      v.prefixZoneSize, v.alignment,  v.softFileMarkBlockSize,
        v.EOMWarningSize, v.serverTimeOut, v.blockSize,      v.maxIODepth, v.maxTransferSize,
        v.bufferAreaSize};
}

void fromConfig(const Config &c, VDConfig &v)
{
    v = VDConfig{
        c.deviceCount,    c.features,      c.prefixZoneSize, c.alignment,  c.softFileMarkBlockSize,
        c.eomWarningSize, c.serverTimeOut, c.blockSize,      c.maxIoDepth, c.maxTransferSize,
        c.bufferAreaSize};
}

/// The instance of the deprecated calls: _VIRTUAL_SERVER_NAME_, else the default instance.
std::string legacyInstance()
{
    const char *env = std::getenv("_VIRTUAL_SERVER_NAME_");
    return env ? env : "";
}
} // namespace

CompatSet::~CompatSet() = default;

std::int64_t CompatSet::timeoutMs(DWORD value) noexcept
{
    return value >= 0x80000000u ? kInfinite : static_cast<std::int64_t>(value);
}

HRESULT CompatSet::QueryInterface(REFIID riid, void **ppvObject)
{
    if (!ppvObject)
        return E_POINTER;
    if (riid == IID_IUnknown || riid == IID_IClientVirtualDeviceSet ||
        riid == IID_IClientVirtualDeviceSet2) {
        *ppvObject = static_cast<IClientVirtualDeviceSet2 *>(this);
        AddRef();
        return S_OK;
    }
    *ppvObject = nullptr;
    return E_NOINTERFACE;
}

ULONG CompatSet::Release()
{
    const ULONG left = --m_refs;
    if (left == 0)
        delete this;
    return left;
}

HRESULT CompatSet::Create(const char16_t *lpName, VDConfig *pCfg)
{
    const auto name = utf16ToUtf8(lpName);
    if (!name || !pCfg)
        return VD_E_INVALID;
    return toHresult(m_set->create(legacyInstance(), *name, toConfig(*pCfg)));
}

HRESULT CompatSet::CreateEx(const char16_t *lpInstanceName, const char16_t *lpName, VDConfig *pCfg)
{
    const auto instance = utf16ToUtf8(lpInstanceName);
    const auto name = utf16ToUtf8(lpName);
    if (!instance || !name || !pCfg)
        return VD_E_INVALID;
    return toHresult(m_set->create(*instance, *name, toConfig(*pCfg)));
}

HRESULT CompatSet::GetConfiguration(DWORD dwTimeOut, VDConfig *pCfg)
{
    if (!pCfg)
        return VD_E_INVALID;
    auto cfg = m_set->getConfiguration(timeoutMs(dwTimeOut));
    if (!cfg)
        return hresultOf(cfg.error());
    fromConfig(*cfg, *pCfg);
    return S_OK;
}

HRESULT CompatSet::OpenDevice(const char16_t *lpName, IClientVirtualDevice **ppVirtualDevice)
{
    if (!ppVirtualDevice)
        return VD_E_INVALID;
    *ppVirtualDevice = nullptr;
    const auto name = utf16ToUtf8(lpName);
    if (!name)
        return VD_E_INVALID;
    auto device = m_set->openDevice(*name);
    if (!device)
        return hresultOf(device.error());
    std::lock_guard guard(m_mutex);
    m_devices.push_back(std::make_unique<CompatDevice>(**device));
    *ppVirtualDevice = m_devices.back().get();
    return S_OK;
}

HRESULT CompatSet::Close()
{
    const HRESULT hr = toHresult(m_set->close());
    std::lock_guard guard(m_mutex);
    m_devices.clear(); // device objects die with the set, as Microsoft documents
    return hr;
}

HRESULT CompatSet::SignalAbort()
{
    return toHresult(m_set->signalAbort());
}

HRESULT CompatSet::OpenInSecondary(const char16_t *lpSetName)
{
    const auto name = utf16ToUtf8(lpSetName);
    if (!name)
        return VD_E_INVALID;
    return toHresult(m_set->openInSecondary(legacyInstance(), *name));
}

HRESULT CompatSet::OpenInSecondaryEx(const char16_t *lpInstanceName, const char16_t *lpSetName)
{
    const auto instance = utf16ToUtf8(lpInstanceName);
    const auto name = utf16ToUtf8(lpSetName);
    if (!instance || !name)
        return VD_E_INVALID;
    return toHresult(m_set->openInSecondary(*instance, *name));
}

HRESULT CompatSet::GetBufferHandle(BYTE *pBuffer, DWORD *pBufferHandle)
{
    if (!pBufferHandle)
        return VD_E_INVALID;
    auto handle = m_set->bufferHandle(reinterpret_cast<const std::byte *>(pBuffer));
    if (!handle)
        return hresultOf(handle.error());
    *pBufferHandle = *handle;
    return S_OK;
}

HRESULT CompatSet::MapBufferHandle(DWORD dwBuffer, BYTE **ppBuffer)
{
    if (!ppBuffer)
        return VD_E_INVALID;
    auto p = m_set->mapBufferHandle(dwBuffer);
    if (!p)
        return hresultOf(p.error());
    *ppBuffer = reinterpret_cast<BYTE *>(*p);
    return S_OK;
}

HRESULT CompatDevice::QueryInterface(REFIID riid, void **ppvObject)
{
    if (!ppvObject)
        return E_POINTER;
    if (riid == IID_IUnknown || riid == IID_IClientVirtualDevice) {
        *ppvObject = static_cast<IClientVirtualDevice *>(this);
        AddRef();
        return S_OK;
    }
    *ppvObject = nullptr;
    return E_NOINTERFACE;
}

HRESULT CompatDevice::GetCommand(DWORD dwTimeOut, VDC_Command **ppCmd)
{
    if (!ppCmd)
        return VD_E_INVALID;
    *ppCmd = nullptr;
    auto cmd = m_device.getCommand(CompatSet::timeoutMs(dwTimeOut));
    if (!cmd)
        return hresultOf(cmd.error());
    for (int i = 0; i < kMirror; ++i) {
        if (m_sources[i])
            continue;
        m_sources[i] = *cmd;
        m_commands[i] = {(*cmd)->commandCode, (*cmd)->size, (*cmd)->position,
                         reinterpret_cast<std::uint8_t *>((*cmd)->buffer)};
        *ppCmd = &m_commands[i];
        return S_OK;
    }
    return VD_E_UNEXPECTED;
}

HRESULT CompatDevice::CompleteCommand(VDC_Command *pCmd, DWORD dwCompletionCode,
                                      DWORD dwBytesTransferred, DWORDLONG dwlPosition)
{
    if (pCmd < m_commands || pCmd >= m_commands + kMirror || !m_sources[pCmd - m_commands])
        return VD_E_INVALID;
    const auto i = pCmd - m_commands;
    Command *source = m_sources[i];
    m_sources[i] = nullptr;
    return toHresult(
        m_device.completeCommand(source, dwCompletionCode, dwBytesTransferred, dwlPosition));
}

} // namespace vds::vdi

HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD /*dwClsContext*/, REFIID riid,
                         LPVOID *ppv)
{
    using namespace vds::vdi;
    if (!ppv)
        return E_POINTER;
    *ppv = nullptr;
    if (pUnkOuter)
        return CLASS_E_NOAGGREGATION;
    if (!(rclsid == CLSID_MSSQL_ClientVirtualDeviceSet))
        return REGDB_E_CLASSNOTREG;
    if (!(riid == IID_IUnknown || riid == IID_IClientVirtualDeviceSet ||
          riid == IID_IClientVirtualDeviceSet2))
        return E_NOINTERFACE;
    auto options = optionsFromEnvironment();
    if (!options)
        return hresultOf(options.error());
    auto set = makeClientSet(*options);
    if (!set)
        return hresultOf(set.error());
    auto *object = new CompatSet(trace::wrapFromEnvironment(std::move(*set)));
    *ppv = static_cast<IClientVirtualDeviceSet2 *>(object);
    return S_OK;
}
