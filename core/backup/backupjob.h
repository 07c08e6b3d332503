#pragma once

#include <vds/backup/params.h>
#include <vds/jobs/job.h>

namespace vds::backup {

/// Backs up one database through VDI into 1–64 stripe files (raw, zstd, age) plus a manifest.
///
/// Params in: BackupParams (params.h), secrets already resolved. One JobResult out: Succeeded
/// only when SQL Server said 3014 and every stripe was fsynced and renamed and the manifest
/// written; `stats.extra` holds manifest, files, setName, bytes (raw stream), serverPercent and
/// stalls. Phase ids: "connect", "prepare", "backup", "finish", "verify" (when asked);
/// during "backup" the server's percent, stalled stripes and messages go into the context.
/// Channels: one per stripe ("stripe-1" …). Cancel: SignalAbort + SQLCancel, every .partial
/// removed, no manifest. Thread affinity: as vds::jobs::Job; it starts the statement thread and one
/// pump thread per stripe (core/backup/README.md) and joins them before execute() returns.
class BackupJob final : public jobs::Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupJob)
public:
    explicit BackupJob(BackupParams params, QObject *parent = nullptr);
    ~BackupJob() override;

    [[nodiscard]] QString kind() const override { return QStringLiteral("backup"); }
    [[nodiscard]] QStringList channelNames() const override;
    [[nodiscard]] QJsonObject historyParams() const override;
    [[nodiscard]] const BackupParams &params() const { return m_params; }

protected:
    jobs::JobResult execute(jobs::JobContext &ctx) override;

private:
    BackupParams m_params;
};

/// "stripe-1" … "stripe-n": the channel ids of a striped transfer (the UI words them).
[[nodiscard]] QStringList stripeChannelNames(int count);
/// The server part of historyParams(): references, never secret values.
[[nodiscard]] QJsonObject serverJson(const ServerRef &server);

} // namespace vds::backup
