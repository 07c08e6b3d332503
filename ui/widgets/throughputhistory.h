#pragma once

#include <QList>
#include <QString>
#include <QVector>

namespace vds::ui {

/// The samples behind a throughput graph: one ring buffer per series, one sample per runner
/// tick, long enough for the widest window (30 minutes). Series 0 is the total; others are
/// read vs write or one per stripe. Plain value on the GUI thread; no painting here.
class ThroughputHistory {
public:
    /// `capacity` samples per series (30 min at 4 Hz = 7200).
    explicit ThroughputHistory(int capacity = 7200);

    void setSeriesCount(int count);
    [[nodiscard]] int seriesCount() const { return int(m_series.size()); }
    [[nodiscard]] int capacity() const { return m_capacity; }

    /// Appends one tick: `total` to series 0 and `perSeries[i]` to series i+1 (missing → 0).
    void add(double total, const QList<double> &perSeries = {});
    void clear();

    /// Samples stored (≤ capacity), and the i-th most recent-last sample of a series:
    /// at(s, size()-1) is the newest.
    [[nodiscard]] int size() const { return m_size; }
    [[nodiscard]] double at(int series, int index) const;

    /// Statistics over the last `window` samples of a series (all when window ≤ 0 or larger).
    [[nodiscard]] double latest(int series = 0) const;
    [[nodiscard]] double average(int series = 0, int window = 0) const;
    [[nodiscard]] double peak(int series = 0, int window = 0) const;

    /// The last `window` samples averaged into `buckets` equal groups, oldest first; for drawing
    /// a long window on few pixels without aliasing. Fewer samples than buckets → one per sample.
    [[nodiscard]] QVector<double> bucketed(int series, int window, int buckets) const;

private:
    [[nodiscard]] int clampWindow(int window) const;

    int m_capacity;
    int m_size = 0;
    int m_head = 0; ///< index where the next sample goes
    QVector<QVector<double>> m_series;
};

} // namespace vds::ui
