#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

#include "testjobs.h"
#include <vds/jobs/jobcontext.h>
#include <vds/jobs/jobrunner.h>

using namespace vds;
using vds::test::CountingJob;

class TestJobRunner : public QObject {
    Q_OBJECT
private slots:
    void succeedsWithOneFinished();
    void failureCarriesTypedError();
    void exceptionBecomesFailure();
    void cancelMidRun();
    void severalJobsAtOnce();
    void progressAndThroughputAreSampled();
    void perChannelRates();
    void jobNamesItsChannels();
    void stallIsReportedOnce();
    void runnerDestroyedWhileBusy();
    void directRunEmitsOnce();
    void contextKeepsTheLastMessages();
    void structuredProgressIsSampled();
    void jobThreadsTakeTheNiceValue();
};

void TestJobRunner::succeedsWithOneFinished()
{
    jobs::JobRunner runner;
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    QSignalSpy started(&runner, &jobs::JobRunner::started);
    const jobs::JobId id = runner.start(std::make_unique<CountingJob>(5, 10));
    QVERIFY(id != 0);
    QCOMPARE(started.count(), 1);
    QVERIFY(runner.isRunning(id));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<jobs::JobId>(), id);
    const auto result = finished.at(0).at(1).value<jobs::JobResult>();
    QCOMPARE(result.status, jobs::JobStatus::Succeeded);
    QCOMPARE(result.stats.bytesDone, quint64(5) * 1024 * 1024);
    QCOMPARE(result.stats.bytesTotal, quint64(5) * 1024 * 1024);
    QVERIFY(result.stats.seconds >= 0.04);
    QVERIFY(result.stats.averageBytesPerSecond > 0);
    QCOMPARE(result.report.phases().size(), 1);
    QCOMPARE(result.report.phases().at(0).status, jobs::Report::Status::Succeeded);
    // Nothing more arrives later, and the runner forgets the job once its thread stopped.
    QTest::qWait(300);
    QCOMPARE(finished.count(), 1);
    QTRY_COMPARE(runner.runningCount(), 0);
    QVERIFY(!runner.isRunning(id));
}

void TestJobRunner::failureCarriesTypedError()
{
    jobs::JobRunner runner;
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    runner.start(std::make_unique<CountingJob>(2, 1, 512, CountingJob::Ending::Fail));
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(1).value<jobs::JobResult>();
    QCOMPARE(result.status, jobs::JobStatus::Failed);
    QCOMPARE(result.error.category, ErrorCategory::DiskFull);
    QCOMPARE(result.error.native.kind, NativeKind::Errno);
    QCOMPARE(result.error.native.value, 28);
    QCOMPARE(QString::fromStdString(result.error.context), QStringLiteral("/tmp/target.vhdx"));
    QCOMPARE(result.report.phases().at(0).status, jobs::Report::Status::Failed);
}

void TestJobRunner::exceptionBecomesFailure()
{
    jobs::JobRunner runner;
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    runner.start(std::make_unique<CountingJob>(1, 1, 512, CountingJob::Ending::Throw));
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(1).value<jobs::JobResult>();
    QCOMPARE(result.status, jobs::JobStatus::Failed);
    QCOMPARE(result.error.category, ErrorCategory::Internal);
    QVERIFY(QString::fromStdString(result.error.message).contains(QStringLiteral("boom")));
}

void TestJobRunner::cancelMidRun()
{
    jobs::JobRunner runner;
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    QSignalSpy progress(&runner, &jobs::JobRunner::progress);
    std::atomic_bool sawCancel{false};
    const jobs::JobId id = runner.start(std::make_unique<CountingJob>(
        100000, 2, 1024, CountingJob::Ending::Succeed, nullptr, nullptr, &sawCancel));
    QTRY_VERIFY(progress.count() >= 2); // really running
    QElapsedTimer t;
    t.start();
    runner.cancel(id);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(t.elapsed() < 2000, "cancel must take effect at the next buffer");
    QVERIFY(sawCancel.load());
    const auto result = finished.at(0).at(1).value<jobs::JobResult>();
    QCOMPARE(result.status, jobs::JobStatus::Cancelled);
    QCOMPARE(result.error.category, ErrorCategory::Cancelled);
    QVERIFY(result.stats.bytesDone > 0);
    QVERIFY(result.stats.bytesDone < result.stats.bytesTotal);
    QCOMPARE(result.report.phases().at(0).status, jobs::Report::Status::Cancelled);
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
}

