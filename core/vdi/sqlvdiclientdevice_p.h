#pragma once

#include <memory>
#include <string>

#include <vds/vdi/clientdevice.h>
#include <vds/vdi/sqlvdilibrary_p.h>

namespace vds::vdi {

/// A device of a SqlVdiClientSet: wraps a ClientVirtualDevice* the library handed out (the
/// library owns it). Translates Linux VDC_Command to Command through a per-device mirror.
/// One thread at a time.
class SqlVdiClientDevice final : public ClientDevice {
public:
    SqlVdiClientDevice(std::shared_ptr<const sqlvdi::Library> library, void *device,
                       std::string name);

    Expected<Command *> getCommand(std::int64_t timeoutMs) override;
    Expected<void> completeCommand(Command *command, std::uint32_t completionCode,
                                   std::uint64_t bytes, std::uint64_t position) override;
    [[nodiscard]] const std::string &name() const noexcept override { return m_name; }

private:
    static constexpr int kMirror = 64;
    std::shared_ptr<const sqlvdi::Library> m_library;
    void *m_device;
    std::string m_name;
    Command m_commands[kMirror];
    sqlvdi::LinuxCommand *m_native[kMirror] = {};
};

} // namespace vds::vdi
