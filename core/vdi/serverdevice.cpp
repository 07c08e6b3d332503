#include <vds/vdi/serverset.h>

#include <optional>

#include <vds/vdi/sharedset_p.h>

namespace vds::vdi {

using shm::SlotState;

namespace {
constexpr std::uint32_t st(SlotState s)
{
    return static_cast<std::uint32_t>(s);
}

Completion takeCompletion(shm::CommandSlot &s)
{
    Completion c;
    c.id = s.id;
    c.context = s.context;
    c.commandCode = s.commandCode;
    c.completionCode = s.completionCode;
    c.bytesTransferred = static_cast<std::uint32_t>(s.bytesTransferred);
    c.position = s.outPosition;
    s.state = st(SlotState::Free);
    return c;
}
} // namespace

ServerDevice::ServerDevice(SharedSet &set, std::uint32_t index, std::string name)
    : m_set(set), m_index(index), m_name(std::move(name))
{}

Expected<std::uint64_t> ServerDevice::sendCommand(const ServerCommand &cmd)
{
    SharedSet::Lock lock(m_set);
    shm::Control &c = m_set.ctl();
    shm::Device &d = c.devices[m_index];
    if (c.aborted)
        return vdiFail(hr::kAbort, "the set is aborted", m_name);
    if (d.closed)
        return vdiFail(hr::kClose, "the device is closed", m_name);
    if (d.ioError && cmd.commandCode != command::kClearError)
        return vdiFail(hr::kIoError, "the device is in IO-ERROR: only ClearError may be sent",
                       m_name);
    std::uint64_t offset = shm::kNoBuffer;
    if (cmd.buffer) {
        const std::byte *base = m_set.bufferBase();
        const bool data = cmd.commandCode == command::kRead || cmd.commandCode == command::kWrite;
        if (!base || cmd.buffer < base ||
            cmd.buffer + (data ? cmd.size : 0) > base + m_set.bufferSize())
            return vdiFail(hr::kInvalid, "the command's buffer is not in the shared area", m_name);
        offset = static_cast<std::uint64_t>(cmd.buffer - base);
    } else if ((cmd.commandCode == command::kRead || cmd.commandCode == command::kWrite) &&
               cmd.size != 0) {
        return vdiFail(hr::kInvalid, "Read and Write need a shared buffer", m_name);
    }
    shm::CommandSlot *slot = nullptr;
    bool idle = true;
    for (shm::CommandSlot &s : d.slots) {
        if (s.state == st(SlotState::Free)) {
            if (!slot)
                slot = &s;
        } else if (s.state != st(SlotState::Completed)) {
            idle = false;
        }
    }
    if (!slot)
        return vdiFail(hr::kQueueFull, "64 commands are outstanding on the device", m_name);
    if (idle) // serverTimeOut measures from the moment something is pending
        d.lastCompletionNs = static_cast<std::uint64_t>(SharedSet::nowNs());
    slot->commandCode = cmd.commandCode;
    slot->size = cmd.size;
    slot->position = cmd.position;
    slot->bufferOffset = offset;
    slot->id = ++d.nextId;
    slot->context = cmd.context;
    slot->completionCode = 0;
    slot->bytesTransferred = 0;
    slot->outPosition = 0;
    slot->state = st(SlotState::Queued);
    SharedSet::bump(d.clientEvent);
    return slot->id;
}

namespace {
/// The wait shared by waitCompletion and execute: `wanted` 0 takes any completion.
Expected<Completion> awaitCompletion(SharedSet &set, std::uint32_t index, std::uint64_t wanted,
                                     std::int64_t timeoutMs, const std::string &name)
{
    shm::Device &d = set.ctl().devices[index];
    Completion out;
    const std::int32_t rc =
        set.wait(d.serverEvent, timeoutMs, [&]() -> std::optional<std::int32_t> {
            shm::Control &c = set.ctl();
            shm::CommandSlot *best = nullptr;
            bool pending = false;
            for (shm::CommandSlot &s : d.slots) {
                if (s.state == st(SlotState::Completed) && (wanted == 0 || s.id == wanted)) {
                    if (!best || s.id < best->id)
                        best = &s;
                } else if (s.state == st(SlotState::Queued) ||
                           s.state == st(SlotState::Delivered)) {
                    pending = pending || wanted == 0 || s.id == wanted;
                }
            }
            if (best) {
                out = takeCompletion(*best);
                return hr::kOk;
            }
            if (c.aborted)
                return hr::kAbort;
            if (!pending)
                return hr::kProtocol;
            // serverTimeOut: requests pending and nothing completing for two intervals aborts.
            const std::uint64_t limit = c.clientConfig.serverTimeOut;
            if (limit != 0 && static_cast<std::uint64_t>(SharedSet::nowNs()) - d.lastCompletionNs >
                                  2 * limit * 1'000'000) {
                set.abortLocked(4);
                return std::nullopt;
            }
            return std::nullopt;
        });
    switch (rc) {
    case hr::kOk: return out;
    case hr::kAbort: return vdiFail(hr::kAbort, "the set was aborted", name);
    case hr::kTimeout: return vdiFail(hr::kTimeout, "no completion in time", name);
    default: return vdiFail(rc, "no command is outstanding on the device", name);
    }
}
} // namespace

Expected<Completion> ServerDevice::waitCompletion(std::int64_t timeoutMs)
{
    return awaitCompletion(m_set, m_index, 0, timeoutMs, m_name);
}

Expected<Completion> ServerDevice::execute(const ServerCommand &command, std::int64_t timeoutMs)
{
    auto id = sendCommand(command);
    if (!id)
        return std::unexpected(id.error());
    return awaitCompletion(m_set, m_index, *id, timeoutMs, m_name);
}

std::uint32_t ServerDevice::outstanding() const noexcept
{
    SharedSet::Lock lock(m_set);
    std::uint32_t n = 0;
    for (const shm::CommandSlot &s : m_set.ctl().devices[m_index].slots)
        n += s.state != st(SlotState::Free) ? 1 : 0;
    return n;
}

Expected<void> ServerDevice::closeDevice()
{
    SharedSet::Lock lock(m_set);
    shm::Control &c = m_set.ctl();
    shm::Device &d = c.devices[m_index];
    if (c.aborted)
        return {};
    if (d.closed)
        return vdiFail(hr::kClose, "the device is already closed", m_name);
    d.closed = 1;
    SharedSet::bump(d.clientEvent);
    SharedSet::bump(c.setEvent);
    return {};
}

} // namespace vds::vdi
