#include <vds/util/utf.h>
#include <vds/vdisk/vhdxreader.h>

#include <vds/vdisk/filelayout.h>
#include <vds/vdisk/vhdxlog.h>

#include <algorithm>
#include <cstring>
#include <fcntl.h>

#include <vds/util/endian.h>
#include <vds/vdisk/parentpath.h>

namespace vds::vdisk {

using namespace vhdx;

Expected<std::unique_ptr<VhdxReader>> VhdxReader::open(FileHandle fd, const std::string &name,
                                                       const OpenOptions &options, int depth)
{
    std::unique_ptr<VhdxReader> r(new VhdxReader);
    r->m_fd = std::move(fd);
    r->m_name = name;
    if (auto ok = r->openStructure(); !ok)
        return fail(ok.error());
    if (r->m_hasParent && options.followParents)
        if (auto ok = r->openParent(options, depth); !ok)
            return fail(ok.error());
    return r;
}

Expected<void> VhdxReader::openStructure()
{
    auto bytes = fileSize(m_fd.fd(), m_name);
    if (!bytes)
        return fail(bytes.error());
    m_fileBytes = *bytes;
    m_realBytes = *bytes;
    if (m_fileBytes < 2 * kMiB)
        return fail(ErrorCategory::Format, "file too small to be a VHDX", m_name);
    std::vector<std::uint8_t> buf(kRegionTableSize);
    if (auto ok = preadFull(m_fd.fd(), buf.data(), 8 + 512, 0, m_name); !ok)
        return ok;
    if (std::memcmp(buf.data(), "vhdxfile", 8) != 0)
        return fail(ErrorCategory::Format, "VHDX file identifier 'vhdxfile' missing", m_name);
    std::u16string creator;
    for (int i = 0; i < 256; ++i) {
        const auto c = loadLe<std::uint16_t>(buf.data() + 8 + 2 * i);
        if (c == 0)
            break;
        creator.push_back(static_cast<char16_t>(c));
    }
    m_info.creator = utf::toUtf8(creator);

    // The current header is the valid one with the larger sequence number.
    Expected<Header> headers[2];
    for (int i = 0; i < 2; ++i) {
        if (auto ok =
                preadFull(m_fd.fd(), buf.data(), kHeaderSize, i == 0 ? kHeader1 : kHeader2, m_name);
            !ok)
            return ok;
        headers[i] = decodeHeader(buf.data(), m_name);
    }
    if (!headers[0] && !headers[1])
        return fail(ErrorCategory::Format,
                    "both VHDX headers are invalid: " + headers[0].error().message +
                        " (header 1 at offset " + std::to_string(kHeader1) + "), " +
                        headers[1].error().message + " (header 2 at offset " +
                        std::to_string(kHeader2) + ")",
                    m_name);
    const bool first =
        headers[0] && (!headers[1] || headers[0]->sequenceNumber >= headers[1]->sequenceNumber);
    m_header = first ? *headers[0] : *headers[1];
    const std::uint64_t headerAt = first ? kHeader1 : kHeader2;
    // The log must be a real region of whole MiB past the fixed structures (offset 0 would
    // make a log replay overwrite the file's own headers).
    if (m_header.logOffset < kMiB || m_header.logOffset % kMiB || m_header.logLength == 0 ||
        m_header.logLength % kMiB)
        return fail(ErrorCategory::Format,
                    "VHDX header " + std::string(first ? "1" : "2") + " (offset " +
                        std::to_string(headerAt) + ") places the log at offset " +
                        std::to_string(m_header.logOffset) + " with length " +
                        std::to_string(m_header.logLength) +
                        "; both must be whole MiB, the offset at least 1 MiB",
                    m_name);
    if (m_header.logOffset > m_fileBytes || m_fileBytes - m_header.logOffset < m_header.logLength)
        return fail(ErrorCategory::Format,
                    "VHDX log at offset " + std::to_string(m_header.logOffset) + " (" +
                        std::to_string(m_header.logLength) +
                        " bytes) lies beyond the end of the file (" + std::to_string(m_fileBytes) +
                        " bytes)",
                    m_name);
    // A host that died mid-write leaves a log: its valid entries are the file's true state.
    // They are applied to every read below, in memory; the file is never written here.
    auto log = readLog(m_fd.fd(), m_header, m_name);
    if (!log)
        return fail(log.error());
    m_log = std::move(*log);
    m_info.dirtyLog = !m_header.logGuid.isNull();
    if (!m_log.empty()) {
        m_fileBytes = std::max({m_fileBytes, m_log.lastFileOffset, m_log.extent()});
        m_info.warnings.push_back(
            "the log is dirty (the host stopped before writing it back): " +
            std::to_string(m_log.entries) + " entries, sequence " +
            std::to_string(m_log.firstSequence) + " to " + std::to_string(m_log.lastSequence) +
            ", applied in memory; 'vdsctl vhd repair' writes them into the file");
    }
    FileLayout layout(m_name, m_fileBytes);
    layout.add("VHDX file identifier", 0, kHeader1);
    layout.add("VHDX header 1", kHeader1, kHeader2 - kHeader1);
    layout.add("VHDX header 2", kHeader2, kRegion1 - kHeader2);
    layout.add("VHDX region table 1", kRegion1, kRegionTableSize);
    layout.add("VHDX region table 2", kRegion2, kRegionTableSize);
    layout.add("VHDX log", m_header.logOffset, m_header.logLength);

    Expected<std::vector<RegionEntry>> regions =
        fail(ErrorCategory::Format, "no region table", m_name);
    std::string regionProblems;
    for (std::uint64_t at : {kRegion1, kRegion2}) {
        if (auto ok = readFile(buf.data(), kRegionTableSize, at); !ok)
            return ok;
        regions = decodeRegionTable(buf.data(), m_name);
        if (regions)
            break;
        regionProblems += (regionProblems.empty() ? "" : ", ") + regions.error().message +
                          " (region table at offset " + std::to_string(at) + ")";
    }
    if (!regions)
        return fail(ErrorCategory::Format, "both VHDX region tables are invalid: " + regionProblems,
                    m_name);
    const RegionEntry *bat = nullptr, *meta = nullptr;
    for (std::size_t i = 0; i < regions->size(); ++i) {
        const RegionEntry &e = (*regions)[i];
        if (e.fileOffset < kMiB || e.fileOffset % kMiB || e.length == 0 || e.length % kMiB ||
            e.fileOffset > m_fileBytes || m_fileBytes - e.fileOffset < e.length)
            return fail(ErrorCategory::Format,
                        "VHDX region " + e.guid.toString() +
                            " is misaligned or lies beyond end of file",
                        m_name);
        for (std::size_t k = 0; k < i; ++k) {
            const RegionEntry &o = (*regions)[k];
            if (e.fileOffset < o.fileOffset + o.length && o.fileOffset < e.fileOffset + e.length)
                return fail(ErrorCategory::Format, "VHDX regions overlap", m_name);
        }
        layout.add(e.guid == batRegionGuid()        ? "VHDX BAT region"
                   : e.guid == metadataRegionGuid() ? "VHDX metadata region"
                                                    : "VHDX region",
                   e.fileOffset, e.length);
        if (e.guid == batRegionGuid())
            bat = &e;
        else if (e.guid == metadataRegionGuid())
            meta = &e;
        else if (e.required)
            return fail(ErrorCategory::Unsupported,
                        "VHDX has an unknown required region " + e.guid.toString(), m_name);
    }
    if (!bat || !meta)
        return fail(ErrorCategory::Format, "VHDX lacks a BAT or metadata region", m_name);
    if (auto ok = readMetadata(*meta); !ok)
        return ok;
    if (auto ok = readBat(*bat, layout); !ok)
        return ok;
    return layout.check();
}

Expected<void> VhdxReader::readFile(void *buffer, std::size_t size, std::uint64_t offset)
{
    auto *out = static_cast<std::uint8_t *>(buffer);
    if (m_log.empty())
        return preadFull(m_fd.fd(), out, size, offset, m_name);
    // The log may extend the file: what lies past the real end reads as zeros, then the
    // logged writes are laid over it.
    const std::uint64_t real = m_realBytes;
    const std::uint64_t here = offset >= real ? 0 : std::min<std::uint64_t>(size, real - offset);
    if (here > 0)
        if (auto ok = preadFull(m_fd.fd(), out, here, offset, m_name); !ok)
            return ok;
    std::memset(out + here, 0, size - here);
    m_log.overlay(offset, out, size);
    return {};
}

Expected<void> VhdxReader::readMetadata(const RegionEntry &region)
{
    std::vector<std::uint8_t> data(region.length);
    if (auto ok = readFile(data.data(), data.size(), region.fileOffset); !ok)
        return ok;
    auto items = decodeMetadataTable(data.data(), m_name);
    if (!items)
        return fail(items.error());
    std::uint32_t params = 0, blockSize = 0, logical = 0, physical = 0;
    std::uint64_t size = 0;
    bool haveParams = false, haveSize = false, havePage83 = false, haveLogical = false,
         havePhysical = false;
    for (const MetadataItem &m : *items) {
        if (m.length > kMiB || (m.length > 0 && m.offset < 64 * 1024) ||
            std::uint64_t(m.offset) + m.length > region.length)
            return fail(ErrorCategory::Format,
                        "VHDX metadata item " + m.id.toString() + " lies outside its region",
                        m_name);
        const std::uint8_t *p = data.data() + m.offset;
        auto need = [&](std::uint32_t n) { return m.length >= n; };
        if (m.id == fileParametersGuid() && need(8)) {
            blockSize = loadLe<std::uint32_t>(p);
            params = loadLe<std::uint32_t>(p + 4);
            haveParams = true;
        } else if (m.id == virtualDiskSizeGuid() && need(8)) {
            size = loadLe<std::uint64_t>(p);
            haveSize = true;
        } else if (m.id == page83Guid() && need(16)) {
            Guid g;
            std::memcpy(g.bytes.data(), p, 16);
            m_info.uniqueId = g.toString();
            havePage83 = true;
        } else if (m.id == logicalSectorSizeGuid() && need(4)) {
            logical = loadLe<std::uint32_t>(p);
            haveLogical = true;
        } else if (m.id == physicalSectorSizeGuid() && need(4)) {
            physical = loadLe<std::uint32_t>(p);
            havePhysical = true;
        } else if (m.id == parentLocatorGuid()) {
            auto loc = decodeParentLocator(p, m.length, m_name);
            if (!loc)
                return fail(loc.error());
            m_locator = std::move(*loc);
        } else if (m.isRequired) {
            return fail(ErrorCategory::Unsupported,
                        "VHDX has an unknown required metadata item " + m.id.toString(), m_name);
        }
    }
    if (!haveParams || !haveSize || !havePage83 || !haveLogical || !havePhysical)
        return fail(ErrorCategory::Format, "VHDX lacks a required metadata item", m_name);
    if (blockSize < kMinBlockSize || blockSize > kMaxBlockSize || (blockSize & (blockSize - 1)))
        return fail(ErrorCategory::Format,
                    "VHDX block size " + std::to_string(blockSize) +
                        " is not a power of two from 1 to 256 MiB",
                    m_name);
    if ((logical != 512 && logical != 4096) || (physical != 512 && physical != 4096))
        return fail(ErrorCategory::Format, "VHDX sector sizes must be 512 or 4096", m_name);
    if (size == 0 || size > kMaxSize || size % logical)
        return fail(ErrorCategory::Format,
                    "VHDX virtual size " + std::to_string(size) +
                        " is zero, above 64 TiB or not a multiple of the sector size",
                    m_name);
    m_hasParent = (params & 2U) != 0;
    if (m_hasParent && m_locator.empty())
        return fail(ErrorCategory::Format, "differencing VHDX lacks a parent locator", m_name);
    m_info.format = DiskFormat::Vhdx;
    m_info.type = m_hasParent     ? DiskType::Differencing
                  : (params & 1U) ? DiskType::Fixed
                                  : DiskType::Dynamic;
    m_info.virtualSize = size;
    m_info.blockSize = blockSize;
    m_info.logicalSectorSize = logical;
    m_info.physicalSectorSize = physical;
    m_info.fileSize = m_fileBytes;
    for (const auto &[k, v] : m_locator) {
        if (k == u"parent_linkage")
            m_info.parentId = utf::toUtf8(v);
        m_info.parentLocators.push_back(utf::toUtf8(k) + " " + utf::toUtf8(v));
    }
    return {};
}

Expected<void> VhdxReader::readBat(const RegionEntry &region, FileLayout &layout)
{
    m_ratio = chunkRatio(m_info.blockSize, m_info.logicalSectorSize);
    const std::uint64_t entries =
        batEntries(m_info.virtualSize, m_info.blockSize, m_info.logicalSectorSize, m_hasParent);
    // A BAT for a fixed/dynamic disk may also be sized the differencing way (as QEMU does).
    if (entries * 8 > region.length)
        return fail(ErrorCategory::Format, "VHDX BAT region is too small for the disk", m_name);
    std::vector<std::uint8_t> raw(entries * 8);
    if (auto ok = readFile(raw.data(), raw.size(), region.fileOffset); !ok)
        return ok;
    m_bat.resize(entries);
    const std::uint64_t payloadBlocks =
        (m_info.virtualSize + m_info.blockSize - 1) / m_info.blockSize;
    for (std::uint64_t i = 0; i < entries; ++i)
        m_bat[i] = loadLe<std::uint64_t>(raw.data() + 8 * i);
    for (std::uint64_t b = 0; b < payloadBlocks; ++b) {
        const std::uint64_t e = m_bat[payloadIndex(b, m_ratio)];
        const std::uint64_t state = e & 7U;
        if (state == 4 || (state == kPartiallyPresent && !m_hasParent))
            return fail(ErrorCategory::Format,
                        "VHDX BAT entry for block " + std::to_string(b) + " has invalid state " +
                            std::to_string(state),
                        m_name);
        if (state != kFullyPresent && state != kPartiallyPresent)
            continue;
        const std::uint64_t off = (e >> 20) * kMiB;
        const std::uint64_t inBlock =
            std::min<std::uint64_t>(m_info.blockSize, m_info.virtualSize - b * m_info.blockSize);
        if (off < kMiB || off > m_fileBytes || m_fileBytes - off < inBlock)
            return fail(ErrorCategory::Format,
                        "VHDX BAT entry for block " + std::to_string(b) +
                            " points beyond end of file (offset " + std::to_string(off) +
                            ", file " + std::to_string(m_fileBytes) + " bytes)",
                        m_name);
        layout.add("VHDX payload block", off, inBlock, b);
        if (state == kPartiallyPresent) {
            const std::uint64_t be = m_bat[bitmapIndex(b / m_ratio, m_ratio)];
            const std::uint64_t boff = (be >> 20) * kMiB;
            if ((be & 7U) != kFullyPresent || boff < kMiB || boff > m_fileBytes ||
                m_fileBytes - boff < kMiB)
                return fail(ErrorCategory::Format,
                            "VHDX sector bitmap for block " + std::to_string(b) +
                                " is missing or beyond end of file",
                            m_name);
        }
    }
    // Sector bitmap blocks (differencing disks) claim their 1 MiB too.
    for (std::uint64_t c = 0; m_hasParent && c * (m_ratio + 1) + m_ratio < m_bat.size(); ++c) {
        const std::uint64_t be = m_bat[bitmapIndex(c, m_ratio)];
        if ((be & 7U) == kFullyPresent)
            layout.add("VHDX sector bitmap block", (be >> 20) * kMiB, kMiB, c);
    }
    return {};
}

Expected<void> VhdxReader::openParent(const OpenOptions &options, int depth)
{
    if (depth >= options.maxDepth)
        return fail(ErrorCategory::Format, "differencing chain too deep (a cycle?)", m_name);
    std::vector<std::string> candidates;
    for (const char16_t *key : {u"relative_path", u"absolute_win32_path", u"volume_path"})
        for (const auto &[k, v] : m_locator)
            if (k == key)
                candidates.push_back(utf::toUtf8(v));
    std::vector<std::string> tried;
    const std::string path = parentpath::resolve(m_name, candidates, &tried);
    if (path.empty())
        return fail(Error::fromWin32(0xC03A000DU, ErrorCategory::NotFound,
                                     "parent of differencing VHDX (parent_linkage " +
                                         m_info.parentId + ") not found; looked for " +
                                         parentpath::joinTried(tried),
                                     m_name));
    m_info.parentPath = path;
    auto opened = openSource(path);
    if (!opened)
        return fail(opened.error());
    FileHandle handle = std::move(*opened);
    auto format = probeFormat(handle.fd(), path);
    if (!format)
        return fail(format.error());
    if (*format != DiskFormat::Vhdx)
        return fail(ErrorCategory::Format, "parent of a differencing VHDX must be a VHDX", path);
    auto p = VhdxReader::open(std::move(handle), path, options, depth + 1);
    if (!p)
        return fail(p.error());
    const auto linkage = Guid::parse(m_info.parentId);
    if (!linkage || *linkage != (*p)->header().dataWriteGuid)
        return fail(
            Error::fromWin32(0xC03A000EU, ErrorCategory::Format,
                             "parent DataWriteGuid " + (*p)->header().dataWriteGuid.toString() +
                                 " does not match the child's parent_linkage " + m_info.parentId,
                             m_name));
    if ((*p)->info().virtualSize != m_info.virtualSize ||
        (*p)->info().logicalSectorSize != m_info.logicalSectorSize)
        return fail(Error::fromWin32(0xC03A0017U, ErrorCategory::Format,
                                     "parent and child sizes differ", m_name));
    m_parent = std::move(*p);
    return {};
}

Expected<void> VhdxReader::readFromParent(std::uint64_t offset, std::uint8_t *out, std::size_t size)
{
    if (!m_parent)
        return fail(ErrorCategory::NotFound, "parent not opened", m_name);
    return m_parent->read(offset, out, size);
}

Expected<void> VhdxReader::readBlockPart(std::uint64_t block, std::uint32_t within,
                                         std::uint8_t *out, std::uint32_t size)
{
    const std::uint64_t e = m_bat[payloadIndex(block, m_ratio)];
    const std::uint64_t state = e & 7U;
    const std::uint64_t blockStart = block * m_info.blockSize;
    const std::uint64_t fileOff = (e >> 20) * kMiB;
    if (state == kFullyPresent)
        return readFile(out, size, fileOff + within);
    if (state != kPartiallyPresent) {
        // ZERO reads as zeros; everything else is "not here": the parent's, or zeros.
        if (m_hasParent && state != kZero)
            return readFromParent(blockStart + within, out, size);
        std::memset(out, 0, size);
        return {};
    }
    const std::uint64_t chunk = block / m_ratio;
    if (m_bitmapChunk != chunk) {
        const std::uint64_t be = m_bat[bitmapIndex(chunk, m_ratio)];
        m_bitmap.resize(kMiB);
        if (auto ok = readFile(m_bitmap.data(), kMiB, (be >> 20) * kMiB); !ok)
            return ok;
        m_bitmapChunk = chunk;
    }
    const std::uint32_t ls = m_info.logicalSectorSize;
    const std::uint64_t firstSector = (block % m_ratio) * (m_info.blockSize / ls);
    auto bit = [&](std::uint32_t pos) {
        const std::uint64_t s = firstSector + pos / ls;
        return ((m_bitmap[s / 8] >> (s % 8)) & 1U) != 0; // LSB first
    };
    std::uint32_t pos = within;
    const std::uint32_t end = within + size;
    while (pos < end) {
        const bool here = bit(pos);
        std::uint32_t runEnd = (pos / ls + 1) * ls;
        while (runEnd < end && bit(runEnd) == here)
            runEnd += ls;
        runEnd = std::min(runEnd, end);
        auto ok = here ? readFile(out + (pos - within), runEnd - pos, fileOff + pos)
                       : readFromParent(blockStart + pos, out + (pos - within), runEnd - pos);
        if (!ok)
            return ok;
        pos = runEnd;
    }
    return {};
}

Expected<void> VhdxReader::read(std::uint64_t offset, void *buffer, std::size_t size)
{
    if (auto ok = checkRange(offset, size, m_name); !ok)
        return ok;
    return forEachBlockPart(
        offset, buffer, size, m_info.blockSize,
        [this](std::uint64_t block, std::uint32_t within, std::uint8_t *out, std::uint32_t n) {
            return readBlockPart(block, within, out, n);
        });
}

bool VhdxReader::knownZero(std::uint64_t offset, std::uint64_t size)
{
    if (size == 0)
        return false;
    for (std::uint64_t b = offset / m_info.blockSize; b * m_info.blockSize < offset + size; ++b) {
        const std::uint64_t state = m_bat[payloadIndex(b, m_ratio)] & 7U;
        if (state == kFullyPresent || state == kPartiallyPresent)
            return false;
        if (m_hasParent && state != kZero) {
            const std::uint64_t s = std::max<std::uint64_t>(offset, b * m_info.blockSize);
            const std::uint64_t e =
                std::min<std::uint64_t>(offset + size, (b + 1) * m_info.blockSize);
            if (!m_parent || !m_parent->knownZero(s, e - s))
                return false;
        }
    }
    return true;
}

} // namespace vds::vdisk
