#pragma once

#include <atomic>

#include <vds/compat/vdi.h>
#include <vds/vdi/clientdevice.h>

namespace vds::vdi {

/// IClientVirtualDevice over a ClientDevice. Owned by its CompatSet (AddRef/Release count
/// but never free: the set's Close invalidates it, as on Windows). One thread at a time.
class CompatDevice final : public IClientVirtualDevice {
public:
    explicit CompatDevice(ClientDevice &device) : m_device(device) {}
    virtual ~CompatDevice() = default;

    HRESULT QueryInterface(REFIID riid, void **ppvObject) override;
    ULONG AddRef() override { return ++m_refs; }
    ULONG Release() override { return m_refs > 0 ? --m_refs : 0; }
    HRESULT GetCommand(DWORD dwTimeOut, VDC_Command **ppCmd) override;
    HRESULT CompleteCommand(VDC_Command *pCmd, DWORD dwCompletionCode, DWORD dwBytesTransferred,
                            DWORDLONG dwlPosition) override;

private:
    static constexpr int kMirror = 64;
    ClientDevice &m_device;
    std::atomic<ULONG> m_refs{1};
    VDC_Command m_commands[kMirror] = {};
    Command *m_sources[kMirror] = {};
};

} // namespace vds::vdi
