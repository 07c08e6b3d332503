#include "backupengine.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "backupstream.h"
#include "diskstripes.h"
#include "replystream.h"
#include "transfer.h"
#include "vdistripes.h"

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

/// One stripe's share: encode header + pages + end into transfer-sized writes, then make the
/// stripe durable and close the device. The same bytes whatever the device (VDI or file).
void backupDevice(StripeSet &set, std::size_t index, StripeHeader header,
                  std::vector<PageRef> pages, const std::vector<int> &fds, TransferState &state,
                  unsigned slowMs, PageMap *hashes)
{
    StripeDevice &dev = set.device(index);
    const std::uint32_t chunk = set.maxTransfer;
    std::vector<std::uint8_t> out;
    out.reserve(chunk * 2);
    header.stripeIndex = static_cast<std::uint16_t>(index);
    backupformat::writeHeader(out, header);
    // Consecutive pages of one file are read with one pread (the server reads extents, not
    // pages): per-page system calls would cost the simulator more than the transfer itself.
    constexpr std::size_t kReadPages = 64;
    std::vector<std::uint8_t> pageRun(kReadPages * kPageSize);
    std::size_t runFirst = 0, runCount = 0; // pages[runFirst, runFirst + runCount) in pageRun
    std::size_t runBytes = 0;               // bytes pread returned for the run
    std::size_t next = 0;
    std::size_t sent = 0; // bytes of `out` already handed to the device
    bool ended = false;
    bool ok = true;

    auto send = [&](std::size_t n) -> bool {
        if (state.stop.load())
            return false;
        if (slowMs)
            std::this_thread::sleep_for(std::chrono::milliseconds(slowMs));
        state.holdForFault();
        state.holdIfStalled(index);
        if (state.stop.load())
            return false;
        if (!dev.write(std::span(out).subspan(sent, n)))
            return false;
        sent += n;
        return true;
    };

    while (ok && !ended) {
        out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(sent));
        sent = 0;
        while (out.size() < chunk && next < pages.size()) {
            if (next >= runFirst + runCount) {
                runFirst = next;
                runCount = 1;
                while (runCount < kReadPages && runFirst + runCount < pages.size() &&
                       pages[runFirst + runCount].file == pages[runFirst].file &&
                       pages[runFirst + runCount].page == pages[runFirst].page + runCount)
                    ++runCount;
                const PageRef &first = pages[runFirst];
                // Until the run is in or the file ends: a read may return less than asked
                // before the end (signals, network filesystems).
                runBytes = 0;
                const std::size_t want = runCount * kPageSize;
                while (runBytes < want) {
                    const ssize_t got =
                        ::pread(fds[first.file], pageRun.data() + runBytes, want - runBytes,
                                static_cast<off_t>(first.page * kPageSize + runBytes));
                    if (got < 0 && errno == EINTR)
                        continue;
                    if (got <= 0) {
                        if (got < 0) {
                            state.fail({3201, 1, 16,
                                        "Read of database file " +
                                            header.files[first.file].physicalName +
                                            " failed: " + std::strerror(errno),
                                        1});
                            ok = false;
                        }
                        break;
                    }
                    runBytes += static_cast<std::size_t>(got);
                }
                if (!ok)
                    break;
            }
            const PageRef &p = pages[next];
            const std::size_t at = (next - runFirst) * kPageSize;
            ++next;
            // Fewer bytes than the run: the file ends inside this page (or before it).
            const std::size_t n =
                runBytes > at ? std::min<std::size_t>(kPageSize, runBytes - at) : 0;
            const std::uint8_t *page = pageRun.data() + at;
            if (hashes) // each page belongs to one stripe: no two threads write one slot
                (*hashes)[p.file][p.page] = DatabaseStore::pageHash(page, n);
            backupformat::writePage(out, p.file, p.page, std::span(page, n));
        }
        if (!ok)
            break;
        if (next == pages.size() && out.size() < chunk) {
            backupformat::writeEnd(out, pages.size(), nowMs());
            // Pad to the block size: every transfer is a multiple of BLOCKSIZE.
            const std::size_t rem = out.size() % set.blockSize;
            if (rem)
                out.resize(out.size() + set.blockSize - rem, 0);
            ended = true;
        }
        while (ok && (out.size() - sent >= chunk || (ended && sent < out.size())))
            ok = send(std::min<std::size_t>(chunk, out.size() - sent));
    }
    if (ok)
        ok = dev.finish();
    if (!ok)
        state.stop = true;
    dev.close();
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
    // A full backup reads every page anyway: its change map is hashed by the device threads
    // while the pages stream, not in a pass of its own before the data moves.
    const bool full = !s.differential && !isLog;
    SimResult<PageMap> hashes = PageMap{};
    if (full) {
        for (const SimFile &f : db.files) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(f.path, ec);
            hashes->emplace_back(ec ? 0 : (size + kPageSize - 1) / kPageSize, 0);
        }
    } else {
        hashes = DatabaseStore::hashPages(db);
    }
    if (!hashes) {
        reply.info(hashes.error());
        return StatementOutcome::Failed;
    }
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
    TransferState state;
    auto giveUp = [&] { return stop.load() || reply.attention(); };
    auto opened = s.media == BackupStatement::Media::Disk
                      ? openDiskFiles(options, s, true, state)
                      : openVirtualDevices(options, s, true, state, giveUp);
    if (!opened) {
        if (reply.attention())
            return StatementOutcome::Attention;
        reply.info(opened.error());
        return StatementOutcome::Failed;
    }
    StripeSet &set = **opened;

    header.backupId =
        std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32);
    header.type = full ? 1 : (s.differential ? 2 : 3);
    header.copyOnly = s.copyOnly;
    header.checksum = s.checksum;
    header.stripeCount = static_cast<std::uint16_t>(set.size());
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
    const std::size_t n = set.size();
    const std::size_t run = std::max<std::size_t>(1, set.maxTransfer / kPageSize);
    std::vector<std::vector<PageRef>> share(n);
    for (std::size_t i = 0; i < pages.size(); ++i)
        share[(i / run) % n].push_back(pages[i]);

    state.bytesTotal = std::max<std::uint64_t>(1, pages.size() * (kPageSize + 19) + n * 512);
    state.running = static_cast<int>(n);
    state.faultPercent = faultPercent(options, true);
    state.stall = options.fault(FaultSpec::Kind::Stall);
    const auto slow = options.fault(FaultSpec::Kind::Slow);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < n; ++i)
        threads.emplace_back(backupDevice, std::ref(set), i, header, std::move(share[i]),
                             std::cref(fds), std::ref(state), slow ? slow->value : 0u,
                             // A copy-only backup leaves the change maps as they were.
                             full && !s.copyOnly ? &*hashes : nullptr);
    unsigned lastPercent = 0;
    StatementOutcome outcome = monitorTransfer(options, s, set, state, reply, stop, lastPercent);
    for (auto &t : threads)
        t.join();
    if (outcome == StatementOutcome::Done && !state.failure() && !set.commit())
        state.fail({3202, 1, 16,
                    "Write on \"" + s.devices.front() + "\" failed: " + std::strerror(errno), 1});
    set.close();
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
    record.differentialBaseLsn = s.differential ? header.databaseBackupLsn : 0;
    record.bytes = pages.size() * kPageSize;
    record.copyOnly = s.copyOnly;
    record.description = s.description;
    // A differential moves no base: the log chain continues from the last full or log backup,
    // so full + logs restore without the differential, as on SQL Server. Copy-only moves none.
    if (!s.copyOnly && !s.differential) {
        if (full)
            store.saveMap(db.id, "full", *hashes);
        store.saveMap(db.id, "log", *hashes);
    }
    store.recordBackup(record, full && !s.copyOnly, !s.copyOnly && !s.differential);
    char rate[96];
    std::snprintf(rate, sizeof rate, " pages in %.3f seconds (%.3f MB/sec).", secs,
                  static_cast<double>(pages.size()) * kPageSize / 1048576.0 / secs);
    reply.info({3014, 1, 0,
                s.verb() + " successfully processed " + std::to_string(pages.size()) + rate, 1});
    return StatementOutcome::Done;
}

} // namespace vds::sqlsim