void TestJobRunner::severalJobsAtOnce()
{
    jobs::JobRunner runner;
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    std::atomic_int concurrent{0}, peak{0};
    QSet<jobs::JobId> ids;
    for (int i = 0; i < 4; ++i)
        ids.insert(runner.start(std::make_unique<CountingJob>(
            20, 10, 4096, CountingJob::Ending::Succeed, &concurrent, &peak)));
    QCOMPARE(ids.size(), 4);
    QCOMPARE(runner.runningCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 10000);
    QSet<jobs::JobId> seen;
    for (const auto &args : finished) {
        seen.insert(args.at(0).value<jobs::JobId>());
        QCOMPARE(args.at(1).value<jobs::JobResult>().status, jobs::JobStatus::Succeeded);
    }
    QCOMPARE(seen, ids); // each job exactly once
    QCOMPARE(peak.load(), 4);
    QTRY_COMPARE(runner.runningCount(), 0);
}

void TestJobRunner::progressAndThroughputAreSampled()
{
    jobs::JobRunner runner;
    runner.setSampleIntervalMs(50);
    QSignalSpy progress(&runner, &jobs::JobRunner::progress);
    QSignalSpy rate(&runner, &jobs::JobRunner::throughputSample);
    QSignalSpy eta(&runner, &jobs::JobRunner::etaChanged);
    QSignalSpy phase(&runner, &jobs::JobRunner::phaseChanged);
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    runner.start(std::make_unique<CountingJob>(60, 10, 1000000));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    // ~600 ms of work sampled every 50 ms: several samples, not one per block (60 blocks).
    QVERIFY2(progress.count() >= 4, qPrintable(QString::number(progress.count())));
    QVERIFY2(progress.count() < 40, qPrintable(QString::number(progress.count())));
    quint64 last = 0;
    for (const auto &args : progress) {
        const quint64 done = args.at(1).toULongLong();
        QVERIFY(done >= last);
        last = done;
        QCOMPARE(args.at(2).toULongLong(), quint64(60) * 1000000);
    }
    QCOMPARE(last, quint64(60) * 1000000); // the final sample is where the job ended
    bool sawRate = false;
    for (const auto &args : rate)
        sawRate = sawRate || args.at(1).toDouble() > 1e6; // ~100 MB/s nominal
    QVERIFY(sawRate);
    bool sawEta = false;
    for (const auto &args : eta)
        sawEta = sawEta || args.at(1).toLongLong() > 0;
    QVERIFY(sawEta);
    QVERIFY(!phase.isEmpty());
    QCOMPARE(phase.at(0).at(1).toString(), QStringLiteral("count"));
}

void TestJobRunner::perChannelRates()
{
    jobs::JobRunner runner;
    runner.setSampleIntervalMs(50);
    QSignalSpy rate(&runner, &jobs::JobRunner::throughputSample);
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    runner.start(std::make_unique<CountingJob>(30, 10, 100000), 3);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    bool sawShape = false;
    for (const auto &args : rate) {
        const auto per = args.at(2).value<QList<double>>();
        QCOMPARE(per.size(), 3);
        if (per[0] > 0) {
            // channel c receives (c+1)× the bytes of channel 0
            QVERIFY(qAbs(per[2] / per[0] - 3.0) < 0.01);
            sawShape = true;
        }
    }
    QVERIFY(sawShape);
}

