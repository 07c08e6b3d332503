#pragma once

#include <QWizard>

#include <vds/jobs/jobrunner.h>
#include <vds/vdisk/createvirtualdisk.h>

namespace vds::ui {
class JobTracker;
}

namespace vds::ui::vhd {

/// What both virtual disk wizards share: the tracker and runner to start the job on, the
/// Params value the pages build, and the job once started. A wizard closed while its job runs
/// leaves the job running (it stays in the Jobs panel).
/// GUI thread only; does not own the tracker.
class VhdWizard : public QWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VhdWizard)
public:
    VhdWizard(JobTracker &tracker, QWidget *parent = nullptr);
    ~VhdWizard() override;

    /// The Params value the pages describe right now.
    [[nodiscard]] virtual vdisk::CreateParams params() const = 0;

    /// Starts the job once: prepares the source (possibly in the background, e.g. asking
    /// UDisks2 for a disk), then starts it and emits jobStarted, or emits jobFailedToStart
    /// with a reason for people. Called by the progress page.
    void startJob();
    [[nodiscard]] jobs::JobId jobId() const { return m_job; }
    [[nodiscard]] JobTracker &tracker() const { return m_tracker; }

    /// Ask before cancelling (copied from Preferences by whoever opens the wizard).
    void setConfirmCancel(bool confirm) { m_confirmCancel = confirm; }
    [[nodiscard]] bool confirmCancel() const { return m_confirmCancel; }

signals:
    void jobStarted(vds::jobs::JobId id);
    void jobFailedToStart(const QString &reason);

protected:
    /// Hook for wizards that must prepare the source before the job starts (open a disk
    /// through UDisks2). Must call exactly one of launch(params) or refuse(reason), now or
    /// later from the GUI thread. The default launches at once.
    virtual void prepareJob(vdisk::CreateParams params);
    void launch(vdisk::CreateParams params);
    void refuse(const QString &reason);

private:
    JobTracker &m_tracker;
    jobs::JobId m_job = 0;
    bool m_starting = false;
    bool m_confirmCancel = true;
};

} // namespace vds::ui::vhd
