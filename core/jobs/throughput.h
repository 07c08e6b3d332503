#pragma once

#include <cstdint>

namespace vds::jobs {

/// Turns (time, cumulative bytes) samples into a current rate, a smoothed rate and an ETA.
/// Plain value; the JobRunner keeps one per running job and feeds it on every sampling tick.
class ThroughputEstimator {
public:
    /// `smoothingSeconds`: time constant of the exponential average used for the ETA.
    explicit ThroughputEstimator(double smoothingSeconds = 5.0) : m_tau(smoothingSeconds) {}

    /// Feeds a sample; `seconds` is monotonic time since the job started.
    void add(double seconds, std::uint64_t bytesDone);

    /// Bytes per second over the last interval.
    [[nodiscard]] double current() const { return m_current; }
    /// Exponentially smoothed bytes per second.
    [[nodiscard]] double smoothed() const { return m_smoothed; }
    /// Average since the start.
    [[nodiscard]] double average() const;
    /// Seconds left for `total` bytes, or -1 when unknown (no total, or no rate yet).
    [[nodiscard]] std::int64_t etaSeconds(std::uint64_t total) const;
    /// Seconds since the byte count last moved.
    [[nodiscard]] double secondsSinceProgress() const { return m_lastTime - m_lastMoveTime; }

private:
    double m_tau;
    double m_lastTime = 0.0;
    double m_lastMoveTime = 0.0;
    std::uint64_t m_lastBytes = 0;
    double m_current = 0.0;
    double m_smoothed = 0.0;
    bool m_primed = false;
};

} // namespace vds::jobs
