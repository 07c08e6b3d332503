#include <vds/logging/logbridge.h>

#include <QMetaObject>
#include <QPointer>

#include <mutex>

#include <spdlog/details/log_msg.h>
#include <spdlog/sinks/base_sink.h>

#include <vds/logging/log.h>

namespace vds::log {
namespace {

class BridgeSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit BridgeSink(LogBridge *bridge) : m_bridge(bridge) {}
    void detach()
    {
        std::lock_guard lock(mutex_);
        m_bridge.clear();
    }

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        if (m_bridge.isNull())
            return;
        LogMessage m;
        m.time = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch())
                .count());
        m.level = msg.level;
        m.module = QString::fromUtf8(msg.logger_name.data(),
                                     static_cast<qsizetype>(msg.logger_name.size()));
        m.text = QString::fromUtf8(msg.payload.data(), static_cast<qsizetype>(msg.payload.size()));
        QPointer<LogBridge> target = m_bridge;
        QMetaObject::invokeMethod(
            target.data(),
            [target, m] {
                if (target)
                    emit target->messageLogged(m);
            },
            Qt::QueuedConnection);
    }
    void flush_() override {}

private:
    QPointer<LogBridge> m_bridge;
};

} // namespace

LogBridge::LogBridge(QObject *parent) : QObject(parent), m_sink(std::make_shared<BridgeSink>(this))
{
    qRegisterMetaType<vds::log::LogMessage>();
}

LogBridge::~LogBridge()
{
    vds::log::removeSink(m_sink);
    static_cast<BridgeSink *>(m_sink.get())->detach();
}

} // namespace vds::log
