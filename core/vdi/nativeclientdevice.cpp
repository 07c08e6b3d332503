#include <vds/vdi/nativeclientdevice_p.h>

#include <optional>

#include <vds/vdi/nativeclientset_p.h>
#include <vds/vdi/sharedset_p.h>

namespace vds::vdi {

using shm::SlotState;

namespace {
constexpr std::uint32_t st(SlotState s)
{
    return static_cast<std::uint32_t>(s);
}
} // namespace

NativeClientDevice::NativeClientDevice(NativeClientSet &owner, SharedSet &set, std::uint32_t index,
                                       std::string name)
    : m_owner(owner), m_set(set), m_index(index), m_name(std::move(name))
{}

Expected<Command *> NativeClientDevice::getCommand(std::int64_t timeoutMs)
{
    shm::Device &d = m_set.ctl().devices[m_index];
    std::uint32_t taken = shm::kQueueDepth;
    const std::int32_t rc =
        m_set.wait(d.clientEvent, timeoutMs, [&]() -> std::optional<std::int32_t> {
            if (m_set.ctl().aborted)
                return hr::kAbort;
            std::uint32_t next = shm::kQueueDepth;
            bool delivered = false;
            for (std::uint32_t i = 0; i < shm::kQueueDepth; ++i) {
                const shm::CommandSlot &s = d.slots[i];
                if (s.state == st(SlotState::Queued) &&
                    (next == shm::kQueueDepth || s.id < d.slots[next].id))
                    next = i;
                delivered = delivered || s.state == st(SlotState::Delivered);
            }
            if (next != shm::kQueueDepth) {
                // In IO-ERROR the ClearError waits until the client has completed everything it
                // holds (docs/vdi-protocol.md, "IO-ERROR").
                if (d.ioError && delivered)
                    return std::nullopt;
                d.slots[next].state = st(SlotState::Delivered);
                taken = next;
                return hr::kOk;
            }
            if (d.closed)
                return hr::kClose;
            return std::nullopt;
        });
    switch (rc) {
    case hr::kOk: break;
    case hr::kAbort:
        m_owner.noteAborted();
        return vdiFail(hr::kAbort, "the set was aborted", m_name);
    case hr::kClose: return vdiFail(hr::kClose, "the server closed the device", m_name);
    case hr::kTimeout: return vdiFail(hr::kTimeout, "no command in time", m_name);
    default: return vdiFail(rc, "GetCommand failed", m_name);
    }
    const shm::CommandSlot &s = d.slots[taken];
    Command &cmd = m_commands[taken];
    cmd.commandCode = s.commandCode;
    cmd.size = s.size;
    cmd.position = s.position;
    cmd.buffer = s.bufferOffset == shm::kNoBuffer ? nullptr : m_set.bufferBase() + s.bufferOffset;
    m_ids[taken] = s.id;
    return &cmd;
}

Expected<void> NativeClientDevice::completeCommand(Command *command, std::uint32_t code,
                                                   std::uint64_t bytes, std::uint64_t position)
{
    if (command < m_commands || command >= m_commands + shm::kQueueDepth)
        return vdiFail(hr::kInvalid, "not a command of this device", m_name);
    const auto i = static_cast<std::uint32_t>(command - m_commands);
    SharedSet::Lock lock(m_set);
    shm::Control &c = m_set.ctl();
    shm::Device &d = c.devices[m_index];
    if (c.aborted) {
        m_owner.noteAborted();
        return vdiFail(hr::kAbort, "the set was aborted; the completion is ignored", m_name);
    }
    shm::CommandSlot &s = d.slots[i];
    if (s.state != st(SlotState::Delivered) || s.id != m_ids[i])
        return vdiFail(hr::kInvalid, "the command is not active", m_name);
    s.state = st(SlotState::Completed);
    s.completionCode = code;
    s.bytesTransferred = bytes;
    s.outPosition = position;
    d.lastCompletionNs = static_cast<std::uint64_t>(SharedSet::nowNs());
    m_ids[i] = 0;
    if (s.commandCode == command::kClearError && code == win32::kSuccess) {
        d.ioError = 0;
    } else if (code != win32::kSuccess) {
        // IO-ERROR: commands queued but not yet seen fail with ERROR_IO_DEVICE unseen.
        d.ioError = 1;
        for (shm::CommandSlot &q : d.slots)
            if (q.state == st(SlotState::Queued) && q.commandCode != command::kClearError) {
                q.state = st(SlotState::Completed);
                q.completionCode = win32::kIoDevice;
                q.bytesTransferred = 0;
            }
    }
    SharedSet::bump(d.serverEvent);
    if (d.ioError)
        SharedSet::bump(d.clientEvent); // a waiting ClearError may now be deliverable
    return {};
}

} // namespace vds::vdi
