#pragma once

// Test-side drivers for both ends of a native set: a server "engine" that streams a
// deterministic pattern the way SQL Server does (one thread per device, several buffers in
// flight), and a client pump that answers it. Used by the vdi_* tests, the helper process
// and the benchmark. Plain C++ (no Qt) so the helper and the benchmark stay small.

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <vds/vdi/clientset.h>
#include <vds/vdi/serverset.h>

namespace vdstest {

using namespace vds;
using namespace vds::vdi;

/// The byte at `offset` of device `device`'s stream: cheap, position-dependent, and different
/// per device and per seed, so a lost, duplicated or misrouted block cannot compare equal.
inline void fillPattern(std::byte *dst, std::size_t n, std::uint64_t offset, std::uint32_t device,
                        std::uint32_t seed)
{
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t o = offset + i;
        const std::uint64_t x = (o >> 3) * 0x9E3779B97F4A7C15ull + device * 0x1000193ull + seed;
        dst[i] = static_cast<std::byte>((x >> (8 * (o & 7))) ^ (x >> 61));
    }
}

inline bool checkPattern(const std::byte *src, std::size_t n, std::uint64_t offset,
                         std::uint32_t device, std::uint32_t seed)
{
    std::vector<std::byte> want(n);
    fillPattern(want.data(), n, offset, device, seed);
    return std::memcmp(src, want.data(), n) == 0;
}

enum class Direction { Backup, Restore };

struct StreamSpec {
    std::string instance = "";
    std::string name;
    Direction direction = Direction::Backup;
    std::uint32_t devices = 1;
    std::uint64_t bytesPerDevice = 1 << 20;
    std::uint32_t transfer = 64 * 1024;
    std::uint32_t buffersPerDevice = 4;
    std::uint32_t seed = 1;
    bool verify = true;           ///< check every byte against the pattern
    std::int64_t abortAfter = -1; ///< server: SignalAbort after this many bytes on device 0
};

struct StreamResult {
    bool ok = false;
    std::string error;
    std::uint64_t bytes = 0;
    bool sawAbort = false;
};

