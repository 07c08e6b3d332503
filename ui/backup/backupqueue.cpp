#include "ui/backup/backupqueue.h"

#include <QWidget>

#include "ui/jobs/jobwindow.h"
#include <vds/jobs/job.h>

namespace vds::ui {

BackupQueue::BackupQueue(jobs::JobRunner &runner, std::vector<std::unique_ptr<jobs::Job>> jobs,
                         bool parallel)
    : QObject(&runner), m_runner(runner), m_parallel(parallel)
{
    for (auto &j : jobs)
        m_waiting.push_back(std::move(j));
    connect(&runner, &jobs::JobRunner::finished, this, [this](jobs::JobId id) {
        if (!m_started.contains(id))
            return;
        --m_running;
        startNext();
        if (m_running == 0 && m_waiting.empty()) {
            emit allFinished();
            deleteLater();
        }
    });
}

BackupQueue::~BackupQueue() = default;

void BackupQueue::openLiveViews(QWidget *parent, bool confirmCancel)
{
    m_liveViews = true;
    m_viewParent = parent;
    m_confirmCancel = confirmCancel;
}

void BackupQueue::start()
{
    startNext();
    if (m_running == 0 && m_waiting.empty())
        deleteLater();
}

void BackupQueue::startNext()
{
    while (!m_waiting.empty() && (m_parallel || m_running == 0)) {
        std::unique_ptr<jobs::Job> job = std::move(m_waiting.front());
        m_waiting.pop_front();
        const jobs::JobId id = m_runner.start(std::move(job));
        m_started.append(id);
        ++m_running;
        emit jobStarted(id);
        if (m_liveViews) {
            auto *w = new JobWindow(m_runner, id, m_confirmCancel, m_viewParent);
            w->show();
            emit liveViewOpened(id, w);
        }
    }
}

} // namespace vds::ui
