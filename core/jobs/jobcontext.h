#pragma once

#include <QMutex>
#include <QString>

#include <array>
#include <atomic>
#include <cstdint>

#include <vds/jobs/report.h>

namespace vds::jobs {

/// Shared state between a running job (writer) and the JobRunner (reader): the cancel flag and
/// the byte counters. Every member is safe to call from any thread; the job bumps counters per
/// buffer and the runner samples them a few times a second, so nothing here ever emits a signal.
class JobContext final {
    Q_DISABLE_COPY_MOVE(JobContext)
public:
    /// Per-channel counters: stripes of a backup, or read vs write of a conversion.
    static constexpr int kMaxChannels = 64;

    JobContext() = default;

    // --- cancellation ---------------------------------------------------------------------
    void requestCancel() noexcept { m_cancel.store(true, std::memory_order_relaxed); }
    /// Checked by the job at every buffer and phase boundary.
    [[nodiscard]] bool isCancelled() const noexcept
    {
        return m_cancel.load(std::memory_order_relaxed);
    }
    /// The flag itself, for code below the job layer that takes a `const std::atomic_bool &`.
    [[nodiscard]] const std::atomic_bool &cancelFlag() const noexcept { return m_cancel; }

    // --- progress in bytes ----------------------------------------------------------------
    void setTotal(std::uint64_t bytes) noexcept { m_total.store(bytes, std::memory_order_relaxed); }
    void addDone(std::uint64_t bytes) noexcept
    {
        m_done.fetch_add(bytes, std::memory_order_relaxed);
    }
    [[nodiscard]] std::uint64_t total() const noexcept
    {
        return m_total.load(std::memory_order_relaxed);
    }
    [[nodiscard]] std::uint64_t done() const noexcept
    {
        return m_done.load(std::memory_order_relaxed);
    }

    /// Channel counters are independent of done(): a job decides what it adds where.
    void setChannelCount(int count) noexcept;
    [[nodiscard]] int channelCount() const noexcept
    {
        return m_channels.load(std::memory_order_relaxed);
    }
    void addChannel(int channel, std::uint64_t bytes) noexcept;
    [[nodiscard]] std::uint64_t channel(int channel) const noexcept;

    // --- phase ----------------------------------------------------------------------------
    void setPhase(const QString &phase);
    [[nodiscard]] QString phase() const;

    /// The job's report. Only the job's own thread touches it while the job runs.
    [[nodiscard]] Report &report() noexcept { return m_report; }

private:
    std::atomic_bool m_cancel{false};
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<int> m_channels{0};
    std::array<std::atomic<std::uint64_t>, kMaxChannels> m_channelBytes{};
    mutable QMutex m_phaseMutex;
    QString m_phase;
    Report m_report;
};

} // namespace vds::jobs
