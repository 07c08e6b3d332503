#include <vds/vdi/tracingclientset_p.h>

namespace vds::vdi::trace {

TracingClientSet::~TracingClientSet()
{
    std::lock_guard guard(m_mutex);
    for (auto &d : m_devices)
        d->flushOutstanding();
}

Expected<void> TracingClientSet::create(std::string_view instance, std::string_view name,
                                        const Config &config)
{
    auto ok = m_inner->create(instance, name, config);
    if (ok) {
        std::lock_guard guard(m_mutex);
        m_name = std::string(name);
    }
    return ok;
}

Expected<Config> TracingClientSet::getConfiguration(std::int64_t timeoutMs)
{
    return m_inner->getConfiguration(timeoutMs);
}

Expected<ClientDevice *> TracingClientSet::openDevice(std::string_view name)
{
    auto device = m_inner->openDevice(name);
    if (!device)
        return device;
    std::lock_guard guard(m_mutex);
    m_devices.push_back(std::make_unique<TracingClientDevice>(**device, m_file, m_name));
    return m_devices.back().get();
}

Expected<void> TracingClientSet::close()
{
    std::lock_guard guard(m_mutex);
    for (auto &d : m_devices)
        d->flushOutstanding();
    auto ok = m_inner->close();
    m_devices.clear(); // the inner set's Close invalidated the devices they wrap
    return ok;
}

Expected<void> TracingClientSet::signalAbort()
{
    return m_inner->signalAbort();
}

Expected<void> TracingClientSet::openInSecondary(std::string_view instance, std::string_view name)
{
    auto ok = m_inner->openInSecondary(instance, name);
    if (ok) {
        std::lock_guard guard(m_mutex);
        m_name = std::string(name);
    }
    return ok;
}

Expected<std::uint32_t> TracingClientSet::bufferHandle(const std::byte *buffer)
{
    return m_inner->bufferHandle(buffer);
}

Expected<std::byte *> TracingClientSet::mapBufferHandle(std::uint32_t handle)
{
    return m_inner->mapBufferHandle(handle);
}

} // namespace vds::vdi::trace
