#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <map>
#include <optional>

#include "ui/widgets/throughputhistory.h"
#include <vds/jobs/jobresult.h>
#include <vds/jobs/jobrunner.h>

namespace vds::ui {

/// What the UI remembers of a job, running or finished: the latest figures, the throughput
/// history (for graphs opened later) and the result.
struct TrackedJob {
    jobs::JobId id = 0;
    QString title;
    QDateTime started;
    bool running = true;
    quint64 done = 0;
    quint64 total = 0;
    double rate = 0.0;
    qint64 etaSeconds = -1;
    double elapsedSeconds = 0.0;
    QString phase; ///< an id; ui/jobs/jobtext.h words it
    int step = 0;
    int stepCount = 0;
    int serverPercent = -1;              ///< the server's own percent; -1 = none reported
    QList<int> stalledChannels;          ///< channels (0-based) that stopped moving
    QList<jobs::ServerMessage> messages; ///< the server's messages, verbatim, in order
    QStringList seriesNames;
    ThroughputHistory history;
    std::optional<jobs::JobResult> result;
};

/// Follows a JobRunner and keeps every job of this session, so views can open and close at any
/// time (a wizard closed mid-run leaves its job here, in the Jobs panel). GUI thread only; does
/// not own the runner.
class JobTracker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTracker)
public:
    explicit JobTracker(jobs::JobRunner &runner, QObject *parent = nullptr);

    [[nodiscard]] jobs::JobRunner &runner() const { return m_runner; }
    [[nodiscard]] const TrackedJob *job(jobs::JobId id) const;
    [[nodiscard]] QList<jobs::JobId> jobs() const;
    /// Names of the per-channel series (read/write, stripes) of a job, for graph legends.
    void setSeriesNames(jobs::JobId id, const QStringList &names);
    /// Starts following a job that was started before this tracker existed: what the runner
    /// knows now (title, phase, messages so far) is taken from its snapshot; the throughput
    /// history starts here.
    void follow(jobs::JobId id);

signals:
    void jobAdded(vds::jobs::JobId id);
    void jobUpdated(vds::jobs::JobId id);
    void jobSampled(vds::jobs::JobId id, double bytesPerSecond, const QList<double> &perChannel);
    /// Server messages appended to TrackedJob::messages (the new ones only).
    void jobMessages(vds::jobs::JobId id, const QList<vds::jobs::ServerMessage> &messages);
    void jobFinished(vds::jobs::JobId id);

private:
    TrackedJob &entry(jobs::JobId id);

    jobs::JobRunner &m_runner;
    std::map<jobs::JobId, TrackedJob> m_jobs;
};

} // namespace vds::ui
