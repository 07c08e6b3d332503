#pragma once

#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>
#include <cstdint>

#include <vds/jobs/report.h>
#include <vds/jobs/servermessage.h>

namespace vds::jobs {

/// Shared state between a running job (writer) and the JobRunner (reader): the cancel flag, the
/// byte counters and the structured progress (phase id, step, the server's own percent, stalled
/// channels, the server's messages). Every member is safe to call from any thread; the job
/// updates them as things happen and the runner samples them a few times a second, so nothing
/// here ever emits a signal. Nothing here is text for people: phases and channels are ids the
/// UI words (ui/jobs/jobtext.h); server messages are the server's own words, kept verbatim.
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
    /// A lower-case id ("connect", "prepare", "backup", "copy", "verify", …), never a sentence.
    void setPhase(const QString &phaseId);
    [[nodiscard]] QString phase() const;
    /// Step `index` (1-based) of `count` within the phase (a restore's backups: 2 of 3);
    /// count 0 = no steps.
    void setStep(int index, int count) noexcept;
    [[nodiscard]] int step() const noexcept { return m_step.load(std::memory_order_relaxed); }
    [[nodiscard]] int stepCount() const noexcept
    {
        return m_stepCount.load(std::memory_order_relaxed);
    }

    // --- the server's own progress ---------------------------------------------------------
    /// The percent the server reports itself (SQL Server's STATS), 0–100; -1 = none reported.
    void setServerPercent(int percent) noexcept;
    [[nodiscard]] int serverPercent() const noexcept
    {
        return m_serverPercent.load(std::memory_order_relaxed);
    }
    /// Channels that stopped moving while the job goes on: bit i = channel i.
    void setStalledChannels(std::uint64_t mask) noexcept
    {
        m_stalled.store(mask, std::memory_order_relaxed);
    }
    [[nodiscard]] std::uint64_t stalledChannels() const noexcept
    {
        return m_stalled.load(std::memory_order_relaxed);
    }
    /// Appends a server message. The last kMaxMessages are kept (older ones are dropped, and
    /// counted in messageCount()).
    static constexpr int kMaxMessages = 2000;
    void addServerMessage(ServerMessage message);
    /// Messages with sequence numbers from `from` on (0 = the first ever added), and the next
    /// sequence number to ask for. Messages dropped from the front are skipped.
    [[nodiscard]] QList<ServerMessage> serverMessagesSince(quint64 from, quint64 *next) const;
    [[nodiscard]] quint64 messageCount() const;

    /// The job's report. Only the job's own thread touches it while the job runs.
    [[nodiscard]] Report &report() noexcept { return m_report; }

private:
    std::atomic_bool m_cancel{false};
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<int> m_channels{0};
    std::array<std::atomic<std::uint64_t>, kMaxChannels> m_channelBytes{};
    std::atomic<int> m_step{0};
    std::atomic<int> m_stepCount{0};
    std::atomic<int> m_serverPercent{-1};
    std::atomic<std::uint64_t> m_stalled{0};
    mutable QMutex m_phaseMutex; ///< guards m_phase and the messages
    QString m_phase;
    QList<ServerMessage> m_messages;
    quint64 m_messageSeq = 0; ///< messages ever added
    Report m_report;
};

} // namespace vds::jobs
