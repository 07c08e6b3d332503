#include "transfer.h"

#include <chrono>
#include <thread>

#include "replystream.h"

namespace vds::sqlsim {

namespace {
using Clock = std::chrono::steady_clock;
}

void TransferState::fail(ServerMessage message)
{
    std::lock_guard lock(m_mutex);
    if (!m_failure)
        m_failure = std::move(message);
    stop = true;
}

unsigned TransferState::percent() const
{
    return static_cast<unsigned>(std::min<std::uint64_t>(
        100, bytesDone.load() * 100 / std::max<std::uint64_t>(bytesTotal.load(), 1)));
}

void TransferState::holdForFault() const
{
    if (!faultPercent)
        return;
    while (!stop.load() && percent() >= *faultPercent)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

std::optional<ServerMessage> TransferState::failure() const
{
    std::lock_guard lock(m_mutex);
    return m_failure;
}

std::string win32Text(std::uint32_t code)
{
    switch (code) {
    case win32::kHandleEof: return "38(Reached the end of the file.)";
    case win32::kDiskFull: return "112(There is not enough space on the disk.)";
    case win32::kOperationAborted:
        return "995(The I/O operation has been aborted because of either a thread exit or an "
               "application request.)";
    case win32::kIoDevice:
        return "1117(The request could not be performed because of an I/O device error.)";
    case win32::kNotSupported: return "50(The request is not supported.)";
    default: return std::to_string(code) + "(failed to complete the request.)";
    }
}

SimResult<std::unique_ptr<OpenedSet>> openDeviceSet(const SimOptions &options,
                                                    const BackupStatement &s, bool backup,
                                                    const std::function<bool()> &giveUp)
{
    auto opened = std::make_unique<OpenedSet>();
    const std::string &name = s.devices.front();
    auto cannotOpen = [&](const std::string &why) {
        return sqlError(3201, "Cannot open backup device '" + name + "'. Operating system error " +
                                  why + ".");
    };
    const auto deadline = Clock::now() + std::chrono::milliseconds(options.openTimeoutMs);
    if (options.fault(FaultSpec::Kind::NoOpen)) {
        // The fault plays a client that never created its set: SQL Server waits, then gives up.
        while (Clock::now() < deadline && !giveUp())
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return cannotOpen("0x80770003(failed to open the virtual device set: the client did "
                          "not open it in time)");
    }
    const std::string instance = options.instance.value_or("");
    for (;;) {
        auto r = opened->set.open(instance, name);
        if (r)
            break;
        const auto hr = vdi::hresultOf(r.error());
        const bool retry = r.error().category == ErrorCategory::NotFound || hr == vdi::hr::kInvalid;
        if (!retry || Clock::now() >= deadline || giveUp())
            return cannotOpen(vdi::hresultName(hr) + "(" + r.error().message + ")");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto client = opened->set.clientConfiguration();
    if (!client)
        return cannotOpen(vdi::hresultName(vdi::hresultOf(client.error())));
    if (client->deviceCount != s.devices.size()) {
        opened->set.signalAbort();
        opened->set.close();
        return sqlError(3261,
                        "SQL Server cannot use the virtual device configuration: the set has " +
                            std::to_string(client->deviceCount) + " devices, the statement names " +
                            std::to_string(s.devices.size()) + ".");
    }
    opened->blockSize = s.blockSize ? s.blockSize : 512;
    opened->maxTransfer = s.maxTransferSize ? s.maxTransferSize : 64 * 1024;
    opened->serverTimeoutMs = client->serverTimeOut;
    vdi::ServerConfiguration cfg;
    cfg.blockSize = opened->blockSize;
    cfg.maxTransferSize = opened->maxTransfer;
    cfg.alignment = client->alignment >= opened->blockSize ? client->alignment : 0;
    cfg.features = (backup ? vdi::feature::kWriteMedia : vdi::feature::kReadMedia);
    if (client->features & vdi::feature::kRequestComplete) {
        cfg.features |= vdi::feature::kCompleteEnabled;
        opened->completeEnabled = backup;
    }
    const std::uint32_t n = client->deviceCount;
    // BUFFERCOUNT buffers are shared by all devices; each device needs at least one.
    const std::uint32_t total = std::max<std::uint32_t>(s.bufferCount ? s.bufferCount : 2 * n, n);
    auto configured = opened->set.beginConfiguration(cfg);
    if (configured)
        configured = opened->set.requestBuffers(opened->maxTransfer, 0, total);
    if (configured)
        configured = opened->set.endConfiguration();
    if (!configured) {
        opened->set.signalAbort();
        opened->set.close();
        return sqlError(3261, "SQL Server cannot use the virtual device configuration (" +
                                  configured.error().message + ").");
    }
    opened->buffers.resize(n);
    for (std::uint32_t i = 0; i < total; ++i) {
        auto b = opened->set.allocateBuffer(opened->maxTransfer, 0);
        if (!b)
            break;
        opened->buffers[i % n].push_back(*b);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        auto dev = opened->set.openDevice(s.devices[i]);
        if (!dev || opened->buffers[i].empty()) {
            opened->set.signalAbort();
            opened->set.close();
            return sqlError(3201, "Cannot open backup device '" + s.devices[i] +
                                      "'. Operating system error " +
                                      (dev ? std::string("0x8077000a(no buffer)")
                                           : vdi::hresultName(vdi::hresultOf(dev.error()))) +
                                      ".");
        }
        opened->devices.push_back(*dev);
    }
    return opened;
}

SimResult<vdi::Completion> awaitCompletion(vdi::ServerDevice &device, TransferState &state,
                                           std::uint32_t serverTimeoutMs, bool backup)
{
    const auto start = Clock::now();
    for (;;) {
        auto c = device.waitCompletion(200);
        if (c) {
            if (c->completionCode == win32::kOperationAborted)
                return sqlError(3204, "The backup or restore was aborted.");
            return *c;
        }
        const auto hr = vdi::hresultOf(c.error());
        if (hr == vdi::hr::kAbort)
            return sqlError(3204, "The backup or restore was aborted.");
        if (hr != vdi::hr::kTimeout)
            return sqlError(backup ? 3202 : 3203,
                            std::string(backup ? "Write on \"" : "Read on \"") + device.name() +
                                "\" failed: " + vdi::hresultName(hr) + "(" + c.error().message +
                                ")");
        // The client's serverTimeOut: two intervals without progress abort
        // (docs/vdi-protocol.md, "Timeouts").
        if (serverTimeoutMs &&
            Clock::now() - start > std::chrono::milliseconds(2ull * serverTimeoutMs))
            return sqlError(3229, "Request for device '" + device.name() + "' timed out.");
        if (state.stop.load() && state.failure())
            return sqlError(3204, "The backup or restore was aborted.");
    }
}

std::optional<unsigned> faultPercent(const SimOptions &options, bool backup)
{
    std::optional<unsigned> at;
    for (const auto kind : {FaultSpec::Kind::Abort, FaultSpec::Kind::DropConnection,
                            backup ? FaultSpec::Kind::WriteError : FaultSpec::Kind::ReadError})
        if (const auto f = options.fault(kind); f && (!at || f->value < *at))
            at = f->value;
    return at;
}

StatementOutcome monitorTransfer(const SimOptions &options, const BackupStatement &s,
                                 OpenedSet &opened, TransferState &state, ReplyStream &reply,
                                 const std::atomic_bool &serverStop, unsigned &lastPercent)
{
    const auto abortAt = options.fault(FaultSpec::Kind::Abort);
    const auto dropAt = options.fault(FaultSpec::Kind::DropConnection);
    const auto ioAt =
        options.fault(s.isBackup() ? FaultSpec::Kind::WriteError : FaultSpec::Kind::ReadError);
    StatementOutcome outcome = StatementOutcome::Done;
    bool finalSeen = false;
    while (state.running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const unsigned pct = state.percent();
        if (finalSeen)
            continue;
        if (reply.attention()) {
            // Cancel: SQL Server aborts the set; the client's waits return VD_E_ABORT.
            opened.set.signalAbort(); // first, so device threads see VD_E_ABORT, not a stop
            state.fail({3204, 1, 16, "The backup or restore was aborted.", 1});
            outcome = StatementOutcome::Attention;
            finalSeen = true;
            continue;
        }
        if (serverStop.load() || reply.peerGone()) {
            opened.set.signalAbort(); // first, so device threads see VD_E_ABORT, not a stop
            state.fail({3204, 1, 16, "The backup or restore was aborted.", 1});
            outcome = reply.peerGone() ? StatementOutcome::Dropped : StatementOutcome::Failed;
            finalSeen = true;
            continue;
        }
        if (dropAt && pct >= dropAt->value) {
            opened.set.signalAbort(); // first, so device threads see VD_E_ABORT, not a stop
            state.fail({3204, 1, 16, "The backup or restore was aborted.", 1});
            reply.drop();
            outcome = StatementOutcome::Dropped;
            finalSeen = true;
            continue;
        }
        if (abortAt && pct >= abortAt->value) {
            opened.set.signalAbort(); // first, so device threads see VD_E_ABORT, not a stop
            state.fail({3204, 1, 16, "The backup or restore was aborted.", 1});
            finalSeen = true;
            continue;
        }
        if (ioAt && pct >= ioAt->value && !state.failure()) {
            const std::string &dev = s.devices.back();
            state.fail(s.isBackup() ? ServerMessage{3202, 1, 16,
                                                    "Write on \"" + dev +
                                                        "\" failed: " + win32Text(win32::kDiskFull),
                                                    1}
                                    : ServerMessage{3203, 1, 16,
                                                    "Read on \"" + dev +
                                                        "\" failed: " + win32Text(win32::kIoDevice),
                                                    1});
            finalSeen = true;
            continue;
        }
        if (s.stats && !state.failure()) {
            // Like SQL Server, report each STATS step once, as it is passed.
            while (lastPercent + s.stats <= pct && lastPercent + s.stats < 100) {
                lastPercent += s.stats;
                if (!reply.progress(
                        {3211, 1, 0, std::to_string(lastPercent) + " percent processed.", 1})) {
                    opened.set.signalAbort();
                    state.fail({3204, 1, 16, "The backup or restore was aborted.", 1});
                    outcome = StatementOutcome::Dropped;
                    finalSeen = true;
                    break;
                }
            }
        }
    }
    if (outcome == StatementOutcome::Done && state.failure())
        outcome = StatementOutcome::Failed;
    return outcome;
}

void closeDeviceSet(OpenedSet &opened)
{
    for (const auto &list : opened.buffers)
        for (const vdi::Buffer &b : list)
            opened.set.freeBuffer(b);
    for (vdi::ServerDevice *d : opened.devices)
        (void)d->closeDevice();
    (void)opened.set.close();
}

} // namespace vds::sqlsim
