#pragma once

#include <QWidget>

#include <map>

#include <vds/jobs/jobrunner.h>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace vds::ui {

class JobTracker;
class Sparkline;

/// Lists this session's jobs, running and finished, with progress, speed and a sparkline.
/// Double-click (or Enter) asks for a job's live view. GUI thread only; reads the tracker
/// (not owned).
class JobsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)
public:
    explicit JobsPanel(JobTracker &tracker, QWidget *parent = nullptr);

    [[nodiscard]] int rowCount() const;
    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }
    /// Status text shown for a job ("Running", "Succeeded", …); empty for unknown ids.
    [[nodiscard]] QString statusText(jobs::JobId id) const;
    [[nodiscard]] Sparkline *sparkline(jobs::JobId id) const;

signals:
    void openJobRequested(vds::jobs::JobId id);

private:
    struct Row {
        QTreeWidgetItem *item = nullptr;
        Sparkline *spark = nullptr;
    };
    void add(jobs::JobId id);
    void update(jobs::JobId id);

    JobTracker &m_tracker;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_empty = nullptr;
    std::map<jobs::JobId, Row> m_rows;
};

} // namespace vds::ui
