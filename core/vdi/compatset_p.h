#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include <vds/compat/vdi.h>
#include <vds/vdi/clientset.h>

namespace vds::vdi {

class CompatDevice;

/// IClientVirtualDeviceSet2 over a ClientSet: UTF-16 to UTF-8, DWORD timeouts to
/// milliseconds (INFINITE → forever), Expected to HRESULT. Created by CoCreateInstance, freed
/// by the last Release. Set calls from any thread.
class CompatSet final : public IClientVirtualDeviceSet2 {
public:
    explicit CompatSet(std::unique_ptr<ClientSet> set) : m_set(std::move(set)) {}
    virtual ~CompatSet();

    using IClientVirtualDeviceSet::Create;
    using IClientVirtualDeviceSet::OpenDevice;
    using IClientVirtualDeviceSet::OpenInSecondary;
    using IClientVirtualDeviceSet2::CreateEx;
    using IClientVirtualDeviceSet2::OpenInSecondaryEx;

    HRESULT QueryInterface(REFIID riid, void **ppvObject) override;
    ULONG AddRef() override { return ++m_refs; }
    ULONG Release() override;

    HRESULT Create(const char16_t *lpName, VDConfig *pCfg) override;
    HRESULT GetConfiguration(DWORD dwTimeOut, VDConfig *pCfg) override;
    HRESULT OpenDevice(const char16_t *lpName, IClientVirtualDevice **ppVirtualDevice) override;
    HRESULT Close() override;
    HRESULT SignalAbort() override;
    HRESULT OpenInSecondary(const char16_t *lpSetName) override;
    HRESULT GetBufferHandle(BYTE *pBuffer, DWORD *pBufferHandle) override;
    HRESULT MapBufferHandle(DWORD dwBuffer, BYTE **ppBuffer) override;
    HRESULT CreateEx(const char16_t *lpInstanceName, const char16_t *lpName,
                     VDConfig *pCfg) override;
    HRESULT OpenInSecondaryEx(const char16_t *lpInstanceName, const char16_t *lpSetName) override;

    /// The timeout a DWORD stands for: INFINITE (and anything ≥ 2^31) waits forever.
    static std::int64_t timeoutMs(DWORD value) noexcept;

private:
    std::unique_ptr<ClientSet> m_set;
    std::atomic<ULONG> m_refs{1};
    std::mutex m_mutex;
    std::vector<std::unique_ptr<CompatDevice>> m_devices;
};

} // namespace vds::vdi
