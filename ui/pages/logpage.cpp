#include "ui/pages/logpage.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QUrl>
#include <QVBoxLayout>

#include <spdlog/common.h>

#include <vds/logging/logbridge.h>

namespace vds::ui {

LogPage::LogPage(log::LogBridge *bridge, QString logFilePath, QWidget *parent)
    : QWidget(parent), m_logFilePath(std::move(logFilePath))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);

    auto *bar = new QHBoxLayout;
    auto *levelLabel = new QLabel(tr("&Show:"), this);
    m_level = new QComboBox(this);
    m_level->setAccessibleName(tr("Minimum level shown"));
    m_level->addItem(tr("Debug and above"), int(spdlog::level::debug));
    m_level->addItem(tr("Information and above"), int(spdlog::level::info));
    m_level->addItem(tr("Warnings and errors"), int(spdlog::level::warn));
    m_level->addItem(tr("Errors only"), int(spdlog::level::err));
    m_level->setCurrentIndex(1);
    levelLabel->setBuddy(m_level);
    auto *clear = new QPushButton(tr("&Clear"), this);
    auto *openFolder = new QPushButton(tr("Open log &folder"), this);
    openFolder->setEnabled(!m_logFilePath.isEmpty());
    openFolder->setToolTip(m_logFilePath.isEmpty() ? tr("No log file is being written")
                                                   : m_logFilePath);
    bar->addWidget(levelLabel);
    bar->addWidget(m_level);
    bar->addStretch(1);
    bar->addWidget(clear);
    bar->addWidget(openFolder);
    layout->addLayout(bar);

    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(5000);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setAccessibleName(tr("Application log"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
    layout->addWidget(m_text, 1);

    if (!m_logFilePath.isEmpty()) {
        auto *where = new QLabel(tr("Full log: %1").arg(m_logFilePath), this);
        where->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(where);
    }

    connect(clear, &QPushButton::clicked, m_text, &QPlainTextEdit::clear);
    connect(openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_logFilePath).absolutePath()));
    });
    if (bridge)
        connect(bridge, &log::LogBridge::messageLogged, this, &LogPage::append);
}

int LogPage::lineCount() const
{
    return m_text->document()->isEmpty() ? 0 : m_text->blockCount();
}

void LogPage::append(const log::LogMessage &m)
{
    if (m.level < m_level->currentData().toInt())
        return;
    const auto name =
        spdlog::level::to_string_view(static_cast<spdlog::level::level_enum>(m.level));
    m_text->appendPlainText(QStringLiteral("%1 %2 [%3] %4")
                                .arg(m.time.toString(QStringLiteral("HH:mm:ss.zzz")),
                                     QString::fromLatin1(name.data(), qsizetype(name.size())),
                                     m.module, m.text));
}

} // namespace vds::ui
