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

} // namespace vds::jobs
