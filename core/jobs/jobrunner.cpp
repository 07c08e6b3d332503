#include <vds/jobs/jobrunner.h>

#include <QCoreApplication>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

#include <vds/jobs/job.h>
#include <vds/jobs/jobcontext.h>
#include <vds/logging/log.h>

#include <spdlog/logger.h>

namespace vds::jobs {

namespace {

QList<int> channelsOf(std::uint64_t mask)
{
    QList<int> channels;
    for (int c = 0; c < 64; ++c)
        if (mask & (std::uint64_t{1} << c))
            channels.append(c);
    return channels;
}

} // namespace

struct JobRunner::Entry {
    JobId id = 0;
    std::unique_ptr<Job> job;
    std::unique_ptr<JobContext> context;
    std::unique_ptr<QThread> thread;
    QElapsedTimer clock;
    ThroughputEstimator estimator;
    QList<quint64> lastChannelBytes;
    double lastSampleSeconds = 0.0;
    QString lastPhase;
    int lastStep = 0;
    int lastStepCount = 0;
    int lastServerPercent = -1;
    std::uint64_t lastStalled = 0;
    quint64 nextMessage = 0;
    qint64 lastEta = -2;
    bool stallReported = false;
    bool finished = false;
    QString title;
    QString kind;
    QStringList channelNames;
    QJsonObject params;
    QDateTime startedAt;
};

JobRunner::JobRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<vds::jobs::JobResult>();
    qRegisterMetaType<vds::jobs::ServerMessage>();
    qRegisterMetaType<QList<vds::jobs::ServerMessage>>();
    qRegisterMetaType<vds::jobs::JobId>("vds::jobs::JobId");
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &JobRunner::sample);
}

JobRunner::~JobRunner()
{
    m_timer.stop();
    // cancel → quit → wait, for every job, before anything is deleted.
    for (auto &[id, entry] : m_jobs)
        entry->context->requestCancel();
    for (auto &[id, entry] : m_jobs) {
        entry->thread->quit();
        entry->thread->wait();
    }
    // Threads have stopped: jobs can be deleted from here. Signals still queued to this object
    // are discarded by Qt when it is destroyed.
    m_jobs.clear();
}

JobId JobRunner::start(std::unique_ptr<Job> job, int channelCount)
{
    Q_ASSERT(job);
    auto entry = std::make_unique<Entry>();
    entry->id = m_nextId++;
    entry->title = job->title();
    entry->kind = job->kind();
    entry->channelNames = job->channelNames();
    entry->params = job->historyParams(); // on the owning thread, before the job moves
    entry->startedAt = QDateTime::currentDateTimeUtc();
    entry->context = std::make_unique<JobContext>();
    entry->context->setChannelCount(channelCount >= 0 ? channelCount
                                                      : int(entry->channelNames.size()));
    entry->thread = std::make_unique<QThread>();
    entry->thread->setObjectName(QStringLiteral("job-%1").arg(entry->id));
    entry->job = std::move(job);
    entry->job->setParent(nullptr);
    entry->job->moveToThread(entry->thread.get());

    const JobId id = entry->id;
    Job *jobPtr = entry->job.get();
    JobContext *ctx = entry->context.get();
    // The lambda's context object is the job, so it runs on the job's thread.
    const int nice = m_jobNice;
    connect(entry->thread.get(), &QThread::started, jobPtr, [jobPtr, ctx, nice] {
        // Linux: nice is per thread and inherited by the threads this one creates. Relative
        // to what the thread started with, so a program run under `nice` stays below it.
        if (nice > 0) {
            const auto tid = static_cast<id_t>(::gettid());
            ::setpriority(PRIO_PROCESS, tid, qMin(19, ::getpriority(PRIO_PROCESS, tid) + nice));
        }
        jobPtr->run(*ctx);
    });
    connect(jobPtr, &Job::finished, this,
            [this, id](const JobResult &result) { onJobFinished(id, result); });
    connect(entry->thread.get(), &QThread::finished, this, [this, id] { reap(id); });

    entry->clock.start();
    QThread *thread = entry->thread.get();
    m_jobs.emplace(id, std::move(entry));
    vds::log::get("jobs")->debug("starting job {}", id);
    thread->start();
    if (!m_timer.isActive())
        m_timer.start();
    emit started(id, m_jobs.at(id)->title);
    return id;
}

void JobRunner::cancel(JobId id)
{
    if (auto it = m_jobs.find(id); it != m_jobs.end())
        it->second->context->requestCancel();
}

void JobRunner::cancelAll()
{
    for (auto &[id, entry] : m_jobs)
        entry->context->requestCancel();
}

