#include <QTest>

#include <vds/jobs/throughput.h>

using namespace vds;

class TestThroughput : public QObject {
    Q_OBJECT
private slots:
    void steadyRate()
    {
        jobs::ThroughputEstimator e(2.0);
        for (int i = 1; i <= 40; ++i)
            e.add(i * 0.25, quint64(i) * 25'000'000); // 100 MB/s
        QCOMPARE(qRound(e.current() / 1e6), 100);
        QCOMPARE(qRound(e.smoothed() / 1e6), 100);
        QCOMPARE(qRound(e.average() / 1e6), 100);
        // 1 GB remaining of 2 GB at 100 MB/s → 10 s
        QCOMPARE(e.etaSeconds(2'000'000'000), 10);
    }
    void unknownEta()
    {
        jobs::ThroughputEstimator e;
        QCOMPARE(e.etaSeconds(1000), -1); // no rate yet
        e.add(1.0, 500);
        QCOMPARE(e.etaSeconds(0), -1);  // no total
        QCOMPARE(e.etaSeconds(500), 0); // done
    }
    void smoothingFollowsChange()
    {
        jobs::ThroughputEstimator e(1.0);
        quint64 bytes = 0;
        double t = 0;
        for (int i = 0; i < 20; ++i) {
            t += 0.25;
            bytes += 25'000'000;
            e.add(t, bytes);
        }
        for (int i = 0; i < 4; ++i) {
            t += 0.25;
            bytes += 2'500'000;
            e.add(t, bytes);
        }
        QCOMPARE(qRound(e.current() / 1e6), 10);
        QVERIFY(e.smoothed() > 10e6 && e.smoothed() < 100e6);
        for (int i = 0; i < 40; ++i) {
            t += 0.25;
            bytes += 2'500'000;
            e.add(t, bytes);
        }
        QVERIFY(qAbs(e.smoothed() - 10e6) < 0.5e6);
    }
    void stallClock()
    {
        jobs::ThroughputEstimator e;
        e.add(1.0, 100);
        e.add(2.0, 100);
        e.add(3.5, 100);
        QCOMPARE(e.secondsSinceProgress(), 2.5);
        e.add(4.0, 101);
        QCOMPARE(e.secondsSinceProgress(), 0.0);
    }
    void ignoresTimeGoingBackwards()
    {
        jobs::ThroughputEstimator e;
        e.add(1.0, 100);
        e.add(0.5, 200);
        QCOMPARE(e.current(), 100.0);
    }
};

QTEST_GUILESS_MAIN(TestThroughput)
#include "tst_throughput.moc"
