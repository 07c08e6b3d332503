// ui_backup_end_to_end: a DBA's session through the real main window against a real vds-sqlsim
// (FreeTDS, VDI shared memory). On the Backup page: add a connection (no Secret Service here:
// the password is kept for the session and the page says so), pick two databases, "Back up…";
// in the dialog MainWindow opens: 3 stripes + zstd + an age recipient from a file. Progress
// arrives per stripe in both live views; one backup is cancelled from its live view mid-run,
// the other succeeds. The Restore page (its server: the chosen connection) opens the wizard,
// which restores the good backup under a new name: the restored files are byte-identical to
// the source's. The History page lists the three jobs with their outcomes.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeWidget>

#include "connectiontestutil.h"
#include "endtoendtest.h"
#include "restoretestutil.h"
#include "ui/backup/backupdialog.h"
#include "ui/backup/backuppage.h"
#include "ui/backup/backupqueue.h"
#include "ui/connections/databasesview.h"
#include "ui/jobs/jobspanel.h"
#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"
#include "ui/jobs/jobwindow.h"
#include "ui/jobs/serverprogress.h"
#include "ui/pages/restorepage.h"
#include "ui/restore/restorepages.h"
#include "ui/widgets/throughputgraph.h"
#include "ui/widgets/throughputpanel.h"
#include <vds/backup/manifest.h>
#include <vds/settings/preferences.h>

using namespace vds;
using namespace vds::test;
using namespace vds::ui;

class TestBackupEndToEnd : public QObject {
    Q_OBJECT
private slots:
    void backUpCancelRestoreAndHistory();
};