void TestJobRunner::jobNamesItsChannels()
{
    jobs::JobRunner runner;
    runner.setSampleIntervalMs(30);
    QSignalSpy rate(&runner, &jobs::JobRunner::throughputSample);
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    auto job = std::make_unique<CountingJob>(10, 10, 1000);
    job->setChannelNames({QStringLiteral("Read"), QStringLiteral("Written")});
    const jobs::JobId id =
        runner.start(std::move(job)); // no explicit count: the job's names decide
    QCOMPARE(runner.snapshot(id).channelNames,
             (QStringList{QStringLiteral("Read"), QStringLiteral("Written")}));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!rate.isEmpty());
    for (const auto &args : rate)
        QCOMPARE(args.at(2).value<QList<double>>().size(), 2);
}

void TestJobRunner::stallIsReportedOnce()
{
    jobs::JobRunner runner;
    runner.setSampleIntervalMs(20);
    runner.setStallTimeoutMs(200);
    QSignalSpy stalled(&runner, &jobs::JobRunner::stalled);
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    const jobs::JobId id = runner.start(std::make_unique<vds::test::IdleJob>());
    QTRY_COMPARE_WITH_TIMEOUT(stalled.count(), 1, 3000);
    QCOMPARE(stalled.at(0).at(0).value<jobs::JobId>(), id);
    QTest::qWait(300);
    QCOMPARE(stalled.count(), 1); // one warning per stall, not one per tick
    runner.cancel(id);
    QTRY_COMPARE(finished.count(), 1);
}

void TestJobRunner::runnerDestroyedWhileBusy()
{
    std::atomic_bool sawCancel{false};
    auto runner = std::make_unique<jobs::JobRunner>();
    QSignalSpy progress(runner.get(), &jobs::JobRunner::progress);
    runner->start(std::make_unique<CountingJob>(1000000, 1, 10, CountingJob::Ending::Succeed,
                                                nullptr, nullptr, &sawCancel));
    runner->start(std::make_unique<CountingJob>(1000000, 1, 10, CountingJob::Ending::Succeed,
                                                nullptr, nullptr, nullptr));
    QTRY_VERIFY(progress.count() >= 2);
    QElapsedTimer t;
    t.start();
    runner.reset(); // cancel → quit → wait: returns once both threads have stopped
    QVERIFY(t.elapsed() < 2000);
    QVERIFY(sawCancel.load());
    QTest::qWait(50); // nothing queued to the dead runner may crash us
}

void TestJobRunner::directRunEmitsOnce()
{
    CountingJob job(3, 1, 10);
    jobs::JobContext ctx;
    QSignalSpy finished(&job, &jobs::Job::finished);
    job.run(ctx);
    job.run(ctx);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<jobs::JobResult>().status, jobs::JobStatus::Succeeded);
}

void TestJobRunner::contextKeepsTheLastMessages()
{
    jobs::JobContext ctx;
    quint64 next = 0;
    QVERIFY(ctx.serverMessagesSince(0, &next).isEmpty());
    QCOMPARE(next, 0u);
    const int n = jobs::JobContext::kMaxMessages + 10;
    for (int i = 0; i < n; ++i)
        ctx.addServerMessage({i, 10, QString::number(i), {}, 0});
    QCOMPARE(ctx.messageCount(), quint64(n));
    // The first ten were dropped: asking from 0 gives what is left, from the oldest kept.
    const auto kept = ctx.serverMessagesSince(0, &next);
    QCOMPARE(kept.size(), jobs::JobContext::kMaxMessages);
    QCOMPARE(kept.first().number, 10);
    QCOMPARE(kept.last().number, n - 1);
    QCOMPARE(next, quint64(n));
    const auto tail = ctx.serverMessagesSince(quint64(n - 2), &next);
    QCOMPARE(tail.size(), 2);
    QCOMPARE(tail.first().text, QString::number(n - 2));
    QVERIFY(ctx.serverMessagesSince(next, &next).isEmpty());
    ctx.setServerPercent(140);
    QCOMPARE(ctx.serverPercent(), 100);
    ctx.setStalledChannels(0b101);
    QCOMPARE(ctx.stalledChannels(), 0b101u);
}

