#include "ui/widgets/throughputhistory.h"

#include <algorithm>

namespace vds::ui {

ThroughputHistory::ThroughputHistory(int capacity) : m_capacity(std::max(2, capacity))
{
    setSeriesCount(1);
}

void ThroughputHistory::setSeriesCount(int count)
{
    count = std::max(1, count);
    if (count == seriesCount())
        return;
    m_series.resize(count);
    for (auto &s : m_series)
        s.resize(m_capacity, 0.0);
    clear();
}

void ThroughputHistory::add(double total, const QList<double> &perSeries)
{
    m_series[0][m_head] = total;
    for (int s = 1; s < seriesCount(); ++s)
        m_series[s][m_head] = s - 1 < perSeries.size() ? perSeries[s - 1] : 0.0;
    m_head = (m_head + 1) % m_capacity;
    m_size = std::min(m_size + 1, m_capacity);
}

void ThroughputHistory::clear()
{
    m_size = 0;
    m_head = 0;
}

double ThroughputHistory::at(int series, int index) const
{
    if (series < 0 || series >= seriesCount() || index < 0 || index >= m_size)
        return 0.0;
    const int start = (m_head - m_size + m_capacity) % m_capacity;
    return m_series[series][(start + index) % m_capacity];
}

int ThroughputHistory::clampWindow(int window) const
{
    return window <= 0 ? m_size : std::min(window, m_size);
}

double ThroughputHistory::latest(int series) const
{
    return m_size == 0 ? 0.0 : at(series, m_size - 1);
}

double ThroughputHistory::average(int series, int window) const
{
    const int n = clampWindow(window);
    if (n == 0)
        return 0.0;
    double sum = 0.0;
    for (int i = m_size - n; i < m_size; ++i)
        sum += at(series, i);
    return sum / n;
}

double ThroughputHistory::peak(int series, int window) const
{
    const int n = clampWindow(window);
    double best = 0.0;
    for (int i = m_size - n; i < m_size; ++i)
        best = std::max(best, at(series, i));
    return best;
}

QVector<double> ThroughputHistory::bucketed(int series, int window, int buckets) const
{
    const int n = clampWindow(window);
    QVector<double> out;
    if (n == 0 || buckets <= 0)
        return out;
    if (n <= buckets) {
        out.reserve(n);
        for (int i = m_size - n; i < m_size; ++i)
            out.append(at(series, i));
        return out;
    }
    out.reserve(buckets);
    const int first = m_size - n;
    for (int b = 0; b < buckets; ++b) {
        const int lo = first + int(qint64(n) * b / buckets);
        const int hi = first + int(qint64(n) * (b + 1) / buckets);
        double sum = 0.0;
        for (int i = lo; i < hi; ++i)
            sum += at(series, i);
        out.append(hi > lo ? sum / (hi - lo) : 0.0);
    }
    return out;
}

} // namespace vds::ui
