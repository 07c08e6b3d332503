#include "ui/widgets/sparkline.h"

#include <QPainter>

namespace vds::ui {

Sparkline::Sparkline(QWidget *parent) : QWidget(parent), m_history(480) // 2 min at 4 Hz
{
    setAccessibleName(tr("Recent throughput"));
}

void Sparkline::addSample(double value)
{
    m_history.add(value);
    update();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1, 2, -1, -2);
    const QVector<double> v = m_history.bucketed(0, 0, qMax(2, int(r.width()) / 2));
    if (v.size() < 2)
        return;
    const double top = qMax(1.0, m_history.peak());
    QPolygonF line;
    for (int i = 0; i < v.size(); ++i)
        line.append(QPointF(r.left() + r.width() * i / (v.size() - 1),
                            r.bottom() - r.height() * v[i] / top));
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    p.drawPolyline(line);
}

} // namespace vds::ui
