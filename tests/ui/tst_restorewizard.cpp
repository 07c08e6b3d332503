// ui_restore_wizard: the restore wizard against vds-sqlsim over FreeTDS. A 3-stripe zstd + age
// backup restores under a new name (the relocation is the job's rule, shown before it runs;
// the T-SQL and the vdsctl line are the job's); the restored files are byte-identical to the
// source's. A full + diff + log + log chain is shown step by step and restores to a point in
// time between the logs. Restoring over an existing database asks first, naming it.
#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeWidget>

#include "restoretestutil.h"
#include "ui/history/historypage.h"
#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"
#include "ui/pages/restorepage.h"
#include "ui/restore/restorepages.h"
#include <vds/history/historyrecorder.h>

using namespace vds;
using namespace vds::test;
using namespace vds::ui;

class TestRestoreWizard : public QObject {
    Q_OBJECT
private:
    SimFixture m_sim;
    QTemporaryDir m_tmp;
    QString m_encrypted; ///< folder: one 3-stripe zstd + age backup of Sales
    QString m_chain;     ///< folder: full + diff + log + log of Stock
    QString m_identity;
    QByteArray m_atLog1Mdf, m_atLog1Ldf;
    QDateTime m_between;

    bool backup(const std::string &db, const QString &folder, backup::BackupType type,
                int stripes = 1, bool zstdAge = false, const std::string &recipient = {})
    {
        auto p = backupParams(m_sim, db, folder);
        p.type = type;
        p.stripes = stripes;
        if (zstdAge) {
            p.codec = backup::Codec::Zstd;
            p.encryption.kind = backup::Encryption::AgeX25519;
            p.encryption.recipients = {recipient};
        }
        const JobRun run = runJob(std::make_unique<backup::BackupJob>(p));
        if (!run.result.succeeded())
            qWarning("backup failed: %s", run.result.error.toString().c_str());
        return run.result.succeeded();
    }

    /// Runs the wizard from the summary to the result; the job's outcome.
    bool restoreThrough(RestoreWizard &w)
    {
        if (!nextTo(w, RestoreWizard::Progress))
            return false;
        if (!QTest::qWaitFor([&] { return w.currentId() == RestoreWizard::Result; }, 180000))
            return false;
        const TrackedJob *j = w.tracker().job(w.jobId());
        if (j && j->result && !j->result->succeeded())
            qWarning("restore failed: %s", j->result->error.toString().c_str());
        return j && j->result && j->result->succeeded();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(m_sim.start({QStringLiteral("Sales=6M"), QStringLiteral("Stock=4M")}).has_value());
        m_identity = m_tmp.filePath(QStringLiteral("identity.txt"));
        QCOMPARE(runTool(QStringLiteral("age-keygen"), {QStringLiteral("-o"), m_identity}), 0);
        QByteArray recipient;
        QCOMPARE(
            runTool(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_identity}, &recipient),
            0);
        m_encrypted = m_tmp.filePath(QStringLiteral("encrypted"));
        QVERIFY(backup("Sales", m_encrypted, backup::BackupType::Full, 3, true,
                       recipient.trimmed().toStdString()));

