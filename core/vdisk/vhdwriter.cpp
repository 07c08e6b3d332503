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
    auto parent = openImage(m_layout.parentPath, OpenOptions{});
    if (!parent)
        return fail(parent.error());
    auto *vhdParent = dynamic_cast<VhdReader *>(parent->get());
    if (!vhdParent)
        return fail(ErrorCategory::InvalidArgument, "the parent of a VHD must be a VHD",
                    m_layout.parentPath);
    struct stat st {};
    ::stat(m_layout.parentPath.c_str(), &st);
    const std::int64_t mtime = static_cast<std::int64_t>(st.st_mtime) - vhd::kEpochOffset;
    m_header.parentUniqueId = vhdParent->footer().uniqueId;
    m_header.parentTimestamp = mtime < 0 ? 0U : static_cast<std::uint32_t>(mtime);
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

Expected<void> VhdWriter::writeUnit(std::uint64_t index, const std::uint8_t *data, std::size_t size,
                                    bool allZero)
{
    const std::string &name = m_layout.path;
    if (m_layout.type == DiskType::Fixed) {
        if (allZero && !m_mustWriteZeros)
            return {}; // preallocated (or sparse) space already reads as zeros
        if (allZero) {
            m_zeros.resize(std::max(m_zeros.size(), size), 0);
            data = m_zeros.data();
        }
        m_writeback.note(index * kFixedUnit, size);
        return pwriteFull(m_fd, data, size, index * kFixedUnit, name);
    }
    if (allZero)
        return {}; // dynamic: the block stays unallocated
    // Bitmap (all sectors present) + data, padded to a whole block, in one system call.
    std::size_t pad = m_layout.blockSize - size;
    if (pad > 0 && m_zeros.size() < pad)
        m_zeros.assign(pad, 0);
    iovec iov[3] = {{m_bitmap.data(), m_bitmap.size()},
                    {const_cast<std::uint8_t *>(data), size},
                    {m_zeros.data(), pad}};
    const std::uint64_t at = m_next;
    std::size_t total = m_bitmap.size() + size + pad;
    std::size_t done = 0;
    while (done < total) {
        // Fast path: one pwritev; on a short write fall back to plain writes of the rest.
        if (done == 0) {
            const ssize_t n = ::pwritev(m_fd, iov, pad > 0 ? 3 : 2, static_cast<off_t>(at));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return fail(Error::fromErrno(errno, name, "write at offset " + std::to_string(at)));
            }
            done = static_cast<std::size_t>(n);
            continue;
        }
        std::size_t skip = done;
        for (const iovec &v : iov) {
            if (skip >= v.iov_len) {
                skip -= v.iov_len;
                continue;
            }
            if (auto ok = pwriteFull(m_fd, static_cast<std::uint8_t *>(v.iov_base) + skip,
                                     v.iov_len - skip, at + done, name);
                !ok)
                return ok;
            done += v.iov_len - skip;
            skip = 0;
        }
    }
    m_bat[index] = static_cast<std::uint32_t>(at / vhd::kSector);
    m_writeback.note(at, total);
    m_next += total;
    return {};
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
