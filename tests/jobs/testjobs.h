#pragma once

#include <QThread>

#include <atomic>
#include <functional>
#include <stdexcept>

#include <vds/jobs/job.h>

namespace vds::test {

/// Counts `steps` chunks of `chunk` bytes, sleeping `sleepMs` per step, checking cancel per step.
/// Records how many instances run at once, to prove jobs run in parallel.
class CountingJob final : public jobs::Job {
public:
    enum class Ending { Succeed, Fail, Throw };

    CountingJob(int steps, int sleepMs, quint64 chunk = 1024 * 1024,
                Ending ending = Ending::Succeed, std::atomic_int *concurrent = nullptr,
                std::atomic_int *peak = nullptr, std::atomic_bool *sawCancel = nullptr)
        : jobs::Job(QStringLiteral("counting")), m_steps(steps), m_sleepMs(sleepMs), m_chunk(chunk),
          m_ending(ending), m_concurrent(concurrent), m_peak(peak), m_sawCancel(sawCancel)
    {}
    QString kind() const override { return QStringLiteral("test-counting"); }
    QStringList channelNames() const override { return m_channelNames; }
    void setChannelNames(QStringList names) { m_channelNames = std::move(names); }
    /// Leaves the total unknown (0) for the first `steps` steps, as a job sizing its source.
    void setTotalAfterSteps(int steps) { m_totalAfter = steps; }

protected:
    jobs::JobResult execute(jobs::JobContext &ctx) override
    {
        struct Guard {
            std::atomic_int *c;
            ~Guard()
            {
                if (c)
                    c->fetch_sub(1);
            }
        } guard{m_concurrent};
        if (m_concurrent) {
            const int now = m_concurrent->fetch_add(1) + 1;
            int p = m_peak->load();
            while (now > p && !m_peak->compare_exchange_weak(p, now)) {
            }
        }
        if (m_totalAfter == 0)
            ctx.setTotal(quint64(m_steps) * m_chunk);
        ctx.report().beginPhase(QStringLiteral("count"));
        ctx.setPhase(QStringLiteral("count"));
        for (int i = 0; i < m_steps; ++i) {
            if (i == m_totalAfter && i > 0)
                ctx.setTotal(quint64(m_steps) * m_chunk);
            if (ctx.isCancelled()) {
                if (m_sawCancel)
                    m_sawCancel->store(true);
                return jobs::JobResult::cancelled();
            }
            QThread::msleep(ulong(m_sleepMs));
            ctx.addDone(m_chunk);
            for (int c = 0; c < ctx.channelCount(); ++c)
                ctx.addChannel(c, m_chunk * quint64(c + 1));
        }
        switch (m_ending) {
        case Ending::Fail:
            return jobs::JobResult::failure(Error::fromErrno(28, "/tmp/target.vhdx", "write"));
        case Ending::Throw: throw std::runtime_error("boom");
        case Ending::Succeed: break;
        }
        return jobs::JobResult::success();
    }

private:
    int m_steps;
    int m_sleepMs;
    quint64 m_chunk;
    Ending m_ending;
    std::atomic_int *m_concurrent;
    std::atomic_int *m_peak;
    std::atomic_bool *m_sawCancel;
    QStringList m_channelNames;
    int m_totalAfter = 0;
};

/// Makes no progress until cancelled (for stall detection).
class IdleJob final : public jobs::Job {
public:
    IdleJob() : jobs::Job(QStringLiteral("idle")) {}
    QString kind() const override { return QStringLiteral("test-idle"); }

protected:
    jobs::JobResult execute(jobs::JobContext &ctx) override
    {
        ctx.setTotal(100);
        while (!ctx.isCancelled())
            QThread::msleep(5);
        return jobs::JobResult::cancelled();
    }
};

/// Runs a function as its execute(): for jobs that set the structured progress by hand.
class FunctionJob final : public jobs::Job {
public:
    explicit FunctionJob(std::function<jobs::JobResult(jobs::JobContext &)> body)
        : jobs::Job(QStringLiteral("function")), m_body(std::move(body))
    {}
    QString kind() const override { return QStringLiteral("test-function"); }
    QStringList channelNames() const override
    {
        return {QStringLiteral("stripe-1"), QStringLiteral("stripe-2"), QStringLiteral("stripe-3")};
    }

protected:
    jobs::JobResult execute(jobs::JobContext &ctx) override { return m_body(ctx); }

private:
    std::function<jobs::JobResult(jobs::JobContext &)> m_body;
};

} // namespace vds::test