void TestJobRunner::structuredProgressIsSampled()
{
    // The job moves percent, stalls and messages far faster than the runner samples: the
    // runner emits at most one of each per tick, only on change, and loses no message.
    jobs::JobRunner runner;
    runner.setSampleIntervalMs(50);
    constexpr int kMessages = 300;
    auto body = [](jobs::JobContext &ctx) {
        ctx.setPhase(QStringLiteral("restore-log"));
        ctx.setStep(2, 3);
        for (int i = 0; i < kMessages; ++i) {
            ctx.setServerPercent(i * 100 / (kMessages - 1));
            ctx.setStalledChannels(i >= 100 && i < 200 ? 0b10 : 0);
            ctx.addServerMessage({3211, 10, QStringLiteral("%1 percent processed.").arg(i), {}, 0});
            ctx.addDone(1);
            QThread::usleep(2000);
        }
        return jobs::JobResult::success();
    };
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    QSignalSpy percent(&runner, &jobs::JobRunner::serverPercentChanged);
    QSignalSpy stalled(&runner, &jobs::JobRunner::stalledChannelsChanged);
    QSignalSpy steps(&runner, &jobs::JobRunner::stepChanged);
    QSignalSpy progress(&runner, &jobs::JobRunner::progress);
    QList<int> numbers;
    QStringList texts;
    int batches = 0;
    connect(&runner, &jobs::JobRunner::serverMessages, this,
            [&](jobs::JobId, const QList<jobs::ServerMessage> &m) {
                ++batches;
                for (const auto &x : m)
                    texts << x.text;
            });
    runner.start(std::make_unique<vds::test::FunctionJob>(body));
    QVERIFY(finished.wait(20000));
    QCOMPARE(texts.size(), kMessages);
    for (int i = 0; i < kMessages; ++i)
        QCOMPARE(texts[i], QStringLiteral("%1 percent processed.").arg(i));
    // One batch per tick at most: never more batches than samples.
    QVERIFY2(
        batches <= progress.size(),
        qPrintable(QStringLiteral("%1 batches, %2 samples").arg(batches).arg(progress.size())));
    QVERIFY(batches < kMessages / 4);
    QVERIFY(percent.size() <= progress.size());
    int last = -1;
    for (const auto &p : percent) {
        QVERIFY(p.at(1).toInt() > last); // change-only, never back
        last = p.at(1).toInt();
    }
    QCOMPARE(last, 100);
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0).at(1).toInt(), 2);
    QCOMPARE(steps.at(0).at(2).toInt(), 3);
    // The stall came and went: {1} then {} (sampling may miss neither: it lasted 200 ms+).
    QVERIFY2(stalled.size() == 2, qPrintable(QString::number(stalled.size())));
    QCOMPARE(stalled.at(0).at(1).value<QList<int>>(), QList<int>{1});
    QCOMPARE(stalled.at(1).at(1).value<QList<int>>(), QList<int>{});
}

void TestJobRunner::jobThreadsTakeTheNiceValue()
{
    // The job's thread and every thread it starts (pumps, codecs) run at the runner's nice
    // value; the runner's own thread keeps its own.
    jobs::JobRunner runner;
    runner.setJobNice(jobs::kGuiJobNice);
    const int own = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
    std::atomic_int inJob{-100}, inChild{-100};
    auto body = [&](jobs::JobContext &) {
        inJob = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
        std::thread child(
            [&] { inChild = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid())); });
        child.join();
        return jobs::JobResult::success();
    };
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    runner.start(std::make_unique<vds::test::FunctionJob>(body));
    QVERIFY(finished.wait(10000));
    QCOMPARE(inJob.load(), qMin(19, own + jobs::kGuiJobNice));
    QCOMPARE(inChild.load(), inJob.load());
    QCOMPARE(::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid())), own);
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
