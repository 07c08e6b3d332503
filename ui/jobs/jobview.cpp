#include "ui/jobs/jobview.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include "ui/jobs/errortext.h"
#include "ui/jobs/jobtext.h"
#include "ui/jobs/jobtracker.h"
#include "ui/jobs/serverprogress.h"
#include "ui/widgets/format.h"
#include "ui/widgets/throughputgraph.h"
#include "ui/widgets/throughputpanel.h"

namespace vds::ui {

JobView::JobView(JobTracker &tracker, QWidget *parent) : QWidget(parent), m_tracker(tracker)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    m_phase = new QLabel(this);
    m_phase->setAccessibleName(tr("Current phase"));
    layout->addWidget(m_title);
    layout->addWidget(m_phase);

    m_throughput = new ThroughputPanel(this);
    layout->addWidget(m_throughput, 1);
    m_server = new ServerProgress(this);
    m_server->setVisible(false); // until the job shows server progress
    layout->addWidget(m_server);

    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setAccessibleName(tr("Progress"));
    m_bar->setFormat(QStringLiteral("%p %"));
    layout->addWidget(m_bar);

    auto *row = new QHBoxLayout;
    m_amount = new QLabel(this);
    m_amount->setAccessibleName(tr("Bytes done"));
    m_time = new QLabel(this);
    m_time->setAccessibleName(tr("Elapsed and remaining time"));
    m_cancel = new QPushButton(tr("&Cancel job"), this);
    row->addWidget(m_amount);
    row->addStretch(1);
    row->addWidget(m_time);
    row->addSpacing(12);
    row->addWidget(m_cancel);
    layout->addLayout(row);

    m_resultBox = new QWidget(this);
    auto *rl = new QVBoxLayout(m_resultBox);
    rl->setContentsMargins(0, 8, 0, 0);
    m_resultHeadline = new QLabel(m_resultBox);
    m_resultHeadline->setWordWrap(true);
    m_resultHeadline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultFigures = new QLabel(m_resultBox);
    m_resultFigures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultAdvice = new QLabel(m_resultBox);
    m_resultAdvice->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    m_openFolder = new QPushButton(tr("Open &folder"), m_resultBox);
    m_copyPath = new QPushButton(tr("Copy &path"), m_resultBox);
    m_detailsToggle = new QToolButton(m_resultBox);
    m_detailsToggle->setText(tr("&Details"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    buttons->addWidget(m_openFolder);
    buttons->addWidget(m_copyPath);
    buttons->addStretch(1);
    buttons->addWidget(m_detailsToggle);
    m_details = new QPlainTextEdit(m_resultBox);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Technical details"));
    m_details->setVisible(false);
    rl->addWidget(m_resultHeadline);
    rl->addWidget(m_resultFigures);
    rl->addWidget(m_resultAdvice);
    rl->addLayout(buttons);
    rl->addWidget(m_details);
    m_resultBox->setVisible(false);
    layout->addWidget(m_resultBox);

    connect(m_cancel, &QPushButton::clicked, this, &JobView::requestCancel);
    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(outputPath()).absolutePath()));
    });
    connect(m_copyPath, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(outputPath()); });

    connect(&m_tracker, &JobTracker::jobSampled, this,
            [this](jobs::JobId id, double, const QList<double> &) {
                if (id == m_id)
                    m_throughput->graph()->historyChanged(); // the tracker's history grew
            });
    connect(&m_tracker, &JobTracker::jobMessages, this,
            [this](jobs::JobId id, const QList<jobs::ServerMessage> &messages) {
                if (id != m_id)
                    return;
                m_server->appendMessages(messages);
                refresh();
            });
    connect(&m_tracker, &JobTracker::jobUpdated, this, [this](jobs::JobId id) {
        if (id == m_id)
            refresh();
    });
    connect(&m_tracker, &JobTracker::jobFinished, this, [this](jobs::JobId id) {
        if (id != m_id)
            return;
        showResult();
        emit jobFinished(id);
    });
}

void JobView::setJob(jobs::JobId id)
{
    m_id = id;
    ThroughputGraph *graph = m_throughput->graph();
    graph->clear();
    graph->setSampleIntervalMs(m_tracker.runner().sampleIntervalMs());
    const TrackedJob *j = m_tracker.job(id);
    if (!j)
        return;
    graph->setSeriesNames(seriesTexts(j->seriesNames));
    graph->showHistory(&j->history); // the tracker keeps every job of the session
    m_server->showJob(*j, true);
    refresh();
    if (!j->running)
        showResult();
}

