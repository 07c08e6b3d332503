#include "backupengine.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "backupstream.h"
#include "replystream.h"
#include "transfer.h"

namespace vds::sqlsim {

namespace {

using Clock = std::chrono::steady_clock;

struct PageRef {
    std::uint16_t file;
    std::uint64_t page;
};

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// One device's share: encode header + pages + end, send Write commands through its buffers,
/// then Flush (and Complete when negotiated) and close the device.
void backupDevice(OpenedSet &opened, std::size_t index, StripeHeader header,
                  std::vector<PageRef> pages, const std::vector<int> &fds, TransferState &state,
                  unsigned slowMs, std::optional<FaultSpec> stall)
{
    vdi::ServerDevice &dev = *opened.devices[index];
    const std::uint32_t chunk = opened.maxTransfer;
    std::vector<vdi::Buffer> &buffers = opened.buffers[index];
    std::vector<bool> busy(buffers.size(), false);
    std::vector<std::uint8_t> out;
    out.reserve(chunk * 2);
    header.stripeIndex = static_cast<std::uint16_t>(index);
    backupformat::writeHeader(out, header);
    std::vector<std::uint8_t> page(kPageSize);
    std::size_t next = 0;
    bool ended = false;
    bool ok = true;

    auto reap = [&]() -> bool {
        auto c = awaitCompletion(dev, state, opened.serverTimeoutMs, true);
        if (!c) {
            state.fail(c.error());
            return false;
        }
        busy[static_cast<std::size_t>(c->context)] = false;
        if (c->completionCode != win32::kSuccess) {
            state.fail({3202, 1, 16,
                        "Write on \"" + dev.name() + "\" failed: " + win32Text(c->completionCode),
                        1});
            return false;
        }
        state.bytesDone += c->bytesTransferred;
        return true;
    };
    // Written as a loop rather than recursion: find a free buffer, reaping completions as needed.
    auto send = [&](std::size_t n) -> bool {
        for (;;) {
            if (state.stop.load())
                return false;
            std::size_t slot = buffers.size();
            for (std::size_t i = 0; i < buffers.size() && slot == buffers.size(); ++i)
                if (!busy[i])
                    slot = i;
            if (slot == buffers.size()) {
                if (!reap())
                    return false;
                continue;
            }
            if (slowMs)
                std::this_thread::sleep_for(std::chrono::milliseconds(slowMs));
            state.holdForFault();
            // stall:<device>:<percent>: this device stops moving, the others go on.
            while (stall && stall->device == index && !state.stop.load() &&
                   state.percent() >= stall->value)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            if (state.stop.load())
                return false;
            std::memcpy(buffers[slot].data, out.data(), n);
            auto id = dev.sendCommand(
                {vdi::command::kWrite, static_cast<std::uint32_t>(n), 0, buffers[slot].data, slot});
            if (!id) {
                const auto hr = vdi::hresultOf(id.error());
                if (hr == vdi::hr::kIoError) {
                    // The client failed an earlier Write: report its completion code, not ours.
                    while (std::find(busy.begin(), busy.end(), true) != busy.end())
                        if (!reap())
                            return false;
                }
                state.fail(hr == vdi::hr::kAbort
                               ? ServerMessage{3204, 1, 16, "The backup or restore was aborted.", 1}
                               : ServerMessage{3202, 1, 16,
                                               "Write on \"" + dev.name() +
                                                   "\" failed: " + vdi::hresultName(hr),
                                               1});
                return false;
            }
            busy[slot] = true;
            out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n));
            return true;
        }
    };

    while (ok && !ended) {
        while (out.size() < chunk && next < pages.size()) {
            const PageRef &p = pages[next++];
            const ssize_t got = ::pread(fds[p.file], page.data(), kPageSize,
                                        static_cast<off_t>(p.page * kPageSize));
            if (got < 0) {
                state.fail({3201, 1, 16,
                            "Read of database file " + header.files[p.file].physicalName +
                                " failed: " + std::strerror(errno),
                            1});
                ok = false;
                break;
            }
            backupformat::writePage(out, p.file, p.page,
                                    std::span(page.data(), static_cast<std::size_t>(got)));
        }
        if (!ok)
            break;
        if (next == pages.size() && out.size() < chunk) {
            backupformat::writeEnd(out, pages.size(), nowMs());
            // Pad to the block size: every transfer is a multiple of BLOCKSIZE.
            const std::size_t rem = out.size() % opened.blockSize;
            if (rem)
                out.resize(out.size() + opened.blockSize - rem, 0);
            ended = true;
        }
        while (ok && (out.size() >= chunk || (ended && !out.empty())))
            ok = send(std::min<std::size_t>(chunk, out.size()));
    }
    while (ok && std::find(busy.begin(), busy.end(), true) != busy.end())
        ok = reap();
    if (ok) {
        auto f = dev.execute({vdi::command::kFlush, 0, 0, nullptr, 0}, -1);
        if (!f || f->completionCode != win32::kSuccess) {
            state.fail({3202, 1, 16,
                        "Write on \"" + dev.name() + "\" failed: " +
                            (f ? win32Text(f->completionCode) : std::string("flush")),
                        1});
            ok = false;
        }
    }
    if (ok && opened.completeEnabled) {
        auto c = dev.execute({vdi::command::kComplete, 0, 0, nullptr, 0}, -1);
        if (!c || c->completionCode != win32::kSuccess) {
            state.fail({3202, 1, 16,
                        "Write on \"" + dev.name() +
                            "\" failed: the client did not "
                            "complete the backup.",
                        1});
            ok = false;
        }
    }
    if (!ok)
        state.stop = true;
    (void)dev.closeDevice();
    --state.running;
}

} // namespace

