#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vds/jobs/jobresult.h>
#include <vds/jobs/jobrunner.h>
#include <vds/util/error.h>

namespace vds::history {

/// One finished job as the history keeps it. Plain value; any thread.
struct HistoryEntry {
    qint64 id = 0; ///< assigned by the store (0 before it is added)
    QString kind;  ///< Job::kind(): "vhd-create", "backup", …
    QString title;
    QJsonObject params; ///< Job::historyParams(): never secrets, only references to them
    QString server;     ///< params["server"], empty when the job has none
    QString database;   ///< params["database"]
    jobs::JobStatus status = jobs::JobStatus::Failed;
    Error error;            ///< category None when the job succeeded
    QJsonObject statistics; ///< bytesDone, bytesTotal, seconds, averageBytesPerSecond, extra
    QJsonObject report;     ///< reportToJson()
    QDateTime startedAt;    ///< UTC
    QDateTime finishedAt;   ///< UTC
    QString host;           ///< the machine that ran the job

    /// The entry for a job the runner reports finished (`job` = its snapshot).
    static HistoryEntry fromJob(const jobs::JobSnapshot &job, const jobs::JobResult &result,
                                const QDateTime &finishedAt = QDateTime::currentDateTimeUtc());

    /// The JSON shape `vdsctl history --json` prints (docs/architecture.md, "Job history"):
    /// id, kind, title, status ("succeeded" | "failed" | "cancelled"), server, database, params,
    /// error (null or {category, nativeKind, nativeCode, sqlstate, message, context}),
    /// statistics, report, startedAt, finishedAt (ISO 8601 UTC), host.
    [[nodiscard]] QJsonObject toJson() const;
};

/// "succeeded" → Succeeded …; nullopt for anything else.
[[nodiscard]] std::optional<jobs::JobStatus> statusFromName(const QString &name);
[[nodiscard]] QString nativeKindName(NativeKind kind);
[[nodiscard]] NativeKind nativeKindFromName(const QString &name);
[[nodiscard]] ErrorCategory categoryFromName(const QString &name);

} // namespace vds::history
