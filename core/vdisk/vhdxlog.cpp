// The VHDX log: a ring of 4 KiB sectors holding entries (a 64-byte header and 32-byte
// descriptors in the first sectors, then one data sector per data descriptor), each covered
// by a CRC-32C. See README.md "Dirty VHDX logs".
#include <vds/vdisk/vhdxlog.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

#include <vds/util/crc32c.h>
#include <vds/util/endian.h>
#include <vds/vdisk/fileio.h>

namespace vds::vdisk::vhdx {

namespace {

constexpr std::uint64_t kSector = 4096;

struct Entry {
    std::uint64_t pos = 0, length = 0, tail = 0, sequence = 0, lastFileOffset = 0;
    std::vector<LogReplay::Op> ops;
};

/// The log region as a ring: bytes [pos, pos + n) with wrap-around.
class Ring {
public:
    explicit Ring(std::vector<std::uint8_t> bytes) : m_bytes(std::move(bytes)) {}
    [[nodiscard]] std::uint64_t size() const { return m_bytes.size(); }
    [[nodiscard]] std::vector<std::uint8_t> get(std::uint64_t pos, std::uint64_t n) const
    {
        std::vector<std::uint8_t> out(n);
        for (std::uint64_t done = 0; done < n;) {
            const std::uint64_t at = (pos + done) % m_bytes.size();
            const std::uint64_t k = std::min(n - done, m_bytes.size() - at);
            std::memcpy(out.data() + done, m_bytes.data() + at, k);
            done += k;
        }
        return out;
    }

private:
    std::vector<std::uint8_t> m_bytes;
};

/// A valid entry at `pos`, or nothing: every rule of the format is checked, so a stale or torn
/// entry is simply not part of any sequence.
std::optional<Entry> parseEntry(const Ring &ring, std::uint64_t pos, const Guid &logGuid)
{
    const auto head = ring.get(pos, 64);
    if (std::memcmp(head.data(), "loge", 4) != 0)
        return std::nullopt;
    Entry e;
    e.pos = pos;
    e.length = loadLe<std::uint32_t>(head.data() + 8);
    e.tail = loadLe<std::uint32_t>(head.data() + 12);
    e.sequence = loadLe<std::uint64_t>(head.data() + 16);
    const std::uint32_t count = loadLe<std::uint32_t>(head.data() + 24);
    Guid guid;
    std::memcpy(guid.bytes.data(), head.data() + 32, 16);
    e.lastFileOffset = loadLe<std::uint64_t>(head.data() + 56);
    if (e.length == 0 || e.length % kSector || e.length > ring.size() || e.tail % kSector ||
        e.tail >= ring.size() || e.sequence == 0 || guid != logGuid)
        return std::nullopt;
    const std::uint64_t descSectors = (64 + 32ULL * count + kSector - 1) / kSector;
    if (descSectors * kSector > e.length)
        return std::nullopt;
    auto bytes = ring.get(pos, e.length);
    const std::uint32_t stored = loadLe<std::uint32_t>(bytes.data() + 4);
    std::memset(bytes.data() + 4, 0, 4);
    if (crc32c(bytes.data(), bytes.size()) != stored)
        return std::nullopt;
    std::uint64_t dataSector = descSectors;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint8_t *d = bytes.data() + 64 + 32ULL * i;
        const std::uint64_t offset = loadLe<std::uint64_t>(d + 16);
        if (loadLe<std::uint64_t>(d + 24) != e.sequence || offset % kSector)
            return std::nullopt;
        LogReplay::Op op;
        op.offset = offset;
        if (std::memcmp(d, "zero", 4) == 0) {
            op.length = loadLe<std::uint64_t>(d + 8);
            if (op.length == 0 || op.length % kSector)
                return std::nullopt;
        } else if (std::memcmp(d, "desc", 4) == 0) {
            if ((dataSector + 1) * kSector > e.length)
                return std::nullopt;
            const std::uint8_t *s = bytes.data() + dataSector * kSector;
            ++dataSector;
            if (std::memcmp(s, "data", 4) != 0 ||
                loadLe<std::uint32_t>(s + 4) != static_cast<std::uint32_t>(e.sequence >> 32) ||
                loadLe<std::uint32_t>(s + 4092) != static_cast<std::uint32_t>(e.sequence))
                return std::nullopt;
            // The sector's first 8 and last 4 bytes live in the descriptor (the data sector's
            // own head and tail hold its signature and sequence stamps).
            op.length = kSector;
            op.data.resize(kSector);
            std::memcpy(op.data.data(), d + 8, 8);
            std::memcpy(op.data.data() + 8, s + 8, kSector - 12);
            std::memcpy(op.data.data() + kSector - 4, d + 4, 4);
        } else {
            return std::nullopt;
        }
        e.ops.push_back(std::move(op));
    }
    if (dataSector * kSector != e.length)
        return std::nullopt;
    return e;
}

} // namespace

