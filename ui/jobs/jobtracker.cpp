#include "ui/jobs/jobtracker.h"

namespace vds::ui {

JobTracker::JobTracker(jobs::JobRunner &runner, QObject *parent) : QObject(parent), m_runner(runner)
{
    connect(&runner, &jobs::JobRunner::started, this, [this](jobs::JobId id, const QString &title) {
        TrackedJob &j = entry(id);
        j.title = title;
        j.started = QDateTime::currentDateTime();
        j.seriesNames = m_runner.snapshot(id).channelNames;
        emit jobAdded(id);
    });
    connect(&runner, &jobs::JobRunner::progress, this,
            [this](jobs::JobId id, quint64 done, quint64 total) {
                TrackedJob &j = entry(id);
                j.done = done;
                j.total = total;
                const jobs::JobSnapshot s = m_runner.snapshot(id);
                j.elapsedSeconds = s.elapsedSeconds;
                j.etaSeconds = s.etaSeconds;
                j.phase = s.phase;
            });
    connect(&runner, &jobs::JobRunner::throughputSample, this,
            [this](jobs::JobId id, double bps, const QList<double> &per) {
                TrackedJob &j = entry(id);
                j.rate = bps;
                if (j.history.seriesCount() != 1 + per.size())
                    j.history.setSeriesCount(1 + int(per.size()));
                j.history.add(bps, per);
                emit jobSampled(id, bps, per);
                emit jobUpdated(id);
            });
    connect(&runner, &jobs::JobRunner::stepChanged, this, [this](jobs::JobId id, int step, int n) {
        TrackedJob &j = entry(id);
        j.step = step;
        j.stepCount = n;
        emit jobUpdated(id);
    });
    connect(&runner, &jobs::JobRunner::phaseChanged, this,
            [this](jobs::JobId id, const QString &phase) {
                entry(id).phase = phase;
                emit jobUpdated(id);
            });
    connect(&runner, &jobs::JobRunner::serverPercentChanged, this,
            [this](jobs::JobId id, int percent) {
                entry(id).serverPercent = percent;
                emit jobUpdated(id);
            });
    connect(&runner, &jobs::JobRunner::stalledChannelsChanged, this,
            [this](jobs::JobId id, const QList<int> &channels) {
                entry(id).stalledChannels = channels;
                emit jobUpdated(id);
            });
    connect(&runner, &jobs::JobRunner::serverMessages, this,
            [this](jobs::JobId id, const QList<jobs::ServerMessage> &messages) {
                TrackedJob &j = entry(id);
                // A tracker that followed late holds some of these already (from the snapshot).
                const quint64 next = j.messages.isEmpty() ? 0 : j.messages.last().sequence + 1;
                QList<jobs::ServerMessage> fresh;
                for (const auto &m : messages)
                    if (m.sequence >= next)
                        fresh.append(m);
                if (fresh.isEmpty())
                    return;
                j.messages += fresh;
                emit jobMessages(id, fresh);
            });
    connect(&runner, &jobs::JobRunner::finished, this,
            [this](jobs::JobId id, const jobs::JobResult &result) {
                TrackedJob &j = entry(id);
                j.running = false;
                j.result = result;
                j.done = result.stats.bytesDone;
                j.total = result.stats.bytesTotal;
                j.elapsedSeconds = result.stats.seconds;
                j.etaSeconds = 0;
                j.stalledChannels.clear();
                emit jobUpdated(id);
                emit jobFinished(id);
            });
}

TrackedJob &JobTracker::entry(jobs::JobId id)
{
    auto [it, inserted] = m_jobs.try_emplace(id);
    if (inserted)
        it->second.id = id;
    return it->second;
}

const TrackedJob *JobTracker::job(jobs::JobId id) const
{
    auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : &it->second;
}

QList<jobs::JobId> JobTracker::jobs() const
{
    QList<jobs::JobId> ids;
    for (const auto &[id, j] : m_jobs)
        ids.append(id);
    return ids;
}

void JobTracker::follow(jobs::JobId id)
{
    if (m_jobs.count(id) && !m_jobs.at(id).title.isEmpty())
        return;
    const jobs::JobSnapshot s = m_runner.snapshot(id);
    if (s.id == 0)
        return;
    TrackedJob &j = entry(id);
    j.title = s.title;
    j.started = s.startedAt.toLocalTime();
    j.running = s.running;
    j.done = s.done;
    j.total = s.total;
    j.phase = s.phase;
    j.step = s.step;
    j.stepCount = s.stepCount;
    j.serverPercent = s.serverPercent;
    j.stalledChannels = s.stalledChannels;
    j.messages = s.messages;
    j.seriesNames = s.channelNames;
    j.elapsedSeconds = s.elapsedSeconds;
    j.etaSeconds = s.etaSeconds;
    emit jobAdded(id);
}

void JobTracker::setSeriesNames(jobs::JobId id, const QStringList &names)
{
    entry(id).seriesNames = names;
    emit jobUpdated(id);
}

} // namespace vds::ui
