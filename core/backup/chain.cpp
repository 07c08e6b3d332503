#include <vds/backup/chain.h>

#include <algorithm>
#include <set>
#include <system_error>

namespace vds::backup {

namespace {

bool isFull(const Manifest &m)
{
    return m.type == "full" || m.type == "copy-only";
}

std::string fileOf(const Manifest &m)
{
    return m.path.filename().string();
}

/// A log continues from `lsn` when its range starts at or before it and ends after it (SQL
/// Server's rule); the simulator starts it exactly there.
bool continues(const Manifest &log, std::uint64_t lsn)
{
    return lsnValue(log.firstLsn) <= lsn && lsn < lsnValue(log.lastLsn);
}

ChainGap gapOf(std::uint64_t lsn, const Manifest &after, const Manifest *next)
{
    ChainGap gap;
    gap.lsn = std::to_string(lsn);
    gap.after = after.path;
    if (next) {
        gap.next = next->path;
        gap.nextFirstLsn = next->firstLsn;
    }
    return gap;
}

Error gapError(std::uint64_t lsn, const Manifest &after, const Manifest *next)
{
    std::string text = "the backup chain has a gap: nothing continues from LSN " +
                       std::to_string(lsn) + " (end of " + fileOf(after) + ")";
    if (next)
        text += "; the next log backup, " + fileOf(*next) + ", starts at LSN " + next->firstLsn;
    return Error::make(ErrorCategory::InvalidArgument, text, after.path.parent_path().string());
}

} // namespace

Expected<std::vector<Manifest>> manifestsIn(const std::filesystem::path &folder)
{
    std::error_code ec;
    std::vector<Manifest> out;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.ends_with(".manifest.json"))
            continue;
        auto m = Manifest::load(it->path());
        if (!m)
            return fail(m.error());
        out.push_back(std::move(*m));
    }
    if (ec)
        return fail(Error::fromErrno(ec.value(), folder.string(), "list"));
    std::sort(out.begin(), out.end(),
              [](const Manifest &a, const Manifest &b) { return a.finishedAt < b.finishedAt; });
    return out;
}

Expected<void> checkContinuity(const std::vector<Manifest> &steps)
{
    if (steps.empty())
        return fail(ErrorCategory::InvalidArgument, "no backups to restore");
    if (steps.size() == 1)
        return {};
    if (!isFull(steps.front()))
        return fail(ErrorCategory::InvalidArgument,
                    "a restore chain starts with a full backup, not " + steps.front().type,
                    fileOf(steps.front()));
    std::uint64_t lsn = lsnValue(steps.front().lastLsn);
    const std::uint64_t base = lsnValue(steps.front().lastLsn);
    for (std::size_t i = 1; i < steps.size(); ++i) {
        const Manifest &m = steps[i];
        if (m.type == "diff") {
            if (lsnValue(m.databaseBackupLsn) != base)
                return fail(ErrorCategory::InvalidArgument,
                            "the differential " + fileOf(m) + " is based on LSN " +
                                m.databaseBackupLsn + ", not on the full backup " +
                                fileOf(steps.front()) + " (LSN " + steps.front().lastLsn + ")");
            lsn = lsnValue(m.lastLsn);
        } else if (m.type == "log") {
            if (!continues(m, lsn))
                return fail(gapError(lsn, steps[i - 1], &m));
            lsn = lsnValue(m.lastLsn);
        } else {
            return fail(ErrorCategory::InvalidArgument,
                        "a " + m.type + " backup cannot follow in a restore chain", fileOf(m));
        }
    }
    return {};
}

