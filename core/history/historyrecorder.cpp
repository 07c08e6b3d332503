#include <vds/history/historyrecorder.h>

#include <QThread>

#include <vds/history/historystore.h>
#include <vds/logging/log.h>

#include <spdlog/logger.h>

namespace vds::history {

HistoryRecorder::HistoryRecorder(jobs::JobRunner &runner, QString path, QObject *parent)
    : QObject(parent), m_runner(runner), m_path(std::move(path)),
      m_thread(std::make_unique<QThread>())
{
    qRegisterMetaType<vds::jobs::JobId>("vds::jobs::JobId");
    m_thread->setObjectName(QStringLiteral("history"));
    m_writer = new QObject; // a context object whose thread is the writer thread
    m_writer->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread->start();
    connect(&runner, &jobs::JobRunner::finished, this, &HistoryRecorder::onFinished);
}

HistoryRecorder::~HistoryRecorder()
{
    waitForIdle();
    // The QtSql connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(
        m_writer, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString HistoryRecorder::defaultPath()
{
    return HistoryStore::defaultPath();
}

void HistoryRecorder::onFinished(jobs::JobId id, const jobs::JobResult &result)
{
    // The runner still knows the job while it emits finished: kind, title, params, start.
    record(HistoryEntry::fromJob(m_runner.snapshot(id), result), id);
}

void HistoryRecorder::record(HistoryEntry entry, jobs::JobId job)
{
    QMetaObject::invokeMethod(
        m_writer,
        [this, entry = std::move(entry), job] {
            if (!m_store)
                m_store = std::make_unique<HistoryStore>(m_path);
            auto id = m_store->add(entry);
            if (!id && !m_store->isOpen())
                m_store.reset(); // open again next time (the file may have been fixed)
            {
                std::lock_guard lock(m_mutex);
                m_lastError = id ? std::nullopt : std::optional<Error>(id.error());
            }
            if (id) {
                QMetaObject::invokeMethod(
                    this, [this, job, hid = *id] { emit recorded(job, hid); },
                    Qt::QueuedConnection);
            } else {
                vds::log::get("history")->info("job not recorded: {}", id.error().toString());
                QMetaObject::invokeMethod(
                    this,
                    [this, job, message = QString::fromStdString(id.error().toString())] {
                        emit recordFailed(job, message);
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void HistoryRecorder::waitForIdle()
{
    // Queued calls run in order: once this empty one has run, every earlier write has too.
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
}

std::optional<Error> HistoryRecorder::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

} // namespace vds::history
