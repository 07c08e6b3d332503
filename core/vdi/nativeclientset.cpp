#include <vds/vdi/nativeclientset_p.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>

#include <grp.h>
#include <unistd.h>

#include <vds/vdi/liveness_p.h>
#include <vds/vdi/nativeclientdevice_p.h>
#include <vds/vdi/sharedset_p.h>

namespace vds::vdi {

using shm::ServerPhase;

namespace {
bool isPowerOfTwo(std::uint32_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

Expected<void> checkConfig(const Config &cfg)
{
    if (cfg.deviceCount < 1 || cfg.deviceCount > kMaxDevices)
        return vdiFail(hr::kNotSupported, "deviceCount must be 1 to 64");
    if (cfg.features & ~feature::kClientMask)
        return vdiFail(hr::kNotSupported, "unknown or server-only feature bits requested");
    if (cfg.alignment != 0 && (!isPowerOfTwo(cfg.alignment) || cfg.alignment > 65536))
        return vdiFail(hr::kNotSupported, "alignment must be a power of two up to 64 KiB");
    if (cfg.prefixZoneSize > 65536)
        return vdiFail(hr::kNotSupported, "prefixZoneSize is limited to 64 KiB");
    if (cfg.softFileMarkBlockSize != 0 && !(cfg.features & feature::kFileMarks))
        return vdiFail(hr::kNotSupported, "softFileMarkBlockSize needs VDF_FileMarks");
    return {};
}
} // namespace

NativeClientSet::NativeClientSet(const ClientOptions &options) : m_options(options) {}

NativeClientSet::~NativeClientSet()
{
    std::lock_guard guard(m_mutex);
    if (m_shared)
        (void)closeLocked();
}

Expected<gid_t> NativeClientSet::resolveGroup(const std::string &group)
{
    if (group.empty()) {
        if (const struct group *g = ::getgrnam("mssql"))
            return g->gr_gid;
        return ::getegid();
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(group.data(), group.data() + group.size(), value);
    if (ec == std::errc() && end == group.data() + group.size())
        return static_cast<gid_t>(value);
    if (const struct group *g = ::getgrnam(group.c_str()))
        return g->gr_gid;
    return vdiFail(hr::kSecurity, "unknown server group", group);
}

Expected<void> NativeClientSet::create(std::string_view instance, std::string_view name,
                                       const Config &config)
{
    std::lock_guard guard(m_mutex);
    if (m_state != State::Dne)
        return vdiFail(hr::kProtocol, "this object already holds a set", std::string(name));
    if (auto ok = checkConfig(config); !ok)
        return ok;
    auto group = resolveGroup(m_options.serverGroup);
    if (!group)
        return std::unexpected(group.error());
    auto shared = SharedSet::create(instance, name, config, *group);
    if (!shared)
        return std::unexpected(shared.error());
    m_shared = std::move(*shared);
    m_primary = true;
    m_state = State::Configurable;
    return {};
}

Expected<Config> NativeClientSet::getConfiguration(std::int64_t timeoutMs)
{
    std::unique_lock guard(m_mutex);
    if (m_state == State::Dne)
        return vdiFail(hr::kProtocol, "no set");
    if (m_state == State::Aborted)
        return vdiFail(hr::kAbort, "the set was aborted", m_shared->setName());
    const std::shared_ptr<SharedSet> keep = m_shared;
    SharedSet &set = *keep;
    // Waiting must not hold the object's mutex: SignalAbort from another thread has to get in.
    guard.unlock();
    Config cfg;
    const std::int32_t rc =
        set.wait(set.ctl().setEvent, timeoutMs, [&]() -> std::optional<std::int32_t> {
            const shm::Control &c = set.ctl();
            if (c.aborted)
                return hr::kAbort;
            if (c.serverPhase >= static_cast<std::uint32_t>(ServerPhase::Configured)) {
                cfg = c.serverConfig;
                return hr::kOk;
            }
            return std::nullopt;
        });
    guard.lock();
    if (m_shared != keep)
        return vdiFail(hr::kAbort, "the set was closed while waiting");
    if (rc == hr::kAbort) {
        m_state = State::Aborted;
        return vdiFail(hr::kAbort, "the set was aborted", set.setName());
    }
    if (rc == hr::kTimeout)
        return vdiFail(hr::kTimeout, "the server has not configured the set yet", set.setName());
    if (auto mapped = set.mapBufferArea(); !mapped)
        return std::unexpected(mapped.error());
    if (m_primary) {
        SharedSet::Lock lock(set);
        set.ctl().primaryGotConfig = 1;
        SharedSet::bump(set.ctl().setEvent);
    }
    if (m_state == State::Configurable)
        m_state = State::Initializing;
    return cfg;
}

Expected<ClientDevice *> NativeClientSet::openDevice(std::string_view name)
{
    std::unique_lock guard(m_mutex);
    if (m_state == State::Aborted)
        return vdiFail(hr::kAbort, "the set was aborted", std::string(name));
    if (m_state != State::Initializing && m_state != State::Active)
        return vdiFail(hr::kProtocol, "devices open after GetConfiguration", std::string(name));
    if (name.empty() || name.size() >= shm::kMaxNameBytes)
        return vdiFail(hr::kInvalid, "bad device name", std::string(name));
    const std::shared_ptr<SharedSet> keep = m_shared;
    SharedSet &set = *keep;
    guard.unlock();
    std::uint32_t index = kMaxDevices;
    // The server opens devices after publishing the configuration, so a name not seen yet
    // may still come; it is unknown only once the server has opened all of them.
    const std::int32_t rc =
        set.wait(set.ctl().setEvent, kInfinite, [&]() -> std::optional<std::int32_t> {
            shm::Control &c = set.ctl();
            if (c.aborted)
                return hr::kAbort;
            if (c.devicesClientOpened >= c.serverConfig.deviceCount)
                return hr::kOpen;
            for (std::uint32_t i = 0; i < c.devicesServerOpened; ++i) {
                shm::Device &d = c.devices[i];
                if (std::string_view(d.name, d.nameBytes) != name)
                    continue;
                if (d.clientOpen)
                    return hr::kProtocol;
                d.clientOpen = 1;
                d.clientPeer = set.peerIndex();
                ++c.devicesClientOpened;
                index = i;
                return hr::kOk;
            }
            if (c.devicesServerOpened >= c.serverConfig.deviceCount ||
                c.serverPhase == static_cast<std::uint32_t>(ServerPhase::Closed))
                return hr::kInvalid;
            return std::nullopt;
        });
    guard.lock();
    if (m_shared != keep) {
        if (rc == hr::kOk) { // closed meanwhile: give the device back
            SharedSet::Lock lock(set);
            set.ctl().devices[index].clientOpen = 0;
        }
        return vdiFail(hr::kAbort, "the set was closed while opening a device");
    }
    switch (rc) {
    case hr::kOk: break;
    case hr::kAbort: m_state = State::Aborted; return vdiFail(hr::kAbort, "the set was aborted");
    case hr::kOpen: return vdiFail(hr::kOpen, "every device is open", std::string(name));
    case hr::kProtocol:
        return vdiFail(hr::kProtocol, "the device is already open", std::string(name));
    default: return vdiFail(hr::kInvalid, "the set has no device of this name", std::string(name));
    }
    m_devices[index] = std::make_unique<NativeClientDevice>(*this, set, index, std::string(name));
    m_state = State::Active;
    return m_devices[index].get();
}

Expected<void> NativeClientSet::closeLocked()
{
    bool openDevices = false;
    {
        SharedSet::Lock lock(*m_shared);
        shm::Control &c = m_shared->ctl();
        bool unfinished = false;
        for (std::uint32_t i = 0; i < c.serverConfig.deviceCount && i < kMaxDevices; ++i) {
            const shm::Device &d = c.devices[i];
            if (d.closed)
                continue;
            unfinished = true;
            openDevices = openDevices || m_devices[i] != nullptr;
        }
        if (c.serverConfig.deviceCount == 0)
            unfinished = c.serverPhase != static_cast<std::uint32_t>(ServerPhase::Closed);
        // A primary that leaves before the server closed every device ends the operation:
        // abort, so nobody waits for it. A secondary only aborts for devices it holds.
        if (!c.aborted && (openDevices || (m_primary && unfinished)))
            m_shared->abortLocked(1);
        c.peers[m_shared->peerIndex()].closed = 1;
        if (m_primary)
            c.primaryClosed = 1;
        m_shared->bumpAll();
    }
    if (m_primary)
        m_shared->unlinkObjects();
    for (auto &d : m_devices)
        d.reset();
    m_shared.reset();
    m_state = State::Dne;
    m_primary = false;
    if (openDevices)
        return vdiFail(hr::kOpen, "devices were still open: the set was aborted and closed");
    return {};
}

Expected<void> NativeClientSet::close()
{
    std::lock_guard guard(m_mutex);
    if (m_state == State::Dne)
        return vdiFail(hr::kProtocol, "no set to close");
    return closeLocked();
}

Expected<void> NativeClientSet::signalAbort()
{
    // Waits never hold m_mutex, so this reaches a thread blocked in GetConfiguration at once.
    std::unique_lock guard(m_mutex);
    if (m_state == State::Dne)
        return vdiFail(hr::kProtocol, "no set");
    {
        SharedSet::Lock lock(*m_shared);
        m_shared->abortLocked(1);
    }
    m_state = State::Aborted;
    return {};
}

void NativeClientSet::noteAborted()
{
    std::lock_guard guard(m_mutex);
    if (m_state != State::Dne)
        m_state = State::Aborted;
}

Expected<void> NativeClientSet::openInSecondary(std::string_view instance, std::string_view name)
{
    std::lock_guard guard(m_mutex);
    if (m_state != State::Dne)
        return vdiFail(hr::kProtocol, "this object already holds a set", std::string(name));
    auto shared = SharedSet::open(instance, name, SharedSet::Role::Secondary);
    if (!shared) {
        Error e = shared.error();
        if (e.category == ErrorCategory::NotFound)
            e.native = {NativeKind::Hresult, hr::kProtocol, {}};
        return std::unexpected(e);
    }
    std::unique_ptr<SharedSet> set = std::move(*shared);
    std::int32_t refuse = hr::kOk;
    {
        SharedSet::Lock lock(*set);
        shm::Control &c = set->ctl();
        if (c.aborted || c.primaryClosed)
            refuse = hr::kAbort;
        else if (!c.primaryGotConfig)
            refuse = hr::kProtocol;
        if (refuse != hr::kOk)
            c.peers[set->peerIndex()].closed = 1;
    }
    if (refuse == hr::kAbort)
        return vdiFail(hr::kAbort, "the set is aborting", std::string(name));
    if (refuse == hr::kProtocol)
        return vdiFail(hr::kProtocol, "the primary has not read the configuration yet",
                       std::string(name));
    if (auto mapped = set->mapBufferArea(); !mapped)
        return std::unexpected(mapped.error());
    m_shared = std::move(set);
    m_primary = false;
    m_state = State::Initializing;
    return {};
}

Expected<std::uint32_t> NativeClientSet::bufferHandle(const std::byte *buffer)
{
    std::lock_guard guard(m_mutex);
    if (m_state == State::Dne || !m_shared->bufferBase())
        return vdiFail(hr::kProtocol, "the set has no buffers mapped");
    const std::byte *base = m_shared->bufferBase();
    if (buffer < base || buffer >= base + m_shared->bufferSize())
        return vdiFail(hr::kInvalid, "the address is not in the set's buffer area");
    return static_cast<std::uint32_t>(buffer - base);
}

Expected<std::byte *> NativeClientSet::mapBufferHandle(std::uint32_t handle)
{
    std::lock_guard guard(m_mutex);
    if (m_state == State::Dne || !m_shared->bufferBase())
        return vdiFail(hr::kProtocol, "the set has no buffers mapped");
    if (handle >= m_shared->bufferSize())
        return vdiFail(hr::kInvalid, "the handle does not belong to this set");
    return m_shared->bufferBase() + handle;
}

std::vector<PeerStatus> NativeClientSet::peers() const
{
    std::lock_guard guard(m_mutex);
    std::vector<PeerStatus> out;
    if (!m_shared || !m_primary)
        return out;
    SharedSet::Lock lock(*m_shared);
    const shm::Control &c = m_shared->ctl();
    for (std::uint32_t i = 0; i < shm::kMaxPeers; ++i) {
        const shm::Peer &p = c.peers[i];
        if (i == shm::kServerPeer || p.pid == 0)
            continue;
        out.push_back(
            {p.pid, i == shm::kPrimaryPeer, liveness::isAlive(p.pid, p.startTime), p.closed != 0});
    }
    return out;
}

} // namespace vds::vdi
