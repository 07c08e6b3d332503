#include "ui/widgets/throughputgraph.h"

#include <QPainter>
#include <QPainterPath>

#include "ui/widgets/format.h"
#include "ui/widgets/niceaxis.h"

namespace vds::ui {

ThroughputGraph::ThroughputGraph(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Throughput graph"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ThroughputGraph::setSeriesNames(const QStringList &names)
{
    m_names = names;
    m_history.setSeriesCount(1 + int(names.size()));
    update();
}

void ThroughputGraph::setStalledSeries(const QList<int> &series)
{
    if (series == m_stalled)
        return;
    m_stalled = series;
    update();
}

QColor ThroughputGraph::stalledColor() const
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(0, 220, dark ? 150 : 110); // red, readable on either scheme
}

void ThroughputGraph::setSampleIntervalMs(int ms)
{
    m_sampleMs = qMax(10, ms);
    update();
}

void ThroughputGraph::setWindow(Window window)
{
    m_window = window;
    update();
}

void ThroughputGraph::showHistory(const ThroughputHistory *history)
{
    m_shown = history;
    historyChanged();
}

void ThroughputGraph::historyChanged()
{
    update();
    emit sampleAdded();
}

void ThroughputGraph::addSample(double total, const QList<double> &perSeries)
{
    m_history.add(total, perSeries);
    update();
    emit sampleAdded();
}

void ThroughputGraph::clear()
{
    m_history.clear();
    m_shown = nullptr;
    update();
}

int ThroughputGraph::windowSamples() const
{
    return int(qint64(static_cast<int>(m_window)) * 1000 / m_sampleMs);
}

int ThroughputGraph::shownSamples() const
{
    // A job younger than the window fills the width as it grows (at least 10 s wide), instead
    // of sitting in a sliver at the right edge of a mostly empty 5-minute plot.
    const int minimum = int(10000 / m_sampleMs);
    return qMin(windowSamples(), qMax(minimum, history().size()));
}

double ThroughputGraph::average() const
{
    return history().average(0, windowSamples());
}

double ThroughputGraph::peak() const
{
    return history().peak(0, windowSamples());
}

double ThroughputGraph::axisMaximum() const
{
    double top = 0.0;
    for (int s = 0; s < history().seriesCount(); ++s)
        top = qMax(top, history().peak(s, windowSamples()));
    return NiceAxis::forMaximum(top * 1.05).max;
}

QColor ThroughputGraph::seriesColor(int series) const
{
    if (series == 0)
        return palette().color(QPalette::Highlight);
    // Hues far from each other and from the usual blue highlight.
    static const int hues[] = {28, 140, 330, 52, 190, 275, 0, 95};
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hues[(series - 1) % 8], 170, dark ? 160 : 105);
}

void ThroughputGraph::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));

    const QFontMetrics fm(font());
    const NiceAxis axis = NiceAxis::forMaximum(axisMaximum());
    int labelWidth = 0;
    for (int i = 0; i <= axis.ticks; ++i)
        labelWidth = qMax(labelWidth, fm.horizontalAdvance(format::rate(axis.step * i)));
    labelWidth += 8;
    const QRectF plot(labelWidth, fm.height() * 0.5 + 4, width() - labelWidth - 8,
                      height() - fm.height() * 2.0 - 8);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    // Grid and Y labels.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    const QColor label = pal.color(QPalette::PlaceholderText);
    for (int i = 0; i <= axis.ticks; ++i) {
        const double y = plot.bottom() - plot.height() * i / axis.ticks;
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(label);
        p.drawText(QRectF(0, y - fm.height() / 2.0, labelWidth - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, format::rate(axis.step * i));
    }
    // X labels: the start of what is shown and "now".
    const int span = shownSamples();
    const qint64 spanSeconds = qint64(span) * m_sampleMs / 1000;
    p.setPen(label);
    const QRectF xLabels(plot.left(), plot.bottom() + 4, plot.width(), fm.height());
    p.drawText(xLabels, Qt::AlignLeft,
               spanSeconds >= 60 ? tr("−%1 min").arg(spanSeconds / 60)
                                 : tr("−%1 s").arg(spanSeconds));
    p.drawText(xLabels, Qt::AlignRight, tr("now"));

    if (history().size() == 0) {
        p.setPen(label);
        p.drawText(plot, Qt::AlignCenter, tr("Waiting for data…"));
        return;
    }

    // Samples are placed by time: the newest at the right edge, the span's start at the left.
    const int window = span;
    const int buckets = qMax(2, int(plot.width()));
    auto pointsFor = [&](int series) {
        const QVector<double> values = history().bucketed(series, window, buckets);
        const int shown = qMin(window, history().size());
        const double spanX = plot.width() * shown / qMax(1, window);
        QPolygonF poly;
        poly.reserve(values.size());
        for (int i = 0; i < values.size(); ++i) {
            const double x = plot.right() - spanX +
                             (values.size() == 1 ? spanX : spanX * i / (values.size() - 1));
            const double y = plot.bottom() - plot.height() * qMin(1.0, values[i] / axis.max);
            poly.append(QPointF(x, y));
        }
        return poly;
    };

    const QPolygonF total = pointsFor(0);
    QPainterPath fill;
    fill.moveTo(total.first().x(), plot.bottom());
    for (const QPointF &pt : total)
        fill.lineTo(pt);
    fill.lineTo(total.last().x(), plot.bottom());
    fill.closeSubpath();
    QColor area = seriesColor(0);
    area.setAlpha(60);
    p.fillPath(fill, area);
    p.setPen(QPen(seriesColor(0), 2.0));
    p.drawPolyline(total);

    for (int s = 1; s < history().seriesCount(); ++s) {
        if (m_stalled.contains(s - 1))
            continue; // drawn last, on top
        p.setPen(QPen(seriesColor(s), 1.5));
        p.drawPolyline(pointsFor(s));
    }
    for (int c : m_stalled) {
        if (c + 1 >= history().seriesCount())
            continue;
        p.setPen(QPen(stalledColor(), 3.0, Qt::DashLine));
        p.drawPolyline(pointsFor(c + 1));
    }

    // Legend when there is more than the total.
    if (!m_names.isEmpty()) {
        double x = plot.left() + 8;
        const double y = plot.top() + 4;
        QStringList names = m_names;
        names.prepend(tr("Total"));
        for (int s = 0; s < names.size() && s < history().seriesCount(); ++s) {
            const bool stalled = s > 0 && m_stalled.contains(s - 1);
            const QString name = stalled ? tr("%1 — stalled").arg(names[s]) : names[s];
            p.fillRect(QRectF(x, y + 3, 10, fm.height() - 6),
                       stalled ? stalledColor() : seriesColor(s));
            p.setPen(stalled ? stalledColor() : pal.color(QPalette::Text));
            p.drawText(QPointF(x + 14, y + fm.ascent()), name);
            x += 14 + fm.horizontalAdvance(name) + 14;
        }
    }
}

} // namespace vds::ui
