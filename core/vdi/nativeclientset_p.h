#pragma once

#include <sys/types.h>

#include <memory>
#include <mutex>
#include <string>

#include <vds/vdi/clientset.h>

namespace vds::vdi {

class SharedSet;
class NativeClientDevice;

/// The native provider's client set: the client state machine (docs/vdi-protocol.md, "Client
/// states") over a SharedSet. Set-level calls serialise on m_mutex (any thread); owns its
/// devices.
class NativeClientSet final : public ClientSet {
public:
    explicit NativeClientSet(const ClientOptions &options);
    ~NativeClientSet() override;

    Expected<void> create(std::string_view instance, std::string_view name,
                          const Config &config) override;
    Expected<Config> getConfiguration(std::int64_t timeoutMs) override;
    Expected<ClientDevice *> openDevice(std::string_view name) override;
    Expected<void> close() override;
    Expected<void> signalAbort() override;
    Expected<void> openInSecondary(std::string_view instance, std::string_view name) override;
    Expected<std::uint32_t> bufferHandle(const std::byte *buffer) override;
    Expected<std::byte *> mapBufferHandle(std::uint32_t handle) override;
    [[nodiscard]] std::vector<PeerStatus> peers() const override;

    enum class State : std::uint8_t { Dne, Configurable, Initializing, Active, Aborted };

    /// Called by a device that saw VD_E_ABORT, so set-level calls report it too.
    void noteAborted();

    /// The group the set is shared with (ClientOptions::serverGroup resolved).
    static Expected<gid_t> resolveGroup(const std::string &group);

private:
    Expected<void> closeLocked();

    ClientOptions m_options;
    mutable std::mutex m_mutex;
    State m_state = State::Dne;
    bool m_primary = false;
    std::shared_ptr<SharedSet> m_shared; ///< shared: a wait keeps it alive across close()
    std::unique_ptr<NativeClientDevice> m_devices[kMaxDevices];
};

} // namespace vds::vdi
