// ui_history_page: real jobs (backups, a cancelled backup, restores, a failed restore, an
// offline verify, a new virtual disk) recorded by HistoryRecorder into a private history file,
// then shown by the History page: every job appears with its outcome, the filters (kind,
// outcome, server, database, date) narrow the store's query, one job's report and figures
// show, export as HTML and text hold what they should, the page follows new jobs, and a job
// cancelled because the program closes is recorded too.
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "jobfixture.h"
#include "testjobs.h"
#include "ui/history/historypage.h"
#include "ui/history/historytext.h"
#include <vds/backup/backupjob.h>
#include <vds/backup/restorejob.h>
#include <vds/backup/verifyjob.h>
#include <vds/history/historyrecorder.h>
#include <vds/history/historystore.h>
#include <vds/jobs/virtualdiskjob.h>

using namespace vds;
using namespace vds::test;
using namespace vds::ui;

namespace {

/// Runs one job on `runner` and waits for its row in the history.
jobs::JobResult runRecorded(jobs::JobRunner &runner, history::HistoryRecorder &recorder,
                            std::unique_ptr<jobs::Job> job, bool cancelAtOnce = false)
{
    jobs::JobResult result;
    bool done = false;
    QSignalSpy recorded(&recorder, &history::HistoryRecorder::recorded);
    auto c = QObject::connect(&runner, &jobs::JobRunner::finished, &runner,
                              [&](jobs::JobId, const jobs::JobResult &r) {
                                  result = r;
                                  done = true;
                              });
    const jobs::JobId id = runner.start(std::move(job));
    if (cancelAtOnce)
        runner.cancel(id);
    const bool ended = QTest::qWaitFor([&] { return done; }, 180000);
    const bool written = ended && QTest::qWaitFor([&] { return recorded.size() == 1; }, 10000);
    QObject::disconnect(c);
    if (!written)
        result.status = jobs::JobStatus::Failed; // the checks after this call fail loudly
    if (!written)
        result.error = Error::make(ErrorCategory::Timeout, "job or its history row never came");
    return result;
}

QString fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void choose(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    QVERIFY2(i >= 0, qPrintable(value));
    combo->setCurrentIndex(i);
}

} // namespace

