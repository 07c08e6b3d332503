#include <vds/vdisk/copyengine.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include <vds/vdisk/fileio.h>

namespace vds::vdisk {

namespace {

// Small buffers: a chunk is a slice of the disk (several small units or a part of a large one),
// so memory stays a few MiB whatever the block size, and system calls stay large.
constexpr std::size_t kChunk = 2U << 20;
constexpr std::size_t kBuffers = 3;
// The source is asked to read this far ahead of the chunk being planned: several requests in
// flight keep a disk (or a virtual one) busier than one synchronous read at a time.
constexpr std::uint64_t kPrefetch = 16U << 20;
constexpr std::uint32_t kPage = 4096; // granularity of zero detection and of holes

struct FreeDeleter {
    void operator()(std::uint8_t *p) const noexcept { std::free(p); }
};

/// The part of one target unit that a chunk holds, and where its runs are in Chunk::runs.
struct Part {
    std::uint64_t index = 0;
    std::size_t unitBytes = 0;
    std::uint32_t from = 0, length = 0; ///< within the unit
    std::size_t runBegin = 0, runEnd = 0;
    std::size_t bufferOffset = 0; ///< where the unit's byte `from` is in the buffer
};

/// One buffer in flight: [start, start+bytes) of the virtual disk as parts of target units,
/// each with its data runs (what is not in a run is zero, and was never read or read as zero).
struct Chunk {
    std::unique_ptr<std::uint8_t, FreeDeleter> data;
    std::vector<Part> parts;
    std::vector<DataRun> runs;
};

/// Plans one part: asks the source for its extents, reads only what may hold data (whole
/// pages: a page shared with a hole reads the hole's zeros), tests each page read for zeros
/// and records the rest as runs (offsets within the unit). `inSrc` bytes of the part lie inside
/// the source; the rest reads as zeros. Returns the bytes read.
Expected<std::uint64_t> planPart(ImageReader &source, Chunk &c, Part &part, std::uint64_t off,
                                 std::uint64_t inSrc)
{
    std::uint8_t *buffer = c.data.get() + part.bufferOffset;
    part.runBegin = c.runs.size();
    std::uint64_t read = 0, pos = 0;
    while (pos < inSrc) {
        Extent e = source.extentAt(off + pos, inSrc - pos);
        e.length = std::clamp<std::uint64_t>(e.length, 1, inSrc - pos);
        if (e.zero) {
            pos += e.length;
            continue;
        }
        const std::uint64_t a = pos / kPage * kPage;
        const std::uint64_t b =
            std::min<std::uint64_t>((pos + e.length + kPage - 1) / kPage * kPage, inSrc);
        if (auto ok = source.read(off + a, buffer + a, static_cast<std::size_t>(b - a)); !ok)
            return fail(ok.error());
        read += b - a;
        for (std::uint64_t p = a; p < b; p += kPage) {
            const auto n = static_cast<std::uint32_t>(std::min<std::uint64_t>(kPage, b - p));
            if (isAllZero(buffer + p, n))
                continue;
            const auto at = static_cast<std::uint32_t>(part.from + p);
            if (c.runs.size() > part.runBegin && c.runs.back().offset + c.runs.back().length == at)
                c.runs.back().length += n;
            else
                c.runs.push_back({at, n});
        }
        pos = b;
    }
    part.runEnd = c.runs.size();
    return read;
}

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
    const std::uint64_t sourceSize = source.virtualSize();

    std::vector<Chunk> chunks(kBuffers);
    ChunkQueue queue;
    for (Chunk &c : chunks) {
        c.data.reset(static_cast<std::uint8_t *>(std::aligned_alloc(kPage, kChunk)));
        if (!c.data)
            return fail(ErrorCategory::Internal, "out of memory for copy buffers");
        queue.release(&c);
    }

    std::optional<Error> readError;
    std::atomic_bool stop{false};
    std::uint64_t bytesRead = 0;

