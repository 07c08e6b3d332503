#include <vds/vdisk/copyengine.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <vds/vdisk/fileio.h>

namespace vds::vdisk {

namespace {

constexpr std::size_t kTargetChunk = 16U << 20; // aim for 16 MiB per system call
// All buffers together. The peak resident size of a conversion must stay under 64 MiB whatever
// the source's size: two 16 MiB buffers (double buffering), or one when a single target unit
// is larger (a 32 MiB VHDX block). The kernel's readahead and asynchronous writeback keep the
// disks busy meanwhile; their pages are cache, not ours.
constexpr std::size_t kMemoryBudget = 40U << 20;

struct FreeDeleter {
    void operator()(std::uint8_t *p) const noexcept { std::free(p); }
};

/// One buffer in flight: `units` consecutive target units starting at `firstUnit`.
struct Chunk {
    std::unique_ptr<std::uint8_t, FreeDeleter> data;
    std::uint64_t firstUnit = 0;
    std::size_t bytes = 0;
    std::vector<bool> zero;                   ///< per unit
    std::vector<const std::uint8_t *> mapped; ///< per unit: the source's own bytes, or null
};

/// Bounded hand-over between the reader thread and the writer. Closing wakes both sides.
class ChunkQueue final {
public:
    void push(Chunk *c)
    {
        std::lock_guard lock(m_mutex);
        m_full.push_back(c);
        m_cv.notify_all();
    }
    void release(Chunk *c)
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(c);
        m_cv.notify_all();
    }
    Chunk *takeFree()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return !m_free.empty() || m_closed; });
        if (m_closed)
            return nullptr;
        Chunk *c = m_free.front();
        m_free.pop_front();
        return c;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_cv.notify_all();
    }
    /// After the reader's last push: the writer drains what is left, then sees nullptr.
    void finishInput()
    {
        std::lock_guard lock(m_mutex);
        m_inputDone = true;
        m_cv.notify_all();
    }
    Chunk *popFullOrEnd()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return !m_full.empty() || m_closed || m_inputDone; });
        if (m_full.empty())
            return nullptr;
        Chunk *c = m_full.front();
        m_full.pop_front();
        return c;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Chunk *> m_full, m_free;
    bool m_closed = false;
    bool m_inputDone = false;
};

Error cancelledError()
{
    return Error::make(ErrorCategory::Cancelled, "cancelled");
}

} // namespace

