#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>

#include <vds/jobs/jobresult.h>
#include <vds/jobs/servermessage.h>
#include <vds/jobs/throughput.h>

class QThread;

namespace vds::jobs {

class Job;
class JobContext;

using JobId = quint64;

/// The nice value the GUI gives its job threads (JobRunner::setJobNice). Measured with
/// tests/bench/ui_latency.cpp on the 2-core build machine during a 2 GiB 4-stripe backup with
/// the live view open: GUI p99 10–23 ms at 0, 3–8 ms at 5, the backup's throughput unchanged.
inline constexpr int kGuiJobNice = 5;

/// What the runner knows about a job at the last sampling tick.
struct JobSnapshot {
    JobId id = 0;
    QString title;
    QString kind;
    QString phase; ///< an id ("connect", "backup", "copy", …); the UI words it
    int step = 0;  ///< step within the phase, 1-based (a restore's backups); 0 = none
    int stepCount = 0;
    int serverPercent = -1;        ///< the server's own percent (SQL Server's STATS); -1 = none
    QList<int> stalledChannels;    ///< channels that stopped moving while the job goes on
    QList<ServerMessage> messages; ///< the server's messages so far (the last kMaxMessages)
    quint64 done = 0;
    quint64 total = 0;
    double bytesPerSecond = 0.0; ///< last interval
    double averageBytesPerSecond = 0.0;
    qint64 etaSeconds = -1; ///< -1 when unknown
    double elapsedSeconds = 0.0;
    QStringList channelNames;
    bool running = false;
    /// Job::historyParams(), taken on the runner's thread when the job started.
    QJsonObject params;
    QDateTime startedAt; ///< UTC
};

/// Runs jobs, each on a QThread of its own, and turns their atomic counters into signals.
///
/// Thread affinity: lives on (and must be used from) the thread that created it, normally the
/// GUI thread; every signal is emitted there. Ownership: the runner owns each job and its
/// thread from start() until the job's thread has stopped. Teardown is cancel → quit → wait,
/// never terminate(): the destructor blocks until every job has returned.
///
/// Timeouts: sampling runs every sampleIntervalMs() (default 250 ms, 4 Hz). A job whose byte
/// count has not moved for stallTimeoutMs() (default 30 s) gets one `stalled` signal per stall.
/// Every per-job signal but `started` and `finished` comes from a sampling tick: at most one
/// of each per tick, the change-only ones (phase, step, server percent, stalled channels,
/// messages) only when something changed since the previous tick.
class JobRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    /// Takes ownership and starts the job on a new thread. Returns its id (never 0).
    /// Channels: as many as the job names (Job::channelNames), unless `channelCount` ≥ 0.
    JobId start(std::unique_ptr<Job> job, int channelCount = -1);

    /// Asks a job to stop; it ends with a Cancelled result soon after. Unknown ids are ignored.
    void cancel(JobId id);
    void cancelAll();
    /// For a program that is closing: cancels every job, waits for their threads and delivers
    /// each job's `finished` now (it was queued to this thread), so listeners such as the
    /// history see every job end, cancelled ones included, before the program exits. Call on
    /// the runner's thread after its event loop has stopped; blocks until every job returned.
    void shutdown();

    [[nodiscard]] bool isRunning(JobId id) const;
    [[nodiscard]] int runningCount() const;
    [[nodiscard]] JobSnapshot snapshot(JobId id) const;

    void setSampleIntervalMs(int ms);
    [[nodiscard]] int sampleIntervalMs() const { return m_timer.interval(); }
    /// Nice points (0–19) the jobs' threads add to their own, and every thread a job starts
    /// inherits
    /// (its statement, pump, hash and codec threads): a GUI sets a few points so its own thread
    /// and the display server win the CPU when the machine is saturated (the benchmark in
    /// tests/bench/ui_latency.cpp measures it). 0 (the default) leaves them alone.
    void setJobNice(int nice) { m_jobNice = qBound(0, nice, 19); }
    [[nodiscard]] int jobNice() const { return m_jobNice; }
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }
    [[nodiscard]] int stallTimeoutMs() const { return m_stallTimeoutMs; }

signals:
    void started(vds::jobs::JobId id, const QString &title);
    void progress(vds::jobs::JobId id, quint64 done, quint64 total);
    /// Total rate plus one rate per channel (empty when the job has no channels).
    void throughputSample(vds::jobs::JobId id, double bytesPerSecond,
                          const QList<double> &perChannel);
    void etaChanged(vds::jobs::JobId id, qint64 secondsLeft);
    /// The phase id changed ("connect" → "backup", …).
    void phaseChanged(vds::jobs::JobId id, const QString &phase);
    /// Step `step` (1-based) of `count` within the phase (a restore's backups); 0, 0 = none.
    void stepChanged(vds::jobs::JobId id, int step, int count);
    /// The server's own percent (SQL Server's STATS messages), 0–100.
    void serverPercentChanged(vds::jobs::JobId id, int percent);
    /// The channels that stopped moving while the job goes on (empty again when they move).
    void stalledChannelsChanged(vds::jobs::JobId id, const QList<int> &channels);
    /// Server messages that arrived since the previous tick, in arrival order.
    void serverMessages(vds::jobs::JobId id, const QList<vds::jobs::ServerMessage> &messages);
    void stalled(vds::jobs::JobId id, qint64 secondsWithoutProgress);
    /// Exactly once per started job (unless the runner is destroyed first).
    void finished(vds::jobs::JobId id, const vds::jobs::JobResult &result);

private:
    struct Entry;

    void sample();
    void sampleOne(Entry &entry);
    void onJobFinished(JobId id, const JobResult &result);
    void reap(JobId id);

    std::map<JobId, std::unique_ptr<Entry>> m_jobs;
    QTimer m_timer;
    JobId m_nextId = 1;
    int m_stallTimeoutMs = 30000;
    int m_jobNice = 0;
};

} // namespace vds::jobs
