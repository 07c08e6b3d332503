#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace vds::ui {

class ThroughputGraph;

/// The throughput graph with its read-outs (current, average, peak over the window) and the
/// window selector (1, 5, 30 minutes). GUI thread only; owned by its parent.
class ThroughputPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputPanel)
public:
    explicit ThroughputPanel(QWidget *parent = nullptr);

    [[nodiscard]] ThroughputGraph *graph() const { return m_graph; }
    [[nodiscard]] QString currentText() const;
    [[nodiscard]] QString averageText() const;
    [[nodiscard]] QString peakText() const;

private:
    void refresh();

    ThroughputGraph *m_graph = nullptr;
    QLabel *m_current = nullptr;
    QLabel *m_average = nullptr;
    QLabel *m_peak = nullptr;
    QComboBox *m_window = nullptr;
};

} // namespace vds::ui
