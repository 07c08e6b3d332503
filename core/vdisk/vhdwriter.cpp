#include <vds/util/utf.h>
#include <vds/vdisk/vhdwriter.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <vds/util/endian.h>
#include <vds/vdisk/fileio.h>
#include <vds/vdisk/parentpath.h>
#include <vds/vdisk/vhdreader.h>
#include <vds/vdisk/vhdxformat.h>

namespace vds::vdisk {

namespace {
constexpr std::uint32_t kFixedUnit = 8U << 20;

std::uint64_t roundUp(std::uint64_t v, std::uint64_t to)
{
    return (v + to - 1) / to * to;
}

/// Reserves [0, bytes) without writing; false when the filesystem cannot (then zeros are
/// written instead, which allocates just as well).
Expected<bool> preallocate(int fd, std::uint64_t bytes, const std::string &name)
{
    if (::fallocate(fd, 0, 0, static_cast<off_t>(bytes)) == 0)
        return true;
    if (errno == EOPNOTSUPP || errno == ENOSYS)
        return false;
    return fail(Error::fromErrno(errno, name, "allocate " + std::to_string(bytes) + " bytes"));
}
} // namespace

ImageWriter::~ImageWriter() = default;

VhdWriter::VhdWriter(int fd, TargetLayout layout) : m_fd(fd), m_layout(std::move(layout)) {}

std::uint32_t VhdWriter::unitSize() const
{
    return m_layout.type == DiskType::Fixed ? kFixedUnit : m_layout.blockSize;
}

vhd::Footer VhdWriter::makeFooter() const
{
    vhd::Footer f;
    f.timestamp = vhd::nowTimestamp();
    f.originalSize = f.currentSize = m_layout.virtualSize;
    f.geometry = vhd::geometryFor(m_layout.virtualSize);
    f.diskType = m_layout.type == DiskType::Fixed     ? vhd::kTypeFixed
                 : m_layout.type == DiskType::Dynamic ? vhd::kTypeDynamic
                                                      : vhd::kTypeDifferencing;
    f.dataOffset = m_layout.type == DiskType::Fixed ? ~0ULL : vhd::kFooterSize;
    f.uniqueId = m_layout.uniqueId;
    return f;
}

Expected<void> VhdWriter::prepareParent()
{
    OpenOptions options;
    options.acceptParentTimestamp = m_layout.acceptParentTimestamp;
    auto parent = openImage(m_layout.parentPath, options);
    if (!parent)
        return fail(parent.error());
    auto *vhdParent = dynamic_cast<VhdReader *>(parent->get());
    if (!vhdParent)
        return fail(ErrorCategory::InvalidArgument, "the parent of a VHD must be a VHD",
                    m_layout.parentPath);
    // The parent's modification time now, which a reader compares with the parent it finds
    // (core/vdisk/README.md, "Parent time stamp").
    struct stat st {};
    if (::stat(m_layout.parentPath.c_str(), &st) != 0)
        return fail(Error::fromErrno(errno, m_layout.parentPath, "stat parent"));
    m_header.parentUniqueId = vhdParent->footer().uniqueId;
    m_header.parentTimestamp = vhd::toTimestamp(static_cast<std::int64_t>(st.st_mtime));
    m_header.parentName = utf::toUtf16(m_layout.parentPath);
    return {};
}

Expected<void> VhdWriter::begin()
{
    const std::string &name = m_layout.path;
    if (m_layout.type == DiskType::Fixed) {
        const std::uint64_t total = m_layout.virtualSize + vhd::kFooterSize;
        if (m_layout.sparse) {
            if (::ftruncate(m_fd, static_cast<off_t>(total)) != 0)
                return fail(Error::fromErrno(errno, name, "set size"));
            return {};
        }
        auto ok = preallocate(m_fd, total, name);
        if (!ok)
            return fail(ok.error());
        m_mustWriteZeros = !*ok;
        return {};
    }
    m_header.blockSize = m_layout.blockSize;
    const std::uint64_t blocks =
        (m_layout.virtualSize + m_layout.blockSize - 1) / m_layout.blockSize;
    m_header.maxTableEntries = static_cast<std::uint32_t>(blocks);
    m_batOffset = vhd::kFooterSize + vhd::kHeaderSize;
    m_header.tableOffset = m_batOffset;
    m_bat.assign(blocks, vhd::kUnusedBat);
    m_next = m_batOffset + roundUp(blocks * 4, vhd::kSector);
    if (m_layout.type == DiskType::Differencing) {
        if (auto ok = prepareParent(); !ok)
            return ok;
        // W2ru (relative, what Windows tries first) and W2ku (absolute), UTF-16LE.
        const std::pair<std::uint32_t, std::string> paths[] = {
            {vhd::kPlatformW2ru, parentpath::relativeWindows(name, m_layout.parentPath)},
            {vhd::kPlatformW2ku, m_layout.parentPath}};
        int slot = 0;
        for (const auto &[code, path] : paths) {
            const std::u16string u = utf::toUtf16(path);
            std::vector<std::uint8_t> data(2 * u.size());
            for (std::size_t i = 0; i < u.size(); ++i)
                storeLe<std::uint16_t>(data.data() + 2 * i, static_cast<std::uint16_t>(u[i]));
            vhd::ParentLocator &loc = m_header.locators[static_cast<std::size_t>(slot++)];
            loc.platformCode = code;
            loc.dataLength = static_cast<std::uint32_t>(data.size());
            loc.dataSpace = static_cast<std::uint32_t>(roundUp(data.size(), vhd::kSector));
            loc.dataOffset = m_next;
            m_next += loc.dataSpace;
            m_locatorData.emplace_back(loc.dataOffset, std::move(data));
        }
    }
    m_bitmap.assign(vhd::bitmapSize(m_layout.blockSize), 0xFF);
    return {};
}

Expected<void> VhdWriter::writeRuns(std::uint64_t index, std::size_t unitBytes, std::uint32_t from,
                                    std::uint32_t length, const std::uint8_t *data,
                                    std::span<const DataRun> runs)
{
    const std::string &name = m_layout.path;
    if (m_layout.type == DiskType::Fixed) {
        const std::uint64_t at = index * kFixedUnit;
        for (const DataRun &r : runs)
            if (auto ok = pwriteFull(m_fd, data + (r.offset - from), r.length, at + r.offset, name);
                !ok)
                return ok;
        m_writeback.note(at + from, length);
        if (!m_mustWriteZeros)
            return {}; // preallocated (or sparse) space already reads as zeros
        // No fallocate here: the zeros must take their space all the same.
        return forEachGap(runs, from, std::size_t{from} + length,
                          [&](std::size_t off, std::size_t len) {
                              return zeroRange(m_fd, at + off, len, true, name);
                          });
    }
    if (runs.empty())
        return {}; // dynamic: what is not written stays unallocated or a hole
    std::size_t first = 0;
    if (m_bat[index] == vhd::kUnusedBat) {
        // A new block past the end of the file: only data runs are written, the zeros between
        // them stay holes. A block with zeros gets its bitmap (all sectors present) placed so
        // that its data starts on a 4 KiB boundary, where filesystem blocks (and holes) begin;
        // a block of data only follows the previous one directly (no page for the bitmap).
        const bool dense = from == 0 && length == unitBytes && runs.size() == 1 &&
                           runs.front().offset == 0 && runs.front().length == length;
        const std::uint64_t bitmapAt =
            dense ? m_next : roundUp(m_next + m_bitmap.size(), 4096) - m_bitmap.size();
        m_blockAt = bitmapAt + m_bitmap.size();
        if (runs.front().offset == 0) {
            if (auto ok = writeBitmapAndRun(bitmapAt, data, runs.front().length); !ok)
                return ok;
            first = 1;
        } else if (auto ok = pwriteFull(m_fd, m_bitmap.data(), m_bitmap.size(), bitmapAt, name);
                   !ok) {
            return ok;
        }
        m_bat[index] = static_cast<std::uint32_t>(bitmapAt / vhd::kSector);
        // A short last block counts as a whole one: the footer goes after its end.
        m_next = m_blockAt + m_layout.blockSize;
        m_writeback.note(bitmapAt, m_bitmap.size());
    }
    for (const DataRun &r : runs.subspan(first))
        if (auto ok =
                pwriteFull(m_fd, data + (r.offset - from), r.length, m_blockAt + r.offset, name);
            !ok)
            return ok;
    m_writeback.note(m_blockAt + from, length);
    return {};
}

Expected<void> VhdWriter::writeBitmapAndRun(std::uint64_t bitmapAt, const std::uint8_t *run,
                                            std::size_t size)
{
    // Bitmap and a run at the block's start are adjacent: one system call when it completes.
    iovec iov[2] = {{m_bitmap.data(), m_bitmap.size()}, {const_cast<std::uint8_t *>(run), size}};
    ssize_t n;
    do
        n = ::pwritev(m_fd, iov, 2, static_cast<off_t>(bitmapAt));
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return fail(
            Error::fromErrno(errno, m_layout.path, "write at offset " + std::to_string(bitmapAt)));
    auto done = static_cast<std::size_t>(n);
    if (done < m_bitmap.size()) {
        if (auto ok = pwriteFull(m_fd, m_bitmap.data() + done, m_bitmap.size() - done,
                                 bitmapAt + done, m_layout.path);
            !ok)
            return ok;
        done = m_bitmap.size();
    }
    const std::size_t inRun = done - m_bitmap.size();
    return pwriteFull(m_fd, run + inRun, size - inRun, bitmapAt + done, m_layout.path);
}

Expected<void> VhdWriter::finish()
{
    const std::string &name = m_layout.path;
    std::uint8_t footer[vhd::kFooterSize];
    encodeFooter(makeFooter(), footer);
    if (m_layout.type == DiskType::Fixed)
        return pwriteFull(m_fd, footer, sizeof footer, m_layout.virtualSize, name);
    std::vector<std::uint8_t> bat(roundUp(m_bat.size() * 4, vhd::kSector), 0xFF);
    for (std::size_t i = 0; i < m_bat.size(); ++i)
        storeBe<std::uint32_t>(bat.data() + 4 * i, m_bat[i]);
    if (auto ok = pwriteFull(m_fd, bat.data(), bat.size(), m_batOffset, name); !ok)
        return ok;
    for (const auto &[offset, data] : m_locatorData) {
        std::vector<std::uint8_t> padded(roundUp(data.size(), vhd::kSector), 0);
        std::copy(data.begin(), data.end(), padded.begin());
        if (auto ok = pwriteFull(m_fd, padded.data(), padded.size(), offset, name); !ok)
            return ok;
    }
    std::uint8_t header[vhd::kHeaderSize];
    encodeHeader(m_header, header);
    if (auto ok = pwriteFull(m_fd, header, sizeof header, vhd::kFooterSize, name); !ok)
        return ok;
    if (auto ok = pwriteFull(m_fd, footer, sizeof footer, m_next, name); !ok)
        return ok;
    // The copy at offset 0 last: until now the file has no valid VHD signature at all.
    return pwriteFull(m_fd, footer, sizeof footer, 0, name);
}

void VhdWriter::startWriteback()
{
    m_writeback.start(m_fd);
}

} // namespace vds::vdisk
