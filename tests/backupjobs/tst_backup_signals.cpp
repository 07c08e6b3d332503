// backup_signals: what a GUI sees of a backup on the JobRunner, with QSignalSpy: exactly one
// `finished` per job, progress samples that never go back, at most one every 250 ms, and a
// throughput sample per stripe as well as in total; the structured progress (phase ids, the
// server's percent, stalled stripes, SQL Server's messages as they arrive) with no text of ours.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

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
        QSignalSpy percents(&runner, &jobs::JobRunner::serverPercentChanged);
        QSignalSpy messages(&runner, &jobs::JobRunner::serverMessages);
        // Messages must arrive while the job runs, not all at its end.
        int messagesBeforeFinish = 0;
        connect(&runner, &jobs::JobRunner::serverMessages, this,
                [&](jobs::JobId id, const QList<jobs::ServerMessage> &m) {
                    if (runner.isRunning(id))
                        messagesBeforeFinish += int(m.size());
                });
        QList<qint64> times;
        QElapsedTimer clock;
        clock.start();
        connect(&runner, &jobs::JobRunner::progress, this, [&] { times << clock.elapsed(); });
        const jobs::JobId id = runner.start(std::make_unique<backup::BackupJob>(p));
        QCOMPARE(runner.snapshot(id).channelNames,
                 QStringList({QStringLiteral("stripe-1"), QStringLiteral("stripe-2"),
                              QStringLiteral("stripe-3")}));
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
        // Phases are ids, in order, each announced once (sampled: a short one may be missed),
        // the last sample showing where the job ended.
        const QStringList order{QStringLiteral("connect"), QStringLiteral("prepare"),
                                QStringLiteral("backup"), QStringLiteral("finish")};
        QStringList phaseIds;
        for (const auto &ph : phases)
            phaseIds << ph.at(1).toString();
        qsizetype at = -1;
        for (const QString &ph : phaseIds) {
            const qsizetype i = order.indexOf(ph);
            QVERIFY2(i > at, qPrintable(phaseIds.join(u',')));
            at = i;
        }
        QVERIFY2(phaseIds.contains(QStringLiteral("backup")), qPrintable(phaseIds.join(u',')));
        QCOMPARE(phaseIds.last(), QStringLiteral("finish"));
        // The server's own STATS percent arrives as a number that never goes back, up to 100.
        QVERIFY2(percents.size() >= 2, "several STATS steps in a two-second backup");
        int lastPercent = -1;
        for (const auto &pc : percents) {
            const int percent = pc.at(1).toInt();
            QVERIFY(percent >= lastPercent && percent <= 100);
            lastPercent = percent;
        }
        QCOMPARE(lastPercent, 100);
        QCOMPARE(runner.snapshot(id).serverPercent, -1); // the runner forgot the finished job
        // SQL Server's messages, verbatim and as they arrive: 3211 (percent) lines while the
        // job runs, 3014 at the end, each with its number and text.
        QList<jobs::ServerMessage> all;
        for (const auto &m : messages)
            all += m.at(1).value<QList<jobs::ServerMessage>>();
        QVERIFY2(messagesBeforeFinish > 0, "messages arrive while the backup runs");
        const auto has = [&](int number) {
            return std::any_of(all.begin(), all.end(), [number](const jobs::ServerMessage &m) {
                return m.number == number && !m.text.isEmpty();
            });
        };
        QVERIFY(has(3211));
        QVERIFY(has(3014));
        QVERIFY(std::any_of(all.begin(), all.end(), [](const jobs::ServerMessage &m) {
            return m.text.contains(QStringLiteral("percent processed"));
        }));

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
    /// samples carry it as stalled channel 1 (stripe-2), the report keeps it, and the job still
    /// cancels cleanly with exactly one finished.
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
        connect(&runner, &jobs::JobRunner::stalledChannelsChanged, this,
                [&](jobs::JobId id, const QList<int> &channels) {
                    if (!flagged && channels == QList<int>{1}) {
                        flagged = true;
                        QCOMPARE(runner.snapshot(id).stalledChannels, QList<int>{1});
                        QCOMPARE(runner.snapshot(id).phase, QStringLiteral("backup"));
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
