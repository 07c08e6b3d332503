#include <vds/vdi/sharedset_p.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>

#include <csignal>

#include <fcntl.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <vds/logging/log.h>
#include <vds/vdi/liveness_p.h>
#include <vds/vdi/names_p.h>

namespace vds::vdi {

namespace {

constexpr std::size_t kMaxAlignment = 64 * 1024;

/// An fd that closes itself.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

Error shmError(int err, const std::string &object, std::string_view what)
{
    Error e = Error::fromErrno(err, object, what);
    if (err == EACCES || err == EPERM) {
        e.native = {NativeKind::Hresult, hr::kSecurity, {}};
        e.message = std::string(what) + ": access denied (the set belongs to another user "
                                        "and its server group)";
    }
    return e;
}

template <class T> std::atomic_ref<T> atom(T &v)
{
    return std::atomic_ref<T>(v);
}

void copyName(char *dst, std::uint32_t &bytes, std::string_view src)
{
    std::memcpy(dst, src.data(), src.size());
    dst[src.size()] = '\0';
    bytes = static_cast<std::uint32_t>(src.size());
}

} // namespace

std::int64_t SharedSet::nowNs() noexcept
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

std::uint32_t SharedSet::load(const std::uint32_t &word) noexcept
{
    return std::atomic_ref<const std::uint32_t>(word).load(std::memory_order_acquire);
}

void SharedSet::bump(std::uint32_t &word) noexcept
{
    atom(word).fetch_add(1, std::memory_order_acq_rel);
    ::syscall(SYS_futex, &word, FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

void SharedSet::futexWait(std::uint32_t &word, std::uint32_t seen, std::int64_t ms) noexcept
{
    timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>((ms % 1000) * 1'000'000)};
    ::syscall(SYS_futex, &word, FUTEX_WAIT, seen, &ts, nullptr, 0);
}

void SharedSet::bumpAll() noexcept
{
    bump(m_ctl->setEvent);
    for (shm::Device &d : m_ctl->devices) {
        bump(d.clientEvent);
        bump(d.serverEvent);
    }
}

SharedSet::Lock::Lock(SharedSet &set) : m_set(set)
{
    const int rc = ::pthread_mutex_lock(&set.m_ctl->mutex);
    if (rc == EOWNERDEAD) {
        // A process died inside a critical section: the block may be half-updated. Make the
        // mutex usable again and abort the set, which is the only safe continuation.
        ::pthread_mutex_consistent(&set.m_ctl->mutex);
        vds::log::get("vdi")->warn("set '{}': a peer died holding the lock; aborting", set.m_name);
        set.abortLocked(3);
    }
}

SharedSet::Lock::~Lock()
{
    ::pthread_mutex_unlock(&m_set.m_ctl->mutex);
}

void SharedSet::abortLocked(std::uint32_t reason)
{
    if (m_ctl->aborted == 0) {
        m_ctl->aborted = 1;
        m_ctl->abortReason = reason;
        // Every command not yet completed completes with ERROR_OPERATION_ABORTED; completions
        // the client records afterwards are ignored (docs/vdi-protocol.md, "Abort").
        for (shm::Device &d : m_ctl->devices)
            for (shm::CommandSlot &s : d.slots)
                if (s.state == static_cast<std::uint32_t>(shm::SlotState::Queued) ||
                    s.state == static_cast<std::uint32_t>(shm::SlotState::Delivered)) {
                    s.state = static_cast<std::uint32_t>(shm::SlotState::Completed);
                    s.completionCode = win32::kOperationAborted;
                    s.bytesTransferred = 0;
                }
    }
    bumpAll();
}

bool SharedSet::checkPeersLocked()
{
    if (m_ctl->aborted)
        return true;
    for (std::uint32_t i : {shm::kPrimaryPeer, shm::kServerPeer}) {
        const shm::Peer &p = m_ctl->peers[i];
        if (p.pid != 0 && !p.closed && !liveness::isAlive(p.pid, p.startTime)) {
            vds::log::get("vdi")->warn("set '{}': the {} (pid {}) is gone; aborting", m_name,
                                       i == shm::kPrimaryPeer ? "primary client" : "server", p.pid);
            abortLocked(2);
            return true;
        }
    }
    return false;
}

bool controlIsStale(const shm::Control &ctl, std::uint64_t objectSize)
{
    const auto creator = std::atomic_ref<const std::uint32_t>(ctl.creatorPid).load();
    const bool ready = objectSize >= sizeof(shm::Control) &&
                       std::atomic_ref<const std::uint32_t>(ctl.ready).load() == 1;
    if (!ready) {
        // Initialising: stale only when its creator is gone. /proc has no start time for a
        // pid we only know by number, so "gone" means "no such process".
        if (creator == 0)
            return false;
        return ::kill(static_cast<pid_t>(creator), 0) != 0 && errno == ESRCH;
    }
    for (const shm::Peer &p : ctl.peers)
        if (p.pid != 0 && liveness::isAlive(p.pid, p.startTime))
            return false;
    return true;
}

Expected<std::unique_ptr<SharedSet>> SharedSet::create(std::string_view instance,
                                                       std::string_view name, const Config &config,
                                                       gid_t group)
{
    auto inst = names::canonicalInstance(instance);
    if (!inst)
        return std::unexpected(inst.error());
    if (auto ok = names::checkSetName(name); !ok)
        return std::unexpected(ok.error());
    std::unique_ptr<SharedSet> set(new SharedSet);
    set->m_controlObject = names::controlObject(*inst, name);
    set->m_name = std::string(name);
    set->m_role = Role::Primary;
    set->m_peer = shm::kPrimaryPeer;
    set->m_group = group;

    int fd = -1;
    for (int attempt = 0; attempt < 2 && fd < 0; ++attempt) {
        fd = ::shm_open(set->m_controlObject.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
        if (fd >= 0 || errno != EEXIST)
            break;
        // Taken: by a live set (refuse) or by the leftovers of dead processes (sweep, retry).
        Fd old(::shm_open(set->m_controlObject.c_str(), O_RDWR | O_CLOEXEC, 0));
        struct stat st {};
        if (old.fd < 0 || ::fstat(old.fd, &st) != 0)
            return vdiFail(hr::kProtocol, "a set with this name already exists", set->m_name);
        bool stale = false;
        if (static_cast<std::size_t>(st.st_size) >= sizeof(shm::Control)) {
            void *p = ::mmap(nullptr, sizeof(shm::Control), PROT_READ | PROT_WRITE, MAP_SHARED,
                             old.fd, 0);
            if (p != MAP_FAILED) {
                auto *c = static_cast<shm::Control *>(p);
                stale = controlIsStale(*c, static_cast<std::uint64_t>(st.st_size));
                if (stale && c->bufferObjectName[0])
                    ::shm_unlink(c->bufferObjectName);
                ::munmap(p, sizeof(shm::Control));
            }
        } else {
            stale = st.st_mtime + 10 < ::time(nullptr);
        }
        if (!stale)
            return vdiFail(hr::kProtocol, "a set with this name already exists", set->m_name);
        vds::log::get("vdi")->info("removing stale set object {}", set->m_controlObject);
        ::shm_unlink(set->m_controlObject.c_str());
        fd = -1;
    }
    if (fd < 0)
        return std::unexpected(shmError(errno, set->m_controlObject, "cannot create the set"));
    Fd guard(fd);
    // The mode given to shm_open is filtered by the umask; set it explicitly so the server's
    // group always gets read/write access (the SLES umask bug of Microsoft's sample).
    if (::fchmod(fd, 0660) != 0 ||
        (group != static_cast<gid_t>(-1) && ::fchown(fd, static_cast<uid_t>(-1), group) != 0)) {
        const int err = errno;
        ::shm_unlink(set->m_controlObject.c_str());
        return std::unexpected(
            shmError(err, set->m_controlObject, "cannot give the server group access to the set"));
    }
    if (::ftruncate(fd, sizeof(shm::Control)) != 0) {
        const int err = errno;
        ::shm_unlink(set->m_controlObject.c_str());
        return std::unexpected(shmError(err, set->m_controlObject, "cannot size the set"));
    }
    void *p = ::mmap(nullptr, sizeof(shm::Control), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        const int err = errno;
        ::shm_unlink(set->m_controlObject.c_str());
        return std::unexpected(shmError(err, set->m_controlObject, "cannot map the set"));
    }
    set->m_ctl = static_cast<shm::Control *>(p);
    shm::Control &c = *set->m_ctl;
    atom(c.creatorPid).store(static_cast<std::uint32_t>(::getpid()));

    pthread_mutexattr_t attr;
    ::pthread_mutexattr_init(&attr);
    ::pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    ::pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    ::pthread_mutex_init(&c.mutex, &attr);
    ::pthread_mutexattr_destroy(&attr);

    c.layoutVersion = shm::kLayoutVersion;
    c.clientConfig = config;
    c.peers[shm::kPrimaryPeer] = {static_cast<std::uint32_t>(::getpid()), 0,
                                  liveness::selfStartTime()};
    copyName(c.name, c.nameBytes, name);
    copyName(c.instance, c.instanceBytes, *inst);
    c.magic = shm::kMagic;
    atom(c.ready).store(1, std::memory_order_release);
    return set;
}

Expected<std::unique_ptr<SharedSet>> SharedSet::open(std::string_view instance,
                                                     std::string_view name, Role role)
{
    auto inst = names::canonicalInstance(instance);
    if (!inst)
        return std::unexpected(inst.error());
    if (auto ok = names::checkSetName(name); !ok)
        return std::unexpected(ok.error());
    std::unique_ptr<SharedSet> set(new SharedSet);
    set->m_controlObject = names::controlObject(*inst, name);
    set->m_name = std::string(name);
    set->m_role = role;

    auto notFound = [&] {
        Error e = vdiError(hr::kInvalid, "no virtual device set of this name", set->m_name);
        e.category = ErrorCategory::NotFound;
        return std::unexpected(e);
    };
    Fd fd(::shm_open(set->m_controlObject.c_str(), O_RDWR | O_CLOEXEC, 0));
    if (fd.fd < 0) {
        if (errno == ENOENT)
            return notFound();
        return std::unexpected(shmError(errno, set->m_controlObject, "cannot open the set"));
    }
    // The creator sizes and initialises the object right after creating it: give it a moment.
    struct stat st {};
    for (int i = 0; i < 200; ++i) {
        if (::fstat(fd.fd, &st) != 0)
            return std::unexpected(shmError(errno, set->m_controlObject, "cannot stat the set"));
        if (static_cast<std::size_t>(st.st_size) >= sizeof(shm::Control))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (static_cast<std::size_t>(st.st_size) < sizeof(shm::Control))
        return notFound();
    set->m_group = st.st_gid;
    void *p = ::mmap(nullptr, sizeof(shm::Control), PROT_READ | PROT_WRITE, MAP_SHARED, fd.fd, 0);
    if (p == MAP_FAILED)
        return std::unexpected(shmError(errno, set->m_controlObject, "cannot map the set"));
    set->m_ctl = static_cast<shm::Control *>(p);
    shm::Control &c = *set->m_ctl;
    for (int i = 0; i < 200 && atom(c.ready).load(std::memory_order_acquire) != 1; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (atom(c.ready).load(std::memory_order_acquire) != 1 || c.magic != shm::kMagic ||
        c.layoutVersion != shm::kLayoutVersion)
        return notFound();
    // The object name is a hash: compare the exact name (case-sensitive) to rule out a clash.
    if (c.nameBytes != name.size() || std::memcmp(c.name, name.data(), name.size()) != 0)
        return notFound();

    bool orphan = false;
    {
        Lock lock(*set);
        set->checkPeersLocked(); // a set whose primary died is aborted, not joined
        if (role == Role::Server) {
            if (c.serverPhase != static_cast<std::uint32_t>(shm::ServerPhase::None))
                return vdiFail(hr::kProtocol, "the set is already opened by a server", set->m_name);
            if (c.aborted || c.primaryClosed) {
                const shm::Peer &primary = c.peers[shm::kPrimaryPeer];
                orphan = c.primaryClosed || !liveness::isAlive(primary.pid, primary.startTime);
            } else {
                set->m_peer = shm::kServerPeer;
                c.serverPhase = static_cast<std::uint32_t>(shm::ServerPhase::Opened);
            }
        } else {
            std::uint32_t slot = 0;
            for (std::uint32_t i = 2; i < shm::kMaxPeers && slot == 0; ++i)
                if (c.peers[i].pid == 0)
                    slot = i;
            if (slot == 0)
                return vdiFail(hr::kBusy, "too many secondary processes", set->m_name);
            set->m_peer = slot;
        }
        if (set->m_peer != 0) {
            c.peers[set->m_peer] = {static_cast<std::uint32_t>(::getpid()), 0,
                                    liveness::selfStartTime()};
            bump(c.setEvent);
            return set;
        }
    }
    // Refused as server: aborted or closed. When its creator is gone it will never unlink the
    // set, and nobody else will: do it here.
    if (orphan)
        set->unlinkObjects();
    return vdiFail(hr::kAbort, "the set is aborted or its creator is gone", set->m_name);
}

SharedSet::~SharedSet()
{
    unmapBuffer();
    if (m_ctl)
        ::munmap(m_ctl, sizeof(shm::Control));
}

void SharedSet::unmapBuffer() noexcept
{
    if (m_bufferReserveBase)
        ::munmap(m_bufferReserveBase, m_bufferReserve);
    m_bufferReserveBase = nullptr;
    m_buffer = nullptr;
    m_bufferSize = 0;
}

namespace {
/// Maps `size` bytes of `fd` at an address aligned to 64 KiB (the largest buffer alignment),
/// so that offsets aligned in the object are aligned in memory in every process.
Expected<std::pair<void *, std::byte *>> mapAligned(int fd, std::uint64_t size, std::size_t reserve,
                                                    const std::string &obj)
{
    void *base = ::mmap(nullptr, reserve, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return std::unexpected(Error::fromErrno(errno, obj, "cannot reserve the buffer area"));
    const auto addr = reinterpret_cast<std::uintptr_t>(base);
    const std::uintptr_t aligned = (addr + kMaxAlignment - 1) & ~(kMaxAlignment - 1);
    void *p = ::mmap(reinterpret_cast<void *>(aligned), size, PROT_READ | PROT_WRITE,
                     MAP_SHARED | MAP_FIXED | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
        const int err = errno;
        ::munmap(base, reserve);
        return std::unexpected(Error::fromErrno(err, obj, "cannot map the buffer area"));
    }
    return std::pair{base, static_cast<std::byte *>(p)};
}
} // namespace

Expected<void> SharedSet::createBufferArea(std::uint64_t size)
{
    unmapBuffer();
    const std::string object = names::bufferObject(m_controlObject);
    Fd fd(::shm_open(object.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0660));
    if (fd.fd < 0)
        return std::unexpected(shmError(errno, object, "cannot create the buffer area"));
    if (::fchmod(fd.fd, 0660) != 0 ||
        (m_group != static_cast<gid_t>(-1) &&
         ::fchown(fd.fd, static_cast<uid_t>(-1), m_group) != 0 && errno != EPERM) ||
        ::ftruncate(fd.fd, static_cast<off_t>(size)) != 0) {
        const int err = errno;
        ::shm_unlink(object.c_str());
        Error e = shmError(err, object, "cannot set up the buffer area");
        e.native = {NativeKind::Hresult, hr::kMemory, {}};
        return std::unexpected(e);
    }
    const std::size_t reserve = static_cast<std::size_t>(size) + kMaxAlignment;
    auto mapped = mapAligned(fd.fd, size, reserve, object);
    if (!mapped) {
        ::shm_unlink(object.c_str());
        Error e = mapped.error();
        e.native = {NativeKind::Hresult, hr::kMemory, {}};
        return std::unexpected(e);
    }
    m_bufferReserveBase = mapped->first;
    m_bufferReserve = reserve;
    m_buffer = mapped->second;
    m_bufferSize = size;
    Lock lock(*this);
    std::snprintf(m_ctl->bufferObjectName, sizeof m_ctl->bufferObjectName, "%s", object.c_str());
    m_ctl->bufferAreaSize = size;
    return {};
}

Expected<void> SharedSet::mapBufferArea()
{
    if (m_buffer)
        return {};
    std::string object;
    std::uint64_t size = 0;
    {
        Lock lock(*this);
        object = m_ctl->bufferObjectName;
        size = m_ctl->bufferAreaSize;
    }
    if (object.empty() || size == 0)
        return vdiFail(hr::kProtocol, "the server has not created the buffer area", m_name);
    Fd fd(::shm_open(object.c_str(), O_RDWR | O_CLOEXEC, 0));
    if (fd.fd < 0)
        return std::unexpected(shmError(errno, object, "cannot open the buffer area"));
    const std::size_t reserve = static_cast<std::size_t>(size) + kMaxAlignment;
    auto mapped = mapAligned(fd.fd, size, reserve, object);
    if (!mapped)
        return std::unexpected(mapped.error());
    m_bufferReserveBase = mapped->first;
    m_bufferReserve = reserve;
    m_buffer = mapped->second;
    m_bufferSize = size;
    return {};
}

void SharedSet::unlinkObjects()
{
    char buffer[sizeof m_ctl->bufferObjectName];
    {
        Lock lock(*this);
        std::memcpy(buffer, m_ctl->bufferObjectName, sizeof buffer);
    }
    buffer[sizeof buffer - 1] = '\0';
    if (buffer[0])
        ::shm_unlink(buffer);
    ::shm_unlink(m_controlObject.c_str());
}

} // namespace vds::vdi
