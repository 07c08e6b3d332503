#pragma once

#include <cstdint>
#include <string>

#include <vds/vdi/clientdevice.h>
#include <vds/vdi/shmlayout_p.h>

namespace vds::vdi {

class SharedSet;
class NativeClientSet;

/// A device of a NativeClientSet. Owned by the set; one thread at a time. Hands out pointers
/// into its own command array (one entry per queue slot), so a command stays readable in
/// this process until it is completed.
class NativeClientDevice final : public ClientDevice {
public:
    NativeClientDevice(NativeClientSet &owner, SharedSet &set, std::uint32_t index,
                       std::string name);

    Expected<Command *> getCommand(std::int64_t timeoutMs) override;
    Expected<void> completeCommand(Command *command, std::uint32_t completionCode,
                                   std::uint64_t bytes, std::uint64_t position) override;
    [[nodiscard]] const std::string &name() const noexcept override { return m_name; }

private:
    NativeClientSet &m_owner;
    SharedSet &m_set;
    std::uint32_t m_index;
    std::string m_name;
    Command m_commands[shm::kQueueDepth];
    std::uint64_t m_ids[shm::kQueueDepth] = {};
};

} // namespace vds::vdi
