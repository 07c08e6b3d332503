#include <vds/util/utf.h>
#include <vds/vdisk/vhdreader.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

#include <vds/util/endian.h>
#include <vds/util/win32.h>
#include <vds/vdisk/filelayout.h>
#include <vds/vdisk/parentpath.h>
#include <vds/vdisk/vhdxformat.h>

namespace vds::vdisk {

Expected<std::unique_ptr<VhdReader>> VhdReader::open(FileHandle fd, const std::string &name,
                                                     const OpenOptions &options, int depth)
{
    std::unique_ptr<VhdReader> r(new VhdReader);
    r->m_fd = std::move(fd);
    r->m_name = name;
    auto bytes = fileSize(r->m_fd.fd(), name);
    if (!bytes)
        return fail(bytes.error());
    if (*bytes < vhd::kFooterSize)
        return fail(ErrorCategory::Format, "file too small to be a VHD", name);
    std::uint8_t raw[vhd::kFooterSize];
    if (auto ok = preadFull(r->m_fd.fd(), raw, sizeof raw, *bytes - vhd::kFooterSize, name); !ok)
        return fail(ok.error());
    const std::uint64_t tailAt = *bytes - vhd::kFooterSize;
    auto footer = vhd::decodeFooter(raw, name);
    if (!footer) {
        // A dynamic disk keeps a copy of its footer at offset 0: a damaged trailing footer is
        // read from there (a file cut short is still refused below: its BAT points past the
        // end). A fixed disk has no copy.
        std::uint8_t head[vhd::kFooterSize];
        auto copy =
            *bytes >= 2 * vhd::kFooterSize && preadFull(r->m_fd.fd(), head, sizeof head, 0, name)
                ? vhd::decodeFooter(head, name)
                : Expected<vhd::Footer>(fail(footer.error()));
        if (!copy || copy->diskType == vhd::kTypeFixed)
            return fail(ErrorCategory::Format,
                        footer.error().message + " (trailing footer at offset " +
                            std::to_string(tailAt) + "; no valid copy at offset 0)",
                        name);
        r->m_info.warnings.push_back(footer.error().message + " (trailing footer at offset " +
                                     std::to_string(tailAt) +
                                     "): read from the intact copy at offset 0");
        footer = copy;
    } else if (footer->diskType != vhd::kTypeFixed && tailAt >= vhd::kFooterSize) {
        // Both copies present: they must describe the same disk.
        std::uint8_t head[vhd::kFooterSize];
        if (auto ok = preadFull(r->m_fd.fd(), head, sizeof head, 0, name); !ok)
            return fail(ok.error());
        auto copy = vhd::decodeFooter(head, name);
        if (!copy)
            r->m_info.warnings.push_back(copy.error().message +
                                         " (footer copy at offset 0); the trailing footer is used");
        else if (copy->currentSize != footer->currentSize || copy->diskType != footer->diskType)
            return fail(ErrorCategory::Format,
                        "the VHD footer copies disagree: offset 0 says a " +
                            std::to_string(copy->currentSize) + "-byte disk of type " +
                            std::to_string(copy->diskType) + ", offset " + std::to_string(tailAt) +
                            " a " + std::to_string(footer->currentSize) + "-byte disk of type " +
                            std::to_string(footer->diskType),
                        name);
    }
    r->m_footer = *footer;
    ImageInfo &info = r->m_info;
    info.format = DiskFormat::Vhd;
    info.virtualSize = footer->currentSize;
    info.uniqueId = footer->uniqueId.toString();
    info.creator.assign(footer->creatorApp.data(), 4);
    info.fileSize = *bytes;
    if (footer->diskType == vhd::kTypeFixed) {
        info.type = DiskType::Fixed;
        if (*bytes < footer->currentSize + vhd::kFooterSize)
            return fail(ErrorCategory::Format,
                        "fixed VHD is truncated: " + std::to_string(*bytes) + " bytes for a " +
                            std::to_string(footer->currentSize) + "-byte disk",
                        name);
        return r;
    }
    info.type = footer->diskType == vhd::kTypeDynamic ? DiskType::Dynamic : DiskType::Differencing;
    if (auto ok = r->openDynamic(*bytes); !ok)
        return fail(ok.error());
    if (info.type == DiskType::Differencing) {
        // What the child says about its parent is shown whether or not the parent is found.
        info.parentId = r->m_header.parentUniqueId.toString();
        if (auto ok = r->readLocators(); !ok)
            return fail(ok.error());
        if (options.followParents)
            if (auto ok = r->openParent(options, depth); !ok)
                return fail(ok.error());
    }
    return r;
}

Expected<void> VhdReader::openDynamic(std::uint64_t fileBytes)
{
    if (m_footer.dataOffset > fileBytes || fileBytes - m_footer.dataOffset < vhd::kHeaderSize)
        return fail(ErrorCategory::Format, "VHD dynamic header offset beyond end of file", m_name);
    std::uint8_t raw[vhd::kHeaderSize];
    if (auto ok = preadFull(m_fd.fd(), raw, sizeof raw, m_footer.dataOffset, m_name); !ok)
        return ok;
    auto header = vhd::decodeHeader(raw, m_name);
    if (!header)
        return fail(ErrorCategory::Format,
                    header.error().message + " (at offset " + std::to_string(m_footer.dataOffset) +
                        ")",
                    m_name);
    m_header = *header;
    m_info.blockSize = header->blockSize;
    const std::uint64_t blocks = (m_info.virtualSize + header->blockSize - 1) / header->blockSize;
    if (header->maxTableEntries < blocks)
        return fail(ErrorCategory::Format,
                    "VHD BAT has " + std::to_string(header->maxTableEntries) +
                        " entries, the disk needs " + std::to_string(blocks),
                    m_name);
    const std::uint64_t batBytes = std::uint64_t(header->maxTableEntries) * 4;
    if (header->tableOffset > fileBytes || fileBytes - header->tableOffset < batBytes)
        return fail(ErrorCategory::Format, "VHD BAT extends beyond end of file", m_name);
    std::vector<std::uint8_t> bat(batBytes);
    if (auto ok = preadFull(m_fd.fd(), bat.data(), bat.size(), header->tableOffset, m_name); !ok)
        return ok;
    m_bitmapSize = vhd::bitmapSize(header->blockSize);
    // Every structure must lie inside the file and apart from every other one.
    FileLayout layout(m_name, fileBytes);
    layout.add("VHD footer copy", 0, vhd::kFooterSize);
    layout.add("VHD dynamic header", m_footer.dataOffset, vhd::kHeaderSize);
    layout.add("VHD BAT", header->tableOffset, (batBytes + 511) / 512 * 512);
    layout.add("VHD footer", fileBytes - vhd::kFooterSize, vhd::kFooterSize);
    for (const vhd::ParentLocator &l : header->locators)
        if (l.platformCode != 0 && l.dataLength > 0)
            layout.add("VHD parent locator data", l.dataOffset, l.dataLength);
    m_bat.resize(blocks);
    for (std::uint64_t i = 0; i < blocks; ++i) {
        const std::uint32_t sector = loadBe<std::uint32_t>(bat.data() + 4 * i);
        m_bat[i] = sector;
        if (sector == vhd::kUnusedBat)
            continue;
        const std::uint64_t inBlock =
            std::min<std::uint64_t>(header->blockSize, m_info.virtualSize - i * header->blockSize);
        const std::uint64_t end = std::uint64_t(sector) * vhd::kSector + m_bitmapSize + inBlock;
        if (end > fileBytes)
            return fail(ErrorCategory::Format,
                        "VHD BAT entry " + std::to_string(i) +
                            " points beyond end of file (block at offset " +
                            std::to_string(std::uint64_t(sector) * vhd::kSector) + ", file " +
                            std::to_string(fileBytes) + " bytes)",
                        m_name);
        layout.add("VHD block", std::uint64_t(sector) * vhd::kSector,
                   end - std::uint64_t(sector) * vhd::kSector, i);
    }
    return layout.check();
}

Expected<std::vector<std::string>> VhdReader::readLocators()
{
    std::vector<std::string> candidates;
    auto fileBytes = fileSize(m_fd.fd(), m_name);
    if (!fileBytes)
        return fail(fileBytes.error());
    m_info.parentLocators.clear();
    for (const auto &loc : m_header.locators) {
        const bool utf16 =
            loc.platformCode == vhd::kPlatformW2ru || loc.platformCode == vhd::kPlatformW2ku;
        const bool macx = loc.platformCode == vhd::kPlatformMacX;
        if (!utf16 && !macx)
            continue;
        if (loc.dataLength == 0 || loc.dataLength > 65536 || loc.dataOffset > *fileBytes ||
            *fileBytes - loc.dataOffset < loc.dataLength)
            return fail(ErrorCategory::Format,
                        "VHD parent locator data at offset " + std::to_string(loc.dataOffset) +
                            " lies beyond end of file",
                        m_name);
        std::vector<std::uint8_t> data(loc.dataLength);
        if (auto ok = preadFull(m_fd.fd(), data.data(), data.size(), loc.dataOffset, m_name); !ok)
            return fail(ok.error());
        std::string path;
        if (utf16) {
            std::u16string s;
            for (std::size_t i = 0; i + 1 < data.size(); i += 2) {
                const auto c = loadLe<std::uint16_t>(data.data() + i);
                if (c == 0)
                    break;
                s.push_back(static_cast<char16_t>(c));
            }
            path = utf::toUtf8(s);
        } else {
            path = parentpath::fromFileUrl(std::string(data.begin(), data.end()).c_str());
        }
        const char *kind = loc.platformCode == vhd::kPlatformW2ru   ? "W2ru"
                           : loc.platformCode == vhd::kPlatformW2ku ? "W2ku"
                                                                    : "MacX";
        m_info.parentLocators.push_back(std::string(kind) + " " + path);
        // Relative first, as Windows does.
        if (loc.platformCode == vhd::kPlatformW2ru)
            candidates.insert(candidates.begin(), path);
        else
            candidates.push_back(path);
    }
    m_info.parentLocators.push_back("parent name " + utf::toUtf8(m_header.parentName));
    candidates.push_back(utf::toUtf8(m_header.parentName));
    return candidates;
}

Expected<void> VhdReader::openParent(const OpenOptions &options, int depth)
{
    if (depth >= options.maxDepth)
        return fail(ErrorCategory::Format, "differencing chain too deep (a cycle?)", m_name);
    auto candidates = readLocators();
    if (!candidates)
        return fail(candidates.error());
    std::vector<std::string> tried;
    const std::string parentPath = parentpath::resolve(m_name, *candidates, &tried);
    if (parentPath.empty())
        return fail(Error::fromWin32(0xC03A000DU, ErrorCategory::NotFound,
                                     "parent of differencing VHD (unique id " +
                                         m_header.parentUniqueId.toString() +
                                         ") not found; looked for " + parentpath::joinTried(tried),
                                     m_name));
    m_info.parentPath = parentPath;
    auto opened = openSource(parentPath);
    if (!opened)
        return fail(opened.error());
    FileHandle handle = std::move(*opened);
    auto format = probeFormat(handle.fd(), parentPath);
    if (!format)
        return fail(format.error());
    std::unique_ptr<ImageReader> parent;
    if (*format != DiskFormat::Vhd)
        return fail(ErrorCategory::Format, "parent of a differencing VHD must be a VHD",
                    parentPath);
    struct stat st {};
    if (::fstat(handle.fd(), &st) != 0)
        return fail(Error::fromErrno(errno, parentPath, "stat parent"));
    const std::uint32_t parentModified = vhd::toTimestamp(static_cast<std::int64_t>(st.st_mtime));
    auto p = VhdReader::open(std::move(handle), parentPath, options, depth + 1);
    if (!p)
        return fail(p.error());
    if ((*p)->footer().uniqueId != m_header.parentUniqueId)
        return fail(Error::fromWin32(0xC03A000EU, ErrorCategory::Format,
                                     "parent unique id " + (*p)->info().uniqueId +
                                         " does not match the child's link " +
                                         m_header.parentUniqueId.toString(),
                                     m_name));
    // Windows compares the stored time with the parent file's modification time and refuses a
    // difference: the parent may have been written since the child was made. 0 = not recorded
    // (core/vdisk/README.md, "Parent time stamp").
    if (m_header.parentTimestamp != 0 && m_header.parentTimestamp != parentModified &&
        !options.acceptParentTimestamp)
        return fail(Error::fromWin32(
            win32::kVhdChildParentTimestampMismatch, ErrorCategory::Format,
            "the parent '" + parentPath + "' was last modified " +
                vhd::timestampText(parentModified) + ", but this child records its parent as of " +
                vhd::timestampText(m_header.parentTimestamp) +
                " (Windows refuses to attach it: the parent may have changed since the child was "
                "made). If the parent is unchanged (copied without keeping modification times, "
                "e.g. by a plain cp), accept it knowingly with --accept-parent-timestamp",
            m_name));
    if ((*p)->info().virtualSize != m_info.virtualSize)
        return fail(Error::fromWin32(0xC03A0017U, ErrorCategory::Format,
                                     "parent and child virtual sizes differ", m_name));
    m_parent = std::move(*p);
    return {};
}

Expected<void> VhdReader::readBlockPart(std::uint64_t block, std::uint32_t within,
                                        std::uint8_t *out, std::uint32_t size)
{
    const std::uint32_t sector = m_bat[block];
    const std::uint64_t blockStart = block * m_header.blockSize;
    if (sector == vhd::kUnusedBat) {
        if (m_info.type == DiskType::Differencing) {
            if (!m_parent)
                return fail(ErrorCategory::NotFound, "parent not opened", m_name);
            return m_parent->read(blockStart + within, out, size);
        }
        std::memset(out, 0, size);
        return {};
    }
    const std::uint64_t dataStart = std::uint64_t(sector) * vhd::kSector + m_bitmapSize;
    if (m_info.type != DiskType::Differencing)
        return preadFull(m_fd.fd(), out, size, dataStart + within, m_name);
    if (m_bitmapBlock != block) {
        m_bitmap.resize(m_bitmapSize);
        if (auto ok = preadFull(m_fd.fd(), m_bitmap.data(), m_bitmapSize,
                                std::uint64_t(sector) * vhd::kSector, m_name);
            !ok)
            return ok;
        m_bitmapBlock = block;
    }
    // Runs of sectors with the same bit come from this file (1) or from the parent (0).
    std::uint32_t pos = within;
    const std::uint32_t end = within + size;
    while (pos < end) {
        const std::uint32_t s = pos / vhd::kSector;
        const bool here = (m_bitmap[s / 8] >> (7 - s % 8)) & 1U;
        std::uint32_t runEnd = (s + 1) * vhd::kSector;
        while (runEnd < end) {
            const std::uint32_t t = runEnd / vhd::kSector;
            if (((m_bitmap[t / 8] >> (7 - t % 8)) & 1U) != (here ? 1U : 0U))
                break;
            runEnd += vhd::kSector;
        }
        runEnd = std::min(runEnd, end);
        Expected<void> ok;
        if (here)
            ok = preadFull(m_fd.fd(), out + (pos - within), runEnd - pos, dataStart + pos, m_name);
        else if (m_parent)
            ok = m_parent->read(blockStart + pos, out + (pos - within), runEnd - pos);
        else
            ok = fail(ErrorCategory::NotFound, "parent not opened", m_name);
        if (!ok)
            return ok;
        pos = runEnd;
    }
    return {};
}

Expected<void> VhdReader::read(std::uint64_t offset, void *buffer, std::size_t size)
{
    if (auto ok = checkRange(offset, size, m_name); !ok)
        return ok;
    if (m_info.type == DiskType::Fixed)
        return preadFull(m_fd.fd(), buffer, size, offset, m_name);
    return forEachBlockPart(
        offset, buffer, size, m_header.blockSize,
        [this](std::uint64_t block, std::uint32_t within, std::uint8_t *out, std::uint32_t n) {
            return readBlockPart(block, within, out, n);
        });
}

bool VhdReader::knownZero(std::uint64_t offset, std::uint64_t size)
{
    if (m_info.type == DiskType::Fixed || size == 0)
        return false;
    for (std::uint64_t b = offset / m_header.blockSize; b * m_header.blockSize < offset + size;
         ++b) {
        if (b >= m_bat.size() || m_bat[b] != vhd::kUnusedBat)
            return false;
        if (m_info.type == DiskType::Differencing) {
            const std::uint64_t s = std::max<std::uint64_t>(offset, b * m_header.blockSize);
            const std::uint64_t e =
                std::min<std::uint64_t>(offset + size, (b + 1) * m_header.blockSize);
            if (!m_parent || !m_parent->knownZero(s, e - s))
                return false;
        }
    }
    return true;
}

} // namespace vds::vdisk
