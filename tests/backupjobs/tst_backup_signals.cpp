// backup_signals: what a GUI sees of a backup on the JobRunner, with QSignalSpy: exactly one
// `finished` per job, progress samples that never go back, at most one every 250 ms, and a
// throughput sample per stripe as well as in total.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "jobfixture.h"
#include <vds/backup/backupjob.h>
#include <vds/backup/restorejob.h>

using namespace vds;
using namespace vds::test;

class TestBackupSignals : public QObject {
    Q_OBJECT
private slots:
    void samplesAndOneFinished()
    {
        QTemporaryDir out;
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=6M")}, {QStringLiteral("slow:15")}).has_value());
        auto p = backupParams(sim, "Sales", out.path());
        p.stripes = 3;
        p.maxTransferSize = 64 * 1024;

        jobs::JobRunner runner;
        QSignalSpy finished(&runner, &jobs::JobRunner::finished);
        QSignalSpy progress(&runner, &jobs::JobRunner::progress);
        QSignalSpy throughput(&runner, &jobs::JobRunner::throughputSample);
        QSignalSpy phases(&runner, &jobs::JobRunner::phaseChanged);
        QList<qint64> times;
        QElapsedTimer clock;
        clock.start();
        connect(&runner, &jobs::JobRunner::progress, this, [&] { times << clock.elapsed(); });
        const jobs::JobId id = runner.start(std::make_unique<backup::BackupJob>(p));
        QCOMPARE(runner.snapshot(id).channelNames,
                 QStringList({QStringLiteral("Stripe 1"), QStringLiteral("Stripe 2"),
                              QStringLiteral("Stripe 3")}));
        QVERIFY(finished.wait(120000));
        QTest::qWait(600); // a second finished would arrive here
        QCOMPARE(finished.size(), 1);
        const auto result = finished.at(0).at(1).value<jobs::JobResult>();
        QVERIFY2(result.succeeded(), result.error.toString().c_str());

        QVERIFY2(progress.size() >= 3, "a two-second backup gives several samples");
        quint64 last = 0;
        for (const auto &s : progress) {
            const quint64 done = s.at(1).toULongLong();
            QVERIFY(done >= last);
            last = done;
        }
        // The runner samples on its 250 ms timer, plus one last sample when the job ends (so the
        // bar ends where the job did): every interval but that last one is a timer interval.
        for (int i = 1; i + 1 < times.size(); ++i)
            QVERIFY2(
                times[i] - times[i - 1] >= 200,
                qPrintable(QStringLiteral("samples %1 ms apart").arg(times[i] - times[i - 1])));
        QVERIFY(!throughput.isEmpty());
        bool stripesMoved[3] = {false, false, false};
        for (const auto &s : throughput) {
            const auto perChannel = s.at(2).value<QList<double>>();
            QCOMPARE(perChannel.size(), 3);
            for (int c = 0; c < 3; ++c) {
                QVERIFY(perChannel[c] >= 0);
                stripesMoved[c] = stripesMoved[c] || perChannel[c] > 0;
            }
            QVERIFY(s.at(1).toDouble() >= 0);
        }
        QVERIFY(stripesMoved[0] && stripesMoved[1] && stripesMoved[2]);
        // The server's own STATS percent shows next to the byte counts (in the phase text).
        bool sawServerPercent = false;
        for (const auto &ph : phases)
            sawServerPercent =
                sawServerPercent || ph.at(1).toString().contains(QStringLiteral("server"));
        QVERIFY(sawServerPercent);

        // A failing job also ends with exactly one finished.
        auto bad = p;
        bad.database = "NoSuchDatabase";
        finished.clear();
        runner.start(std::make_unique<backup::BackupJob>(bad));
        QVERIFY(finished.wait(60000));
        QTest::qWait(600);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).value<jobs::JobResult>().error.category,
                 ErrorCategory::NotFound);
    }

    /// One stripe stops moving while the others go on (the simulator's stall fault): the
    /// phase the samples carry names it, the report keeps it, and the job still cancels
    /// cleanly with exactly one finished.
    void stalledStripeIsFlagged()
    {
        QTemporaryDir out;
        SimFixture sim;
        QVERIFY(
            sim.start({QStringLiteral("Sales=6M")}, {QStringLiteral("stall:2:30")}).has_value());
        auto p = backupParams(sim, "Sales", out.path());
        p.stripes = 3;
        p.maxTransferSize = 64 * 1024;
        p.stripeStallSeconds = 1;
        jobs::JobRunner runner;
        QSignalSpy finished(&runner, &jobs::JobRunner::finished);
        bool flagged = false;
        connect(&runner, &jobs::JobRunner::phaseChanged, this,
                [&](jobs::JobId id, const QString &phase) {
                    if (!flagged && phase.contains(QStringLiteral("stalled: stripe 2"))) {
                        flagged = true;
                        runner.cancel(id);
                    }
                });
        runner.start(std::make_unique<backup::BackupJob>(p));
        QVERIFY(finished.wait(60000));
        QTest::qWait(300);
        QVERIFY(flagged);
        QCOMPARE(finished.size(), 1);
        const auto result = finished.at(0).at(1).value<jobs::JobResult>();
        QCOMPARE(result.status, jobs::JobStatus::Cancelled);
        QVERIFY2(result.report.toText().contains(QStringLiteral("stripe 2 has not moved")),
                 qPrintable(result.report.toText()));
        QCOMPARE(filesIn(out.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestBackupSignals)
#include "tst_backup_signals.moc"
