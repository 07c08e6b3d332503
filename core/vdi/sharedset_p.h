#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <vds/util/error.h>
#include <vds/vdi/shmlayout_p.h>
#include <vds/vdi/types.h>

namespace vds::vdi {

/// One process's view of a native set: the mapped control block, the mapped buffer area and
/// the rules every side shares (locking, waiting, abort, peer liveness). Owned by the
/// ServerSet or NativeClientSet that opened it; thread-safe through the control block's mutex.
class SharedSet final {
public:
    enum class Role : std::uint8_t { Primary, Secondary, Server };

    /// Creates the control object (primary). Exactly one creator wins per name; a leftover
    /// object whose processes are all dead is swept and replaced.
    static Expected<std::unique_ptr<SharedSet>>
    create(std::string_view instance, std::string_view name, const Config &config, gid_t group);
    /// Opens an existing set as server or secondary and registers this process as a peer.
    static Expected<std::unique_ptr<SharedSet>> open(std::string_view instance,
                                                     std::string_view name, Role role);
    ~SharedSet(); ///< unmaps; unlinking is the owner's decision (unlinkObjects)
    SharedSet(const SharedSet &) = delete;
    SharedSet &operator=(const SharedSet &) = delete;

    [[nodiscard]] shm::Control &ctl() noexcept { return *m_ctl; }
    [[nodiscard]] Role role() const noexcept { return m_role; }
    [[nodiscard]] std::uint32_t peerIndex() const noexcept { return m_peer; }
    [[nodiscard]] const std::string &setName() const noexcept { return m_name; }

    /// RAII lock of the control block's robust mutex. If a process died holding it, the block
    /// may be torn: the set is aborted before the lock is handed out.
    class Lock final {
    public:
        explicit Lock(SharedSet &set);
        ~Lock();
        Lock(const Lock &) = delete;
        Lock &operator=(const Lock &) = delete;

    private:
        SharedSet &m_set;
    };

    // --- with the lock held ---
    void abortLocked(std::uint32_t reason);
    /// Aborts the set when the primary or the server died without closing; true if aborted.
    bool checkPeersLocked();
    static void bump(std::uint32_t &word) noexcept;
    void bumpAll() noexcept;

    /// Waits until `pred` (called with the lock held) yields an HRESULT. `word` is the futex
    /// the state change will bump. Peers are checked every 100 ms, so the death of the
    /// primary or the server ends every wait with VD_E_ABORT well within 2 s.
    template <class Pred>
    std::int32_t wait(std::uint32_t &word, std::int64_t timeoutMs, Pred &&pred);

    // --- buffer area ---
    Expected<void> createBufferArea(std::uint64_t size); ///< server, before publishing config
    Expected<void> mapBufferArea();                      ///< clients, after configuration
    [[nodiscard]] std::byte *bufferBase() const noexcept { return m_buffer; }
    [[nodiscard]] std::uint64_t bufferSize() const noexcept { return m_bufferSize; }

    /// Unlinks the control object and the buffer object (ENOENT/EPERM ignored: another
    /// process may have done it, or owns it).
    void unlinkObjects();

    static std::int64_t nowNs() noexcept;

private:
    SharedSet() = default;
    static void futexWait(std::uint32_t &word, std::uint32_t seen, std::int64_t ms) noexcept;
    static std::uint32_t load(const std::uint32_t &word) noexcept;
    void unmapBuffer() noexcept;

    shm::Control *m_ctl = nullptr;
    std::byte *m_buffer = nullptr;
    std::uint64_t m_bufferSize = 0;
    std::size_t m_bufferReserve = 0;
    void *m_bufferReserveBase = nullptr;
    std::string m_controlObject;
    std::string m_name;
    gid_t m_group = static_cast<gid_t>(-1);
    Role m_role = Role::Primary;
    std::uint32_t m_peer = 0;
};

/// True when no process of the set is alive any more (or its creator died initialising it).
bool controlIsStale(const shm::Control &ctl, std::uint64_t objectSize);

template <class Pred>
std::int32_t SharedSet::wait(std::uint32_t &word, std::int64_t timeoutMs, Pred &&pred)
{
    constexpr std::int64_t kSliceMs = 100;
    const std::int64_t start = nowNs();
    std::int64_t lastCheck = start;
    for (;;) {
        std::uint32_t seen = 0;
        {
            Lock lock(*this);
            if (std::optional<std::int32_t> r = pred())
                return *r;
            seen = load(word);
        }
        const std::int64_t t = nowNs();
        const std::int64_t elapsedMs = (t - start) / 1'000'000;
        if (timeoutMs >= 0 && elapsedMs >= timeoutMs)
            return hr::kTimeout;
        const std::int64_t sinceCheckMs = (t - lastCheck) / 1'000'000;
        if (sinceCheckMs >= kSliceMs) {
            Lock lock(*this);
            checkPeersLocked();
            lastCheck = t;
            continue;
        }
        std::int64_t slice = kSliceMs - sinceCheckMs;
        if (timeoutMs >= 0 && timeoutMs - elapsedMs < slice)
            slice = timeoutMs - elapsedMs;
        futexWait(word, seen, slice < 1 ? 1 : slice);
    }
}

} // namespace vds::vdi
