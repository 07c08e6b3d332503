#include "ui/jobs/serverprogress.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>

#include "ui/jobs/jobtext.h"
#include "ui/jobs/jobtracker.h"

namespace vds::ui {

namespace {

QString line(const jobs::ServerMessage &m)
{
    const QString time = m.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    // The text is the server's own, shown as it came; only the frame around it is ours.
    if (m.severity >= 0)
        return ServerProgress::tr("%1  Msg %2, Level %3: %4")
            .arg(time)
            .arg(m.number)
            .arg(m.severity)
            .arg(m.text);
    return ServerProgress::tr("%1  Msg %2: %3").arg(time).arg(m.number).arg(m.text);
}

} // namespace

ServerProgress::ServerProgress(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_percent = new QProgressBar(this);
    m_percent->setRange(0, 100);
    m_percent->setFormat(QStringLiteral("%p %"));
    m_percent->setAccessibleName(tr("The server's own progress"));
    m_percent->setToolTip(tr("What SQL Server reports itself (its STATS messages), beside the "
                             "bytes counted here"));
    m_stalled = new QLabel(this);
    m_stalled->setWordWrap(true);
    QPalette warn = m_stalled->palette();
    warn.setColor(QPalette::WindowText, QColor::fromHsl(0, 220, 110));
    m_stalled->setPalette(warn);
    m_stalled->setVisible(false);
    m_messages = new QPlainTextEdit(this);
    m_messages->setReadOnly(true);
    m_messages->setMaximumBlockCount(2000);
    m_messages->setAccessibleName(tr("Messages from SQL Server"));
    m_messages->setMinimumHeight(70);
    m_messages->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("Server reports:"), m_percent);
    form->addRow(m_stalled);
    form->addRow(tr("Server messages:"), m_messages);
}

bool ServerProgress::hasServerProgress(const TrackedJob &j)
{
    return j.serverPercent >= 0 || !j.messages.isEmpty();
}

void ServerProgress::showJob(const TrackedJob &j, bool replayMessages)
{
    m_percent->setValue(qMax(0, j.serverPercent));
    if (j.stalledChannels.isEmpty()) {
        m_stalled->setVisible(false);
        m_stalled->clear();
    } else {
        QStringList names;
        for (int c : j.stalledChannels)
            names << seriesText(j.seriesNames.value(c, QStringLiteral("stripe-%1").arg(c + 1)));
        m_stalled->setText(
            tr("Not moving: %1. The other stripes go on; SQL Server waits for this one.")
                .arg(names.join(QStringLiteral(", "))));
        m_stalled->setVisible(true);
    }
    if (replayMessages) {
        m_messages->clear();
        appendMessages(j.messages);
    }
}

void ServerProgress::appendMessages(const QList<jobs::ServerMessage> &messages)
{
    QScrollBar *bar = m_messages->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    for (const auto &m : messages)
        m_messages->appendPlainText(line(m));
    if (atEnd) // follow the newest line unless the user scrolled back to read
        bar->setValue(bar->maximum());
}

QString ServerProgress::stalledText() const
{
    return m_stalled->isHidden() ? QString() : m_stalled->text();
}

QString ServerProgress::messagesText() const
{
    return m_messages->toPlainText();
}

int ServerProgress::messageLines() const
{
    return m_messages->toPlainText().isEmpty() ? 0 : m_messages->blockCount();
}

} // namespace vds::ui
