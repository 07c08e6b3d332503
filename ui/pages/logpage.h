#pragma once

#include <QWidget>

class QComboBox;
class QPlainTextEdit;

namespace vds::log {
class LogBridge;
struct LogMessage;
} // namespace vds::log

namespace vds::ui {

/// Shows the application log as it happens (fed by the LogBridge, on the GUI thread), with a
/// level filter. Keeps the last few thousand lines; the full log is in the file it names.
/// GUI thread only; owned by its parent.
class LogPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPage)
public:
    LogPage(log::LogBridge *bridge, QString logFilePath, QWidget *parent = nullptr);

    /// Lines currently shown (tests use it).
    [[nodiscard]] int lineCount() const;

private:
    void append(const vds::log::LogMessage &message);

    QComboBox *m_level = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QString m_logFilePath;
};

} // namespace vds::ui