void JobRunner::shutdown()
{
    cancelAll();
    for (auto &[id, entry] : m_jobs) {
        entry->thread->quit(); // the job's thread leaves its loop once run() has returned
        entry->thread->wait();
    }
    // Every job's finished (and its thread's) sits in this thread's queue: deliver it now,
    // without running anything else of the event loop.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

bool JobRunner::isRunning(JobId id) const
{
    auto it = m_jobs.find(id);
    return it != m_jobs.end() && !it->second->finished;
}

int JobRunner::runningCount() const
{
    int n = 0;
    for (const auto &[id, entry] : m_jobs)
        n += entry->finished ? 0 : 1;
    return n;
}

JobSnapshot JobRunner::snapshot(JobId id) const
{
    JobSnapshot s;
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return s;
    const Entry &e = *it->second;
    s.id = id;
    s.title = e.title;
    s.kind = e.kind;
    s.phase = e.context->phase();
    s.step = e.context->step();
    s.stepCount = e.context->stepCount();
    s.serverPercent = e.context->serverPercent();
    s.stalledChannels = channelsOf(e.context->stalledChannels());
    s.messages = e.context->serverMessagesSince(0, nullptr);
    s.done = e.context->done();
    s.total = e.context->total();
    s.bytesPerSecond = e.estimator.current();
    s.averageBytesPerSecond = e.estimator.average();
    s.etaSeconds = e.estimator.etaSeconds(s.total);
    s.elapsedSeconds = static_cast<double>(e.clock.nsecsElapsed()) / 1e9;
    s.channelNames = e.channelNames;
    s.running = !e.finished;
    s.params = e.params;
    s.startedAt = e.startedAt;
    return s;
}

void JobRunner::setSampleIntervalMs(int ms)
{
    m_timer.setInterval(qMax(10, ms));
}

void JobRunner::sample()
{
    for (auto &[id, entry] : m_jobs)
        if (!entry->finished)
            sampleOne(*entry);
    if (runningCount() == 0)
        m_timer.stop();
}

void JobRunner::sampleOne(Entry &e)
{
    const double now = static_cast<double>(e.clock.nsecsElapsed()) / 1e9;
    const quint64 done = e.context->done();
    const quint64 total = e.context->total();
    e.estimator.add(now, done);
    emit progress(e.id, done, total);

    QList<double> perChannel;
    const int channels = e.context->channelCount();
    if (channels > 0) {
        const double dt = now - e.lastSampleSeconds;
        e.lastChannelBytes.resize(channels, 0);
        perChannel.reserve(channels);
        for (int c = 0; c < channels; ++c) {
            const quint64 bytes = e.context->channel(c);
            const quint64 prev = e.lastChannelBytes[c];
            perChannel.append(dt > 0 && bytes >= prev ? static_cast<double>(bytes - prev) / dt
                                                      : 0.0);
            e.lastChannelBytes[c] = bytes;
        }
    }
    e.lastSampleSeconds = now;
    emit throughputSample(e.id, e.estimator.current(), perChannel);

    const qint64 eta = e.estimator.etaSeconds(total);
    if (eta != e.lastEta) {
        e.lastEta = eta;
        emit etaChanged(e.id, eta);
    }
    const QString phase = e.context->phase();
    if (phase != e.lastPhase) {
        e.lastPhase = phase;
        emit phaseChanged(e.id, phase);
    }
    const int stepCount = e.context->stepCount();
    const int step = e.context->step();
    if (step != e.lastStep || stepCount != e.lastStepCount) {
        e.lastStep = step;
        e.lastStepCount = stepCount;
        emit stepChanged(e.id, step, stepCount);
    }
    const int percent = e.context->serverPercent();
    if (percent != e.lastServerPercent) {
        e.lastServerPercent = percent;
        emit serverPercentChanged(e.id, percent);
    }
    const std::uint64_t stalledMask = e.context->stalledChannels();
    if (stalledMask != e.lastStalled) {
        e.lastStalled = stalledMask;
        emit stalledChannelsChanged(e.id, channelsOf(stalledMask));
    }
    if (const QList<ServerMessage> fresh =
            e.context->serverMessagesSince(e.nextMessage, &e.nextMessage);
        !fresh.isEmpty())
        emit serverMessages(e.id, fresh);
    const double idle = e.estimator.secondsSinceProgress();
    if (idle * 1000.0 >= m_stallTimeoutMs) {
        if (!e.stallReported) {
            e.stallReported = true;
            vds::log::get("jobs")->warn("job {} has made no progress for {:.0f} s", e.id, idle);
            emit stalled(e.id, static_cast<qint64>(idle));
        }
    } else {
        e.stallReported = false;
    }
}

void JobRunner::onJobFinished(JobId id, const JobResult &result)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->second->finished)
        return;
    Entry &e = *it->second;
    sampleOne(e); // a last sample so the graph and the bar end where the job ended
    e.finished = true;
    e.thread->quit();
    emit finished(id, result);
}

void JobRunner::reap(JobId id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    it->second->thread->wait();
    m_jobs.erase(it);
}

} // namespace vds::jobs
