// vdi_throughput: how fast the native VDI provider moves a backup stream, against a pipe
// carrying the same bytes with the same block size in the same run.
//
//   cmake --build build --target bench_vdi_throughput      (builds and runs with defaults)
//   build/bin/vdi_throughput [--gib N] [--samples N]
//
// VDI case: a forked server process fills shared buffers (memset per transfer) and sends
// Writes; this process, the client, consumes each buffer in place (XOR-folds every 8 bytes)
// and completes it. Pipe case: a forked writer fills a block and write()s it; this process
// read()s it into a block and folds it the same way. Each of N devices/pipes carries 1/N of
// the bytes. The command round trip is one Flush (no data) sent and completed, measured at
// the server over many samples.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "vdi/clientset.h"
#include "vdi/serverset.h"

using namespace vds::vdi;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint32_t kBuffersPerDevice = 4;

std::uint64_t fold(const std::byte *p, std::size_t n)
{
    std::uint64_t acc = 0, w = 0;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        std::memcpy(&w, p + i, 8);
        acc ^= w;
    }
    return acc;
}

std::string instanceName() { return "BENCH" + std::to_string(::getpid() % 1000000); }

[[noreturn]] void serverProcess(const std::string &inst, const std::string &name,
                                std::uint32_t devices, std::uint32_t transfer,
                                std::uint64_t perDevice, std::uint32_t roundTrips)
{
    ServerSet set;
    while (!set.open(inst, name))
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!set.beginConfiguration({feature::WriteMedia, 0, 512, transfer}) ||
        !set.requestBuffers(transfer, 0, kBuffersPerDevice * devices) || !set.endConfiguration())
        std::_Exit(2);
    std::vector<ServerDevice *> devs;
    for (std::uint32_t i = 0; i < devices; ++i)
        devs.push_back(*set.openDevice(i == 0 ? name : name + "#" + std::to_string(i)));
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (std::uint32_t d = 0; d < devices; ++d)
        threads.emplace_back([&, d] {
            ServerDevice &dev = *devs[d];
            if (roundTrips) {
                std::vector<double> us;
                us.reserve(roundTrips);
                for (std::uint32_t i = 0; i < roundTrips; ++i) {
                    const auto t0 = Clock::now();
                    auto c = dev.execute({command::Flush, 0, 0, nullptr, 0});
                    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
                    if (!c)
                        ++failures;
                }
                std::sort(us.begin(), us.end());
                std::printf("command round trip (Flush, %u samples): median %.1f us, p99 %.1f us\n",
                            roundTrips, us[us.size() / 2], us[us.size() * 99 / 100]);
                std::fflush(stdout);
            } else {
                Buffer bufs[kBuffersPerDevice];
                for (auto &b : bufs)
                    b = *set.allocateBuffer(transfer);
                std::uint64_t sent = 0;
                std::uint32_t inFlight = 0, fillByte = 0;
                auto send = [&](std::uint32_t slot) {
                    if (sent >= perDevice)
                        return;
                    std::memset(bufs[slot].data, static_cast<int>(++fillByte & 0xFF), transfer);
                    if (dev.sendCommand({command::Write, transfer, 0, bufs[slot].data, slot}))
                        ++inFlight, sent += transfer;
                    else
                        ++failures;
                };
                for (std::uint32_t s = 0; s < kBuffersPerDevice; ++s)
                    send(s);
                while (inFlight) {
                    auto c = dev.waitCompletion(kInfinite);
                    if (!c || c->completionCode != 0) {
                        ++failures;
                        break;
                    }
                    --inFlight;
                    send(static_cast<std::uint32_t>(c->context));
                }
            }
            (void)dev.closeDevice();
        });
    for (auto &t : threads)
        t.join();
    (void)set.close();
    std::_Exit(failures ? 1 : 0);
}

/// GB/s of one VDI case, or a negative number on failure.
double runVdi(std::uint32_t devices, std::uint32_t transfer, std::uint64_t total,
              std::uint32_t roundTrips = 0)
{
    const std::string inst = instanceName();
    const std::string name = "bench-" + std::to_string(::getpid()) + "-" +
                             std::to_string(devices) + "-" + std::to_string(transfer);
    auto made = makeClientSet();
    if (!made)
        return -1;
    ClientSet &set = **made;
    Config cfg;
    cfg.deviceCount = devices;
    if (!set.create(inst, name, cfg))
        return -1;
    const std::uint64_t perDevice = total / devices / transfer * transfer;
    const pid_t child = ::fork();
    if (child == 0)
        serverProcess(inst, name, devices, transfer, perDevice, roundTrips);
    if (!set.getConfiguration(30000))
        return -1;
    std::vector<ClientDevice *> devs;
    for (std::uint32_t i = 0; i < devices; ++i)
        devs.push_back(*set.openDevice(i == 0 ? name : name + "#" + std::to_string(i)));
    std::atomic<std::uint64_t> bytes{0}, sink{0};
    const auto t0 = Clock::now();
    std::vector<std::thread> threads;
    for (ClientDevice *dev : devs)
        threads.emplace_back([&, dev] {
            std::uint64_t mine = 0, acc = 0;
            for (;;) {
                auto cmd = dev->getCommand(kInfinite);
                if (!cmd)
                    break;
                if ((*cmd)->commandCode == command::Write) {
                    acc ^= fold((*cmd)->buffer, (*cmd)->size); // consume in place
                    mine += (*cmd)->size;
                }
                (void)dev->completeCommand(*cmd, win32::Success, (*cmd)->size, 0);
            }
            bytes += mine;
            sink ^= acc;
        });
    for (auto &t : threads)
        t.join();
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    int status = 0;
    ::waitpid(child, &status, 0);
    (void)set.close();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        (roundTrips == 0 && bytes != perDevice * devices))
        return -1;
    return static_cast<double>(bytes) / secs / 1e9;
}