class TestHistoryPage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_history;
    SimFixture m_sim;
    QString m_server;

    /// Sets the filters, waits for the query's answer, returns the row count.
    int rowsAfter(HistoryPage &page, const std::function<void()> &change)
    {
        QSignalSpy reloaded(&page, &HistoryPage::reloaded);
        change();
        if (!QTest::qWaitFor([&] { return reloaded.size() > 0 && !page.isLoading(); }, 10000))
            return -1;
        return page.list()->topLevelItemCount();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_history = m_tmp.filePath(QStringLiteral("history.sqlite"));
        QVERIFY(m_sim.start({QStringLiteral("Sales=4M"), QStringLiteral("Stock=2M")}).has_value());
        const QString out = m_tmp.filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(out));

        jobs::JobRunner runner;
        history::HistoryRecorder recorder(runner, m_history);
        // 1. a full backup of Sales (succeeds)
        auto sales = backupParams(m_sim, "Sales", out);
        m_server = QString::fromStdString(sales.server.display());
        auto r = runRecorded(runner, recorder, std::make_unique<backup::BackupJob>(sales));
        QVERIFY2(r.succeeded(), r.error.toString().c_str());
        // 2. a backup of Stock, cancelled at once
        r = runRecorded(runner, recorder,
                        std::make_unique<backup::BackupJob>(backupParams(m_sim, "Stock", out)),
                        true);
        QCOMPARE(r.status, jobs::JobStatus::Cancelled);
        // 3. Sales restored as SalesCopy (succeeds)
        r = runRecorded(
            runner, recorder,
            std::make_unique<backup::RestoreJob>(restoreParams(m_sim, out, "SalesCopy")));
        QVERIFY2(r.succeeded(), r.error.toString().c_str());
        // 4. a restore from a folder that does not exist (fails before the server)
        r = runRecorded(runner, recorder,
                        std::make_unique<backup::RestoreJob>(restoreParams(
                            m_sim, m_tmp.filePath(QStringLiteral("nowhere")), "Nothing")));
        QCOMPARE(r.status, jobs::JobStatus::Failed);
        // 5. an offline verify (succeeds)
        backup::VerifyParams v;
        v.from = out.toStdString();
        r = runRecorded(runner, recorder, std::make_unique<backup::VerifyJob>(v));
        QVERIFY2(r.succeeded(), r.error.toString().c_str());
        // 6. a new dynamic VHDX (succeeds)
        vdisk::CreateParams disk;
        disk.path = m_tmp.filePath(QStringLiteral("disk.vhdx")).toStdString();
        disk.maximumSize = 64ull << 20;
        r = runRecorded(runner, recorder, std::make_unique<jobs::VirtualDiskJob>(disk));
        QVERIFY2(r.succeeded(), r.error.toString().c_str());
    }

    void everyJobAppearsWithItsOutcome()
    {
        HistoryPage page(m_history);
        QSignalSpy reloaded(&page, &HistoryPage::reloaded);
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(page.entries().size(), 6);
        QCOMPARE(page.list()->topLevelItemCount(), 6);
        // Newest first, worded: kind column and outcome column.
        QCOMPARE(page.list()->topLevelItem(0)->text(1), kindText(QStringLiteral("vhd-create")));
        QStringList outcomes;
        for (int i = 0; i < 6; ++i)
            outcomes << page.list()->topLevelItem(i)->text(5);
        QCOMPARE(outcomes,
                 (QStringList{words("Succeeded"), words("Succeeded"), words("Failed"),
                              words("Succeeded"), words("Cancelled"), words("Succeeded")}));
        // The filter choices come from the file.
        QVERIFY(page.serverFilter()->findData(m_server) >= 0);
        for (const char *db : {"Sales", "Stock", "SalesCopy", "Nothing"})
            QVERIFY2(page.databaseFilter()->findData(QString::fromLatin1(db)) >= 0, db);
    }

    void filtersNarrowTheQuery()
    {
        HistoryPage page(m_history);
        QSignalSpy first(&page, &HistoryPage::reloaded);
        QVERIFY(first.wait(10000));
        QCOMPARE(rowsAfter(page, [&] { choose(page.kindFilter(), QStringLiteral("backup")); }), 2);
        QCOMPARE(
            rowsAfter(page, [&] { choose(page.outcomeFilter(), QStringLiteral("cancelled")); }), 1);
        QCOMPARE(page.entries().front().database, QStringLiteral("Stock"));
        QCOMPARE(rowsAfter(page, [&] { choose(page.kindFilter(), QString()); }), 1);
        QCOMPARE(rowsAfter(page, [&] { choose(page.outcomeFilter(), QStringLiteral("failed")); }),
                 1);
        QCOMPARE(page.entries().front().kind, QStringLiteral("restore"));
        QCOMPARE(rowsAfter(page, [&] { choose(page.outcomeFilter(), QString()); }), 6);
        QCOMPARE(rowsAfter(page, [&] { choose(page.databaseFilter(), QStringLiteral("Sales")); }),
                 1);
        QCOMPARE(rowsAfter(page, [&] { choose(page.databaseFilter(), QString()); }), 6);
        // Backups and restores ran against the simulator; the offline verify and the disk job
        // had no server.
        QCOMPARE(rowsAfter(page, [&] { choose(page.serverFilter(), m_server); }), 4);
        QCOMPARE(rowsAfter(page, [&] { choose(page.serverFilter(), QString()); }), 6);
        // Dates: from tomorrow → none; up to yesterday → none; today → all.
        const QDate today = QDate::currentDate();
        QCOMPARE(rowsAfter(page,
                           [&] {
                               page.fromDate()->setDate(today.addDays(1));
                               page.fromEnabled()->setChecked(true);
                           }),
                 0);
        QCOMPARE(rowsAfter(page, [&] { page.fromDate()->setDate(today); }), 6);
        QCOMPARE(rowsAfter(page,
                           [&] {
                               page.toDate()->setDate(today.addDays(-1));
                               page.toEnabled()->setChecked(true);
                           }),
                 0);
        QCOMPARE(rowsAfter(page, [&] { page.toDate()->setDate(today); }), 6);
        // The same filter straight from the store: the page shows what the query returns.
        history::HistoryStore store(m_history);
        history::HistoryFilter f;
        f.status = jobs::JobStatus::Succeeded;
        f.kind = QStringLiteral("restore");
        auto rows = store.list(f);
        QVERIFY(rows.has_value());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->front().database, QStringLiteral("SalesCopy"));
    }

    void oneJobsReportAndExports()
    {
        HistoryPage page(m_history);
        QSignalSpy first(&page, &HistoryPage::reloaded);
        QVERIFY(first.wait(10000));
        qint64 restoreId = 0, failedId = 0;
        for (const auto &e : page.entries()) {
            if (e.kind == QLatin1String("restore") && e.status == jobs::JobStatus::Succeeded)
                restoreId = e.id;
            if (e.status == jobs::JobStatus::Failed)
                failedId = e.id;
        }
        QVERIFY(restoreId && failedId);
        QVERIFY(page.select(restoreId));
        const QString shown = page.detailHtml();
        QVERIFY2(shown.contains(QStringLiteral("SalesCopy")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("Relocating")));        // a report line
        QVERIFY(shown.contains(QStringLiteral("SalesCopy_log.ldf"))); // a figure (moves)
        QVERIFY(shown.contains(words("Succeeded")));

        const QString html = m_tmp.filePath(QStringLiteral("restore.html"));
        const QString text = m_tmp.filePath(QStringLiteral("restore.txt"));
        QString error;
        QVERIFY2(page.exportSelected(html, HistoryPage::ExportFormat::Html, &error),
                 qPrintable(error));
        QVERIFY2(page.exportSelected(text, HistoryPage::ExportFormat::Text, &error),
                 qPrintable(error));
        const QString h = fileText(html);
        QVERIFY(h.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(h.contains(QStringLiteral("<title>")));
        QVERIFY(h.contains(QStringLiteral("Restore SalesCopy")));
        QVERIFY(h.contains(QStringLiteral("Relocating")));
        QVERIFY(h.contains(m_server.toHtmlEscaped()));
        QVERIFY(h.contains(QStringLiteral("</html>")));
        const QString t = fileText(text);
        QVERIFY(!t.contains(QLatin1Char('<')));
        QVERIFY(t.contains(QStringLiteral("Restore SalesCopy")));
        QVERIFY(t.contains(words("Outcome") + QLatin1Char(':')));
        QVERIFY(t.contains(words("Succeeded")));
        QVERIFY(t.contains(QStringLiteral("Relocating")));
        QVERIFY(t.contains(QStringLiteral("Statement: RESTORE DATABASE [SalesCopy]")));

        // A failed job: the error worded for people and the technical detail.
        QVERIFY(page.select(failedId));
        QVERIFY(page.exportSelected(text, HistoryPage::ExportFormat::Text, &error));
        const QString ft = fileText(text);
        QVERIFY(ft.contains(words("Failed")));
        QVERIFY2(ft.contains(words("What went wrong")), qPrintable(ft));
        QVERIFY(ft.contains(QStringLiteral("nowhere")));
        // An unwritable target is an error, not a silent success.
        QVERIFY(!page.exportSelected(QStringLiteral("/proc/nope/x.txt"),
                                     HistoryPage::ExportFormat::Text, &error));
        QVERIFY(!error.isEmpty());
    }

    void followsNewJobs()
    {
        HistoryPage page(m_history);
        QSignalSpy first(&page, &HistoryPage::reloaded);
        QVERIFY(first.wait(10000));
        const int before = page.list()->topLevelItemCount();
        jobs::JobRunner runner;
        history::HistoryRecorder recorder(runner, m_history);
        // As vdstudio wires it: a recorded row makes the page query again.
        connect(&recorder, &history::HistoryRecorder::recorded, &page, &HistoryPage::reload);
        backup::VerifyParams v;
        v.from = m_tmp.filePath(QStringLiteral("backups")).toStdString();
        runner.start(std::make_unique<backup::VerifyJob>(v));
        QTRY_COMPARE_WITH_TIMEOUT(page.list()->topLevelItemCount(), before + 1, 60000);
        QCOMPARE(page.entries().front().kind, QStringLiteral("verify"));
    }

    void jobCancelledByClosingIsRecorded()
    {
        const QString path = m_tmp.filePath(QStringLiteral("closing.sqlite"));
        {
            jobs::JobRunner runner;
            history::HistoryRecorder recorder(runner, path);
            runner.start(std::make_unique<CountingJob>(10000, 5));
            QTest::qWait(100);
            // What vdstudio does after its event loop ends.
            runner.shutdown();
            recorder.waitForIdle();
        }
        history::HistoryStore store(path);
        auto rows = store.list();
        QVERIFY(rows.has_value());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->front().status, jobs::JobStatus::Cancelled);
        QCOMPARE(rows->front().kind, QStringLiteral("test-counting"));
    }

    void cleanupTestCase() { m_sim.process().stop(); }

private:
    static QString words(const char *s) { return QCoreApplication::translate("vds::ui", s); }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
