#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

#include <vds/history/historystore.h>

class QThread;

namespace vds::ui {

/// Reads the history file off the GUI thread: a thread of its own holds the store (QtSql
/// connections belong to the thread that opened them), so a busy or large file never freezes
/// the window. Answers come back on the GUI thread; only the newest request's answer is
/// delivered. GUI thread only; owns its thread and the store.
class HistoryLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryLoader)
public:
    explicit HistoryLoader(QString path, QObject *parent = nullptr);
    ~HistoryLoader() override;

    [[nodiscard]] const QString &path() const { return m_path; }
    /// Queues a query; `loaded` (or `failed`) follows unless a newer request overtakes it.
    void request(const history::HistoryFilter &filter);
    [[nodiscard]] bool isBusy() const { return m_pending != m_answered; }

signals:
    void loaded(const QList<vds::history::HistoryEntry> &entries,
                const vds::history::HistoryFacets &facets);
    void failed(const QString &technical);

private:
    QString m_path;
    std::unique_ptr<QThread> m_thread;
    QObject *m_worker = nullptr;                    ///< lives on m_thread
    std::unique_ptr<history::HistoryStore> m_store; ///< used on m_thread only
    quint64 m_pending = 0;                          ///< GUI thread
    quint64 m_answered = 0;                         ///< GUI thread
};

} // namespace vds::ui