bool writeAll(int fd, const std::byte *p, std::size_t n)
{
    while (n) {
        const ssize_t w = ::write(fd, p, n);
        if (w <= 0)
            return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

double runPipe(std::uint32_t devices, std::uint32_t transfer, std::uint64_t total)
{
    const std::uint64_t perDevice = total / devices / transfer * transfer;
    std::vector<int> readEnds, writeEnds;
    for (std::uint32_t i = 0; i < devices; ++i) {
        int fds[2];
        if (::pipe(fds) != 0)
            return -1;
        ::fcntl(fds[1], F_SETPIPE_SZ, 1 << 20); // the largest an unprivileged pipe may be
        readEnds.push_back(fds[0]);
        writeEnds.push_back(fds[1]);
    }
    const pid_t child = ::fork();
    if (child == 0) {
        for (int fd : readEnds)
            ::close(fd);
        std::vector<std::thread> writers;
        for (std::uint32_t d = 0; d < devices; ++d)
            writers.emplace_back([&, d] {
                std::vector<std::byte> block(transfer);
                std::uint32_t fillByte = 0;
                for (std::uint64_t sent = 0; sent < perDevice; sent += transfer) {
                    std::memset(block.data(), static_cast<int>(++fillByte & 0xFF), transfer);
                    if (!writeAll(writeEnds[d], block.data(), transfer))
                        std::_Exit(1);
                }
                ::close(writeEnds[d]);
            });
        for (auto &t : writers)
            t.join();
        std::_Exit(0);
    }
    for (int fd : writeEnds)
        ::close(fd);
    std::atomic<std::uint64_t> bytes{0}, sink{0};
    const auto t0 = Clock::now();
    std::vector<std::thread> readers;
    for (std::uint32_t d = 0; d < devices; ++d)
        readers.emplace_back([&, d] {
            std::vector<std::byte> block(transfer);
            std::uint64_t mine = 0, acc = 0;
            for (;;) {
                std::size_t have = 0;
                while (have < transfer) {
                    const ssize_t r = ::read(readEnds[d], block.data() + have, transfer - have);
                    if (r <= 0)
                        break;
                    have += static_cast<std::size_t>(r);
                }
                if (have == 0)
                    break;
                acc ^= fold(block.data(), have);
                mine += have;
            }
            bytes += mine;
            sink ^= acc;
            ::close(readEnds[d]);
        });
    for (auto &t : readers)
        t.join();
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    int status = 0;
    ::waitpid(child, &status, 0);
    if (bytes != perDevice * devices)
        return -1;
    return static_cast<double>(bytes) / secs / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    double gib = 2;
    std::uint32_t samples = 20000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--gib") == 0)
            gib = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--samples") == 0)
            samples = static_cast<std::uint32_t>(std::atoi(argv[i + 1]));
    }
    const auto total = static_cast<std::uint64_t>(gib * (1ull << 30));
    std::printf("vdi_throughput: %.1f GiB per case, %u buffers per device, %u CPUs\n", gib,
                kBuffersPerDevice, std::thread::hardware_concurrency());
    std::printf("%-8s %-9s %10s %10s %7s\n", "devices", "transfer", "vdi GB/s", "pipe GB/s", "ratio");
    bool ok = true;
    for (std::uint32_t devices : {1u, 4u})
        for (std::uint32_t mib : {1u, 4u}) {
            const std::uint32_t transfer = mib << 20;
            const double vdi = runVdi(devices, transfer, total);
            const double pipe = runPipe(devices, transfer, total);
            ok = ok && vdi > 0 && pipe > 0;
            std::printf("%-8u %u MiB     %10.2f %10.2f %6.1fx\n", devices, mib, vdi, pipe,
                        pipe > 0 ? vdi / pipe : 0.0);
            std::fflush(stdout);
        }
    ok = ok && runVdi(1, 1 << 20, 0, samples) >= 0;
    sweepStaleSets();
    return ok ? 0 : 1;
}
