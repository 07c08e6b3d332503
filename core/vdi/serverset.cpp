#include <vds/vdi/serverset.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <vector>

#include <sys/mman.h>

#include <spdlog/spdlog.h>

#include <vds/logging/log.h>
#include <vds/vdi/liveness_p.h>
#include <vds/vdi/sharedset_p.h>

namespace vds::vdi {

using shm::ServerPhase;

namespace {
bool isPowerOfTwo(std::uint32_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}
constexpr std::uint64_t alignUp(std::uint64_t v, std::uint64_t a)
{
    return (v + a - 1) / a * a;
}
std::uint32_t phase(ServerPhase p)
{
    return static_cast<std::uint32_t>(p);
}
} // namespace

/// The server's bookkeeping of the buffers it requested: fixed buffers carved out of the area
/// at endConfiguration, handed out and taken back by allocateBuffer/freeBuffer. Process-local:
/// only the server allocates. Guarded by its own mutex (device threads allocate concurrently).
struct ServerSet::Allocator {
    struct Request {
        std::uint32_t size, alignment, count;
    };
    struct Slot {
        std::uint64_t offset;
        std::uint32_t size;
        bool used;
    };
    std::mutex mutex;
    std::vector<Request> requests;
    std::vector<Slot> slots;
};

ServerSet::ServerSet() : m_allocator(std::make_unique<Allocator>()) {}

ServerSet::~ServerSet()
{
    if (m_shared)
        (void)close();
}

Expected<void> ServerSet::open(std::string_view instance, std::string_view setName)
{
    if (m_shared)
        return vdiFail(hr::kProtocol, "this server object already has a set open",
                       std::string(setName));
    auto shared = SharedSet::open(instance, setName, SharedSet::Role::Server);
    if (!shared)
        return std::unexpected(shared.error());
    m_shared = std::move(*shared);
    m_allocator = std::make_unique<Allocator>();
    vds::log::get("vdi")->debug("server opened set '{}'", std::string(setName));
    return {};
}

Expected<Config> ServerSet::clientConfiguration() const
{
    if (!m_shared)
        return vdiFail(hr::kProtocol, "no set is open");
    SharedSet::Lock lock(*m_shared);
    return m_shared->ctl().clientConfig;
}

Expected<void> ServerSet::beginConfiguration(const ServerConfiguration &cfg)
{
    if (!m_shared)
        return vdiFail(hr::kProtocol, "no set is open");
    SharedSet::Lock lock(*m_shared);
    shm::Control &c = m_shared->ctl();
    if (c.aborted)
        return vdiFail(hr::kAbort, "the set is aborted", m_shared->setName());
    if (c.serverPhase != phase(ServerPhase::Opened))
        return vdiFail(hr::kProtocol, "beginConfiguration must follow open once",
                       m_shared->setName());
    const std::uint32_t alignment = cfg.alignment ? cfg.alignment : cfg.blockSize;
    if (!isPowerOfTwo(cfg.blockSize) || cfg.blockSize < 512 || cfg.blockSize > 65536)
        return vdiFail(hr::kNotSupported, "block size must be a power of two, 512 to 64 KiB");
    if (!isPowerOfTwo(alignment) || alignment < cfg.blockSize || alignment > 65536)
        return vdiFail(hr::kNotSupported,
                       "alignment must be a power of two between the block size and 64 KiB");
    if (cfg.maxTransferSize == 0 || cfg.maxTransferSize % 65536 != 0 ||
        cfg.maxTransferSize > 4u * 1024 * 1024)
        return vdiFail(hr::kNotSupported,
                       "max transfer size must be a multiple of 64 KiB, at most 4 MiB");
    Config out = c.clientConfig;
    out.features = cfg.features;
    out.alignment = std::max(alignment, c.clientConfig.alignment);
    out.blockSize = cfg.blockSize;
    out.maxIoDepth = 4; // deprecated; SQL Server always reports 4
    out.maxTransferSize = cfg.maxTransferSize;
    out.bufferAreaSize = 0;
    c.serverConfig = out;
    c.serverPhase = phase(ServerPhase::Configuring);
    return {};
}

Expected<void> ServerSet::requestBuffers(std::uint32_t size, std::uint32_t alignment,
                                         std::uint32_t count)
{
    if (!m_shared)
        return vdiFail(hr::kProtocol, "no set is open");
    {
        SharedSet::Lock lock(*m_shared);
        if (m_shared->ctl().serverPhase != phase(ServerPhase::Configuring))
            return vdiFail(hr::kProtocol, "requestBuffers belongs between begin and end "
                                          "configuration");
    }
    if (size == 0 || count == 0 || (alignment != 0 && !isPowerOfTwo(alignment)) ||
        alignment > 65536)
        return vdiFail(hr::kInvalid, "bad buffer size, alignment or count");
    std::lock_guard guard(m_allocator->mutex);
    m_allocator->requests.push_back({size, alignment, count});
    return {};
}

Expected<void> ServerSet::endConfiguration()
{
    if (!m_shared)
        return vdiFail(hr::kProtocol, "no set is open");
    Config cfg;
    {
        SharedSet::Lock lock(*m_shared);
        const shm::Control &c = m_shared->ctl();
        if (c.aborted)
            return vdiFail(hr::kAbort, "the set is aborted", m_shared->setName());
        if (c.serverPhase != phase(ServerPhase::Configuring))
            return vdiFail(hr::kProtocol, "endConfiguration must follow beginConfiguration");
        cfg = c.serverConfig;
    }
    // Lay the buffers out: the client's prefix zone sits in front of every buffer, and the
    // data (what the server sees) starts on the requested alignment.
    std::lock_guard guard(m_allocator->mutex);
    std::vector<Allocator::Slot> slots;
    std::uint64_t cursor = 0;
    for (const auto &r : m_allocator->requests) {
        const std::uint64_t align = std::max<std::uint64_t>({r.alignment, cfg.alignment, 1});
        for (std::uint32_t i = 0; i < r.count; ++i) {
            const std::uint64_t offset = alignUp(cursor + cfg.prefixZoneSize, align);
            slots.push_back({offset, r.size, false});
            cursor = offset + r.size;
        }
    }
    const std::uint64_t total = alignUp(std::max<std::uint64_t>(cursor, 1), 4096);
    if (total > 0xFFFFFFFFull)
        return vdiFail(hr::kMemory, "the requested buffers exceed the 4 GiB a handle can address");
    if (auto made = m_shared->createBufferArea(total); !made)
        return std::unexpected(made.error());
    m_allocator->slots = std::move(slots);
    SharedSet::Lock lock(*m_shared);
    shm::Control &c = m_shared->ctl();
    c.serverConfig.bufferAreaSize = static_cast<std::uint32_t>(total);
    c.serverPhase = phase(ServerPhase::Configured);
    SharedSet::bump(c.setEvent);
    return {};
}

Config ServerSet::configuration() const
{
    if (!m_shared)
        return {};
    SharedSet::Lock lock(*m_shared);
    return m_shared->ctl().serverConfig;
}

Expected<ServerDevice *> ServerSet::openDevice(std::string_view name)
{
    if (!m_shared)
        return vdiFail(hr::kProtocol, "no set is open");
    SharedSet::Lock lock(*m_shared);
    shm::Control &c = m_shared->ctl();
    if (c.aborted)
        return vdiFail(hr::kAbort, "the set is aborted", m_shared->setName());
    if (c.serverPhase != phase(ServerPhase::Configured))
        return vdiFail(hr::kProtocol, "devices open after endConfiguration");
    const std::uint32_t index = c.devicesServerOpened;
    if (index >= c.serverConfig.deviceCount)
        return vdiFail(hr::kOpen, "every device of the set is open", std::string(name));
    if (name.empty() || name.size() >= shm::kMaxNameBytes ||
        name.find('\\') != std::string_view::npos)
        return vdiFail(hr::kInvalid, "bad device name", std::string(name));
    if (index == 0 && name != m_shared->setName())
        return vdiFail(hr::kInvalid, "the first device carries the set name", std::string(name));
    for (std::uint32_t i = 0; i < index; ++i)
        if (std::string_view(c.devices[i].name, c.devices[i].nameBytes) == name)
            return vdiFail(hr::kInvalid, "a device of this name is already open",
                           std::string(name));
    shm::Device &d = c.devices[index];
    std::memcpy(d.name, name.data(), name.size());
    d.name[name.size()] = '\0';
    d.nameBytes = static_cast<std::uint32_t>(name.size());
    d.serverOpen = 1;
    d.lastCompletionNs = static_cast<std::uint64_t>(SharedSet::nowNs());
    c.devicesServerOpened = index + 1;
    m_devices[index].reset(new ServerDevice(*m_shared, index, std::string(name)));
    SharedSet::bump(c.setEvent);
    return m_devices[index].get();
}

Expected<Buffer> ServerSet::allocateBuffer(std::uint32_t size, std::uint32_t alignment)
{
    if (!m_shared || !m_shared->bufferBase())
        return vdiFail(hr::kProtocol, "buffers exist after endConfiguration");
    if (size == 0 || (alignment != 0 && !isPowerOfTwo(alignment)))
        return vdiFail(hr::kInvalid, "bad buffer size or alignment");
    {
        SharedSet::Lock lock(*m_shared);
        if (m_shared->ctl().aborted)
            return vdiFail(hr::kAbort, "no new buffers after an abort", m_shared->setName());
    }
    std::lock_guard guard(m_allocator->mutex);
    for (auto &s : m_allocator->slots) {
        if (s.used || s.size < size || (alignment && s.offset % alignment != 0))
            continue;
        s.used = true;
        return Buffer{m_shared->bufferBase() + s.offset, s.size,
                      static_cast<std::uint32_t>(s.offset)};
    }
    return vdiFail(hr::kMemory, "no free buffer of that size", m_shared->setName());
}

void ServerSet::freeBuffer(const Buffer &buffer)
{
    if (!m_shared || !buffer.data)
        return;
    std::lock_guard guard(m_allocator->mutex);
    for (auto &s : m_allocator->slots)
        if (s.offset == buffer.offset)
            s.used = false;
}

bool ServerSet::isSharedBuffer(const void *address) const noexcept
{
    if (!m_shared || !m_shared->bufferBase())
        return false;
    const auto *p = static_cast<const std::byte *>(address);
    return p >= m_shared->bufferBase() && p < m_shared->bufferBase() + m_shared->bufferSize();
}

Expected<void> ServerSet::signalAbort()
{
    if (!m_shared)
        return vdiFail(hr::kProtocol, "no set is open");
    SharedSet::Lock lock(*m_shared);
    m_shared->abortLocked(1);
    return {};
}

bool ServerSet::aborted() const noexcept
{
    if (!m_shared)
        return false;
    SharedSet::Lock lock(*m_shared);
    return m_shared->ctl().aborted != 0;
}

std::uint32_t ServerSet::clientPid() const noexcept
{
    if (!m_shared)
        return 0;
    SharedSet::Lock lock(*m_shared);
    return m_shared->ctl().peers[shm::kPrimaryPeer].pid;
}

Expected<void> ServerSet::close()
{
    if (!m_shared)
        return vdiFail(hr::kProtocol, "no set is open");
    bool devicesOpen = false;
    bool primaryGone = false;
    {
        SharedSet::Lock lock(*m_shared);
        shm::Control &c = m_shared->ctl();
        for (std::uint32_t i = 0; i < c.devicesServerOpened; ++i)
            devicesOpen = devicesOpen || !c.devices[i].closed;
        if (!c.aborted && (devicesOpen || c.serverPhase != phase(ServerPhase::Configured)))
            m_shared->abortLocked(1); // the client must not wait for commands that never come
        c.peers[shm::kServerPeer].closed = 1;
        c.serverPhase = phase(ServerPhase::Closed);
        const shm::Peer &p = c.peers[shm::kPrimaryPeer];
        primaryGone = c.primaryClosed || !liveness::isAlive(p.pid, p.startTime);
        m_shared->bumpAll();
    }
    // The buffer area is ours: nobody attaches after the server left. The control object
    // belongs to the primary, unless the primary is gone and will never unlink it.
    if (primaryGone) {
        m_shared->unlinkObjects();
    } else {
        SharedSet::Lock lock(*m_shared);
        ::shm_unlink(m_shared->ctl().bufferObjectName);
    }
    for (auto &d : m_devices)
        d.reset();
    m_shared.reset();
    if (devicesOpen)
        return vdiFail(hr::kProtocol, "devices were still open; the set was aborted");
    return {};
}

} // namespace vds::vdi