/// Server half: open (retrying until the client created the set), configure, open every
/// device, stream, close. Backup: Write × n then Flush. Restore: Read until the client
/// reports ERROR_HANDLE_EOF, then ClearError (the IO-ERROR protocol), then close.
inline StreamResult runServer(const StreamSpec &spec, std::int64_t openTimeoutMs = 10000)
{
    StreamResult result;
    ServerSet set;
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        auto opened = set.open(spec.instance, spec.name);
        if (opened)
            break;
        if (std::chrono::steady_clock::now() - start > std::chrono::milliseconds(openTimeoutMs)) {
            result.error = "open: " + opened.error().toString();
            return result;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    auto fail = [&](const std::string &what, const vds::Error &e) {
        result.error = what + ": " + e.toString();
        result.sawAbort = hresultOf(e) == hr::kAbort;
        return result;
    };
    if (auto r = set.beginConfiguration(
            {spec.direction == Direction::Backup ? feature::kWriteMedia : feature::kReadMedia, 0,
             512, spec.transfer});
        !r)
        return fail("begin", r.error());
    if (auto r = set.requestBuffers(spec.transfer, 0, spec.buffersPerDevice * spec.devices); !r)
        return fail("request", r.error());
    if (auto r = set.endConfiguration(); !r)
        return fail("end", r.error());
    std::vector<ServerDevice *> devices;
    for (std::uint32_t i = 0; i < spec.devices; ++i) {
        auto d = set.openDevice(i == 0 ? spec.name : spec.name + "#" + std::to_string(i));
        if (!d)
            return fail("openDevice", d.error());
        devices.push_back(*d);
    }
    std::vector<std::string> errors(spec.devices);
    std::vector<std::uint64_t> moved(spec.devices, 0);
    std::atomic<bool> aborted{false};
    auto pump = [&](std::uint32_t index) {
        ServerDevice &dev = *devices[index];
        std::vector<Buffer> buffers;
        for (std::uint32_t b = 0; b < spec.buffersPerDevice; ++b) {
            auto buf = set.allocateBuffer(spec.transfer);
            if (!buf) {
                errors[index] = "allocate: " + buf.error().toString();
                return;
            }
            buffers.push_back(*buf);
        }
        std::uint64_t sent = 0, done = 0;
        std::uint32_t inFlight = 0;
        bool eof = false, abortSent = false;
        std::vector<std::uint64_t> offsets(buffers.size());
        auto send = [&](std::uint32_t slot) -> bool {
            const std::uint64_t n =
                std::min<std::uint64_t>(spec.transfer, spec.bytesPerDevice - sent);
            const bool backup = spec.direction == Direction::Backup;
            if (backup && n == 0)
                return false;
            if (!backup && eof)
                return false;
            const std::uint32_t size = backup ? static_cast<std::uint32_t>(n) : spec.transfer;
            if (backup && spec.verify)
                fillPattern(buffers[slot].data, size, sent, index, spec.seed);
            offsets[slot] = sent;
            auto id = dev.sendCommand(
                {backup ? command::kWrite : command::kRead, size, 0, buffers[slot].data, slot});
            if (!id && !backup && hresultOf(id.error()) == hr::kIoError) {
                // The client has already reported EOF on an earlier Read we have not reaped
                // yet: the device is in IO-ERROR, so stop reading.
                eof = true;
                return false;
            }
            if (!id) {
                errors[index] = "send: " + id.error().toString();
                aborted = aborted || hresultOf(id.error()) == hr::kAbort;
                return false;
            }
            sent += size;
            ++inFlight;
            return true;
        };
        for (std::uint32_t b = 0; b < buffers.size(); ++b)
            if (!send(b))
                break;
        while (inFlight > 0 && errors[index].empty()) {
            auto c = dev.waitCompletion(kInfinite);
            if (!c) {
                errors[index] = "wait: " + c.error().toString();
                aborted = aborted || hresultOf(c.error()) == hr::kAbort;
                break;
            }
            --inFlight;
            const auto slot = static_cast<std::uint32_t>(c->context);
            if (c->completionCode == win32::kOperationAborted) {
                aborted = true;
                continue;
            }
            if (spec.direction == Direction::Restore && c->completionCode == win32::kHandleEof) {
                eof = true;
            } else if (c->completionCode == win32::kIoDevice && eof) {
                continue; // queued after the EOF, failed unseen by the IO-ERROR rule
            } else if (c->completionCode != win32::kSuccess) {
                errors[index] = "completion code " + std::to_string(c->completionCode);
                break;
            }
            if (spec.direction == Direction::Restore && spec.verify && c->bytesTransferred &&
                !checkPattern(buffers[slot].data, c->bytesTransferred, offsets[slot], index,
                              spec.seed)) {
                errors[index] = "restore data mismatch at " + std::to_string(offsets[slot]);
                break;
            }
            done += c->bytesTransferred;
            moved[index] = done;
            if (index == 0 && spec.abortAfter >= 0 && !abortSent &&
                done >= static_cast<std::uint64_t>(spec.abortAfter)) {
                abortSent = true;
                (void)set.signalAbort();
            }
            if (!eof)
                send(slot);
        }
        if (!errors[index].empty() || aborted)
            return;
        auto fin = dev.execute(
            {spec.direction == Direction::Backup ? command::kFlush : command::kClearError, 0, 0,
             nullptr, 0});
        if (!fin || fin->completionCode != win32::kSuccess) {
            errors[index] = fin ? "final command failed" : "final: " + fin.error().toString();
            aborted = aborted || (!fin && hresultOf(fin.error()) == hr::kAbort);
            return;
        }
        if (auto r = dev.closeDevice(); !r)
            errors[index] = "close: " + r.error().toString();
    };
    std::vector<std::thread> threads;
    for (std::uint32_t i = 0; i < spec.devices; ++i)
        threads.emplace_back(pump, i);
    for (auto &t : threads)
        t.join();
    (void)set.close();
    for (std::uint32_t i = 0; i < spec.devices; ++i) {
        result.bytes += moved[i];
        if (!errors[i].empty() && result.error.empty())
            result.error = "device " + std::to_string(i) + ": " + errors[i];
    }
    result.sawAbort = aborted;
    result.ok = result.error.empty() && !aborted;
    return result;
}

/// Client half for one device: answers commands until VD_E_CLOSE. Backup: checks every Write
/// against the pattern. Restore: fills Reads from the pattern and reports EOF at the end.
inline StreamResult pumpDevice(ClientDevice &dev, const StreamSpec &spec, std::uint32_t index,
                               std::int64_t abortAfter = -1, ClientSet *abortSet = nullptr)
{
    StreamResult r;
    std::uint64_t offset = 0;
    for (;;) {
        auto cmd = dev.getCommand(20000);
        if (!cmd) {
            const auto code = hresultOf(cmd.error());
            r.ok = code == hr::kClose;
            r.sawAbort = code == hr::kAbort;
            if (!r.ok)
                r.error = cmd.error().toString();
            r.bytes = offset;
            return r;
        }
        Command &c = **cmd;
        std::uint32_t code = win32::kSuccess;
        std::uint64_t bytes = 0;
        switch (c.commandCode) {
        case command::kWrite:
            if (spec.verify && !checkPattern(c.buffer, c.size, offset, index, spec.seed)) {
                r.error = "backup data mismatch at " + std::to_string(offset);
                (void)dev.completeCommand(&c, win32::kIoDevice, 0, 0);
                return r;
            }
            offset += c.size;
            bytes = c.size;
            break;
        case command::kRead: {
            const std::uint64_t n = std::min<std::uint64_t>(c.size, spec.bytesPerDevice - offset);
            if (spec.verify)
                fillPattern(c.buffer, n, offset, index, spec.seed);
            offset += n;
            bytes = n;
            if (n < c.size)
                code = win32::kHandleEof;
            break;
        }
        case command::kFlush:
        case command::kClearError: break;
        default: code = win32::kNotSupported;
        }
        if (auto done = dev.completeCommand(&c, code, bytes, 0); !done) {
            r.sawAbort = hresultOf(done.error()) == hr::kAbort;
            r.error = done.error().toString();
            r.bytes = offset;
            return r;
        }
        if (abortSet && abortAfter >= 0 && offset >= static_cast<std::uint64_t>(abortAfter)) {
            (void)abortSet->signalAbort();
            abortAfter = -1;
        }
    }
}

/// Client half for a whole set in this process: GetConfiguration, open every device,
/// one pump thread per device. Returns the first failure.
inline StreamResult runClientDevices(ClientSet &set, const StreamSpec &spec,
                                     std::int64_t clientAbortAfter = -1)
{
    StreamResult result;
    auto cfg = set.getConfiguration(20000);
    if (!cfg) {
        result.error = "GetConfiguration: " + cfg.error().toString();
        result.sawAbort = hresultOf(cfg.error()) == hr::kAbort;
        return result;
    }
    std::vector<ClientDevice *> devices;
    for (std::uint32_t i = 0; i < spec.devices; ++i) {
        auto d = set.openDevice(i == 0 ? spec.name : spec.name + "#" + std::to_string(i));
        if (!d) {
            result.error = "OpenDevice: " + d.error().toString();
            return result;
        }
        devices.push_back(*d);
    }
    std::vector<StreamResult> results(spec.devices);
    std::vector<std::thread> threads;
    for (std::uint32_t i = 0; i < spec.devices; ++i)
        threads.emplace_back([&, i] {
            results[i] = pumpDevice(*devices[i], spec, i, i == 0 ? clientAbortAfter : -1,
                                    i == 0 ? &set : nullptr);
        });
    for (auto &t : threads)
        t.join();
    result.ok = true;
    for (auto &r : results) {
        result.bytes += r.bytes;
        result.sawAbort = result.sawAbort || r.sawAbort;
        if (!r.ok) {
            result.ok = false;
            if (result.error.empty())
                result.error = r.error;
        }
    }
    return result;
}

} // namespace vdstest
