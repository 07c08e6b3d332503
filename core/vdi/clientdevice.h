#pragma once

#include <cstdint>

#include <vds/util/error.h>
#include <vds/vdi/types.h>

namespace vds::vdi {

/// One open device of a client set (IClientVirtualDevice). Owned by its ClientSet and valid
/// until the set is closed; used from one thread at a time (one pump thread per device).
class ClientDevice {
public:
    virtual ~ClientDevice() = default;

    /// The next command, in the order the server sent them. The pointer stays valid until the
    /// command is completed. 0 polls, negative waits forever. Errors: VD_E_TIMEOUT,
    /// VD_E_CLOSE (the server closed the device: normal end), VD_E_ABORT, VD_E_PROTOCOL.
    virtual Expected<Command *> getCommand(std::int64_t timeoutMs) = 0;

    /// Completes a command with a Win32 code; `bytes` counts for Read/Write, `position` for
    /// Get/SetPosition. Errors: VD_E_INVALID (not an active command), VD_E_ABORT.
    virtual Expected<void> completeCommand(Command *command, std::uint32_t completionCode,
                                           std::uint64_t bytes, std::uint64_t position) = 0;

    [[nodiscard]] virtual const std::string &name() const noexcept = 0;

protected:
    ClientDevice() = default;
    ClientDevice(const ClientDevice &) = delete;
    ClientDevice &operator=(const ClientDevice &) = delete;
};

} // namespace vds::vdi