Expected<CopyStats> copyImage(ImageReader &source, ImageWriter &target, std::uint64_t virtualSize,
                              ProgressSink *progress, const std::atomic_bool &cancel)
{
    const std::uint64_t unit = target.unitSize();
    const std::uint64_t unitsTotal = (virtualSize + unit - 1) / unit;
    const std::size_t unitsPerChunk = std::max<std::size_t>(1, kTargetChunk / unit);
    const std::size_t chunkBytes = unitsPerChunk * unit;
    const std::size_t bufferCount = std::clamp<std::size_t>(kMemoryBudget / chunkBytes, 1, 6);
    const std::uint64_t sourceSize = source.virtualSize();

    std::vector<Chunk> chunks(bufferCount);
    ChunkQueue queue;
    for (Chunk &c : chunks) {
        c.data.reset(static_cast<std::uint8_t *>(std::aligned_alloc(4096, chunkBytes)));
        if (!c.data)
            return fail(ErrorCategory::Internal, "out of memory for copy buffers");
        queue.release(&c);
    }

    std::optional<Error> readError;
    std::atomic_bool stop{false};
    std::uint64_t bytesRead = 0;

    std::thread reader([&] {
        for (std::uint64_t first = 0; first < unitsTotal; first += unitsPerChunk) {
            if (cancel.load(std::memory_order_relaxed) || stop.load(std::memory_order_relaxed))
                break;
            Chunk *c = queue.takeFree();
            if (!c)
                break;
            const std::uint64_t n = std::min<std::uint64_t>(unitsPerChunk, unitsTotal - first);
            const std::uint64_t start = first * unit;
            c->firstUnit = first;
            c->bytes =
                static_cast<std::size_t>(std::min<std::uint64_t>(n * unit, virtualSize - start));
            c->zero.assign(n, false);
            c->mapped.assign(n, nullptr);
            for (std::uint64_t u = 0; u < n; ++u) {
                const std::uint64_t off = start + u * unit;
                const std::uint64_t len = std::min<std::uint64_t>(unit, virtualSize - off);
                std::uint8_t *dst = c->data.get() + u * unit;
                // Part of the unit that lies inside the source; the rest reads as zeros.
                const std::uint64_t inSrc =
                    off >= sourceSize ? 0 : std::min<std::uint64_t>(len, sourceSize - off);
                if (inSrc == 0 || source.knownZero(off, inSrc)) {
                    c->zero[u] = true;
                    continue; // the writer never looks at the bytes of a zero unit it skips
                }
                if (inSrc == len) {
                    if (const std::uint8_t *mem = source.view(off, len)) {
                        c->mapped[u] = mem;
                        c->zero[u] = isAllZero(mem, len);
                        bytesRead += len;
                        if (progress)
                            progress->sourceRead(len);
                        continue;
                    }
                }
                if (auto ok = source.read(off, dst, inSrc); !ok) {
                    readError = ok.error();
                    stop.store(true);
                    queue.close();
                    return;
                }
                bytesRead += inSrc;
                if (progress)
                    progress->sourceRead(inSrc);
                if (inSrc < len)
                    std::memset(dst + inSrc, 0, len - inSrc);
                c->zero[u] = isAllZero(dst, len);
            }
            queue.push(c);
        }
        queue.finishInput();
    });

    CopyStats stats;
    std::optional<Error> writeError;
    while (Chunk *c = queue.popFullOrEnd()) {
        if (cancel.load(std::memory_order_relaxed)) {
            writeError = cancelledError();
            break;
        }
        for (std::size_t u = 0; u < c->zero.size(); ++u) {
            const std::uint64_t index = c->firstUnit + u;
            const std::uint64_t off = index * unit;
            const std::size_t len =
                static_cast<std::size_t>(std::min<std::uint64_t>(unit, virtualSize - off));
            const std::uint8_t *p = c->mapped[u] ? c->mapped[u] : c->data.get() + u * unit;
            Expected<void> ok;
            if (c->zero[u]) {
                // The bytes of a known-zero unit were never read: writers do not look at them.
                ok = target.writeUnit(index, nullptr, len, true);
                ++stats.unitsSkipped;
            } else {
                ok = target.writeUnit(index, p, len, false);
                ++stats.unitsWritten;
                if (ok && progress)
                    progress->targetWritten(len);
            }
            if (!ok) {
                writeError = ok.error();
                break;
            }
            if (progress)
                progress->advance(len);
        }
        queue.release(c);
        if (writeError)
            break;
        target.startWriteback();
    }
    stop.store(true);
    queue.close();
    reader.join();
    if (readError)
        return fail(*readError);
    if (writeError)
        return fail(*writeError);
    if (cancel.load())
        return fail(cancelledError());
    stats.bytesRead = bytesRead;
    return stats;
}

Expected<void> compareImages(ImageReader &a, ImageReader &b, std::uint64_t size,
                             ProgressSink *progress, const std::atomic_bool &cancel)
{
    constexpr std::size_t kStep = 8U << 20;
    std::vector<std::uint8_t> ba(kStep), bb(kStep);
    for (std::uint64_t off = 0; off < size; off += kStep) {
        if (cancel.load(std::memory_order_relaxed))
            return fail(cancelledError());
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kStep, size - off));
        const bool za = a.knownZero(off, n), zb = b.knownZero(off, n);
        if (!(za && zb)) {
            if (za)
                std::memset(ba.data(), 0, n);
            else if (auto ok = a.read(off, ba.data(), n); !ok)
                return ok;
            if (zb)
                std::memset(bb.data(), 0, n);
            else if (auto ok = b.read(off, bb.data(), n); !ok)
                return ok;
            if (std::memcmp(ba.data(), bb.data(), n) != 0) {
                std::size_t i = 0;
                while (ba[i] == bb[i])
                    ++i;
                return fail(ErrorCategory::Format,
                            "contents differ at offset " + std::to_string(off + i));
            }
        }
        if (progress)
            progress->advance(n);
    }
    return {};
}

} // namespace vds::vdisk
