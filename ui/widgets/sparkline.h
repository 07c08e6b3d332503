#pragma once

#include <QWidget>

#include "ui/widgets/throughputhistory.h"

namespace vds::ui {

/// A tiny line of recent throughput for list rows (the Jobs panel): the last two minutes,
/// scaled to its own peak. GUI thread only; owned by its parent.
class Sparkline final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)
public:
    explicit Sparkline(QWidget *parent = nullptr);

    void addSample(double value);
    [[nodiscard]] int sampleCount() const { return m_history.size(); }
    [[nodiscard]] QSize sizeHint() const override { return {96, 22}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ThroughputHistory m_history;
};

} // namespace vds::ui
