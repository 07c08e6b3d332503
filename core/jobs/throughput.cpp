#include <vds/jobs/throughput.h>

#include <cmath>

namespace vds::jobs {

void ThroughputEstimator::add(double seconds, std::uint64_t bytesDone)
{
    const double dt = seconds - m_lastTime;
    if (dt <= 0.0)
        return;
    const double delta =
        bytesDone >= m_lastBytes ? static_cast<double>(bytesDone - m_lastBytes) : 0.0;
    m_current = delta / dt;
    // The first measured interval seeds the average instead of dragging it up from zero.
    if (!m_primed) {
        m_smoothed = m_current;
        m_primed = delta > 0.0;
    } else {
        const double alpha = 1.0 - std::exp(-dt / m_tau);
        m_smoothed += alpha * (m_current - m_smoothed);
    }
    if (bytesDone != m_lastBytes)
        m_lastMoveTime = seconds;
    m_lastTime = seconds;
    m_lastBytes = bytesDone;
}

double ThroughputEstimator::average() const
{
    return m_lastTime > 0.0 ? static_cast<double>(m_lastBytes) / m_lastTime : 0.0;
}

std::int64_t ThroughputEstimator::etaSeconds(std::uint64_t total) const
{
    if (total == 0 || m_smoothed <= 0.0)
        return -1;
    if (m_lastBytes >= total)
        return 0;
    return static_cast<std::int64_t>(
        std::ceil(static_cast<double>(total - m_lastBytes) / m_smoothed));
}

} // namespace vds::jobs
