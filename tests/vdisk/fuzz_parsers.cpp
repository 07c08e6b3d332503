// libFuzzer target for the VHD and VHDX parsers (vdisk_fuzz_parsers). Built with clang-14.
// Each input picks a valid seed image made by our own writers and patches it: records of
// (region, offset, bytes), optionally re-computing the checksums so mutations get past them,
// optionally truncating. The result is opened and read like a conversion would; any crash,
// sanitizer report or hang is a finding. Seed 4 takes the input as the whole file.
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <vector>

#include <vds/util/crc32c.h>
#include <vds/util/endian.h>
#include <vds/vdisk/fileio.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/vhdformat.h>
#include <vds/vdisk/vhdwriter.h>
#include <vds/vdisk/vhdxformat.h>
#include <vds/vdisk/vhdxwriter.h>

using namespace vds;
using namespace vds::vdisk;

namespace {

std::vector<std::uint8_t> buildSeed(DiskFormat format, DiskType type)
{
    const int fd = ::memfd_create("seed", MFD_CLOEXEC);
    TargetLayout l;
    l.format = format;
    l.type = type;
    l.virtualSize = 4 << 20;
    l.blockSize = format == DiskFormat::Vhd ? (type == DiskType::Fixed ? 0 : 512 * 1024) : 1 << 20;
    l.uniqueId = Guid::random();
    l.sparse = true;
    l.path = "/nonexistent/seed";
    std::unique_ptr<ImageWriter> w;
    if (format == DiskFormat::Vhd)
        w = std::make_unique<VhdWriter>(fd, l);
    else
        w = std::make_unique<VhdxWriter>(fd, l);
    std::vector<std::uint8_t> unit(w->unitSize(), 0xA5);
    (void)w->begin();
    const std::uint64_t units = (l.virtualSize + w->unitSize() - 1) / w->unitSize();
    for (std::uint64_t i = 0; i < units; ++i)
        (void)w->writeUnit(i, unit.data(),
                           std::min<std::uint64_t>(unit.size(), l.virtualSize - i * unit.size()),
                           i % 2 == 1);
    (void)w->finish();
    std::vector<std::uint8_t> out(static_cast<std::size_t>(::lseek(fd, 0, SEEK_END)));
    (void)::pread(fd, out.data(), out.size(), 0);
    ::close(fd);
    return out;
}

const std::vector<std::uint8_t> &seed(int i)
{
    static const std::vector<std::uint8_t> seeds[4] = {
        buildSeed(DiskFormat::Vhd, DiskType::Dynamic), buildSeed(DiskFormat::Vhd, DiskType::Fixed),
        buildSeed(DiskFormat::Vhdx, DiskType::Dynamic),
        buildSeed(DiskFormat::Vhdx, DiskType::Fixed)};
    return seeds[i];
}

void fixChecksums(std::vector<std::uint8_t> &b, bool vhdx)
{
    if (!vhdx) {
        if (b.size() >= 512) {
            std::uint8_t *f = b.data() + b.size() - 512;
            storeBe<std::uint32_t>(f + 64, vhd::checksum(f, 512, 64));
        }
        if (b.size() >= 1536)
            storeBe<std::uint32_t>(b.data() + 512 + 36, vhd::checksum(b.data() + 512, 1024, 36));
        return;
    }
    for (std::uint64_t at : {vhdx::kHeader1, vhdx::kHeader2})
        if (b.size() >= at + vhdx::kHeaderSize) {
            std::memset(b.data() + at + 4, 0, 4);
            storeLe<std::uint32_t>(b.data() + at + 4, crc32c(b.data() + at, vhdx::kHeaderSize));
        }
    for (std::uint64_t at : {vhdx::kRegion1, vhdx::kRegion2})
        if (b.size() >= at + vhdx::kRegionTableSize) {
            std::memset(b.data() + at + 4, 0, 4);
            storeLe<std::uint32_t>(b.data() + at + 4,
                                   crc32c(b.data() + at, vhdx::kRegionTableSize));
        }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int which = data[0] % 5;
    std::vector<std::uint8_t> img;
    if (which == 4) {
        img.assign(data + 1, data + size);
    } else {
        img = seed(which);
        const bool vhdx = which >= 2;
        // Regions worth mutating, per format.
        const std::uint64_t vhdRegions[] = {0, 512, 1536, img.size() - 512};
        const std::uint64_t vhdxRegions[] = {
            0,       vhdx::kHeader1,    vhdx::kHeader2, vhdx::kRegion1, vhdx::kRegion2,
            2 << 20, (2 << 20) + 65536, 3 << 20};
        bool fix = false;
        std::size_t i = 1;
        while (i + 4 <= size) {
            const std::uint8_t sel = data[i];
            const std::uint16_t off = static_cast<std::uint16_t>(data[i + 1] | (data[i + 2] << 8));
            const std::uint8_t len = data[i + 3];
            i += 4;
            if (sel == 0x7F) { // truncate
                img.resize(std::min<std::size_t>(img.size(), std::size_t(off) * 512));
                continue;
            }
            fix = fix || (sel & 0x80);
            const std::uint64_t base = vhdx ? vhdxRegions[sel % 8] : vhdRegions[sel % 4];
            for (std::uint8_t k = 0; k < len && i < size; ++k, ++i) {
                const std::uint64_t at = base + off + k;
                if (at < img.size())
                    img[at] = data[i];
            }
        }
        if (fix)
            fixChecksums(img, vhdx);
    }
    const int fd = ::memfd_create("fuzz", MFD_CLOEXEC);
    if (fd < 0)
        return 0;
    // Seeds are mostly zeros: write only the non-zero pages and leave holes (much faster).
    if (::ftruncate(fd, static_cast<off_t>(img.size())) != 0) {
        ::close(fd);
        return 0;
    }
    for (std::size_t at = 0; at < img.size(); at += 4096) {
        const std::size_t n = std::min<std::size_t>(4096, img.size() - at);
        if (!isAllZero(img.data() + at, n) &&
            ::pwrite(fd, img.data() + at, n, static_cast<off_t>(at)) < 0)
            break;
    }
    OpenOptions o;
    o.followParents = false; // parents would be files outside the input
    auto r = openImage(FileHandle(fd), "/proc/self/fd/fuzz", o);
    if (!r)
        return 0;
    ImageReader &reader = **r;
    const std::uint64_t vs = reader.virtualSize();
    std::vector<std::uint8_t> buf(256 * 1024);
    for (std::uint64_t off = 0; off < vs && off < (2ULL << 20); off += buf.size()) {
        const std::size_t n =
            static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), vs - off));
        (void)reader.knownZero(off, n);
        (void)reader.read(off, buf.data(), n);
    }
    if (vs > 4096)
        (void)reader.read(vs - 4096, buf.data(), 4096);
    return 0;
}
