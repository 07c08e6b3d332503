#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "backupengine.h"
#include "backupstream.h"
#include "replystream.h"
#include "transfer.h"

namespace vds::sqlsim {

namespace {

using Clock = std::chrono::steady_clock;

/// Where the device threads meet the connection thread: each deposits its stripe header and
/// waits until the plan (target files) is decided, so no page is written before every check
/// (stripes complete, LSN chain, MOVE, file clashes) has passed.
struct RestorePlan {
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::optional<StripeHeader>> headers;
    std::size_t deposited = 0;
    bool decided = false;
    bool go = false;
    std::vector<int> fds; ///< per backup file; empty for VERIFYONLY/HEADERONLY/FILELISTONLY
    std::vector<std::uint64_t> pagesPerFile;
    std::int64_t finishedMs = 0;
};

void restoreDevice(OpenedSet &opened, std::size_t index, RestorePlan &plan, TransferState &state,
                   unsigned slowMs)
{
    vdi::ServerDevice &dev = *opened.devices[index];
    const vdi::Buffer &buffer = opened.buffers[index].front();
    StripeReader reader;
    bool deposited = false;
    std::vector<std::uint64_t> pages;
    auto deposit = [&]() -> bool {
        std::unique_lock lock(plan.mutex);
        plan.headers[index] = *reader.header();
        ++plan.deposited;
        deposited = true;
        plan.cv.notify_all();
        while (!plan.decided && !state.stop.load())
            plan.cv.wait_for(lock, std::chrono::milliseconds(50));
        pages.assign(reader.header()->files.size(), 0);
        return plan.go && !state.stop.load();
    };
    auto onPage = [&](const StripeReader::Page &p) -> bool {
        if (!deposited && !deposit())
            return false;
        if (!plan.fds.empty()) {
            const ssize_t w = ::pwrite(plan.fds[p.file], p.data.data(), p.data.size(),
                                       static_cast<off_t>(p.page * reader.header()->pageSize));
            if (w != static_cast<ssize_t>(p.data.size())) {
                state.fail({3203, 1, 16,
                            "Write to database file failed: " + std::string(std::strerror(errno)),
                            1});
                return false;
            }
        }
        ++pages[p.file];
        return true;
    };
    bool ok = true;
    while (ok && !state.stop.load()) {
        if (slowMs)
            std::this_thread::sleep_for(std::chrono::milliseconds(slowMs));
        state.holdForFault();
        if (state.stop.load())
            break;
        auto id = dev.sendCommand({vdi::command::kRead, opened.maxTransfer, 0, buffer.data, 0});
        if (!id) {
            state.fail(vdi::hresultOf(id.error()) == vdi::hr::kAbort
                           ? ServerMessage{3204, 1, 16, "The backup or restore was aborted.", 1}
                           : ServerMessage{3203, 1, 16,
                                           "Read on \"" + dev.name() + "\" failed: " +
                                               vdi::hresultName(vdi::hresultOf(id.error())),
                                           1});
            break;
        }
        auto c = awaitCompletion(dev, state, opened.serverTimeoutMs, false);
        if (!c) {
            state.fail(c.error());
            break;
        }
        const bool eof =
            c->completionCode == win32::kHandleEof || c->completionCode == win32::kNoDataDetected;
        if (c->completionCode != win32::kSuccess && !eof) {
            state.fail({3203, 1, 16,
                        "Read on \"" + dev.name() + "\" failed: " + win32Text(c->completionCode),
                        1});
            break;
        }
        state.bytesDone += c->bytesTransferred;
        const auto st =
            reader.feed(std::span(reinterpret_cast<const std::uint8_t *>(buffer.data),
                                  std::min<std::size_t>(c->bytesTransferred, opened.maxTransfer)),
                        onPage);
        if (st == StripeReader::State::Corrupt) {
            if (!state.failure())
                state.fail({3241, 1, 16,
                            "The media family on device '" + dev.name() +
                                "' is incorrectly formed. SQL Server cannot process this media "
                                "family. (" +
                                reader.error() + ")",
                            1});
            break;
        }
        if (reader.header() && !deposited && !deposit())
            break;
        if (st == StripeReader::State::Ended)
            break;
        if (eof) {
            state.fail({3266, 1, 16,
                        "The backup data at the end of \"" + dev.name() +
                            "\" is incorrectly formatted. Backup sets on the media might be "
                            "damaged and unusable.",
                        1});
            break;
        }
    }
    {
        std::lock_guard lock(plan.mutex);
        if (!deposited) {
            // Count it anyway so the planner is not left waiting for a header that never comes.
            ++plan.deposited;
            plan.cv.notify_all();
        }
        for (std::size_t f = 0; f < pages.size() && f < plan.pagesPerFile.size(); ++f)
            plan.pagesPerFile[f] += pages[f];
        plan.finishedMs = std::max(plan.finishedMs, reader.finishedMs());
    }
    if (reader.state() != StripeReader::State::Ended)
        state.stop = true;
    (void)dev.closeDevice();
    --state.running;
}

ResultSet headerOnly(const StripeHeader &h, std::int64_t finishedMs, const std::string &user)
{
    using T = ColumnType;
    ResultSet r;
    r.columns = {{"BackupName", T::NVarChar, 128},
                 {"BackupDescription", T::NVarChar, 255},
                 {"BackupType", T::Int, 0},
                 {"Compressed", T::Int, 0},
                 {"Position", T::Int, 0},
                 {"DeviceType", T::Int, 0},
                 {"UserName", T::NVarChar, 128},
                 {"ServerName", T::NVarChar, 128},
                 {"DatabaseName", T::NVarChar, 128},
                 {"BackupSize", T::BigInt, 0},
                 {"FirstLSN", T::BigInt, 0},
                 {"LastLSN", T::BigInt, 0},
                 {"DatabaseBackupLSN", T::BigInt, 0},
                 {"BackupStartDate", T::DateTime, 0},
                 {"BackupFinishDate", T::DateTime, 0},
                 {"IsCopyOnly", T::Bit, 0},
                 {"HasBackupChecksums", T::Bit, 0},
                 {"FamilyCount", T::Int, 0}};
    const std::int64_t type = h.type == 1 ? 1 : (h.type == 2 ? 5 : 2);
    r.rows.push_back({Value(), h.description.empty() ? Value() : Value(h.description), type,
                      std::int64_t{0}, std::int64_t{1}, std::int64_t{7}, user, h.serverName,
                      h.database, static_cast<std::int64_t>(h.totalPages * h.pageSize),
                      static_cast<std::int64_t>(h.firstLsn), static_cast<std::int64_t>(h.lastLsn),
                      static_cast<std::int64_t>(h.databaseBackupLsn),
                      SimTime(std::chrono::milliseconds(h.startedMs)),
                      SimTime(std::chrono::milliseconds(finishedMs)), h.copyOnly, h.checksum,
                      std::int64_t{h.stripeCount}});
    return r;
}

ResultSet fileListOnly(const StripeHeader &h)
{
    using T = ColumnType;
    ResultSet r;
    r.columns = {{"LogicalName", T::NVarChar, 128},
                 {"PhysicalName", T::NVarChar, 260},
                 {"Type", T::NVarChar, 1},
                 {"FileGroupName", T::NVarChar, 128},
                 {"Size", T::BigInt, 0},
                 {"MaxSize", T::BigInt, 0},
                 {"FileId", T::BigInt, 0}};
    std::int64_t id = 1;
    for (const StreamFile &f : h.files)
        r.rows.push_back({f.logicalName, f.physicalName, std::string(f.log ? "L" : "D"),
                          f.log ? Value() : Value(std::string("PRIMARY")),
                          static_cast<std::int64_t>(f.sizeBytes), std::int64_t{35184372080640},
                          id++});
    return r;
}

/// The checks SQL Server makes before it writes anything; returns the target database.
SimResult<SimDatabase> planTarget(const BackupStatement &s, const StripeHeader &h,
                                  DatabaseStore &store, bool &created)
{
    const bool logAction = s.action == BackupStatement::Action::RestoreLog;
    if (logAction != (h.type == 3))
        return sqlError(3135, std::string("The backup set in file 1 was created by ") +
                                  (h.type == 3 ? "BACKUP LOG" : "BACKUP DATABASE") +
                                  " and cannot be used for this restore operation.");
    const auto existing = store.find(s.database);
    if (h.type != 1) {
        if (!existing || existing->state != "RESTORING")
            return sqlError(
                3117, "The log or differential backup cannot be restored because no files are "
                      "ready to rollforward.");
        if (h.type == 2 && existing->restoredFullLsn != h.databaseBackupLsn)
            return sqlError(
                3136, "This differential backup cannot be restored because the database has not "
                      "been restored to the correct earlier state.");
        if (h.type == 3 && existing->restoredLsn != h.firstLsn)
            return sqlError(
                4305, "The log in this backup set begins at LSN " + std::to_string(h.firstLsn) +
                          ", which is too recent to apply to the database. An earlier log backup "
                          "that includes LSN " +
                          std::to_string(existing->restoredLsn) + " can be restored.");
        if (h.type == 3 && s.stopAt) {
            // Log pages carry no timestamps here, so a log applies whole or not at all: a
            // STOPAT before the log backup began is "too early", as on SQL Server.
            std::tm tm{};
            if (std::sscanf(s.stopAt->c_str(), "%d-%d-%d%*c%d:%d:%d", &tm.tm_year, &tm.tm_mon,
                            &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3)
                return sqlError(
                    241,
                    "Conversion failed when converting date and/or time from character string.");
            tm.tm_year -= 1900;
            tm.tm_mon -= 1;
            const std::int64_t stopMs = static_cast<std::int64_t>(::timegm(&tm)) * 1000;
            if (stopMs < h.startedMs)
                return sqlError(
                    4335, "The specified STOPAT time is too early. All or part of the database "
                          "is already rolled forward to a point beyond the STOPAT time.");
        }
        if (existing->files.size() != h.files.size())
            return sqlError(
                3154, "The backup set holds a backup of a database other than the existing '" +
                          existing->name + "' database.");
        created = false;
        return *existing;
    }
    if (existing && existing->state == "ONLINE" && !s.replace) {
        if (!DatabaseStore::sameName(existing->name, h.database))
            return sqlError(
                3154, "The backup set holds a backup of a database other than the existing '" +
                          existing->name + "' database.");
        return sqlError(
            3159,
            "The tail of the log for the database \"" + existing->name +
                "\" has not been backed up. Use BACKUP LOG WITH NORECOVERY to backup the log if "
                "it contains work you do not want to lose. Use the WITH REPLACE or WITH STOPAT "
                "clause of the RESTORE statement to just overwrite the contents of the log.");
    }
    for (const auto &[logical, path] : s.moves) {
        const bool known = std::any_of(h.files.begin(), h.files.end(), [&](const StreamFile &f) {
            return DatabaseStore::sameName(f.logicalName, logical);
        });
        if (!known)
            return sqlError(
                3234, "Logical file '" + logical + "' is not part of database '" + h.database +
                          "'. Use RESTORE FILELISTONLY to list the logical file names.");
    }
    SimDatabase db;
    db.name = existing ? existing->name : s.database;
    db.created = std::chrono::system_clock::now();
    for (const StreamFile &f : h.files) {
        std::filesystem::path target = f.physicalName;
        for (const auto &[logical, path] : s.moves)
            if (DatabaseStore::sameName(f.logicalName, logical))
                target = path;
        if (const auto owner = store.fileOwner(target, db.name))
            return std::unexpected(ServerMessage{
                1834, 1, 16,
                "The file '" + target.string() +
                    "' cannot be overwritten.  It is being used by database '" + *owner + "'.",
                1});
        std::error_code ec;
        if (!existing && std::filesystem::exists(target, ec) && !s.replace)
            return sqlError(5170,
                            "Cannot create file '" + target.string() +
                                "' because it already exists. "
                                "Change the file path or the file name, and retry the operation.");
        db.files.push_back({f.logicalName, target, f.log});
    }
    created = !existing;
    return db;
}

} // namespace

StatementOutcome runRestore(const SimOptions &options, DatabaseStore &store,
                            const std::atomic_bool &stop, const BackupStatement &s,
                            const SessionInfo &session, ReplyStream &reply)
{
    const bool applies = s.action == BackupStatement::Action::RestoreDatabase ||
                         s.action == BackupStatement::Action::RestoreLog;
    std::optional<std::string> locked;
    struct Unlock {
        DatabaseStore &store;
        std::optional<std::string> &name;
        ~Unlock()
        {
            if (name)
                store.unlock(*name);
        }
    } unlock{store, locked};
    if (applies) {
        if (!store.tryLock(s.database)) {
            reply.info({3101, 1, 16,
                        "Exclusive access could not be obtained because the database is in use.",
                        1});
            return StatementOutcome::Failed;
        }
        locked = s.database;
    }
    const auto started = Clock::now();
    auto opened =
        openDeviceSet(options, s, false, [&] { return stop.load() || reply.attention(); });
    if (!opened) {
        if (reply.attention())
            return StatementOutcome::Attention;
        reply.info(opened.error());
        return StatementOutcome::Failed;
    }
    OpenedSet &set = **opened;
    const std::size_t n = set.devices.size();
    RestorePlan plan;
    plan.headers.resize(n);
    TransferState state;
    state.bytesTotal = UINT64_MAX / 200; // unknown until the headers are in
    state.running = static_cast<int>(n);
    state.faultPercent = faultPercent(options, false);
    const auto slow = options.fault(FaultSpec::Kind::Slow);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < n; ++i)
        threads.emplace_back(restoreDevice, std::ref(set), i, std::ref(plan), std::ref(state),
                             slow ? slow->value : 0u);

