#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <vds/vdi/clientset.h>
#include <vds/vdi/sqlvdilibrary_p.h>

namespace vds::vdi {

class SqlVdiClientDevice;

/// The SqlVdi provider: one ClientVirtualDeviceSet object of Microsoft's libsqlvdi.so behind
/// the idiomatic API. Owns the library object and its device wrappers; set-level calls
/// serialise on m_mutex. The library has no named instances: only the default one.
class SqlVdiClientSet final : public ClientSet {
public:
    explicit SqlVdiClientSet(std::shared_ptr<const sqlvdi::Library> library);
    ~SqlVdiClientSet() override;

    Expected<void> create(std::string_view instance, std::string_view name,
                          const Config &config) override;
    Expected<Config> getConfiguration(std::int64_t timeoutMs) override;
    Expected<ClientDevice *> openDevice(std::string_view name) override;
    Expected<void> close() override;
    Expected<void> signalAbort() override;
    Expected<void> openInSecondary(std::string_view instance, std::string_view name) override;
    Expected<std::uint32_t> bufferHandle(const std::byte *buffer) override;
    Expected<std::byte *> mapBufferHandle(std::uint32_t handle) override;
    [[nodiscard]] std::vector<PeerStatus> peers() const override { return {}; }

private:
    Expected<void> checkInstance(std::string_view instance) const;
    Expected<void> result(int rc, std::string_view what, std::string_view context = {}) const;

    std::shared_ptr<const sqlvdi::Library> m_library;
    /// Storage for Microsoft's object (one pointer in the published declaration; room to spare).
    alignas(16) unsigned char m_object[64] = {};
    std::mutex m_mutex;
    std::unique_ptr<SqlVdiClientDevice> m_devices[kMaxDevices];
};

} // namespace vds::vdi
