#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "backupstatement.h"
#include "simerror.h"
#include "simoptions.h"
#include "statementoutcome.h"
#include "stripedevice.h"
#include <vds/vdi/serverset.h>

namespace vds::sqlsim {

class ReplyStream;

/// State shared by the device threads of one BACKUP/RESTORE and the connection thread that
/// watches them: byte counters, the stop flag and the first failure. Thread-safe.
struct TransferState {
    std::atomic<std::uint64_t> bytesDone{0};
    std::atomic<std::uint64_t> bytesTotal{1};
    std::atomic_bool stop{false}; ///< device threads finish their current command and end
    std::atomic<int> running{0};  ///< device threads still running

    /// Percent at which a fault fires (abort, drop-connection, write/read error), if any.
    std::optional<unsigned> faultPercent;

    [[nodiscard]] unsigned percent() const;
    /// Called by device threads before each transfer: once the fault's percentage is reached,
    /// wait until the connection thread has fired it, so a fast transfer cannot finish before
    /// the fault lands (the fault always hits mid-stream).
    void holdForFault() const;

    /// The stall fault: device `stall->device` (from 1) stops moving once the stream reaches
    /// `stall->value` percent, until the operation stops; the other devices go on.
    std::optional<FaultSpec> stall;
    /// Called by device thread `index` (from 0) before each transfer.
    void holdIfStalled(std::size_t index) const;

    /// The first failure wins; later ones (consequences) are dropped.
    void fail(ServerMessage message);
    [[nodiscard]] std::optional<ServerMessage> failure() const;

private:
    mutable std::mutex m_mutex;
    std::optional<ServerMessage> m_failure;
};

/// The server's side of one operation: the opened, configured set and a buffer pool per
/// device. Owned by the connection thread; devices are handed to one thread each.
struct OpenedSet {
    vdi::ServerSet set;
    std::vector<vdi::ServerDevice *> devices;
    std::vector<std::vector<vdi::Buffer>> buffers; ///< per device
    std::uint32_t blockSize = 512;
    std::uint32_t maxTransfer = 64 * 1024;
    std::uint32_t serverTimeoutMs = 0; ///< 0 = none (the client's serverTimeOut)
    bool completeEnabled = false;
};

/// VDI internals behind openVirtualDevices (vdistripes.h).
/// Opens the client's set like SQL Server: waits (up to --open-timeout) for it to appear,
/// honours BLOCKSIZE/MAXTRANSFERSIZE/BUFFERCOUNT, opens every device. A failure is the 3201
/// message (the caller adds 3013). `giveUp` is polled while waiting (attention, stop).
SimResult<std::unique_ptr<OpenedSet>> openDeviceSet(const SimOptions &options,
                                                    const BackupStatement &statement, bool backup,
                                                    const std::function<bool()> &giveUp);

/// Waits for one completion of `device` in short slices so a stop or abort is noticed; turns
/// VDI failures into SQL Server's messages (3204 abort, 3229 timeout, 3202/3203 I/O).
SimResult<vdi::Completion> awaitCompletion(vdi::ServerDevice &device, TransferState &state,
                                           std::uint32_t serverTimeoutMs, bool backup);

/// The connection thread's side while device threads run: STATS progress (INFO + DONE(MORE)),
/// attention, server stop, and the percent-based faults. Returns when every device thread has
/// ended (joined by the caller) with the outcome to report.
StatementOutcome monitorTransfer(const SimOptions &options, const BackupStatement &statement,
                                 StripeSet &set, TransferState &state, ReplyStream &reply,
                                 const std::atomic_bool &serverStop, unsigned &lastPercent);

/// The lowest percentage at which a switched-on fault fires for this direction, if any.
std::optional<unsigned> faultPercent(const SimOptions &options, bool backup);

/// Closes every device and the set (after a failure or an abort as well).
void closeDeviceSet(OpenedSet &opened);

std::string win32Text(std::uint32_t code);

} // namespace vds::sqlsim
