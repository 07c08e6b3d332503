#include <vds/vdi/sqlvdiclientdevice_p.h>

namespace vds::vdi {

SqlVdiClientDevice::SqlVdiClientDevice(std::shared_ptr<const sqlvdi::Library> library, void *device,
                                       std::string name)
    : m_library(std::move(library)), m_device(device), m_name(std::move(name))
{}

Expected<Command *> SqlVdiClientDevice::getCommand(std::int64_t timeoutMs)
{
    sqlvdi::LinuxCommand *cmd = nullptr;
    const int rc = m_library->getCommand(m_device, static_cast<time_t>(timeoutMs), &cmd);
    if (rc != 0)
        return vdiFail(rc, "GetCommand failed (" + hresultName(rc) + ")", m_name);
    if (!cmd)
        return vdiFail(hr::kUnexpected, "libsqlvdi returned no command", m_name);
    for (int i = 0; i < kMirror; ++i) {
        if (m_native[i])
            continue;
        m_native[i] = cmd;
        m_commands[i] = {
            static_cast<std::uint32_t>(cmd->commandCode), static_cast<std::uint32_t>(cmd->size),
            static_cast<std::uint64_t>(cmd->position), reinterpret_cast<std::byte *>(cmd->buffer)};
        return &m_commands[i];
    }
    return vdiFail(hr::kUnexpected, "more than 64 commands outstanding", m_name);
}

Expected<void> SqlVdiClientDevice::completeCommand(Command *command, std::uint32_t code,
                                                   std::uint64_t bytes, std::uint64_t position)
{
    if (command < m_commands || command >= m_commands + kMirror || !m_native[command - m_commands])
        return vdiFail(hr::kInvalid, "not an active command of this device", m_name);
    const auto i = command - m_commands;
    sqlvdi::LinuxCommand *native = m_native[i];
    const int rc = m_library->completeCommand(m_device, native, static_cast<int>(code),
                                              static_cast<unsigned long>(bytes),
                                              static_cast<std::int64_t>(position));
    m_native[i] = nullptr;
    if (rc != 0)
        return vdiFail(rc, "CompleteCommand failed (" + hresultName(rc) + ")", m_name);
    return {};
}

} // namespace vds::vdi