void TestBackupEndToEnd::backUpCancelRestoreAndHistory()
{
    settings::Preferences::backupsInParallel().set(true);
    // Cancel asks first (the default): the test answers as the user would.
    QVERIFY(settings::Preferences::confirmCancel().get());
    QTemporaryDir out;
    QTemporaryDir keys;
    SimFixture sim;
    // slow: each transfer takes 25 ms on the server, so a 24 MiB database in 64 KiB transfers
    // runs for seconds: long enough to watch the stripes and to cancel mid-run.
    QVERIFY(sim.start({QStringLiteral("Sales=24M"), QStringLiteral("HR=24M")},
                      {QStringLiteral("slow:25")})
                .has_value());
    const QString identity = keys.filePath(QStringLiteral("key.txt"));
    const QString recipients = keys.filePath(QStringLiteral("recipients.txt"));
    QCOMPARE(runTool(QStringLiteral("bash"),
                     {QStringLiteral("-c"),
                      QStringLiteral("age-keygen -o '%1' 2>/dev/null && age-keygen -y '%1' > '%2'")
                          .arg(identity, recipients)}),
             0);

    App app;
    app.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&app.window));
    auto *page = qobject_cast<BackupPage *>(app.window.page(PageId::Backup));
    QVERIFY(page && page->isVisible());

    // --- A connection, added through the page's dialog.
    auto *connectButton = page->findChild<QPushButton *>(QStringLiteral("connectButton"));
    QVERIFY(connectButton && connectButton->isVisible());
    QTest::mouseClick(connectButton, Qt::LeftButton);
    ConnectionDialog *cd = page->openDialog();
    QVERIFY(cd && cd->isVisible());
    fillDialog(*cd, QStringLiteral("Office SQL"), sim.process().port(), QStringLiteral("sa"),
               QString::fromUtf8(kSaPassword));
    QSignalSpy tested(cd, &ConnectionDialog::testFinished);
    QTest::mouseClick(cd->findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(tested.wait(30000));
    QVERIFY2(cd->lastCheck() && cd->lastCheck()->ok(),
             qPrintable(cd->findChild<QLabel *>(QStringLiteral("testResult"))->text()));
    QSignalSpy saved(cd, &ConnectionDialog::saved);
    QTest::mouseClick(cd->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QVERIFY(saved.wait(30000));
    QTRY_VERIFY(!page->openDialog());
    // No Secret Service on this test's (absent) session bus: kept for the session, and said.
    QCOMPARE(saved.at(0).at(1).value<connections::PasswordStorage>(),
             connections::PasswordStorage::SessionOnly);
    auto *notice = page->findChild<QLabel *>(QStringLiteral("keyringNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(
                 QStringLiteral("No keyring: the password is kept for this session only")),
             qPrintable(notice->text()));
    QVERIFY(!connectionsFile().contains(kSaPassword));

    // --- Two databases picked in the Databases view; "Back up…".
    auto *tree = page->databasesView()->findChild<QTreeWidget *>(QStringLiteral("databases"));
    QTRY_VERIFY_WITH_TIMEOUT(rowNames(tree).contains(QStringLiteral("Sales")) &&
                                 rowNames(tree).contains(QStringLiteral("HR")),
                             30000);
    tree->clearSelection();
    for (const QString &db : {QStringLiteral("Sales"), QStringLiteral("HR")})
        tree->findItems(db, Qt::MatchExactly).constFirst()->setSelected(true);
    QCOMPARE(page->databasesView()->selectedDatabases().size(), 2);
    QTest::mouseClick(
        page->databasesView()->findChild<QPushButton *>(QStringLiteral("backupButton")),
        Qt::LeftButton);
    auto *dialog = app.window.findChild<BackupDialog *>();
    QVERIFY2(dialog, "MainWindow opened the backup dialog");
    QVERIFY(dialog->isVisible());

    // 3 stripes, zstd, an age recipient from a file, 64 KiB transfers (many, so it is slow).
    dialog->stripesBox()->setValue(3);
    dialog->folderEdit()->setText(out.path());
    dialog->compressionBox()->setCurrentIndex(
        dialog->compressionBox()->findData(QStringLiteral("zstd")));
    dialog->encryptionBox()->setCurrentIndex(1); // age recipients
    dialog->addRecipientsFile(recipients);
    dialog->advancedBox()->setChecked(true);
    dialog->transferSizeBox()->setCurrentIndex(dialog->transferSizeBox()->findData(64u * 1024u));
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    const QString preview = dialog->tsqlPreview();
    QVERIFY(preview.contains(QStringLiteral("BACKUP DATABASE [Sales]")));
    QVERIFY(preview.contains(QStringLiteral("BACKUP DATABASE [HR]")));
    QCOMPARE(preview.count(QStringLiteral("VIRTUAL_DEVICE")), 6);

    QList<JobWindow *> views;
    QList<jobs::JobId> ids;
    connect(dialog, &BackupDialog::backupQueued, this, [&](BackupQueue *queue) {
        connect(queue, &BackupQueue::liveViewOpened, this, [&](jobs::JobId id, JobWindow *w) {
            ids << id;
            views << w;
        });
    });
    std::map<jobs::JobId, QString> titles;
    connect(&app.runner, &jobs::JobRunner::started, this,
            [&](jobs::JobId id, const QString &title) { titles[id] = title; });
    QSignalSpy finished(&app.runner, &jobs::JobRunner::finished);
    QTest::mouseClick(dialog->backUpButton(), Qt::LeftButton);
    QCOMPARE(ids.size(), 2);
    QCOMPARE(app.runner.runningCount(), 2);
    QCOMPARE(app.window.jobsPanel()->rowCount(), 2);

    // --- Progress arrives per stripe in both live views (every stripe's series moves), and
    // SQL Server's own messages as they come.
    auto stripesMoved = [](JobWindow *w) {
        const ThroughputHistory &h = w->view()->throughput()->graph()->history();
        if (h.seriesCount() != 4) // the total and three stripes
            return false;
        for (int s = 1; s <= 3; ++s)
            if (h.peak(s) <= 0)
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(stripesMoved(views[0]) && stripesMoved(views[1]), 60000);
    for (JobWindow *w : views) {
        QCOMPARE(w->view()->throughput()->graph()->seriesNames(),
                 QStringList({QStringLiteral("Stripe 1"), QStringLiteral("Stripe 2"),
                              QStringLiteral("Stripe 3")}));
        QTRY_VERIFY_WITH_TIMEOUT(w->view()->serverProgress()->messageLines() > 0, 30000);
    }
    QVERIFY(app.runner.isRunning(ids[0]) && app.runner.isRunning(ids[1]));
    // Double-clicking a running backup in the Jobs panel raises its live view, not a second one.
    auto *jobsTree = app.window.jobsPanel()->findChild<QTreeWidget *>();
    QVERIFY(jobsTree);
    const int before = app.window.findChildren<JobWindow *>().size();
    for (int i = 0; i < jobsTree->topLevelItemCount(); ++i)
        emit jobsTree->itemActivated(jobsTree->topLevelItem(i), 0);
    QCOMPARE(app.window.findChildren<JobWindow *>().size(), before);

    // --- Cancel Sales from its live view, mid-run; HR goes on to the end.
    const int salesIndex = titles[ids[0]].contains(QStringLiteral("Sales")) ? 0 : 1;
    QVERIFY(titles[ids[salesIndex]].contains(QStringLiteral("Sales")));
    QVERIFY(titles[ids[1 - salesIndex]].contains(QStringLiteral("HR")));
    JobWindow *salesView = views[salesIndex];
    QString asked;
    answerNextMessageBox(QMessageBox::Yes, &asked);
    QTest::mouseClick(salesView->view()->cancelButton(), Qt::LeftButton);
    QVERIFY2(asked.contains(QStringLiteral("Back up Sales")), qPrintable(asked));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    jobs::JobResult cancelled, succeeded;
    for (const auto &f : finished)
        (f.at(0).value<jobs::JobId>() == ids[salesIndex] ? cancelled : succeeded) =
            f.at(1).value<jobs::JobResult>();
    QCOMPARE(cancelled.status, jobs::JobStatus::Cancelled);
    QVERIFY2(succeeded.succeeded(), succeeded.error.toString().c_str());
    QVERIFY(salesView->view()->resultHeadline().contains(QStringLiteral("Cancelled")));
    const QString manifest = succeeded.stats.extra.value(QStringLiteral("manifest")).toString();
    QVERIFY(QFile::exists(manifest));
    auto m = backup::Manifest::load(manifest.toStdString());
    QVERIFY(m.has_value());
    QCOMPARE(m->database, std::string("HR"));
    // Nothing of the cancelled Sales backup is left: three HR stripes and the manifest.
    const QStringList files = filesIn(out.path());
    QCOMPARE(files.size(), 4);
    for (const QString &f : files)
        QVERIFY2(f.contains(QStringLiteral("_HR_")), qPrintable(f));
    for (JobWindow *w : views)
        w->close();

    // --- The Restore page: its server is the connection chosen on the Backup page.
    app.window.showPage(PageId::Restore);
    auto *restorePage = qobject_cast<RestorePage *>(app.window.page(PageId::Restore));
    QVERIFY(restorePage && restorePage->isVisible());
    QVERIFY(restorePage->hasServer());
    auto *open = restorePage->findChild<QPushButton *>(QStringLiteral("openRestore"));
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    auto *w = restorePage->findChild<RestoreWizard *>();
    QVERIFY(w && w->isVisible());
    const QString shownServer = QString::fromStdString(w->server().display());
    QVERIFY2(shownServer.contains(QStringLiteral("Office SQL")), qPrintable(shownServer));
    QVERIFY(waitForProbe(*w));
    w->sourcePage()->setSource(out.path());
    QVERIFY2(w->sourcePage()->isComplete(), qPrintable(w->sourcePage()->problem()));
    QCOMPARE(w->sourcePage()->chainView()->topLevelItemCount(), 1);
    QCOMPARE(w->sourcePage()->chainView()->topLevelItem(0)->text(3), QStringLiteral("3"));
    QVERIFY(nextTo(*w, RestoreWizard::Keys));
    QVERIFY(w->keysPage()->needsIdentity());
    w->keysPage()->setIdentityFile(identity);
    QVERIFY(nextTo(*w, RestoreWizard::Target));
    QCOMPARE(w->targetPage()->name(), QStringLiteral("HR"));
    QVERIFY(w->targetPage()->exists());
    w->targetPage()->setName(QStringLiteral("HR_restored"));
    QVERIFY2(w->targetPage()->isComplete(), qPrintable(w->targetPage()->problem()));
    QVERIFY(nextTo(*w, RestoreWizard::Files));
    QVERIFY(nextTo(*w, RestoreWizard::Summary));
    QVERIFY2(w->summaryPage()->tsql().startsWith(
                 QStringLiteral("RESTORE DATABASE [HR_restored] FROM VIRTUAL_DEVICE")),
             qPrintable(w->summaryPage()->tsql()));
    QVERIFY(nextTo(*w, RestoreWizard::Progress));
    QVERIFY(QTest::qWaitFor([&] { return w->currentId() == RestoreWizard::Result; }, 180000));
    const TrackedJob *restore = w->tracker().job(w->jobId());
    QVERIFY(restore && restore->result);
    QVERIFY2(restore->result->succeeded(), restore->result->error.toString().c_str());
    // The restored database's files are byte-identical to the source's.
    const QByteArray hrMdf = readFile(sim.path(QStringLiteral("HR.mdf")));
    QVERIFY(hrMdf.size() >= 24 << 20);
    QVERIFY(hrMdf == readFile(sim.path(QStringLiteral("HR_restored.mdf"))));
    QVERIFY(readFile(sim.path(QStringLiteral("HR_log.ldf"))) ==
            readFile(sim.path(QStringLiteral("HR_restored_log.ldf"))));
    w->close();

    // --- The History page: all three jobs, with their outcomes.
    app.window.showPage(PageId::History);
    HistoryPage *history = app.historyPage();
    QVERIFY(history && history->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(history->entries().size(), 3, 10000);
    auto outcome = [](jobs::JobStatus st) {
        return st == jobs::JobStatus::Succeeded   ? QStringLiteral("ok")
               : st == jobs::JobStatus::Cancelled ? QStringLiteral("cancelled")
                                                  : QStringLiteral("failed");
    };
    QStringList seen;
    for (const history::HistoryEntry &e : history->entries())
        seen << e.kind + QLatin1Char(' ') + e.database + QLatin1Char(' ') + outcome(e.status);
    seen.sort();
    QCOMPARE(seen,
             QStringList({QStringLiteral("backup HR ok"), QStringLiteral("backup Sales cancelled"),
                          QStringLiteral("restore HR_restored ok")}));
    // As shown: newest first, the outcome in words.
    QTreeWidget *list = history->list();
    QCOMPARE(list->topLevelItemCount(), 3);
    QStringList outcomes;
    for (int i = 0; i < 3; ++i)
        outcomes << list->topLevelItem(i)->text(4) + QLatin1Char(' ') +
                        list->topLevelItem(i)->text(5);
    QCOMPARE(outcomes.first(), QStringLiteral("HR_restored Succeeded"));
    QVERIFY2(outcomes.contains(QStringLiteral("Sales Cancelled")), qPrintable(outcomes.join(u',')));
    QVERIFY2(outcomes.contains(QStringLiteral("HR Succeeded")), qPrintable(outcomes.join(u',')));
}

VDS_UI_FRESH_HOME_TEST_MAIN(TestBackupEndToEnd)
#include "tst_backup_end_to_end.moc"