void LogReplay::overlay(std::uint64_t offset, std::uint8_t *buffer, std::size_t size) const noexcept
{
    const std::uint64_t end = offset + size;
    for (const Op &op : ops) {
        const std::uint64_t from = std::max(offset, op.offset);
        const std::uint64_t to = std::min(end, op.offset + op.length);
        if (from >= to)
            continue;
        if (op.data.empty())
            std::memset(buffer + (from - offset), 0, to - from);
        else
            std::memcpy(buffer + (from - offset), op.data.data() + (from - op.offset), to - from);
    }
}

std::uint64_t LogReplay::extent() const noexcept
{
    std::uint64_t end = 0;
    for (const Op &op : ops)
        end = std::max(end, op.offset + op.length);
    return end;
}

Expected<LogReplay> readLog(int fd, const Header &header, const std::string &name)
{
    LogReplay replay;
    if (header.logGuid.isNull())
        return replay;
    std::vector<std::uint8_t> bytes(header.logLength);
    if (auto ok = preadFull(fd, bytes.data(), bytes.size(), header.logOffset, name); !ok)
        return fail(ok.error());
    const Ring ring(std::move(bytes));
    std::map<std::uint64_t, std::optional<Entry>> parsed;
    const auto at = [&](std::uint64_t pos) -> const std::optional<Entry> & {
        auto it = parsed.find(pos);
        if (it == parsed.end())
            it = parsed.emplace(pos, parseEntry(ring, pos, header.logGuid)).first;
        return it->second;
    };
    // Every chain of consecutive entries (each starting where the previous ends, sequence
    // numbers rising by one); the active one ends with the highest sequence number and starts
    // at its last entry's tail.
    std::vector<const Entry *> best;
    for (std::uint64_t pos = 0; pos < ring.size(); pos += kSector) {
        if (!at(pos))
            continue;
        std::vector<const Entry *> chain{&*at(pos)};
        while (chain.size() * kSector <= ring.size()) {
            const Entry *last = chain.back();
            const auto &next = at((last->pos + last->length) % ring.size());
            if (!next || next->sequence != last->sequence + 1 || next->pos == chain.front()->pos)
                break;
            chain.push_back(&*next);
        }
        if (chain.front()->pos != chain.back()->tail)
            continue;
        if (best.empty() || chain.back()->sequence > best.back()->sequence ||
            (chain.back()->sequence == best.back()->sequence && chain.size() > best.size()))
            best = chain;
    }
    if (best.empty())
        return replay;
    replay.entries = best.size();
    replay.firstSequence = best.front()->sequence;
    replay.lastSequence = best.back()->sequence;
    for (const Entry *e : best) {
        replay.lastFileOffset = std::max(replay.lastFileOffset, e->lastFileOffset);
        for (const LogReplay::Op &op : e->ops)
            replay.ops.push_back(op);
    }
    return replay;
}

} // namespace vds::vdisk::vhdx
