#pragma once

#include <QMainWindow>

#include <QPointer>

#include <map>

#include <vds/backup/params.h>
#include <vds/jobs/jobrunner.h>

#include "ui/pages/pageid.h"

class QDockWidget;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace vds::jobs {
class JobRunner;
} // namespace vds::jobs
namespace vds::log {
class LogBridge;
} // namespace vds::log

namespace vds::ui {

namespace vhd {
class ConvertWizard;
class NewDiskWizard;
} // namespace vhd
class BackupDialog;
class JobTracker;
class JobsPanel;
class JobWindow;

/// The application window: a sidebar of pages, the page stack, menus and a status line.
/// GUI thread only. Does not own the runner or the log bridge (the app's composition root does).
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(jobs::JobRunner &runner, log::LogBridge *logBridge, QString logFilePath,
               QWidget *parent = nullptr);

    void showPage(PageId id);
    [[nodiscard]] PageId currentPage() const;
    [[nodiscard]] QWidget *page(PageId id) const;
    [[nodiscard]] JobTracker &tracker() const { return *m_tracker; }
    [[nodiscard]] JobsPanel *jobsPanel() const { return m_jobsPanel; }
    /// Opens (or raises) the live view of a job in its own window.
    JobWindow *openJobWindow(jobs::JobId id);
    /// Opens the virtual disk wizards (non-modal; each deletes itself when closed).
    vhd::NewDiskWizard *openNewDiskWizard();
    /// The backup dialog for databases picked on the Backup page (modeless, deletes itself).
    BackupDialog *openBackupDialog(const vds::backup::ServerRef &server,
                                   const vds::sql::ConnectionOptions &resolved,
                                   const QStringList &databases);
    vhd::ConvertWizard *openConvertWizard();
    /// Opens one of our own files (`vdstudio FILE`, a file manager's "Open with"): a backup
    /// manifest goes to the Restore page, a profile or bundle to the Profiles page, told apart
    /// by vds::info::fileKind. Shows the page and emits the matching signal for the page to
    /// load it. False, with the reason in the status bar, for a file that is not ours.
    bool openPath(const QString &path);

signals:
    /// A manifest to restore from (the Restore page's handler loads it).
    void manifestOpenRequested(const QString &path);
    /// A *.vdsprofile or *.vdsbundle to show (the Profiles page's handler imports it).
    void profileFileOpenRequested(const QString &path);

public slots:
    void showAbout();
    void showPreferences();

private:
    void buildPages(log::LogBridge *logBridge);
    void buildMenus();
    void updateJobStatus();
    void buildJobsDock();

    jobs::JobRunner &m_runner;
    QString m_logFilePath;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_jobStatus = nullptr;
    JobTracker *m_tracker = nullptr;
    JobsPanel *m_jobsPanel = nullptr;
    QDockWidget *m_jobsDock = nullptr;
    std::map<jobs::JobId, QPointer<JobWindow>> m_jobWindows;
    std::map<PageId, QWidget *> m_pages;
};

} // namespace vds::ui
