#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <vds/util/error.h>
#include <vds/vdi/clientset.h>

namespace vds::test {

/// The test's VDI client: creates a native set, waits for the server's configuration, opens
/// every device and services each on its own thread — storing what BACKUP writes, serving what
/// RESTORE reads — the way the backup pipeline will. Owns its threads; join() or the
/// destructor waits for them.
class VdiClientPump final {
public:
    struct Options {
        int devices = 1;
        std::vector<std::vector<std::byte>> input; ///< restore: one stream per device
        std::uint32_t features = 0;
        std::uint32_t serverTimeOut = 0;
        std::int64_t abortAfterBytes = -1; ///< client-side SignalAbort once this much moved
        std::uint32_t failWriteAfterBytes =
            0; ///< complete a Write with ERROR_DISK_FULL (0 = never)
        std::int64_t stallAfterBytes = -1;
        std::string instance; ///< VDI instance namespace ("" = default) ///< stop taking commands
                              ///< (a hung client) until stop()
    };
    struct DeviceResult {
        std::vector<std::byte> data; ///< what Write commands carried
        std::int32_t endCode = 0;    ///< HRESULT that ended the pump (VD_E_CLOSE = normal end)
        int writes = 0;
        int reads = 0;
        int flushes = 0;
        int completes = 0;
        std::uint32_t largestTransfer = 0;
        bool allMultiplesOfBlock = true;
    };

    VdiClientPump() = default;
    ~VdiClientPump();
    VdiClientPump(const VdiClientPump &) = delete;
    VdiClientPump &operator=(const VdiClientPump &) = delete;

    /// Creates the set "vdstudio-<database>-<uuid>" with `devices` devices.
    Expected<void> create(const std::string &database, const Options &options);
    [[nodiscard]] const std::vector<std::string> &deviceNames() const { return m_names; }
    [[nodiscard]] const std::string &setName() const { return m_names.front(); }

    /// Starts waiting for the server and pumping, on a controller thread.
    void start();
    /// Gives up waiting (the statement failed before the server opened the set).
    void stop() { m_stop = true; }
    /// Waits for every pump; then the set is closed. Returns the close result.
    Expected<void> join();

    [[nodiscard]] const std::vector<DeviceResult> &results() const { return m_results; }
    [[nodiscard]] const vdi::Config &configuration() const { return m_config; }
    [[nodiscard]] bool configured() const { return m_configured; }
    [[nodiscard]] std::int32_t configurationError() const { return m_configError; }

private:
    void control();
    void pump(int index, vdi::ClientDevice *device);

    Options m_options;
    std::unique_ptr<vdi::ClientSet> m_set;
    std::vector<std::string> m_names;
    std::thread m_controller;
    std::vector<DeviceResult> m_results;
    vdi::Config m_config;
    bool m_configured = false;
    std::int32_t m_configError = 0;
    std::atomic_bool m_stop{false};
    std::atomic<std::int64_t> m_moved{0};
    std::atomic_bool m_abortSent{false};
    std::optional<Expected<void>> m_closeResult;
};

} // namespace vds::test
