#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <vds/vdi/clientset.h>
#include <vds/vdi/commandtrace_p.h>

namespace vds::vdi::trace {

/// A ClientDevice that forwards to another and writes a trace line per completed command.
/// Owned by its TracingClientSet; one thread at a time, like the device it wraps.
class TracingClientDevice final : public ClientDevice {
public:
    TracingClientDevice(ClientDevice &inner, std::shared_ptr<File> file, const std::string &set)
        : m_inner(inner), m_file(std::move(file)), m_set(set)
    {}
    Expected<Command *> getCommand(std::int64_t timeoutMs) override;
    Expected<void> completeCommand(Command *command, std::uint32_t completionCode,
                                   std::uint64_t bytes, std::uint64_t position) override;
    [[nodiscard]] const std::string &name() const noexcept override { return m_inner.name(); }
    /// Writes the commands still outstanding (completion null): the set is ending.
    void flushOutstanding();

private:
    struct Pending {
        Command *command = nullptr;
        Command copy; ///< fields as delivered (the client may scribble on its copy)
        std::chrono::steady_clock::time_point delivered;
        std::int64_t deliveredUnixUs = 0;
    };
    ClientDevice &m_inner;
    std::shared_ptr<File> m_file;
    const std::string &m_set;
    std::vector<Pending> m_pending;
};

/// A ClientSet that forwards every call and hands out tracing devices. Owns the set it wraps.
/// Set calls from any thread (serialised here for the device list).
class TracingClientSet final : public ClientSet {
public:
    TracingClientSet(std::unique_ptr<ClientSet> inner, std::shared_ptr<File> file)
        : m_inner(std::move(inner)), m_file(std::move(file))
    {}
    ~TracingClientSet() override;
    Expected<void> create(std::string_view instance, std::string_view name,
                          const Config &config) override;
    Expected<Config> getConfiguration(std::int64_t timeoutMs) override;
    Expected<ClientDevice *> openDevice(std::string_view name) override;
    Expected<void> close() override;
    Expected<void> signalAbort() override;
    Expected<void> openInSecondary(std::string_view instance, std::string_view name) override;
    Expected<std::uint32_t> bufferHandle(const std::byte *buffer) override;
    Expected<std::byte *> mapBufferHandle(std::uint32_t handle) override;
    [[nodiscard]] std::vector<PeerStatus> peers() const override { return m_inner->peers(); }

private:
    std::unique_ptr<ClientSet> m_inner;
    std::shared_ptr<File> m_file;
    std::string m_name;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<TracingClientDevice>> m_devices;
};

} // namespace vds::vdi::trace
