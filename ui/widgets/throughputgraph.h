#pragma once

#include <QStringList>
#include <QWidget>

#include "ui/widgets/throughputhistory.h"

namespace vds::ui {

/// A custom-painted throughput graph: the last 1, 5 or 30 minutes of samples (a younger job
/// fills the width as it grows), a "nice" Y axis
/// in B/s … GB/s, the total filled under and further series (read vs write, stripes) as lines.
/// Colours come from the widget's palette, so it follows light and dark schemes; all geometry
/// is in device-independent pixels, so it is sharp on high-DPI screens.
/// GUI thread only; owned by its parent. It draws a history it is shown (a job's, kept by the
/// JobTracker: one copy of the samples) or, standalone, its own fed by addSample().
class ThroughputGraph final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputGraph)
public:
    enum class Window { OneMinute = 60, FiveMinutes = 300, ThirtyMinutes = 1800 };
    Q_ENUM(Window)

    explicit ThroughputGraph(QWidget *parent = nullptr);

    /// Names of the extra series (after the total), e.g. {"Read", "Write"} or stripe names.
    void setSeriesNames(const QStringList &names);
    [[nodiscard]] QStringList seriesNames() const { return m_names; }
    /// Extra series (0 = the first after the total) that stopped moving while the job goes on:
    /// drawn as a thick dashed line in the warning colour, "stalled" beside their legend entry.
    void setStalledSeries(const QList<int> &series);
    [[nodiscard]] QList<int> stalledSeries() const { return m_stalled; }
    /// The warning colour stalled series are drawn in.
    [[nodiscard]] QColor stalledColor() const;
    /// Milliseconds between samples (the runner's tick); sets how many samples a window spans.
    void setSampleIntervalMs(int ms);
    void setWindow(Window window);
    [[nodiscard]] Window window() const { return m_window; }

    /// Draws `history` (not owned; it must outlive the graph or be replaced first) instead of
    /// the graph's own; nullptr goes back to the own one. Call historyChanged() after it grows.
    void showHistory(const ThroughputHistory *history);
    void historyChanged();

    /// Adds to the graph's own history (when no other history is shown).
    void addSample(double totalBytesPerSecond, const QList<double> &perSeries = {});
    void clear();

    /// Read-outs for the total over the visible window.
    [[nodiscard]] double current() const { return history().latest(0); }
    [[nodiscard]] double average() const;
    [[nodiscard]] double peak() const;
    [[nodiscard]] int sampleCount() const { return history().size(); }
    [[nodiscard]] const ThroughputHistory &history() const
    {
        return m_shown != nullptr ? *m_shown : m_history;
    }
    /// The Y axis top as last computed (for tests and the accessible description).
    [[nodiscard]] double axisMaximum() const;

    [[nodiscard]] QSize sizeHint() const override { return {560, 200}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {240, 120}; }
    /// Colour of a series: 0 = total (palette highlight), others from a fixed set of hues
    /// adjusted to the palette's lightness.
    [[nodiscard]] QColor seriesColor(int series) const;

signals:
    void sampleAdded();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    [[nodiscard]] int windowSamples() const;
    [[nodiscard]] int shownSamples() const;

    ThroughputHistory m_history;                ///< own samples (standalone use)
    const ThroughputHistory *m_shown = nullptr; ///< a tracker's history, when shown
    QStringList m_names;
    QList<int> m_stalled;
    Window m_window = Window::FiveMinutes;
    int m_sampleMs = 250;
};

} // namespace vds::ui