    // Plan once every header is in (or a device has failed).
    StripeHeader first;
    SimDatabase target;
    bool created = false;
    std::optional<ServerMessage> planError;
    bool cancelled = false;
    {
        std::unique_lock lock(plan.mutex);
        while (plan.deposited < n && !state.stop.load()) {
            plan.cv.wait_for(lock, std::chrono::milliseconds(20));
            if (reply.attention() || stop.load()) {
                cancelled = true;
                break;
            }
        }
        std::vector<bool> seen(n, false);
        for (std::size_t i = 0; i < n && !planError && !cancelled && !state.stop.load(); ++i) {
            const auto &h = plan.headers[i];
            if (!h) {
                planError = ServerMessage{
                    3241, 1, 16,
                    "The media family on device '" + s.devices[i] + "' is incorrectly formed.", 1};
                break;
            }
            if (i == 0)
                first = *h;
            if (h->stripeCount != n)
                planError = ServerMessage{3132, 1, 16,
                                          "The media set has " + std::to_string(h->stripeCount) +
                                              " media families but only " + std::to_string(n) +
                                              " are provided. All members must be provided.",
                                          1};
            else if (h->backupId != first.backupId || h->stripeIndex >= n || seen[h->stripeIndex])
                planError = ServerMessage{3227, 1, 16,
                                          "The backup media set on device '" + s.devices[i] +
                                              "' does not belong to the same backup set.",
                                          1};
            else
                seen[h->stripeIndex] = true;
        }
        if (!planError && !cancelled && !state.stop.load() && applies) {
            auto t = planTarget(s, first, store, created);
            if (!t) {
                planError = t.error();
            } else {
                target = *t;
                for (std::size_t f = 0; f < target.files.size() && !planError; ++f) {
                    std::error_code ec;
                    std::filesystem::create_directories(target.files[f].path.parent_path(), ec);
                    const int fd = ::open(
                        target.files[f].path.c_str(),
                        O_RDWR | O_CREAT | O_CLOEXEC | (first.type == 1 ? O_TRUNC : 0), 0640);
                    if (fd < 0 ||
                        ::ftruncate(fd, static_cast<off_t>(first.files[f].sizeBytes)) != 0)
                        planError =
                            ServerMessage{3634, 1, 16,
                                          "The operating system returned the error '" +
                                              std::string(std::strerror(errno)) +
                                              "' while attempting "
                                              "'RestoreContainer::ValidateTargetForCreation' on '" +
                                              target.files[f].path.string() + "'.",
                                          1};
                    plan.fds.push_back(fd);
                }
            }
        }
        if (!state.stop.load() && !cancelled && !planError) {
            plan.pagesPerFile.assign(first.files.size(), 0);
            state.bytesTotal =
                std::max<std::uint64_t>(1, first.totalPages * (first.pageSize + 19) + n * 512);
            plan.go = true;
        } else if (planError) {
            state.fail(*planError);
        }
        plan.decided = true;
        plan.cv.notify_all();
    }
    StatementOutcome outcome = StatementOutcome::Done;
    unsigned lastPercent = 0;
    if (cancelled) {
        state.fail({3204, 1, 16, "The backup or restore was aborted.", 1});
        set.set.signalAbort();
        outcome = StatementOutcome::Attention;
        while (state.running.load() > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } else if (planError) {
        // SQL Server stops reading and closes the devices: the client sees VD_E_CLOSE.
        while (state.running.load() > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } else {
        outcome = monitorTransfer(options, s, set, state, reply, stop, lastPercent);
    }
    for (auto &t : threads)
        t.join();
    closeDeviceSet(set);
    for (int fd : plan.fds) {
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
    if (outcome == StatementOutcome::Done && state.failure())
        outcome = StatementOutcome::Failed;
    if (outcome != StatementOutcome::Done) {
        if (applies && plan.go && created) {
            // Nothing half-done: a new database that failed to restore leaves no files.
            for (const SimFile &f : target.files) {
                std::error_code ec;
                std::filesystem::remove(f.path, ec);
            }
        } else if (applies && plan.go) {
            // Pages were already written over the existing database: as on SQL Server it is
            // left RESTORING, never ONLINE over partly restored files.
            target.state = "RESTORING";
            store.putDatabase(target);
        }
        if (outcome == StatementOutcome::Failed) {
            reply.info(state.failure().value_or(
                ServerMessage{3204, 1, 16, "The backup or restore was aborted.", 1}));
            if (planError && applies && planError->number == 1834)
                reply.info({3156, 1, 16,
                            "File '" + first.files.front().logicalName +
                                "' cannot be restored to '" + first.files.front().physicalName +
                                "'. Use WITH MOVE to identify a valid location for the file.",
                            1});
            if (planError && applies && (planError->number == 1834 || planError->number == 5170))
                reply.info({3119, 1, 16,
                            "Problems were identified while planning for the RESTORE statement. "
                            "Previous messages provide details.",
                            1});
        }
        return outcome;
    }

    switch (s.action) {
    case BackupStatement::Action::HeaderOnly:
        reply.tokens().resultSet(reply.buffer(), headerOnly(first, plan.finishedMs, session.user),
                                 true);
        return StatementOutcome::Done;
    case BackupStatement::Action::FileListOnly:
        reply.tokens().resultSet(reply.buffer(), fileListOnly(first), true);
        return StatementOutcome::Done;
    case BackupStatement::Action::VerifyOnly:
        reply.info({3262, 1, 0, "The backup set on file 1 is valid.", 1});
        return StatementOutcome::Done;
    default: break;
    }
    if (s.stats && lastPercent < 100)
        reply.progress({3211, 1, 0, "100 percent processed.", 1});
    std::uint64_t total = 0;
    for (std::size_t f = 0; f < first.files.size(); ++f) {
        total += plan.pagesPerFile[f];
        reply.info({4035, 1, 0,
                    "Processed " + std::to_string(plan.pagesPerFile[f]) + " pages for database '" +
                        target.name + "', file '" + first.files[f].logicalName + "' on file 1.",
                    1});
    }
    target.state = s.norecovery ? "RESTORING" : "ONLINE";
    target.restoredLsn = first.lastLsn;
    if (first.type == 1) {
        target.restoredFullLsn = first.lastLsn;
        target.fullBaseLsn = 0; // a restored database starts a new backup chain with a full backup
        target.logBaseLsn = 0;
    }
    store.putDatabase(target);
    const double secs =
        std::max(0.001, std::chrono::duration<double>(Clock::now() - started).count());
    char rate[96];
    std::snprintf(rate, sizeof rate, " pages in %.3f seconds (%.3f MB/sec).", secs,
                  static_cast<double>(total) * kPageSize / 1048576.0 / secs);
    reply.info(
        {3014, 1, 0, s.verb() + " successfully processed " + std::to_string(total) + rate, 1});
    return StatementOutcome::Done;
}

} // namespace vds::sqlsim
