#include "ui/widgets/throughputpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/widgets/format.h"
#include "ui/widgets/throughputgraph.h"

namespace vds::ui {
namespace {

QLabel *readout(const QString &accessibleName, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setAccessibleName(accessibleName);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

ThroughputPanel::ThroughputPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    m_current = readout(tr("Current throughput"), this);
    m_average = readout(tr("Average throughput"), this);
    m_peak = readout(tr("Peak throughput"), this);
    m_window = new QComboBox(this);
    m_window->setAccessibleName(tr("Graph window"));
    m_window->addItem(tr("Last minute"), int(ThroughputGraph::Window::OneMinute));
    m_window->addItem(tr("Last 5 minutes"), int(ThroughputGraph::Window::FiveMinutes));
    m_window->addItem(tr("Last 30 minutes"), int(ThroughputGraph::Window::ThirtyMinutes));
    m_window->setCurrentIndex(1);
    header->addWidget(m_current);
    header->addSpacing(16);
    header->addWidget(m_average);
    header->addSpacing(16);
    header->addWidget(m_peak);
    header->addStretch(1);
    header->addWidget(m_window);
    layout->addLayout(header);

    m_graph = new ThroughputGraph(this);
    layout->addWidget(m_graph, 1);

    connect(m_graph, &ThroughputGraph::sampleAdded, this, &ThroughputPanel::refresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        m_graph->setWindow(static_cast<ThroughputGraph::Window>(m_window->currentData().toInt()));
        refresh();
    });
    refresh();
}

QString ThroughputPanel::currentText() const
{
    return m_current->text();
}

QString ThroughputPanel::averageText() const
{
    return m_average->text();
}

QString ThroughputPanel::peakText() const
{
    return m_peak->text();
}

void ThroughputPanel::refresh()
{
    m_current->setText(tr("Current: <b>%1</b>").arg(format::rate(m_graph->current())));
    m_average->setText(tr("Average: <b>%1</b>").arg(format::rate(m_graph->average())));
    m_peak->setText(tr("Peak: <b>%1</b>").arg(format::rate(m_graph->peak())));
}

} // namespace vds::ui