StatementOutcome runBackup(const SimOptions &options, DatabaseStore &store,
                           const std::atomic_bool &stop, const BackupStatement &s,
                           const SessionInfo &session, ReplyStream &reply)
{
    (void)session;
    const auto found = store.find(s.database);
    if (!found) {
        const std::string u = upper(s.database);
        if (u == "MASTER" || u == "MSDB" || u == "MODEL" || u == "TEMPDB") {
            reply.info({3147, 1, 16,
                        "vds-sqlsim does not back up system database '" + s.database + "'.", 1});
            return StatementOutcome::Failed;
        }
        reply.info({911, 1, 16,
                    "Database '" + s.database +
                        "' does not exist. Make sure that the name is entered correctly.",
                    1});
        return StatementOutcome::Failed;
    }
    SimDatabase db = *found;
    if (db.state != "ONLINE") {
        reply.info({954, 1, 16,
                    "The database \"" + db.name +
                        "\" cannot be opened. It is acting as a "
                        "mirror database or is in the RESTORING state.",
                    1});
        return StatementOutcome::Failed;
    }
    const bool isLog = s.action == BackupStatement::Action::BackupLog;
    if (s.differential && (db.fullBaseLsn == 0 || s.copyOnly)) {
        reply.info({3035, 1, 16,
                    "Cannot perform a differential backup for database \"" + db.name +
                        "\", because a current database backup does not exist. Perform a full "
                        "database backup by reissuing BACKUP DATABASE, omitting the WITH "
                        "DIFFERENTIAL option.",
                    1});
        return StatementOutcome::Failed;
    }
    if (isLog && db.logBaseLsn == 0) {
        reply.info({4214, 1, 16,
                    "BACKUP LOG cannot be performed because there is no current database backup.",
                    1});
        return StatementOutcome::Failed;
    }
    if (!store.tryLock(db.name)) {
        reply.info(
            {3023, 1, 16,
             "Backup, file manipulation operations (such as ALTER DATABASE ADD FILE) "
             "and encryption changes on a database must be serialized. Reissue the "
             "statement after the current backup or file manipulation operation is completed.",
             1});
        return StatementOutcome::Failed;
    }
    struct Unlock {
        DatabaseStore &store;
        std::string name;
        ~Unlock() { store.unlock(name); }
    } unlock{store, db.name};

    // Which pages: all for a full backup; for DIFFERENTIAL those that differ from the last full
    // backup's map, for LOG those that differ from the last backup in the chain.
    auto hashes = DatabaseStore::hashPages(db);
    if (!hashes) {
        reply.info(hashes.error());
        return StatementOutcome::Failed;
    }
    const bool full = !s.differential && !isLog;
    const PageMap base = full ? PageMap{} : store.loadMap(db.id, s.differential ? "full" : "log");
    std::vector<PageRef> pages;
    StripeHeader header;
    for (std::size_t f = 0; f < db.files.size(); ++f) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(db.files[f].path, ec);
        header.files.push_back(
            {db.files[f].logicalName, db.files[f].path.string(), db.files[f].log, ec ? 0 : size});
        for (std::size_t p = 0; p < (*hashes)[f].size(); ++p) {
            const bool changed =
                full || f >= base.size() || p >= base[f].size() || base[f][p] != (*hashes)[f][p];
            if (changed)
                pages.push_back({static_cast<std::uint16_t>(f), p});
        }
    }
    std::vector<int> fds;
    struct Fds {
        std::vector<int> &fds;
        ~Fds()
        {
            for (int fd : fds)
                if (fd >= 0)
                    ::close(fd);
        }
    } closeFds{fds};
    for (const SimFile &f : db.files) {
        fds.push_back(::open(f.path.c_str(), O_RDONLY | O_CLOEXEC));
        if (fds.back() < 0) {
            reply.info({3201, 1, 16,
                        "Cannot open file '" + f.path.string() + "': " + std::strerror(errno), 1});
            return StatementOutcome::Failed;
        }
    }

    const auto started = Clock::now();
    const auto startedWall = std::chrono::system_clock::now();
    auto opened = openDeviceSet(options, s, true, [&] { return stop.load() || reply.attention(); });
    if (!opened) {
        if (reply.attention())
            return StatementOutcome::Attention;
        reply.info(opened.error());
        return StatementOutcome::Failed;
    }
    OpenedSet &set = **opened;

    header.backupId =
        std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32);
    header.type = full ? 1 : (s.differential ? 2 : 3);
    header.copyOnly = s.copyOnly;
    header.checksum = s.checksum;
    header.stripeCount = static_cast<std::uint16_t>(set.devices.size());
    header.lastLsn = store.nextLsn();
    header.firstLsn = isLog ? db.logBaseLsn : header.lastLsn - 1000;
    header.databaseBackupLsn = db.fullBaseLsn;
    header.startedMs = nowMs();
    header.totalPages = pages.size();
    header.pageSize = kPageSize;
    header.database = db.name;
    header.description = s.description;

    // Pages go to the stripes in transfer-sized runs, round robin, as SQL Server spreads its
    // buffers over the devices.
    const std::size_t n = set.devices.size();
    const std::size_t run = std::max<std::size_t>(1, set.maxTransfer / kPageSize);
    std::vector<std::vector<PageRef>> share(n);
    for (std::size_t i = 0; i < pages.size(); ++i)
        share[(i / run) % n].push_back(pages[i]);

    TransferState state;
    state.bytesTotal = std::max<std::uint64_t>(1, pages.size() * (kPageSize + 19) + n * 512);
    state.running = static_cast<int>(n);
    state.faultPercent = faultPercent(options, true);
    const auto slow = options.fault(FaultSpec::Kind::Slow);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < n; ++i)
        threads.emplace_back(backupDevice, std::ref(set), i, header, std::move(share[i]),
                             std::cref(fds), std::ref(state), slow ? slow->value : 0u,
                             options.fault(FaultSpec::Kind::Stall));
    unsigned lastPercent = 0;
    StatementOutcome outcome = monitorTransfer(options, s, set, state, reply, stop, lastPercent);
    for (auto &t : threads)
        t.join();
    closeDeviceSet(set);
    if (outcome == StatementOutcome::Done && state.failure())
        outcome = StatementOutcome::Failed;
    if (outcome != StatementOutcome::Done) {
        if (outcome == StatementOutcome::Failed)
            reply.info(state.failure().value_or(
                ServerMessage{3204, 1, 16, "The backup or restore was aborted.", 1}));
        return outcome;
    }

    if (s.stats && lastPercent < 100)
        reply.progress({3211, 1, 0, "100 percent processed.", 1});
    const double secs =
        std::max(0.001, std::chrono::duration<double>(Clock::now() - started).count());
    for (std::size_t f = 0; f < db.files.size(); ++f) {
        std::uint64_t count = 0;
        for (const PageRef &p : pages)
            count += p.file == f;
        reply.info({4035, 1, 0,
                    "Processed " + std::to_string(count) + " pages for database '" + db.name +
                        "', file '" + db.files[f].logicalName + "' on file 1.",
                    1});
    }
    BackupRecord record;
    record.database = db.name;
    record.type = full ? 'D' : (s.differential ? 'I' : 'L');
    record.started = startedWall;
    record.finished = std::chrono::system_clock::now();
    record.firstLsn = header.firstLsn;
    record.lastLsn = header.lastLsn;
    record.databaseBackupLsn = header.databaseBackupLsn;
    record.bytes = pages.size() * kPageSize;
    record.copyOnly = s.copyOnly;
    record.description = s.description;
    if (!s.copyOnly) {
        if (full)
            store.saveMap(db.id, "full", *hashes);
        store.saveMap(db.id, "log", *hashes);
    }
    store.recordBackup(record, full && !s.copyOnly, !s.copyOnly);
    char rate[96];
    std::snprintf(rate, sizeof rate, " pages in %.3f seconds (%.3f MB/sec).", secs,
                  static_cast<double>(pages.size()) * kPageSize / 1048576.0 / secs);
    reply.info({3014, 1, 0,
                s.verb() + " successfully processed " + std::to_string(pages.size()) + rate, 1});
    return StatementOutcome::Done;
}

} // namespace vds::sqlsim
