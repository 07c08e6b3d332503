#pragma once

#include <QWizard>

#include <optional>

#include <vds/backup/chain.h>
#include <vds/backup/params.h>
#include <vds/jobs/jobrunner.h>

namespace vds::ui {

class JobTracker;
class ServerProbe;
struct ServerSnapshot;

namespace restore {
class SourcePage;
class PointInTimePage;
class KeysPage;
class TargetPage;
class FilesPage;
class SummaryPage;
class ProgressPage;
class ResultPage;
} // namespace restore

/// Restores a backup, or a full + differential + log chain, to a server: files or a folder →
/// the chain (and any gap) → a point in time → keys for encrypted backups → the target name
/// (REPLACE only after a confirmation naming it) and recovery state → where the files go →
/// the summary with the T-SQL and the vdsctl line → progress → result. The pages collect a
/// RestoreParams (params()); the chain, the relocation and the statements come from
/// core/backup, the same functions the job runs. Non-modal; a wizard closed while its job
/// runs leaves the job in the Jobs panel. GUI thread only; does not own the tracker.
class RestoreWizard final : public QWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreWizard)
public:
    enum PageId { Source, PointInTime, Keys, Target, Files, Summary, Progress, Result };

    RestoreWizard(JobTracker &tracker, backup::ServerRef server, sql::ConnectionOptions connection,
                  QWidget *parent = nullptr);
    ~RestoreWizard() override;

    /// The job the pages describe now (secrets resolved: identities and passphrase filled).
    [[nodiscard]] backup::RestoreParams params() const;
    [[nodiscard]] const backup::ServerRef &server() const { return m_server; }
    /// The chain params() would restore (with its point in time), or the reason it cannot.
    [[nodiscard]] Expected<backup::RestoreChain> chain() const;
    /// The server's answers (default folders, databases, UTC offset), once they came.
    [[nodiscard]] const ServerSnapshot *serverSnapshot() const;
    /// The reason the server could not be asked, worded; empty when it answered or is asking.
    [[nodiscard]] QString serverProblem() const;
    [[nodiscard]] ServerProbe &probe() const { return *m_probe; }

    /// Starts the job once (the progress page calls it); 0 before.
    void startJob();
    [[nodiscard]] jobs::JobId jobId() const { return m_job; }
    [[nodiscard]] JobTracker &tracker() const { return m_tracker; }
    void setConfirmCancel(bool confirm) { m_confirmCancel = confirm; }
    [[nodiscard]] bool confirmCancel() const { return m_confirmCancel; }

    [[nodiscard]] restore::SourcePage *sourcePage() const { return m_source; }
    [[nodiscard]] restore::PointInTimePage *pointInTimePage() const { return m_pointInTime; }
    [[nodiscard]] restore::KeysPage *keysPage() const { return m_keys; }
    [[nodiscard]] restore::TargetPage *targetPage() const { return m_target; }
    [[nodiscard]] restore::FilesPage *filesPage() const { return m_files; }
    [[nodiscard]] restore::SummaryPage *summaryPage() const { return m_summary; }
    [[nodiscard]] restore::ProgressPage *progressPage() const { return m_progress; }
    [[nodiscard]] restore::ResultPage *resultPage() const { return m_result; }

    [[nodiscard]] int nextId() const override;

signals:
    void jobStarted(vds::jobs::JobId id);
    /// The server's answer arrived (or failed).
    void serverProbed();

private:
    JobTracker &m_tracker;
    backup::ServerRef m_server;
    sql::ConnectionOptions m_connection;
    ServerProbe *m_probe = nullptr;
    jobs::JobId m_job = 0;
    bool m_confirmCancel = true;
    restore::SourcePage *m_source = nullptr;
    restore::PointInTimePage *m_pointInTime = nullptr;
    restore::KeysPage *m_keys = nullptr;
    restore::TargetPage *m_target = nullptr;
    restore::FilesPage *m_files = nullptr;
    restore::SummaryPage *m_summary = nullptr;
    restore::ProgressPage *m_progress = nullptr;
    restore::ResultPage *m_result = nullptr;
};

} // namespace vds::ui
