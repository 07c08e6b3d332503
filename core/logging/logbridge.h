#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

namespace spdlog::sinks {
class sink;
}

namespace vds::log {

/// One log line as the UI shows it.
struct LogMessage {
    QDateTime time;
    int level = 0; ///< spdlog::level::level_enum value
    QString module;
    QString text;
};

/// Carries log lines from any thread to the thread this object lives in (the GUI thread).
/// The spdlog sink it hands out never touches a widget: it posts each line through a queued
/// invocation, and `messageLogged` is emitted on this object's thread. Lines logged after the
/// bridge is gone are dropped, never delivered to a dangling object.
class LogBridge final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogBridge)
public:
    explicit LogBridge(QObject *parent = nullptr);
    ~LogBridge() override;

    /// The sink to add with vds::log::addSink. Holds a guarded pointer to this bridge.
    [[nodiscard]] std::shared_ptr<spdlog::sinks::sink> sink() const { return m_sink; }

signals:
    void messageLogged(const vds::log::LogMessage &message);

private:
    std::shared_ptr<spdlog::sinks::sink> m_sink;
};

} // namespace vds::log

Q_DECLARE_METATYPE(vds::log::LogMessage)
