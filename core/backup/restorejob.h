#pragma once

#include <vds/backup/chain.h>
#include <vds/backup/params.h>
#include <vds/jobs/job.h>
#include <vds/sql/tsqlbuilder.h>

namespace vds::backup {

/// Restores a backup, or a full [+ diff] + log chain, through VDI from raw, zstd or age stripes.
///
/// Params in: RestoreParams (params.h), secrets resolved. Every check that needs no server runs
/// before any RESTORE is sent (chain continuity, every stripe present, fileSha256, every file
/// opens with the keys given); those failures are InvalidArgument/NotFound/Permission/Format
/// and leave the server untouched. The raw stream's sha256 is checked as it flows: a mismatch
/// fails the last read and aborts the set, so the database stays RESTORING. One JobResult out;
/// `stats.extra`: database, steps (manifest paths), moves. Phase ids "check", "connect",
/// "restore-<type>" (full, diff, log, copy-only) with step i of n (JobContext::setStep).
/// Thread affinity: as vds::jobs::Job; statement and pump threads are joined per step.
class RestoreJob final : public jobs::Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreJob)
public:
    explicit RestoreJob(RestoreParams params, QObject *parent = nullptr);
    ~RestoreJob() override;

    [[nodiscard]] QString kind() const override { return QStringLiteral("restore"); }
    [[nodiscard]] QStringList channelNames() const override;
    [[nodiscard]] QJsonObject historyParams() const override;

protected:
    jobs::JobResult execute(jobs::JobContext &ctx) override;

private:
    RestoreParams m_params;
};

/// Where "relocate all files" puts a database's files under a new name: `<NAME>.mdf` (first
/// data file), `<NAME>_<n>.ndf` (further data files, n from 1), `<NAME>_log.ldf` (log;
/// `<NAME>_log<n>.ldf` for further logs) in the server's default data and log folders.
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
relocatedFiles(const std::vector<ManifestFile> &files, const std::string &name,
               const std::string &dataFolder, const std::string &logFolder);

/// The moves a restore applies to the database's files (the first step's MOVE clauses): the
/// caller's when given; else, under a name other than the backup's, every file relocated into
/// the server's default folders (relocatedFiles; `logFolder` empty: the data folder); else none
/// (the files go back to their original paths).
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
plannedMoves(const RestoreParams &params, const Manifest &first, const std::string &dataFolder,
             const std::string &logFolder);

/// The RESTORE that step `step` of `chain` sends, as the job builds it: DATABASE or LOG, the
/// moves and REPLACE on the first step, NORECOVERY on every step but the last (and on the last
/// when asked), STOPAT (`stopAt`, server local time) on the last log when the chain says so,
/// STATS, BUFFERCOUNT/MAXTRANSFERSIZE (defaults by stripe count), devices named after `set`.
[[nodiscard]] sql::RestoreSpec
restoreSpec(const RestoreParams &params, const RestoreChain &chain, std::size_t step,
            const std::vector<std::pair<std::string, std::string>> &moves,
            const std::optional<std::string> &stopAt, const std::string &set);

/// The STOPAT text in the server's local time: `yyyy-MM-ddTHH:mm:ss.zzz`.
[[nodiscard]] std::string serverLocalTime(const QDateTime &time, int serverOffsetSeconds);

} // namespace vds::backup
