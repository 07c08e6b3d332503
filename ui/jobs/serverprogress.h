#pragma once

#include <QList>
#include <QWidget>

#include <vds/jobs/servermessage.h>

class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace vds::ui {

struct TrackedJob;

/// What the server itself says about a job it runs (a backup or restore on SQL Server): its own
/// percent (STATS), the stripes that stopped moving, and its messages as they arrive, shown
/// verbatim with their number and severity. Part of JobView; hidden for jobs without a server.
/// GUI thread only; owned by its parent; reads TrackedJob values it is handed.
class ServerProgress final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProgress)
public:
    explicit ServerProgress(QWidget *parent = nullptr);

    /// Shows this job's figures; replaces the message log when `replayMessages`.
    void showJob(const TrackedJob &job, bool replayMessages);
    /// Appends messages that just arrived.
    void appendMessages(const QList<jobs::ServerMessage> &messages);
    /// True once the job has shown any server progress (percent or a message).
    [[nodiscard]] static bool hasServerProgress(const TrackedJob &job);

    [[nodiscard]] QProgressBar *percentBar() const { return m_percent; }
    [[nodiscard]] QString stalledText() const;
    [[nodiscard]] QString messagesText() const;
    [[nodiscard]] int messageLines() const;

private:
    QProgressBar *m_percent = nullptr;
    QLabel *m_stalled = nullptr;
    QPlainTextEdit *m_messages = nullptr;
};

} // namespace vds::ui
