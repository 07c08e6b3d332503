#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <map>
#include <optional>

#include "jobs/jobresult.h"
#include "jobs/jobrunner.h"
#include "widgets/throughputhistory.h"

namespace vds::ui {

/// What the UI remembers of a job, running or finished: the latest figures, the throughput
/// history (for graphs opened later) and the result.
struct TrackedJob {
    JobId id = 0;
    QString title;
    QDateTime started;
    bool running = true;
    quint64 done = 0;
    quint64 total = 0;
    double rate = 0.0;
    qint64 etaSeconds = -1;
    double elapsedSeconds = 0.0;
    QString phase;
    QStringList seriesNames;
    ThroughputHistory history;
    std::optional<JobResult> result;
};

/// Follows a JobRunner and keeps every job of this session, so views can open and close at any
/// time (a wizard closed mid-run leaves its job here, in the Jobs panel). GUI thread only; does
/// not own the runner.
class JobTracker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTracker)
public:
    explicit JobTracker(JobRunner &runner, QObject *parent = nullptr);

    [[nodiscard]] JobRunner &runner() const { return m_runner; }
    [[nodiscard]] const TrackedJob *job(JobId id) const;
    [[nodiscard]] QList<JobId> jobs() const;
    /// Names of the per-channel series (read/write, stripes) of a job, for graph legends.
    void setSeriesNames(JobId id, const QStringList &names);

signals:
    void jobAdded(vds::JobId id);
    void jobUpdated(vds::JobId id);
    void jobSampled(vds::JobId id, double bytesPerSecond, const QList<double> &perChannel);
    void jobFinished(vds::JobId id);

private:
    TrackedJob &entry(JobId id);

    JobRunner &m_runner;
    std::map<JobId, TrackedJob> m_jobs;
};

} // namespace vds::ui
