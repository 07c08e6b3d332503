#pragma once

#include <vds/backup/params.h>
#include <vds/jobs/job.h>

namespace vds::backup {

/// Verifies a backup or a folder's newest chain. Offline, without a server: chain continuity,
/// every stripe present, fileSha256, decryptability, and each raw stream read in full against
/// its size and sha256. With a server: also RESTORE VERIFYONLY through VDI per backup.
/// One JobResult out; `stats.extra`: backups (manifest paths), serverVerified. Phase ids
/// "check", then "verify-server" with step i of n (one per backup of the chain).
/// Thread affinity: as vds::jobs::Job.
class VerifyJob final : public jobs::Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerifyJob)
public:
    explicit VerifyJob(VerifyParams params, QObject *parent = nullptr);
    ~VerifyJob() override;

    [[nodiscard]] QString kind() const override { return QStringLiteral("verify"); }
    [[nodiscard]] QStringList channelNames() const override;
    [[nodiscard]] QJsonObject historyParams() const override;

protected:
    jobs::JobResult execute(jobs::JobContext &ctx) override;

private:
    VerifyParams m_params;
};

} // namespace vds::backup
