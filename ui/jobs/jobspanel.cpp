#include "ui/jobs/jobspanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/jobs/jobtracker.h"
#include "ui/widgets/format.h"
#include "ui/widgets/sparkline.h"

namespace vds::ui {
namespace {

enum Column { ColJob, ColStatus, ColProgress, ColSpeed, ColActivity, ColCount };

} // namespace

JobsPanel::JobsPanel(JobTracker &tracker, QWidget *parent) : QWidget(parent), m_tracker(tracker)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_empty = new QLabel(
        tr("No jobs yet. Jobs you start appear here; double-click one to watch it."), this);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty);
    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Jobs"));
    m_tree->setColumnCount(ColCount);
    m_tree->setHeaderLabels({tr("Job"), tr("Status"), tr("Progress"), tr("Speed"), tr("Activity")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(ColJob, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(ColActivity, 110);
    m_tree->setVisible(false);
    layout->addWidget(m_tree);

    auto open = [this](QTreeWidgetItem *item) {
        if (item)
            emit openJobRequested(item->data(ColJob, Qt::UserRole).value<jobs::JobId>());
    };
    // Activation covers double-click and Enter (and single click where the style says so).
    connect(m_tree, &QTreeWidget::itemActivated, this, open);
    connect(&m_tracker, &JobTracker::jobAdded, this, &JobsPanel::add);
    connect(&m_tracker, &JobTracker::jobUpdated, this, &JobsPanel::update);
    connect(&m_tracker, &JobTracker::jobSampled, this,
            [this](jobs::JobId id, double bps, const QList<double> &) {
                if (auto it = m_rows.find(id); it != m_rows.end())
                    it->second.spark->addSample(bps);
            });
    for (jobs::JobId id : m_tracker.jobs())
        add(id);
}

int JobsPanel::rowCount() const
{
    return m_tree->topLevelItemCount();
}

Sparkline *JobsPanel::sparkline(jobs::JobId id) const
{
    auto it = m_rows.find(id);
    return it == m_rows.end() ? nullptr : it->second.spark;
}

QString JobsPanel::statusText(jobs::JobId id) const
{
    auto it = m_rows.find(id);
    return it == m_rows.end() ? QString() : it->second.item->text(ColStatus);
}

void JobsPanel::add(jobs::JobId id)
{
    if (m_rows.count(id))
        return;
    auto *item = new QTreeWidgetItem;
    item->setData(ColJob, Qt::UserRole, QVariant::fromValue(id));
    m_tree->insertTopLevelItem(0, item); // newest first
    auto *spark = new Sparkline(m_tree);
    m_tree->setItemWidget(item, ColActivity, spark);
    m_rows[id] = Row{item, spark};
    m_empty->setVisible(false);
    m_tree->setVisible(true);
    update(id);
}

void JobsPanel::update(jobs::JobId id)
{
    auto it = m_rows.find(id);
    const TrackedJob *j = m_tracker.job(id);
    if (it == m_rows.end() || !j)
        return;
    QTreeWidgetItem *item = it->second.item;
    item->setText(ColJob, j->title);
    QString status = tr("Running");
    if (j->result) {
        switch (j->result->status) {
        case jobs::JobStatus::Succeeded: status = tr("Succeeded"); break;
        case jobs::JobStatus::Failed: status = tr("Failed"); break;
        case jobs::JobStatus::Cancelled: status = tr("Cancelled"); break;
        }
    }
    item->setText(ColStatus, status);
    item->setText(ColProgress, j->total > 0 ? QStringLiteral("%1 %").arg(j->done * 100 / j->total)
                                            : format::bytes(j->done));
    // A job over in less than a second (an empty dynamic disk) has no meaningful speed.
    const bool meaningful = j->result && j->result->stats.seconds >= 1.0;
    item->setText(ColSpeed, j->running   ? format::rate(j->rate)
                            : meaningful ? format::rate(j->result->stats.averageBytesPerSecond)
                                         : QStringLiteral("—"));
    item->setToolTip(ColJob, tr("Started %1").arg(j->started.toString(Qt::TextDate)));
}

} // namespace vds::ui