namespace {

/// The one chain rule, for assembleChain (a gap fails) and inspectChain (`inspection` set: a gap
/// ends the chain and is described there, several databases are listed, not an error).
Expected<RestoreChain> assemble(const std::filesystem::path &from,
                                const std::string &sourceDatabase,
                                const std::optional<QDateTime> &stopAt, ChainInspection *inspection)
{
    std::error_code ec;
    RestoreChain chain;
    if (!std::filesystem::is_directory(from, ec)) {
        auto m = Manifest::load(from);
        if (!m)
            return fail(m.error());
        if (inspection) {
            inspection->databases = {m->database};
            inspection->database = m->database;
            inspection->backups = {*m};
        }
        chain.steps.push_back(std::move(*m));
        chain.stopAtLast = stopAt.has_value() && chain.steps.front().type == "log";
        return chain;
    }
    auto all = manifestsIn(from);
    if (!all)
        return fail(all.error());
    std::set<std::string> databases;
    for (const auto &m : *all)
        databases.insert(m.database);
    std::string db = sourceDatabase;
    if (inspection)
        inspection->databases.assign(databases.begin(), databases.end());
    if (db.empty()) {
        if (databases.size() > 1 && inspection)
            return chain; // several: the caller lets people choose
        if (databases.size() > 1) {
            std::string names;
            for (const auto &d : databases)
                names += (names.empty() ? "" : ", ") + d;
            return fail(ErrorCategory::InvalidArgument,
                        "the folder holds backups of several databases (" + names +
                            "): name one with --source-database",
                        from.string());
        }
        if (!databases.empty())
            db = *databases.begin();
    }
    std::vector<const Manifest *> mine;
    for (const auto &m : *all)
        if (m.database == db && (!stopAt || m.startedAt <= *stopAt))
            mine.push_back(&m);
    if (inspection) {
        inspection->database = db;
        for (const auto &m : *all)
            if (m.database == db)
                inspection->backups.push_back(m);
    }
    const Manifest *full = nullptr;
    for (const Manifest *m : mine)
        if (m->type == "full" && (!stopAt || m->finishedAt <= *stopAt))
            full = m;
    if (!full)
        for (const Manifest *m : mine)
            if (m->type == "copy-only" && (!stopAt || m->finishedAt <= *stopAt))
                full = m;
    if (!full)
        return fail(ErrorCategory::InvalidArgument,
                    "no full backup of '" + db + "'" +
                        (stopAt ? " finished before " + stopAt->toString(Qt::ISODate).toStdString()
                                : std::string()) +
                        " in the folder",
                    from.string());
    chain.steps.push_back(*full);
    std::uint64_t lsn = lsnValue(full->lastLsn);
    const Manifest *diff = nullptr;
    for (const Manifest *m : mine)
        if (m->type == "diff" && lsnValue(m->databaseBackupLsn) == lsnValue(full->lastLsn) &&
            m->finishedAt > full->finishedAt && (!stopAt || m->finishedAt <= *stopAt))
            diff = m;
    if (diff) {
        chain.steps.push_back(*diff);
        lsn = lsnValue(diff->lastLsn);
    }
    std::vector<const Manifest *> logs;
    for (const Manifest *m : mine)
        if (m->type == "log" && lsnValue(m->lastLsn) > lsn)
            logs.push_back(m);
    std::sort(logs.begin(), logs.end(), [](const Manifest *a, const Manifest *b) {
        return lsnValue(a->firstLsn) < lsnValue(b->firstLsn);
    });
    for (std::size_t i = 0; i < logs.size(); ++i) {
        const Manifest *m = logs[i];
        if (!continues(*m, lsn)) {
            if (!inspection)
                return fail(gapError(lsn, chain.steps.back(), m));
            inspection->gap = gapOf(lsn, chain.steps.back(), m);
            break;
        }
        chain.steps.push_back(*m);
        lsn = lsnValue(m->lastLsn);
    }
    // With a point in time, the last log taken at or after it carries STOPAT; logs that start
    // after it were already left out.
    chain.stopAtLast = stopAt.has_value() && chain.steps.back().type == "log";
    return chain;
}

} // namespace

Expected<RestoreChain> assembleChain(const std::filesystem::path &from,
                                     const std::string &sourceDatabase,
                                     const std::optional<QDateTime> &stopAt)
{
    return assemble(from, sourceDatabase, stopAt, nullptr);
}

Expected<ChainInspection> inspectChain(const std::filesystem::path &from,
                                       const std::string &sourceDatabase,
                                       const std::optional<QDateTime> &stopAt)
{
    ChainInspection inspection;
    auto chain = assemble(from, sourceDatabase, stopAt, &inspection);
    if (!chain)
        return fail(chain.error());
    inspection.chain = std::move(*chain);
    return inspection;
}

int RestoreChain::widestStripes() const
{
    int widest = 1;
    for (const Manifest &m : steps)
        widest = std::max(widest, static_cast<int>(m.stripes.size()));
    return widest;
}

std::optional<std::pair<QDateTime, QDateTime>> RestoreChain::pointInTimeRange() const
{
    if (steps.empty() || steps.back().type != "log")
        return std::nullopt;
    return std::pair(steps.front().finishedAt, steps.back().finishedAt);
}

} // namespace vds::backup