void JobView::refresh()
{
    const TrackedJob *j = m_tracker.job(m_id);
    if (!j)
        return;
    m_title->setText(j->title);
    m_phase->setText(j->phase.isEmpty()
                         ? QString()
                         : tr("Phase: %1").arg(ui::phaseText(j->phase, j->step, j->stepCount)));
    const QStringList series = seriesTexts(j->seriesNames);
    if (m_throughput->graph()->seriesNames() != series)
        m_throughput->graph()->setSeriesNames(series);
    m_throughput->graph()->setStalledSeries(j->stalledChannels);
    if (ServerProgress::hasServerProgress(*j)) {
        m_server->showJob(*j, false);
        m_server->setVisible(true);
    }
    if (j->total > 0) {
        m_bar->setRange(0, 1000); // back from the busy indicator once the total is known
        m_bar->setValue(int(qMin<quint64>(1000, j->done * 1000 / j->total)));
        m_amount->setText(tr("%1 of %2").arg(format::bytes(j->done), format::bytes(j->total)));
    } else {
        m_bar->setRange(0, j->running ? 0 : 1000); // busy indicator until the size is known
        m_amount->setText(format::bytes(j->done));
    }
    m_time->setText(tr("Elapsed %1 · Remaining %2")
                        .arg(format::duration(qint64(j->elapsedSeconds)),
                             j->running ? format::duration(j->etaSeconds) : format::duration(0)));
    m_cancel->setEnabled(j->running);
}

void JobView::requestCancel()
{
    const TrackedJob *j = m_tracker.job(m_id);
    if (!j || !j->running)
        return;
    if (m_confirmCancel &&
        QMessageBox::question(
            this, tr("Cancel job"),
            tr("Cancel “%1”? What it has written so far will be removed.").arg(j->title),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("Cancelling…"));
    m_tracker.runner().cancel(m_id);
}

QString JobView::outputPath() const
{
    const TrackedJob *j = m_tracker.job(m_id);
    if (!j || !j->result)
        return {};
    return j->result->stats.extra.value(QStringLiteral("outputPath")).toString();
}

QString JobView::phaseText() const
{
    return m_phase->text();
}

QString JobView::resultHeadline() const
{
    return m_resultHeadline->text();
}

QString JobView::detailsText() const
{
    return m_details->toPlainText();
}

void JobView::showResult()
{
    const TrackedJob *j = m_tracker.job(m_id);
    if (!j || !j->result)
        return;
    const jobs::JobResult &r = *j->result;
    refresh();
    if (r.status == jobs::JobStatus::Succeeded)
        m_bar->setValue(1000);
    m_cancel->setVisible(false);
    QString figures =
        tr("%1 in %2 · average %3")
            .arg(format::bytes(r.stats.bytesDone), format::duration(qint64(r.stats.seconds)),
                 format::rate(r.stats.averageBytesPerSecond));
    const QString path = outputPath();
    if (!path.isEmpty() && QFileInfo::exists(path))
        figures += tr(" · output %1 (%2 on disk)")
                       .arg(path, format::bytes(quint64(QFileInfo(path).size())));
    m_resultFigures->setText(figures);
    QString details;
    switch (r.status) {
    case jobs::JobStatus::Succeeded:
        m_resultHeadline->setText(tr("<b>Finished successfully.</b>"));
        m_resultAdvice->clear();
        break;
    case jobs::JobStatus::Cancelled:
    case jobs::JobStatus::Failed: {
        const ErrorText text = describe(r.error);
        m_resultHeadline->setText(QStringLiteral("<b>%1</b>").arg(text.headline.toHtmlEscaped()));
        m_resultAdvice->setText(text.advice);
        details = text.technical + QStringLiteral("\n\n");
        break;
    }
    }
    m_details->setPlainText(details + r.report.toText());
    const bool hasFile = r.status == jobs::JobStatus::Succeeded && !path.isEmpty();
    m_openFolder->setVisible(hasFile);
    m_copyPath->setVisible(hasFile);
    m_resultBox->setVisible(true);
}

} // namespace vds::ui
