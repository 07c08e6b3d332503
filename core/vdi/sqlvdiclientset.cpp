#include <vds/vdi/sqlvdiclientset_p.h>

#include <cstring>
#include <string>

#include <vds/vdi/names_p.h>
#include <vds/vdi/sqlvdiclientdevice_p.h>

namespace vds::vdi {

SqlVdiClientSet::SqlVdiClientSet(std::shared_ptr<const sqlvdi::Library> library)
    : m_library(std::move(library))
{
    m_library->setCtor(m_object);
}

SqlVdiClientSet::~SqlVdiClientSet()
{
    for (auto &d : m_devices)
        d.reset();
    m_library->setDtor(m_object);
}

Expected<void> SqlVdiClientSet::result(int rc, std::string_view what,
                                       std::string_view context) const
{
    if (rc == 0)
        return {};
    return vdiFail(
        rc, std::string(what) + " failed in " + m_library->path + " (" + hresultName(rc) + ")",
        std::string(context));
}

Expected<void> SqlVdiClientSet::checkInstance(std::string_view instance) const
{
    auto canonical = names::canonicalInstance(instance);
    if (!canonical)
        return std::unexpected(canonical.error());
    if (*canonical != "MSSQLSERVER")
        return vdiFail(hr::kInstanceName,
                       "Microsoft's Linux VDI library serves the default instance only",
                       std::string(instance));
    return {};
}

Expected<void> SqlVdiClientSet::create(std::string_view instance, std::string_view name,
                                       const Config &config)
{
    std::lock_guard guard(m_mutex);
    if (auto ok = checkInstance(instance); !ok)
        return ok;
    std::string n(name);
    Config cfg = config; // VDConfig has the same eleven uint32 fields
    return result(m_library->create(m_object, n.data(), &cfg), "Create", name);
}

Expected<Config> SqlVdiClientSet::getConfiguration(std::int64_t timeoutMs)
{
    Config cfg;
    const int rc = m_library->getConfiguration(m_object, static_cast<time_t>(timeoutMs), &cfg);
    if (auto ok = result(rc, "GetConfiguration"); !ok)
        return std::unexpected(ok.error());
    return cfg;
}

Expected<ClientDevice *> SqlVdiClientSet::openDevice(std::string_view name)
{
    std::lock_guard guard(m_mutex);
    std::string n(name);
    void *device = nullptr;
    if (auto ok = result(m_library->openDevice(m_object, n.data(), &device), "OpenDevice", name);
        !ok)
        return std::unexpected(ok.error());
    for (auto &slot : m_devices)
        if (!slot) {
            slot = std::make_unique<SqlVdiClientDevice>(m_library, device, n);
            return slot.get();
        }
    return vdiFail(hr::kOpen, "more than 64 devices", n);
}

Expected<void> SqlVdiClientSet::close()
{
    std::lock_guard guard(m_mutex);
    const int rc = m_library->close(m_object);
    for (auto &d : m_devices)
        d.reset(); // the library invalidates its device objects on Close
    return result(rc, "Close");
}

Expected<void> SqlVdiClientSet::signalAbort()
{
    return result(m_library->signalAbort(m_object), "SignalAbort");
}

Expected<void> SqlVdiClientSet::openInSecondary(std::string_view instance, std::string_view name)
{
    std::lock_guard guard(m_mutex);
    if (auto ok = checkInstance(instance); !ok)
        return ok;
    std::string n(name);
    return result(m_library->openInSecondary(m_object, n.data()), "OpenInSecondary", name);
}

Expected<std::uint32_t> SqlVdiClientSet::bufferHandle(const std::byte *buffer)
{
    unsigned handle = 0;
    auto *p = const_cast<std::uint8_t *>(reinterpret_cast<const std::uint8_t *>(buffer));
    if (auto ok = result(m_library->getBufferHandle(m_object, p, &handle), "GetBufferHandle"); !ok)
        return std::unexpected(ok.error());
    return handle;
}

Expected<std::byte *> SqlVdiClientSet::mapBufferHandle(std::uint32_t handle)
{
    std::uint8_t *p = nullptr;
    if (auto ok = result(m_library->mapBufferHandle(m_object, static_cast<int>(handle), &p),
                         "MapBufferHandle");
        !ok)
        return std::unexpected(ok.error());
    return reinterpret_cast<std::byte *>(p);
}

} // namespace vds::vdi
