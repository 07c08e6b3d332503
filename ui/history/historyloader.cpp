#include "ui/history/historyloader.h"

#include <QFileInfo>
#include <QThread>

namespace vds::ui {

HistoryLoader::HistoryLoader(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("history-reader"));
    m_worker = new QObject;
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

HistoryLoader::~HistoryLoader()
{
    // The QtSql connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(
        m_worker, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void HistoryLoader::request(const history::HistoryFilter &filter)
{
    const quint64 ticket = ++m_pending;
    QMetaObject::invokeMethod(
        m_worker,
        [this, filter, ticket] {
            QList<history::HistoryEntry> entries;
            history::HistoryFacets facets;
            QString error;
            // No file yet means no jobs yet: listing never creates it (as vdsctl history).
            if (QFileInfo::exists(m_path)) {
                if (!m_store)
                    m_store = std::make_unique<history::HistoryStore>(m_path);
                auto l = m_store->list(filter);
                auto f = l ? m_store->facets() : Expected<history::HistoryFacets>();
                if (!l)
                    error = QString::fromStdString(l.error().toString());
                else if (!f)
                    error = QString::fromStdString(f.error().toString());
                else {
                    entries = std::move(*l);
                    facets = std::move(*f);
                }
                if (!error.isEmpty() && !m_store->isOpen())
                    m_store.reset();
            }
            QMetaObject::invokeMethod(
                this,
                [this, ticket, entries = std::move(entries), facets = std::move(facets), error] {
                    if (ticket != m_pending)
                        return; // a newer request is on its way
                    m_answered = ticket;
                    if (error.isEmpty())
                        emit loaded(entries, facets);
                    else
                        emit failed(error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace vds::ui
