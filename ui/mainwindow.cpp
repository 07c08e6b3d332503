#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

#include "ui/backup/backupdialog.h"
#include "ui/backup/backuppage.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/preferencesdialog.h"
#include "ui/history/historypage.h"
#include "ui/jobs/jobspanel.h"
#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobwindow.h"
#include "ui/pages/logpage.h"
#include "ui/pages/plannedpage.h"
#include "ui/pages/restorepage.h"
#include "ui/pages/virtualdiskspage.h"
#include "ui/profiles/profilespage.h"
#include "ui/vhd/convertwizard.h"
#include "ui/vhd/newdiskwizard.h"
#include <vds/info/versions.h>
#include <vds/jobs/jobrunner.h>
#include <vds/settings/preferences.h>

namespace vds::ui {

MainWindow::MainWindow(jobs::JobRunner &runner, log::LogBridge *logBridge, QString logFilePath,
                       QWidget *parent)
    : QMainWindow(parent), m_runner(runner), m_logFilePath(std::move(logFilePath)),
      m_tracker(new JobTracker(runner, this))
{
    setWindowTitle(tr("Virtual Device Studio"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1100, 700);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFixedWidth(190);
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setAutoFillBackground(true);
    m_sidebar->setBackgroundRole(QPalette::AlternateBase);

    m_stack = new QStackedWidget(central);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    buildPages(logBridge);
    buildJobsDock();
    buildMenus();

    m_jobStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_jobStatus);
    statusBar()->showMessage(tr("Ready"));
    updateJobStatus();
    connect(&m_runner, &jobs::JobRunner::started, this, &MainWindow::updateJobStatus);
    connect(&m_runner, &jobs::JobRunner::finished, this, &MainWindow::updateJobStatus);

    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);
}

void MainWindow::buildPages(log::LogBridge *logBridge)
{
    auto add = [this](PageId id, QWidget *w) {
        w->setObjectName(pageKey(id));
        m_pages[id] = w;
        m_stack->addWidget(w);
        auto *item = new QListWidgetItem(pageIcon(id), pageTitle(id), m_sidebar);
        item->setSizeHint(QSize(0, 36));
    };

    auto *backupPage = new BackupPage(m_stack);
    connect(backupPage, &BackupPage::backupRequested, this, &MainWindow::openBackupDialog);
    add(PageId::Backup, backupPage);
    auto *restorePage = new RestorePage(*m_tracker, m_stack);
    restorePage->setConfirmCancel(settings::Preferences::confirmCancel().get());
    connect(backupPage, &BackupPage::serverChosen, restorePage, &RestorePage::setServer);
    connect(this, &MainWindow::manifestOpenRequested, restorePage, &RestorePage::openManifest);
    add(PageId::Restore, restorePage);
    auto *disksPage = new VirtualDisksPage(m_stack);
    connect(disksPage, &VirtualDisksPage::newDiskRequested, this, &MainWindow::openNewDiskWizard);
    connect(disksPage, &VirtualDisksPage::convertRequested, this, &MainWindow::openConvertWizard);
    add(PageId::VirtualDisks, disksPage);
    auto *profilesPage = new ProfilesPage(m_stack);
    connect(this, &MainWindow::profileFileOpenRequested, profilesPage,
            [profilesPage](const QString &path) {
                // The import preview is modal: opened once the caller (start-up) has returned.
                QTimer::singleShot(0, profilesPage,
                                   [profilesPage, path] { profilesPage->importFile(path); });
            });
    add(PageId::Profiles, profilesPage);
    add(PageId::History, new HistoryPage(history::HistoryStore::defaultPath(), m_stack));
    add(PageId::Log, new LogPage(logBridge, m_logFilePath, m_stack));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    file->insertAction(quit, new QAction(tr("&New virtual disk…"), file));
    file->actions().first()->setShortcut(QKeySequence::New);
    connect(file->actions().first(), &QAction::triggered, this, &MainWindow::openNewDiskWizard);
    QAction *convert = new QAction(tr("&Convert or capture a disk…"), file);
    file->insertAction(quit, convert);
    connect(convert, &QAction::triggered, this, &MainWindow::openConvertWizard);
    file->insertSeparator(quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *prefs = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setShortcut(QKeySequence::Preferences);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    int index = 0;
    for (PageId id : allPages()) {
        QAction *a =
            view->addAction(pageIcon(id), pageTitle(id), this, [this, id] { showPage(id); });
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index++)));
    }

    view->addSeparator();
    QAction *jobs = m_jobsDock->toggleViewAction();
    jobs->setText(tr("&Jobs panel"));
    jobs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    view->addAction(jobs);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Virtual Device Studio"), this, &MainWindow::showAbout);
}

void MainWindow::buildJobsDock()
{
    m_jobsPanel = new JobsPanel(*m_tracker, this);
    m_jobsDock = new QDockWidget(tr("Jobs"), this);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    m_jobsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                            QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    resizeDocks({m_jobsDock}, {150}, Qt::Vertical);
    connect(m_jobsPanel, &JobsPanel::openJobRequested, this,
            [this](jobs::JobId id) { openJobWindow(id); });
}

JobWindow *MainWindow::openJobWindow(jobs::JobId id)
{
    QPointer<JobWindow> &w = m_jobWindows[id];
    if (!w)
        w = new JobWindow(*m_tracker, id, settings::Preferences::confirmCancel().get(), this);
    w->show();
    w->raise();
    w->activateWindow();
    return w;
}

vhd::NewDiskWizard *MainWindow::openNewDiskWizard()
{
    auto *w = new vhd::NewDiskWizard(*m_tracker,
                                     settings::Preferences::defaultDiskDirectory().get(), this);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setConfirmCancel(settings::Preferences::confirmCancel().get());
    w->show();
    return w;
}

BackupDialog *MainWindow::openBackupDialog(const backup::ServerRef &server,
                                           const sql::ConnectionOptions &resolved,
                                           const QStringList &databases)
{
    auto *d = new BackupDialog(server, resolved, databases, m_tracker->runner(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

vhd::ConvertWizard *MainWindow::openConvertWizard()
{
    auto *w = new vhd::ConvertWizard(*m_tracker,
                                     settings::Preferences::defaultDiskDirectory().get(), this);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setConfirmCancel(settings::Preferences::confirmCancel().get());
    w->show();
    return w;
}

void MainWindow::showPage(PageId id)
{
    m_sidebar->setCurrentRow(int(allPages().indexOf(id)));
}

PageId MainWindow::currentPage() const
{
    return allPages().value(m_stack->currentIndex(), PageId::Backup);
}

QWidget *MainWindow::page(PageId id) const
{
    auto it = m_pages.find(id);
    return it == m_pages.end() ? nullptr : it->second;
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_logFilePath, this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::updateJobStatus()
{
    const int n = m_runner.runningCount();
    m_jobStatus->setText(n == 0   ? tr("No jobs running")
                         : n == 1 ? tr("1 job running")
                                  : tr("%1 jobs running").arg(n));
}

} // namespace vds::ui
