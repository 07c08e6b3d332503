#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QTest>

#include "ui/widgets/sparkline.h"
#include "ui/widgets/throughputgraph.h"
#include "ui/widgets/throughputpanel.h"

using namespace vds::ui;

namespace {

QImage render(QWidget &w, qreal dpr = 1.0)
{
    QImage img(w.size() * dpr, QImage::Format_ARGB32);
    img.setDevicePixelRatio(dpr);
    img.fill(Qt::black);
    w.render(&img);
    return img;
}

int countNear(const QImage &img, const QColor &c, int tolerance = 40)
{
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor p = img.pixelColor(x, y);
            if (qAbs(p.red() - c.red()) + qAbs(p.green() - c.green()) + qAbs(p.blue() - c.blue()) <
                tolerance)
                ++n;
        }
    return n;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::Window, QColor(45, 45, 45));
    p.setColor(QPalette::Text, QColor(230, 230, 230));
    p.setColor(QPalette::Highlight, QColor(60, 140, 230));
    return p;
}

} // namespace

class TestGraphWidget : public QObject {
    Q_OBJECT
private slots:
    void emptyGraphSaysItIsWaiting()
    {
        ThroughputGraph g;
        g.resize(400, 200);
        const QImage img = render(g);
        QCOMPARE(countNear(img, g.seriesColor(0), 10), 0); // nothing plotted yet
        QCOMPARE(g.sampleCount(), 0);
    }
    void plotsTotalAndSecondSeries()
    {
        ThroughputGraph g;
        g.setSeriesNames({QStringLiteral("Read"), QStringLiteral("Write")});
        g.setWindow(ThroughputGraph::Window::OneMinute); // 240 samples across the plot
        g.resize(500, 220);
        for (int i = 0; i < 200; ++i)
            g.addSample(100e6 + (i % 10) * 1e6, {60e6, 40e6});
        const QImage img = render(g);
        QVERIFY(countNear(img, g.seriesColor(0), 30) > 200);
        // Lines are antialiased: compare with a looser tolerance than the filled total.
        QVERIFY(countNear(img, g.seriesColor(1), 90) > 300);
        QVERIFY(countNear(img, g.seriesColor(2), 90) > 300);
        QCOMPARE(g.current(), 109e6);
        QCOMPARE(g.peak(), 109e6);
        QVERIFY(qAbs(g.average() - 104.5e6) < 1.0);
        QCOMPARE(g.axisMaximum(), 150e6); // 109 MB/s × 1.05 in about 4 nice steps: 0, 50, 100, 150
    }
    void windowLimitsReadouts()
    {
        ThroughputGraph g;
        g.setSampleIntervalMs(250);
        g.setWindow(ThroughputGraph::Window::OneMinute); // 240 samples
        for (int i = 0; i < 400; ++i)
            g.addSample(i < 100 ? 500e6 : 100e6);
        QCOMPARE(g.peak(), 100e6); // the 500 MB/s burst is older than a minute
        g.setWindow(ThroughputGraph::Window::FiveMinutes);
        QCOMPARE(g.peak(), 500e6);
    }
    void followsDarkAndLightPalettes()
    {
        ThroughputGraph light;
        ThroughputGraph dark;
        dark.setPalette(darkPalette());
        light.resize(300, 150);
        dark.resize(300, 150);
        QVERIFY(light.seriesColor(1).lightness() < dark.seriesColor(1).lightness());
        const QImage l = render(light);
        const QImage d = render(dark);
        QVERIFY(l.pixelColor(150, 75).lightness() > 128);
        QVERIFY(d.pixelColor(150, 75).lightness() < 64);
    }
    void sharpOnHighDpi()
    {
        ThroughputGraph g;
        g.resize(300, 150);
        for (int i = 0; i < 50; ++i)
            g.addSample(50e6);
        const QImage one = render(g, 1.0);
        const QImage two = render(g, 2.0);
        QCOMPARE(two.width(), one.width() * 2);
        // The total's line covers proportionally more device pixels, not a blurry upscale.
        const int a = countNear(one, g.seriesColor(0), 30);
        const int b = countNear(two, g.seriesColor(0), 30);
        QVERIFY2(b > a * 3, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
    }
    void panelReadoutsAndWindowSelector()
    {
        QLocale::setDefault(QLocale::c());
        ThroughputPanel panel;
        panel.graph()->addSample(10e6);
        panel.graph()->addSample(30e6);
        QVERIFY(panel.currentText().contains(QStringLiteral("30 MB/s")));
        QVERIFY(panel.averageText().contains(QStringLiteral("20 MB/s")));
        QVERIFY(panel.peakText().contains(QStringLiteral("30 MB/s")));
        auto *combo = panel.findChild<QComboBox *>();
        QVERIFY(combo);
        combo->setCurrentIndex(2);
        QCOMPARE(panel.graph()->window(), ThroughputGraph::Window::ThirtyMinutes);
    }
    void sparklineDraws()
    {
        Sparkline s;
        s.resize(96, 22);
        for (int i = 0; i < 30; ++i)
            s.addSample(i);
        QCOMPARE(s.sampleCount(), 30);
        const QImage img = render(s);
        QVERIFY(countNear(img, s.palette().color(QPalette::Highlight), 60) > 20);
    }
};

QTEST_MAIN(TestGraphWidget)
#include "tst_graphwidget.moc"
