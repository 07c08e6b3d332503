#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vds::sqlsim {

/// One end of a backup stripe on the server's side: a virtual device (the client's VDI
/// device) or a file on the simulator's machine (BACKUP … TO DISK). The stream code
/// (backupengine.cpp, restoreengine.cpp) writes and reads every stripe through this interface,
/// so a file holds exactly the bytes the same backup would have sent through VDI. Owned by its
/// StripeSet; used by one device thread at a time. Failures are reported to the operation's
/// TransferState by the implementation, which then returns false / nullopt.
class StripeDevice {
public:
    virtual ~StripeDevice() = default;

    /// The name SQL Server's messages use: the VDI device name or the file path as written.
    [[nodiscard]] virtual const std::string &name() const = 0;

    /// Backup: hands over one transfer (at most maxTransfer bytes, a multiple of the block
    /// size). May return before the bytes reached their destination.
    virtual bool write(std::span<const std::uint8_t> bytes) = 0;
    /// Backup: waits for every write, then makes the stripe durable (VDI Flush and, when the
    /// client asked for it, Complete; fsync for a file).
    virtual bool finish() = 0;

    struct Chunk {
        std::span<const std::uint8_t> bytes; ///< valid until the next read()
        bool end = false;                    ///< the stripe has no more data
    };
    /// Restore: the next transfer of the stripe.
    virtual std::optional<Chunk> read() = 0;

    /// Ends the device's part (a normal end or after a failure). Idempotent.
    virtual void close() = 0;
};

/// Every stripe of one BACKUP or RESTORE and the transfer geometry they share. Owned by the
/// connection thread that runs the statement; the devices are handed to one thread each.
class StripeSet {
public:
    virtual ~StripeSet() = default;

    [[nodiscard]] std::size_t size() const { return devices.size(); }
    [[nodiscard]] StripeDevice &device(std::size_t i) const { return *devices[i]; }

    /// Stops the operation on the peer's side too (VDI: SignalAbort, so the client sees
    /// VD_E_ABORT). Any thread.
    virtual void signalAbort() = 0;
    /// Closes every device and the set; after success, failure or abort. Connection thread.
    virtual void close() = 0;
    /// Backup, after every device finished and the statement succeeded: the stripes become
    /// visible under their final names (files); nothing to do for VDI.
    virtual bool commit() { return true; }

    std::vector<std::unique_ptr<StripeDevice>> devices;
    std::uint32_t blockSize = 512;
    std::uint32_t maxTransfer = 64 * 1024;
};

} // namespace vds::sqlsim