    std::thread reader([&] {
        for (std::uint64_t start = 0; start < virtualSize;) {
            if (cancel.load(std::memory_order_relaxed) || stop.load(std::memory_order_relaxed))
                break;
            Chunk *c = queue.takeFree();
            if (!c)
                break;
            c->parts.clear();
            c->runs.clear();
            const std::uint64_t end = std::min<std::uint64_t>(start + kChunk, virtualSize);
            if (start == 0)
                source.prefetch(0, kPrefetch);
            if (start + kPrefetch < sourceSize)
                source.prefetch(start + kPrefetch, kChunk);
            for (std::uint64_t off = start; off < end;) {
                Part part;
                part.index = off / unit;
                const std::uint64_t unitStart = part.index * unit;
                part.unitBytes = static_cast<std::size_t>(
                    std::min<std::uint64_t>(unit, virtualSize - unitStart));
                const std::uint64_t partEnd = std::min<std::uint64_t>(end, unitStart + unit);
                part.from = static_cast<std::uint32_t>(off - unitStart);
                part.length = static_cast<std::uint32_t>(partEnd - off);
                part.bufferOffset = static_cast<std::size_t>(off - start);
                const std::uint64_t inSrc =
                    off >= sourceSize ? 0 : std::min<std::uint64_t>(part.length, sourceSize - off);
                auto got = planPart(source, *c, part, off, inSrc);
                if (!got) {
                    readError = got.error();
                    stop.store(true);
                    queue.close();
                    return;
                }
                bytesRead += *got;
                if (progress && *got)
                    progress->sourceRead(*got);
                c->parts.push_back(part);
                off = partEnd;
            }
            queue.push(c);
            start = end;
        }
        queue.finishInput();
    });

    CopyStats stats;
    std::optional<Error> writeError;
    std::uint64_t lastUnit = ~0ULL;
    bool lastUnitHasData = false;
    auto countUnit = [&] {
        if (lastUnit != ~0ULL)
            ++(lastUnitHasData ? stats.unitsWritten : stats.unitsSkipped);
    };
    while (Chunk *c = queue.popFullOrEnd()) {
        if (cancel.load(std::memory_order_relaxed)) {
            writeError = cancelledError();
            break;
        }
        for (const Part &part : c->parts) {
            const std::span<const DataRun> runs(c->runs.data() + part.runBegin,
                                                part.runEnd - part.runBegin);
            auto ok = target.writeRuns(part.index, part.unitBytes, part.from, part.length,
                                       c->data.get() + part.bufferOffset, runs);
            if (!ok) {
                writeError = ok.error();
                break;
            }
            if (part.index != lastUnit) {
                countUnit();
                lastUnit = part.index;
                lastUnitHasData = false;
            }
            std::uint64_t bytes = 0;
            for (const DataRun &r : runs)
                bytes += r.length;
            lastUnitHasData = lastUnitHasData || bytes > 0;
            stats.bytesWritten += bytes;
            if (progress) {
                if (bytes)
                    progress->targetWritten(bytes);
                progress->advance(part.length);
            }
        }
        queue.release(c);
        if (writeError)
            break;
        target.startWriteback();
    }
    countUnit();
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

namespace {

Error differAt(std::uint64_t offset)
{
    return Error::make(ErrorCategory::Format,
                       "contents differ at offset " + std::to_string(offset));
}

/// Offset of the first non-zero byte in p[0, n) (n when none).
std::size_t firstNonZero(const std::uint8_t *p, std::size_t n)
{
    std::size_t i = 0;
    while (i < n && p[i] == 0)
        ++i;
    return i;
}

} // namespace

Expected<void> compareImages(ImageReader &a, ImageReader &b, std::uint64_t size,
                             ProgressSink *progress, const std::atomic_bool &cancel)
{
    // Walks both images extent by extent: where both maps say zero nothing is read; where one
    // does, only the other is read and must be zeros; elsewhere both are read and compared.
    constexpr std::size_t kStep = 4U << 20;
    std::vector<std::uint8_t> ba(kStep), bb(kStep);
    for (std::uint64_t off = 0; off < size; off += kStep) {
        if (cancel.load(std::memory_order_relaxed))
            return fail(cancelledError());
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kStep, size - off));
        for (std::size_t pos = 0; pos < n;) {
            const std::uint64_t at = off + pos;
            const Extent ea = a.extentAt(at, n - pos), eb = b.extentAt(at, n - pos);
            const auto len = static_cast<std::size_t>(
                std::clamp<std::uint64_t>(std::min(ea.length, eb.length), 1, n - pos));
            if (ea.zero != eb.zero) {
                ImageReader &other = ea.zero ? b : a;
                if (auto ok = other.read(at, ba.data(), len); !ok)
                    return ok;
                if (!isAllZero(ba.data(), len))
                    return fail(differAt(at + firstNonZero(ba.data(), len)));
            } else if (!ea.zero) {
                if (auto ok = a.read(at, ba.data(), len); !ok)
                    return ok;
                if (auto ok = b.read(at, bb.data(), len); !ok)
                    return ok;
                if (std::memcmp(ba.data(), bb.data(), len) != 0) {
                    std::size_t i = 0;
                    while (ba[i] == bb[i])
                        ++i;
                    return fail(differAt(at + i));
                }
            }
            pos += len;
        }
        if (progress)
            progress->advance(n);
    }
    return {};
}

} // namespace vds::vdisk
