#include <vds/jobs/jobcontext.h>

#include <algorithm>

namespace vds::jobs {

void JobContext::setChannelCount(int count) noexcept
{
    m_channels.store(std::clamp(count, 0, kMaxChannels), std::memory_order_relaxed);
}

void JobContext::addChannel(int channel, std::uint64_t bytes) noexcept
{
    if (channel >= 0 && channel < kMaxChannels)
        m_channelBytes[static_cast<std::size_t>(channel)].fetch_add(bytes,
                                                                    std::memory_order_relaxed);
}

std::uint64_t JobContext::channel(int channel) const noexcept
{
    if (channel < 0 || channel >= kMaxChannels)
        return 0;
    return m_channelBytes[static_cast<std::size_t>(channel)].load(std::memory_order_relaxed);
}

void JobContext::setPhase(const QString &phase)
{
    QMutexLocker lock(&m_phaseMutex);
    m_phase = phase;
}

QString JobContext::phase() const
{
    QMutexLocker lock(&m_phaseMutex);
    return m_phase;
}

void JobContext::setStep(int index, int count) noexcept
{
    // Count first: a reader that sees the new index sees a count that fits it.
    m_stepCount.store(std::max(0, count), std::memory_order_relaxed);
    m_step.store(std::max(0, index), std::memory_order_relaxed);
}

void JobContext::setServerPercent(int percent) noexcept
{
    m_serverPercent.store(std::clamp(percent, -1, 100), std::memory_order_relaxed);
}

void JobContext::addServerMessage(ServerMessage message)
{
    QMutexLocker lock(&m_phaseMutex);
    message.sequence = m_messageSeq++;
    m_messages.append(std::move(message));
    if (m_messages.size() > kMaxMessages)
        m_messages.removeFirst();
}

QList<ServerMessage> JobContext::serverMessagesSince(quint64 from, quint64 *next) const
{
    QMutexLocker lock(&m_phaseMutex);
    const quint64 first = m_messageSeq - quint64(m_messages.size());
    if (next)
        *next = m_messageSeq;
    if (from >= m_messageSeq)
        return {};
    const qsizetype skip = qsizetype(std::max(from, first) - first);
    return m_messages.mid(skip);
}

quint64 JobContext::messageCount() const
{
    QMutexLocker lock(&m_phaseMutex);
    return m_messageSeq;
}

} // namespace vds::jobs
