#pragma once

#include <QStringList>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <vds/sql/sqlconnection.h>
#include <vds/sql/sqlprogress.h>
#include <vds/sql/sqlstatementrunner.h>
#include <vds/util/error.h>
#include <vds/vdi/clientset.h>

namespace vds::jobs {
class JobContext;
}

namespace vds::backup {

/// What a device's pump does with the server's data commands: a backup stripe consumes what
/// Write carries, a restore stripe fills what Read asks for. Used by one pump thread.
class DeviceEndpoint {
public:
    virtual ~DeviceEndpoint() = default;
    /// Consumes the bytes of a Write command straight from the VDI buffer (zero copy).
    [[nodiscard]] virtual Expected<void> write(std::span<const std::byte> data);
    /// Fills a Read command's buffer; 0 at the end of the stream. An endpoint checks its
    /// stream (hashes) before it reports the end, so a bad stream fails the last read.
    [[nodiscard]] virtual Expected<std::size_t> read(std::span<std::byte> out);
};

/// One BACKUP/RESTORE statement through a VDI set: CreateEx, the statement on its own thread
/// (SqlStatementRunner), GetConfiguration in short slices that notice a statement which failed
/// before opening the set, every device opened, one pump thread per device, cancel as
/// SignalAbort + SQLCancel. Lives on the job's thread for one run(); owns the set and the pump
/// threads, borrows the connection and the endpoints until run() returns.
class VdiTransfer final {
public:
    struct Options {
        vdi::ClientOptions client;
        std::string instance; ///< VDI instance namespace ("" = default instance)
        std::string setName;
        std::vector<std::string> devices;     ///< first = set name
        std::string sql;                      ///< the statement, devices named in it
        int stripeStallSeconds = 15;          ///< per-device stall warning
        std::int64_t configTimeoutMs = 60000; ///< how long the server may take to open the set
    };
    struct Outcome {
        std::optional<Expected<sql::SqlStatementOutcome>> statement;
        std::optional<Error> deviceError; ///< the first failure of an endpoint or a device
        int deviceErrorIndex = -1;
        bool cancelled = false;
        bool cancelTooLate = false; ///< cancel came after the server's success message
        bool configured = false;
        std::vector<sql::SqlProgressEvent> messages; ///< the server's informational messages
        std::vector<std::string> stalls;             ///< "stripe 2 stalled for 15 s" lines
        int serverPercent = 0;                       ///< last STATS percent
        vdi::Config config;
        /// Succeeded: the statement reported 3014/3262 and no device failed.
        [[nodiscard]] bool succeeded() const;
        /// The error to report when not succeeded: ours (disk full, bad stripe) before the
        /// server's (which then only says the device failed), cancellation as Cancelled.
        [[nodiscard]] Error error() const;
    };

    explicit VdiTransfer(Options options);
    VdiTransfer(const VdiTransfer &) = delete;
    VdiTransfer &operator=(const VdiTransfer &) = delete;

    /// Runs the statement to its end. `endpoints` has one entry per device. Progress goes into
    /// `ctx` as values: bytes (total and one channel per device), the server's STATS percent
    /// (setServerPercent), the devices that stopped moving (setStalledChannels) and every
    /// message the server sends, as it arrives (addServerMessage). The phase is the caller's.
    Outcome run(sql::SqlConnection &connection, const std::vector<DeviceEndpoint *> &endpoints,
                jobs::JobContext &ctx);

private:
    void pump(int index, vdi::ClientDevice *device, DeviceEndpoint *endpoint,
              jobs::JobContext &ctx);
    void recordDeviceError(int index, Error error);

    Options m_options;
    std::unique_ptr<vdi::ClientSet> m_set;
    std::mutex m_mutex; ///< guards m_deviceError and m_messages
    std::optional<Error> m_deviceError;
    int m_deviceErrorIndex = -1;
    std::vector<sql::SqlProgressEvent> m_messages;
    std::atomic<int> m_serverPercent{0};
    std::vector<std::atomic<std::int64_t>> m_lastMoved; ///< steady ms per device
    std::vector<std::atomic_bool> m_pumpEnded;
    std::atomic_bool m_aborted{false};
    std::atomic<int> m_pumpsRunning{0};
};

/// The VDI provider for a server: VDS_VDI_PROVIDER=native|sqlvdi forces one; otherwise
/// `@@VERSION` naming vds-sqlsim → native, anything else → Microsoft's libsqlvdi.so
/// (VDS_SQLVDI_PATH or its default path).
[[nodiscard]] vdi::ClientOptions clientOptionsFor(const std::string &serverVersion);

} // namespace vds::backup