        m_chain = m_tmp.filePath(QStringLiteral("chain"));
        const QString mdf = m_sim.path(QStringLiteral("Stock.mdf"));
        const QString ldf = m_sim.path(QStringLiteral("Stock_log.ldf"));
        QVERIFY(backup("Stock", m_chain, backup::BackupType::Full, 2));
        QVERIFY(touchPages(mdf, {3, 100, 200}, 'd'));
        QVERIFY(backup("Stock", m_chain, backup::BackupType::Diff));
        QVERIFY(touchPages(mdf, {100, 150}, 'l'));
        QVERIFY(touchPages(ldf, {0}, 'l'));
        QVERIFY(backup("Stock", m_chain, backup::BackupType::Log));
        m_atLog1Mdf = readFile(mdf);
        m_atLog1Ldf = readFile(ldf);
        QThread::msleep(1100);
        m_between = QDateTime::currentDateTime();
        QThread::msleep(1100);
        QVERIFY(touchPages(mdf, {5, 6, 300}, 'm'));
        QVERIFY(touchPages(ldf, {1}, 'm'));
        QVERIFY(backup("Stock", m_chain, backup::BackupType::Log));
    }

    void restorePageOpensTheWizardForItsServer()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        RestorePage page(tracker);
        auto *open = page.findChild<QPushButton *>(QStringLiteral("openRestore"));
        QVERIFY(open);
        QVERIFY(!open->isEnabled()); // no server chosen yet
        page.setServer(simServer(m_sim), m_sim.options());
        QVERIFY(open->isEnabled());
        open->click();
        auto *w = page.findChild<RestoreWizard *>();
        QVERIFY(w);
        QVERIFY(w->isVisible());
        QCOMPARE(w->server().display(), simServer(m_sim).display());
        QVERIFY(waitForProbe(*w));
        w->close(); // deletes itself
        QTRY_VERIFY(!page.findChild<RestoreWizard *>());
    }

    void encryptedStripedBackupUnderANewName()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        // As vdstudio: the recorder writes every finished job, the History page follows.
        const QString historyFile = m_tmp.filePath(QStringLiteral("history.sqlite"));
        history::HistoryRecorder recorder(runner, historyFile);
        HistoryPage historyPage(historyFile);
        connect(&recorder, &history::HistoryRecorder::recorded, &historyPage, &HistoryPage::reload);
        RestoreWizard w(tracker, simServer(m_sim), m_sim.options());
        w.show();
        QVERIFY(waitForProbe(w));
        w.sourcePage()->setSource(m_encrypted);
        QVERIFY2(w.sourcePage()->isComplete(), qPrintable(w.sourcePage()->problem()));
        QCOMPARE(w.sourcePage()->chainView()->topLevelItemCount(), 1);
        QCOMPARE(w.sourcePage()->chainView()->topLevelItem(0)->text(3), QStringLiteral("3"));
        // No log backup: no point in time; encrypted: the keys come next.
        QVERIFY(nextTo(w, RestoreWizard::Keys));
        QVERIFY(w.keysPage()->needsIdentity());
        QVERIFY(!w.keysPage()->needsPassphrase());
        QVERIFY(!clickNext(w)); // nothing given yet
        w.keysPage()->setIdentityFile(m_identity);
        // Next checks the key against every stripe, then moves on by itself.
        QVERIFY(nextTo(w, RestoreWizard::Target));
        QCOMPARE(w.targetPage()->name(), QStringLiteral("Sales")); // the backup's own name…
        QVERIFY(w.targetPage()->exists());                         // …which exists
        QVERIFY(!w.targetPage()->isComplete());
        w.targetPage()->setName(QStringLiteral("SalesCopy"));
        QVERIFY2(w.targetPage()->isComplete(), qPrintable(w.targetPage()->problem()));
        QVERIFY(nextTo(w, RestoreWizard::Files));
        // The job's relocation rule, with the server's default folders (the sim's data dir).
        const auto shown = w.filesPage()->shown();
        QCOMPARE(shown.size(), std::size_t{2});
        const QString dir = QDir(m_sim.dataDir()).absolutePath();
        QCOMPARE(QString::fromStdString(shown[0].second),
                 QDir(dir).filePath(QStringLiteral("SalesCopy.mdf")));
        QCOMPARE(QString::fromStdString(shown[1].second),
                 QDir(dir).filePath(QStringLiteral("SalesCopy_log.ldf")));
        QVERIFY(w.params().moves.empty()); // the job relocates by itself: the line stays short
        QVERIFY(nextTo(w, RestoreWizard::Summary));
        const QString tsql = w.summaryPage()->tsql();
        QVERIFY2(
            tsql.startsWith(QStringLiteral("RESTORE DATABASE [SalesCopy] FROM VIRTUAL_DEVICE")),
            qPrintable(tsql));
        QVERIFY(tsql.contains(QStringLiteral("MOVE N'Sales' TO N'%1'")
                                  .arg(QDir(dir).filePath(QStringLiteral("SalesCopy.mdf")))));
        QCOMPARE(tsql.count(QStringLiteral("VIRTUAL_DEVICE")), 3);
        const QString line = w.summaryPage()->commandLine();
        QVERIFY2(
            line.startsWith(
                QStringLiteral("vdsctl restore --server 127.0.0.1:%1").arg(m_sim.options().port)),
            qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("--database SalesCopy")));
        QVERIFY(line.contains(QStringLiteral("--identity ") + m_identity));
        QVERIFY(line.contains(QStringLiteral("--from ") + m_encrypted));
        // The same params the wizard runs parse back from that line (one mapping).
        const auto p = w.params();
        QCOMPARE(p.database, std::string("SalesCopy"));
        QCOMPARE(p.identities.size(), std::size_t{1});

        QVERIFY(restoreThrough(w));
        QVERIFY(readFile(m_sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(m_sim.path(QStringLiteral("SalesCopy.mdf"))));
        QVERIFY(readFile(m_sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(m_sim.path(QStringLiteral("SalesCopy_log.ldf"))));
        // The restore is in the history, with its outcome and the steps it applied.
        QTRY_COMPARE_WITH_TIMEOUT(historyPage.entries().size(), 1, 10000);
        const history::HistoryEntry &e = historyPage.entries().front();
        QCOMPARE(e.kind, QStringLiteral("restore"));
        QCOMPARE(e.database, QStringLiteral("SalesCopy"));
        QCOMPARE(e.status, jobs::JobStatus::Succeeded);
        QCOMPARE(e.params.value(QStringLiteral("identity")).toString(), m_identity);
    }

    void chainToAPointInTime()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        RestoreWizard w(tracker, simServer(m_sim), m_sim.options());
        w.show();
        QVERIFY(waitForProbe(w));
        w.sourcePage()->setSource(m_chain);
        QVERIFY2(w.sourcePage()->isComplete(), qPrintable(w.sourcePage()->problem()));
        QTreeWidget *chain = w.sourcePage()->chainView();
        QCOMPARE(chain->topLevelItemCount(), 4);
        QStringList types;
        for (int i = 0; i < 4; ++i)
            types << chain->topLevelItem(i)->text(1);
        QCOMPARE(types, (QStringList{QStringLiteral("Full"), QStringLiteral("Differential"),
                                     QStringLiteral("Log"), QStringLiteral("Log")}));
        QVERIFY(nextTo(w, RestoreWizard::PointInTime));
        w.pointInTimePage()->setStopAt(m_between);
        QVERIFY2(w.pointInTimePage()->appliesText().count(QStringLiteral("Log")) == 1,
                 qPrintable(w.pointInTimePage()->appliesText()));
        // Plain backups: no keys page.
        QVERIFY(nextTo(w, RestoreWizard::Target));
        w.targetPage()->setName(QStringLiteral("StockAtT"));
        QVERIFY(nextTo(w, RestoreWizard::Files));
        QVERIFY(nextTo(w, RestoreWizard::Summary));
        const QString tsql = w.summaryPage()->tsql();
        QCOMPARE(tsql.count(QStringLiteral("RESTORE ")), 3); // full, diff, first log
        QVERIFY(tsql.contains(QStringLiteral("RESTORE LOG [StockAtT]")));
        QVERIFY(tsql.contains(QStringLiteral("STOPAT")));
        QCOMPARE(tsql.count(QStringLiteral("NORECOVERY")), 2);
        QVERIFY(w.summaryPage()->commandLine().contains(QStringLiteral("--stop-at")));
        QVERIFY(restoreThrough(w));
        QVERIFY(m_atLog1Mdf == readFile(m_sim.path(QStringLiteral("StockAtT.mdf"))));
        QVERIFY(m_atLog1Ldf == readFile(m_sim.path(QStringLiteral("StockAtT_log.ldf"))));
        QVERIFY(m_atLog1Mdf != readFile(m_sim.path(QStringLiteral("Stock.mdf"))));
    }

    void replacingAsksFirstNamingTheDatabase()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        RestoreWizard w(tracker, simServer(m_sim), m_sim.options());
        w.show();
        QVERIFY(waitForProbe(w));
        w.sourcePage()->setSource(m_chain);
        QVERIFY(nextTo(w, RestoreWizard::PointInTime));
        QVERIFY(nextTo(w, RestoreWizard::Target));
        w.targetPage()->setName(QStringLiteral("StockAtT")); // restored above
        QVERIFY(w.targetPage()->exists());
        QVERIFY(!clickNext(w));
        w.targetPage()->setReplace(true);
        QString asked;
        answerNextMessageBox(QMessageBox::No, &asked);
        QVERIFY(clickNext(w));
        QTRY_VERIFY(!asked.isEmpty());
        QVERIFY2(asked.contains(QStringLiteral("StockAtT")), qPrintable(asked));
        QCOMPARE(w.currentId(), int(RestoreWizard::Target)); // "No" keeps the page
        answerNextMessageBox(QMessageBox::Yes, &asked);
        QVERIFY(nextTo(w, RestoreWizard::Files));
        QVERIFY(w.params().replace);
        QVERIFY(nextTo(w, RestoreWizard::Summary));
        QVERIFY(w.summaryPage()->tsql().contains(QStringLiteral("REPLACE")));
        QVERIFY(w.summaryPage()->commandLine().contains(QStringLiteral("--replace")));
        QVERIFY(restoreThrough(w));
        // The whole chain now: the files equal the source's.
        QVERIFY(readFile(m_sim.path(QStringLiteral("Stock.mdf"))) ==
                readFile(m_sim.path(QStringLiteral("StockAtT.mdf"))));
    }

    void cleanupTestCase() { m_sim.process().stop(); }
};

QTEST_MAIN(TestRestoreWizard)
#include "tst_restorewizard.moc"
