#include <vds/util/utf.h>
#include <vds/vdisk/vhdxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <vds/util/endian.h>
#include <vds/vdisk/fileio.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/parentpath.h>
#include <vds/vdisk/vhdxreader.h>
#include <vds/version.h>

namespace vds::vdisk {

using namespace vhdx;

namespace {
std::uint64_t roundUp(std::uint64_t v, std::uint64_t to)
{
    return (v + to - 1) / to * to;
}
} // namespace

VhdxWriter::VhdxWriter(int fd, TargetLayout layout) : m_fd(fd), m_layout(std::move(layout)) {}

Expected<bool> VhdxWriter::allocate(std::uint64_t offset, std::uint64_t length)
{
    if (::fallocate(m_fd, 0, static_cast<off_t>(offset), static_cast<off_t>(length)) == 0)
        return true;
    if (errno == EOPNOTSUPP || errno == ENOSYS)
        return false; // the caller writes zeros instead
    return fail(
        Error::fromErrno(errno, m_layout.path, "allocate " + std::to_string(length) + " bytes"));
}

Expected<void> VhdxWriter::prepareParent()
{
    auto parent = openImage(m_layout.parentPath, OpenOptions{});
    if (!parent)
        return fail(parent.error());
    auto *vp = dynamic_cast<VhdxReader *>(parent->get());
    if (!vp)
        return fail(ErrorCategory::InvalidArgument, "the parent of a VHDX must be a VHDX",
                    m_layout.parentPath);
    const std::string linkage = "{" + vp->header().dataWriteGuid.toString() + "}";
    m_locator = encodeParentLocator({
        {u"parent_linkage", utf::toUtf16(linkage)},
        {u"relative_path",
         utf::toUtf16(parentpath::relativeWindows(m_layout.path, m_layout.parentPath))},
        {u"absolute_win32_path", utf::toUtf16(m_layout.parentPath)},
    });
    return {};
}

Expected<void> VhdxWriter::begin()
{
    const bool diff = m_layout.type == DiskType::Differencing;
    m_ratio = chunkRatio(m_layout.blockSize, m_layout.logicalSectorSize);
    const std::uint64_t entries =
        batEntries(m_layout.virtualSize, m_layout.blockSize, m_layout.logicalSectorSize, diff);
    m_bat.assign(entries, 0);
    m_batLength = roundUp(std::max<std::uint64_t>(entries * 8, 1), kMiB);
    m_dataStart = kBatOffset + m_batLength;
    m_next = m_dataStart;
    if (diff)
        if (auto ok = prepareParent(); !ok)
            return ok;
    const std::uint64_t blocks =
        (m_layout.virtualSize + m_layout.blockSize - 1) / m_layout.blockSize;
    std::uint64_t fileEnd = m_dataStart;
    if (m_layout.type == DiskType::Fixed) {
        // Payload blocks in order right after the BAT, every one FULLY_PRESENT.
        for (std::uint64_t b = 0; b < blocks; ++b)
            m_bat[payloadIndex(b, m_ratio)] =
                ((m_dataStart + b * m_layout.blockSize) & ~(kMiB - 1)) | kFullyPresent;
        fileEnd = m_dataStart + blocks * m_layout.blockSize;
    }
    if (::ftruncate(m_fd, static_cast<off_t>(fileEnd)) != 0)
        return fail(Error::fromErrno(errno, m_layout.path, "set size"));
    // Fully allocated, yet data is written into plain (not "unwritten") extents: the headers'
    // space now, each zero block when the copy skips it, data blocks by writing them.
    if (m_layout.type == DiskType::Fixed && !m_layout.sparse) {
        auto ok = allocate(0, m_dataStart);
        if (!ok)
            return fail(ok.error());
        m_mustWriteZeros = !*ok;
    }
    return {};
}

Expected<void> VhdxWriter::writeRuns(std::uint64_t index, std::size_t unitBytes, std::uint32_t from,
                                     std::uint32_t length, const std::uint8_t *data,
                                     std::span<const DataRun> runs)
{
    const std::string &name = m_layout.path;
    const bool fixed = m_layout.type == DiskType::Fixed;
    std::uint64_t &entry = m_bat[payloadIndex(index, m_ratio)];
    if (!fixed && runs.empty())
        return {}; // dynamic: what is not written stays unallocated or a hole
    if (!fixed && entry == 0) {
        // A new block past the end of the file: whatever is not written reads as zeros
        // (finish() gives the file its final length).
        entry = m_next | kFullyPresent;
        m_next += m_layout.blockSize;
    }
    // Fixed: block i has its place after the BAT, recorded by begin().
    const std::uint64_t at = entry & ~(kMiB - 1);
    for (const DataRun &r : runs)
        if (auto ok = pwriteFull(m_fd, data + (r.offset - from), r.length, at + r.offset, name);
            !ok)
            return ok;
    m_writeback.note(at + from, length);
    if (!fixed || m_layout.sparse)
        return {};
    // Fully allocated: zero stretches (and a short last block's tail) get their space as plain
    // allocation, without writing.
    const bool lastPart = std::size_t{from} + length == unitBytes;
    const std::size_t end = lastPart ? m_layout.blockSize : std::size_t{from} + length;
    return forEachGap(runs, from, end, [&](std::size_t off, std::size_t len) -> Expected<void> {
        if (m_mustWriteZeros)
            return zeroRange(m_fd, at + off, len, true, name);
        if (auto ok = allocate(at + off, len); !ok)
            return fail(ok.error());
        return {};
    });
}

std::vector<std::uint8_t> VhdxWriter::buildMetadata() const
{
    std::vector<std::uint8_t> region(kMetadataLength, 0);
    std::vector<MetadataItem> items;
    std::uint32_t at = 64 * 1024;
    auto add = [&](const Guid &id, const void *data, std::uint32_t length, bool virtualDisk) {
        MetadataItem m;
        m.id = id;
        m.offset = at;
        m.length = length;
        m.isVirtualDisk = virtualDisk;
        m.isRequired = true;
        std::memcpy(region.data() + at, data, length);
        at += static_cast<std::uint32_t>(roundUp(length, 8));
        items.push_back(m);
    };
    std::uint8_t params[8] = {};
    storeLe<std::uint32_t>(params, m_layout.blockSize);
    const std::uint32_t flags = (m_layout.type == DiskType::Fixed ? 1U : 0U) |
                                (m_layout.type == DiskType::Differencing ? 2U : 0U);
    storeLe<std::uint32_t>(params + 4, flags);
    add(fileParametersGuid(), params, 8, false);
    std::uint8_t size[8];
    storeLe<std::uint64_t>(size, m_layout.virtualSize);
    add(virtualDiskSizeGuid(), size, 8, true);
    add(page83Guid(), m_layout.uniqueId.bytes.data(), 16, true);
    std::uint8_t logical[4], physical[4];
    storeLe<std::uint32_t>(logical, m_layout.logicalSectorSize);
    storeLe<std::uint32_t>(physical, m_layout.physicalSectorSize);
    add(logicalSectorSizeGuid(), logical, 4, true);
    add(physicalSectorSizeGuid(), physical, 4, true);
    if (!m_locator.empty())
        add(parentLocatorGuid(), m_locator.data(), static_cast<std::uint32_t>(m_locator.size()),
            false);
    encodeMetadataTable(items, region.data());
    return region;
}

Expected<void> VhdxWriter::finish()
{
    const std::string &name = m_layout.path;
    // Data first, then BAT, metadata, region tables, headers, and the file identifier last:
    // a file cut short anywhere before that has no "vhdxfile" signature.
    std::vector<std::uint8_t> bat(m_batLength, 0);
    for (std::size_t i = 0; i < m_bat.size(); ++i)
        storeLe<std::uint64_t>(bat.data() + 8 * i, m_bat[i]);
    // The file is new: regions are written by their non-zero pages only, so a 1 MiB BAT or
    // metadata region takes the space of what it holds (fixed files were preallocated anyway).
    if (auto ok = pwriteNonZero(m_fd, bat.data(), bat.size(), kBatOffset, name); !ok)
        return ok;
    // Dynamic blocks end in zeros that were never written: the file must still cover them.
    if (m_layout.type != DiskType::Fixed && ::ftruncate(m_fd, static_cast<off_t>(m_next)) != 0)
        return fail(Error::fromErrno(errno, name, "set size"));
    const auto meta = buildMetadata();
    if (auto ok = pwriteNonZero(m_fd, meta.data(), meta.size(), kMetadataOffset, name); !ok)
        return ok;
    std::vector<std::uint8_t> table(kRegionTableSize);
    encodeRegionTable({{batRegionGuid(), kBatOffset, static_cast<std::uint32_t>(m_batLength), true},
                       {metadataRegionGuid(), kMetadataOffset,
                        static_cast<std::uint32_t>(kMetadataLength), true}},
                      table.data());
    for (std::uint64_t at : {kRegion1, kRegion2})
        if (auto ok = pwriteNonZero(m_fd, table.data(), table.size(), at, name); !ok)
            return ok;
    Header h;
    h.fileWriteGuid = Guid::random();
    h.dataWriteGuid = Guid::random();
    h.logLength = static_cast<std::uint32_t>(kLogLength);
    h.logOffset = kLogOffset;
    std::uint8_t header[kHeaderSize];
    for (int i = 0; i < 2; ++i) {
        h.sequenceNumber = static_cast<std::uint64_t>(i + 1);
        encodeHeader(h, header);
        if (auto ok = pwriteFull(m_fd, header, sizeof header, i == 0 ? kHeader1 : kHeader2, name);
            !ok)
            return ok;
    }
    std::uint8_t ident[8 + 512] = {};
    std::memcpy(ident, "vhdxfile", 8);
    const std::u16string creator = utf::toUtf16("Virtual Device Studio " VDS_VERSION_STRING);
    for (std::size_t i = 0; i < creator.size() && i < 255; ++i)
        storeLe<std::uint16_t>(ident + 8 + 2 * i, static_cast<std::uint16_t>(creator[i]));
    return pwriteFull(m_fd, ident, sizeof ident, 0, name);
}

void VhdxWriter::startWriteback()
{
    m_writeback.start(m_fd);
}

} // namespace vds::vdisk
