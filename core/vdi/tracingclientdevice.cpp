#include <vds/vdi/tracingclientset_p.h>

#include <algorithm>

namespace vds::vdi::trace {

namespace {
std::int64_t unixMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}
} // namespace

Expected<Command *> TracingClientDevice::getCommand(std::int64_t timeoutMs)
{
    auto command = m_inner.getCommand(timeoutMs);
    if (command)
        m_pending.push_back({*command, **command, std::chrono::steady_clock::now(), unixMicros()});
    return command;
}

Expected<void> TracingClientDevice::completeCommand(Command *command, std::uint32_t completionCode,
                                                    std::uint64_t bytes, std::uint64_t position)
{
    auto ok = m_inner.completeCommand(command, completionCode, bytes, position);
    const auto done = std::chrono::steady_clock::now();
    auto it = std::find_if(m_pending.begin(), m_pending.end(),
                           [&](const Pending &p) { return p.command == command; });
    if (it == m_pending.end())
        return ok; // not a command this device handed out: nothing to trace
    Record r;
    r.set = m_set;
    r.device = m_inner.name();
    r.code = it->copy.commandCode;
    r.size = it->copy.size;
    r.position = it->copy.position;
    r.completed = true;
    r.completion = completionCode;
    r.bytes = bytes;
    r.positionOut = position;
    r.deliveredUnixUs = it->deliveredUnixUs;
    r.microseconds =
        std::chrono::duration_cast<std::chrono::microseconds>(done - it->delivered).count();
    r.result = ok ? 0 : hresultOf(ok.error());
    m_pending.erase(it);
    m_file->write(r);
    return ok;
}

void TracingClientDevice::flushOutstanding()
{
    const auto now = std::chrono::steady_clock::now();
    for (const Pending &p : m_pending) {
        Record r;
        r.set = m_set;
        r.device = m_inner.name();
        r.code = p.copy.commandCode;
        r.size = p.copy.size;
        r.position = p.copy.position;
        r.deliveredUnixUs = p.deliveredUnixUs;
        r.microseconds =
            std::chrono::duration_cast<std::chrono::microseconds>(now - p.delivered).count();
        m_file->write(r);
    }
    m_pending.clear();
}

} // namespace vds::vdi::trace
