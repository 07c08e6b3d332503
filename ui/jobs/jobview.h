#pragma once

#include <QWidget>

#include <vds/jobs/jobrunner.h>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace vds::ui {

class JobTracker;
class ServerProgress;
class ThroughputPanel;

/// The live view of one job: throughput graph (total and per channel, a stalled stripe drawn
/// apart), bytes done of total, percentage, elapsed, ETA, phase and Cancel; for jobs that run
/// on a server (backups, restores) also the server's own percent and its messages as they
/// arrive (ServerProgress); then its result (figures, the error worded for people with the
/// technical detail behind "Details", and open-folder / copy-path for jobs that wrote a file).
/// Reusable by every wizard's progress page and by the Jobs panel. GUI thread only; reads the
/// tracker (not owned), never the job itself.
class JobView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobView)
public:
    explicit JobView(JobTracker &tracker, QWidget *parent = nullptr);

    /// Shows this job, replaying what the tracker has already seen of it.
    void setJob(jobs::JobId id);
    [[nodiscard]] jobs::JobId job() const { return m_id; }
    /// Ask "Cancel this job?" before cancelling (the Preferences setting, copied in by the caller).
    void setConfirmCancel(bool confirm) { m_confirmCancel = confirm; }

    [[nodiscard]] ThroughputPanel *throughput() const { return m_throughput; }
    [[nodiscard]] QProgressBar *progressBar() const { return m_bar; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] ServerProgress *serverProgress() const { return m_server; }
    [[nodiscard]] QString phaseText() const;
    [[nodiscard]] QString resultHeadline() const;
    [[nodiscard]] QString detailsText() const;

    /// The output file of a finished job (from its statistics), or empty.
    [[nodiscard]] QString outputPath() const;

public slots:
    /// Cancels the job, after confirmation when enabled.
    void requestCancel();

signals:
    void jobFinished(vds::jobs::JobId id);

private:
    void refresh();
    void showResult();

    JobTracker &m_tracker;
    jobs::JobId m_id = 0;
    bool m_confirmCancel = true;
    QLabel *m_title = nullptr;
    QLabel *m_phase = nullptr;
    ThroughputPanel *m_throughput = nullptr;
    ServerProgress *m_server = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_amount = nullptr;
    QLabel *m_time = nullptr;
    QPushButton *m_cancel = nullptr;
    QWidget *m_resultBox = nullptr;
    QLabel *m_resultHeadline = nullptr;
    QLabel *m_resultFigures = nullptr;
    QLabel *m_resultAdvice = nullptr;
    QToolButton *m_detailsToggle = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_copyPath = nullptr;
};

} // namespace vds::ui
