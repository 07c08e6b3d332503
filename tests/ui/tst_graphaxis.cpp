#include <QTest>

#include "ui/widgets/format.h"
#include "ui/widgets/niceaxis.h"
#include "ui/widgets/throughputhistory.h"

using namespace vds::ui;

class TestGraphAxis : public QObject {
    Q_OBJECT
private slots:
    void niceAxis_data()
    {
        QTest::addColumn<double>("dataMax");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("step");
        QTest::newRow("0") << 0.0 << 1.0 << 1.0;
        QTest::newRow("negative") << -5.0 << 1.0 << 1.0;
        QTest::newRow("37.3 MB/s") << 37.3e6 << 40e6 << 10e6;
        QTest::newRow("101 MB/s") << 101e6 << 150e6 << 50e6;
        QTest::newRow("1.9 GB/s") << 1.9e9 << 2e9 << 0.5e9;
        QTest::newRow("exact 400") << 400.0 << 400.0 << 100.0;
        QTest::newRow("7 B/s") << 7.0 << 8.0 << 2.0;
    }
    void niceAxis()
    {
        QFETCH(double, dataMax);
        QFETCH(double, max);
        QFETCH(double, step);
        const NiceAxis a = NiceAxis::forMaximum(dataMax);
        QCOMPARE(a.max, max);
        QCOMPARE(a.step, step);
        QVERIFY(a.ticks >= 1 && a.ticks <= 5);
        QVERIFY(a.max >= dataMax);
    }
    void formats()
    {
        QLocale::setDefault(QLocale::c());
        QCOMPARE(format::rate(0), QStringLiteral("0 B/s"));
        QCOMPARE(format::rate(999), QStringLiteral("999 B/s"));
        QCOMPARE(format::rate(1500), QStringLiteral("1.5 kB/s"));
        QCOMPARE(format::rate(123.4e6), QStringLiteral("123 MB/s"));
        QCOMPARE(format::rate(2.5e9), QStringLiteral("2.5 GB/s"));
        QCOMPARE(format::rate(50e6), QStringLiteral("50 MB/s"));
        QCOMPARE(format::rate(1.25e9), QStringLiteral("1.25 GB/s"));
        QCOMPARE(format::bytes(512), QStringLiteral("512 B"));
        QCOMPARE(format::bytes(4ull << 30), QStringLiteral("4.00 GiB"));
        QCOMPARE(format::bytes(1536ull << 20), QStringLiteral("1.50 GiB"));
        QCOMPARE(format::duration(-1), QStringLiteral("—"));
        QCOMPARE(format::duration(59), QStringLiteral("59 s"));
        QCOMPARE(format::duration(245), QStringLiteral("4 min 05 s"));
        QCOMPARE(format::duration(7620), QStringLiteral("2 h 07 min"));
    }
    void ringBufferKeepsTheNewest()
    {
        ThroughputHistory h(4);
        for (int i = 1; i <= 6; ++i)
            h.add(i);
        QCOMPARE(h.size(), 4);
        QCOMPARE(h.at(0, 0), 3.0);
        QCOMPARE(h.at(0, 3), 6.0);
        QCOMPARE(h.latest(), 6.0);
        QCOMPARE(h.average(), 4.5);
        QCOMPARE(h.average(0, 2), 5.5);
        QCOMPARE(h.peak(0, 3), 6.0);
    }
    void seriesAndBuckets()
    {
        ThroughputHistory h(100);
        h.setSeriesCount(3);
        for (int i = 0; i < 10; ++i)
            h.add(i, {double(i * 10), double(i * 100)});
        QCOMPARE(h.at(1, 9), 90.0);
        QCOMPARE(h.at(2, 9), 900.0);
        QCOMPARE(h.at(3, 0), 0.0); // no such series
        const QVector<double> b = h.bucketed(0, 10, 5);
        QCOMPARE(b, (QVector<double>{0.5, 2.5, 4.5, 6.5, 8.5}));
        QCOMPARE(h.bucketed(0, 4, 10), (QVector<double>{6, 7, 8, 9}));
    }
};

QTEST_GUILESS_MAIN(TestGraphAxis)
#include "tst_graphaxis.moc"
