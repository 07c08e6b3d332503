#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include "testjobs.h"
#include "ui/jobs/jobspanel.h"
#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"
#include "ui/widgets/sparkline.h"
#include "ui/widgets/throughputgraph.h"
#include "ui/widgets/throughputpanel.h"
#include <vds/jobs/jobrunner.h>

using namespace vds;
using namespace vds::ui;
using vds::test::CountingJob;

class TestJobsView : public QObject {
    Q_OBJECT
private slots:
    void viewFollowsAJobToSuccess()
    {
        jobs::JobRunner runner;
        runner.setSampleIntervalMs(40);
        JobTracker tracker(runner);
        JobView view(tracker);
        view.resize(600, 400);
        view.show();
        const jobs::JobId id = runner.start(std::make_unique<CountingJob>(40, 10, 1 << 20), 2);
        tracker.setSeriesNames(id, {QStringLiteral("Read"), QStringLiteral("Write")});
        view.setJob(id);
        QSignalSpy done(&view, &JobView::jobFinished);
        QTRY_VERIFY(view.progressBar()->value() > 0);
        QVERIFY(view.cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QVERIFY(view.throughput()->graph()->sampleCount() >= 3);
        QCOMPARE(view.throughput()->graph()->seriesNames().size(), 2);
        QCOMPARE(view.progressBar()->value(), 1000);
        QVERIFY(view.resultHeadline().contains(QStringLiteral("Finished successfully")));
        QVERIFY(!view.cancelButton()->isVisible());
    }
    /// The bar is busy while the total is unknown and shows a percentage once it is known.
    void busyThenPercentageOnceTotalIsKnown()
    {
        jobs::JobRunner runner;
        runner.setSampleIntervalMs(40);
        JobTracker tracker(runner);
        JobView view(tracker);
        view.show();
        auto job = std::make_unique<CountingJob>(60, 20, 1 << 20);
        job->setTotalAfterSteps(10);
        const jobs::JobId id = runner.start(std::move(job));
        view.setJob(id);
        QTRY_VERIFY(tracker.job(id) && tracker.job(id)->done > 0);
        QCOMPARE(view.progressBar()->maximum(), 0); // busy: no total yet
        QTRY_VERIFY(tracker.job(id)->total > 0 && tracker.job(id)->running);
        QTRY_COMPARE(view.progressBar()->maximum(), 1000);
        QTRY_VERIFY(view.progressBar()->value() > 0);
        QVERIFY(view.progressBar()->text().contains(QLatin1Char('%')));
        QSignalSpy done(&view, &JobView::jobFinished);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QCOMPARE(view.progressBar()->value(), 1000);
    }

    void cancelFromTheViewEndsCancelled()
    {
        jobs::JobRunner runner;
        runner.setSampleIntervalMs(40);
        JobTracker tracker(runner);
        JobView view(tracker);
        view.setConfirmCancel(false);
        view.show();
        const jobs::JobId id = runner.start(std::make_unique<CountingJob>(100000, 2, 4096));
        view.setJob(id);
        QSignalSpy done(&view, &JobView::jobFinished);
        QTRY_VERIFY(tracker.job(id)->done > 0);
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(tracker.job(id)->result->status, jobs::JobStatus::Cancelled);
        QVERIFY(view.resultHeadline().contains(QStringLiteral("Cancelled")));
    }
    void failureIsWordedWithDetails()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        JobView view(tracker);
        const jobs::JobId id =
            runner.start(std::make_unique<CountingJob>(2, 1, 512, CountingJob::Ending::Fail));
        view.setJob(id);
        QTRY_VERIFY(tracker.job(id)->result.has_value());
        QVERIFY2(view.resultHeadline().contains(QStringLiteral("no room left")),
                 qPrintable(view.resultHeadline()));
        QVERIFY(view.detailsText().contains(QStringLiteral("[errno 28]")));
    }
    void panelListsJobsAndOpensThem()
    {
        jobs::JobRunner runner;
        runner.setSampleIntervalMs(40);
        JobTracker tracker(runner);
        JobsPanel panel(tracker);
        panel.show();
        QCOMPARE(panel.rowCount(), 0);
        const jobs::JobId a = runner.start(std::make_unique<CountingJob>(30, 10, 1 << 20));
        const jobs::JobId b =
            runner.start(std::make_unique<CountingJob>(2, 1, 512, CountingJob::Ending::Fail));
        QCOMPARE(panel.rowCount(), 2);
        QTRY_COMPARE(panel.statusText(b), QStringLiteral("Failed"));
        // Over in milliseconds: no made-up speed.
        QCOMPARE(panel.tree()->topLevelItem(0)->text(3), QStringLiteral("—"));
        QCOMPARE(panel.statusText(a), QStringLiteral("Running"));
        QTRY_VERIFY(panel.sparkline(a)->sampleCount() >= 2);
        QTRY_COMPARE_WITH_TIMEOUT(panel.statusText(a), QStringLiteral("Succeeded"), 10000);
        QSignalSpy open(&panel, &JobsPanel::openJobRequested);
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeWidgetItem *item = panel.tree()->topLevelItem(1); // newest first: a is second
        QCOMPARE(item->data(0, Qt::UserRole).value<jobs::JobId>(), a);
        const QRect r = panel.tree()->visualItemRect(item);
        QVERIFY(r.isValid());
        const QPoint at(r.left() + 10, r.center().y());
        QTest::mouseClick(panel.tree()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(panel.tree()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).value<jobs::JobId>(), a);
    }
    void viewOpenedLaterReplaysHistory()
    {
        jobs::JobRunner runner;
        runner.setSampleIntervalMs(30);
        JobTracker tracker(runner);
        const jobs::JobId id = runner.start(std::make_unique<CountingJob>(30, 10, 1 << 20));
        QTRY_COMPARE_WITH_TIMEOUT(tracker.job(id)->running, false, 10000);
        JobView late(tracker);
        late.setJob(id);
        QCOMPARE(late.throughput()->graph()->sampleCount(), tracker.job(id)->history.size());
        QVERIFY(late.resultHeadline().contains(QStringLiteral("Finished")));
    }
};

QTEST_MAIN(TestJobsView)
#include "tst_jobsview.moc"
