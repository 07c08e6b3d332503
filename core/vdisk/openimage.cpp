#include <vds/vdisk/openimage.h>

#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

#include <vds/vdisk/rawreader.h>
#include <vds/vdisk/vhdreader.h>
#include <vds/vdisk/vhdxreader.h>

namespace vds::vdisk {

Expected<DiskFormat> probeFormat(int fd, const std::string &name)
{
    auto size = fileSize(fd, name);
    if (!size)
        return fail(size.error());
    char head[8] = {};
    if (*size >= 8)
        if (auto ok = preadFull(fd, head, 8, 0, name); !ok)
            return fail(ok.error());
    if (std::memcmp(head, "vhdxfile", 8) == 0)
        return DiskFormat::Vhdx;
    if (std::memcmp(head, "conectix", 8) == 0)
        return DiskFormat::Vhd;
    // A fixed VHD only has its footer at the end (probing offset 0 alone misses it).
    if (*size >= 512) {
        char tail[8] = {};
        if (auto ok = preadFull(fd, tail, 8, *size - 512, name); !ok)
            return fail(ok.error());
        if (std::memcmp(tail, "conectix", 8) == 0)
            return DiskFormat::Vhd;
    }
    return DiskFormat::Raw;
}

Expected<std::unique_ptr<ImageReader>> openImage(FileHandle fd, const std::string &name,
                                                 const OpenOptions &options)
{
    // A descriptor handed in (a pipe on stdin, say) is checked too: probing it would block.
    struct stat st {};
    if (::fstat(fd.fd(), &st) != 0)
        return fail(Error::fromErrno(errno, name, "stat"));
    if (auto ok = checkSourceKind(st.st_mode, name); !ok)
        return fail(ok.error());
    auto format = probeFormat(fd.fd(), name);
    if (!format)
        return fail(format.error());
    switch (*format) {
    case DiskFormat::Vhdx: {
        auto r = VhdxReader::open(std::move(fd), name, options, 0);
        if (!r)
            return fail(r.error());
        return std::unique_ptr<ImageReader>(std::move(*r));
    }
    case DiskFormat::Vhd: {
        auto r = VhdReader::open(std::move(fd), name, options, 0);
        if (!r)
            return fail(r.error());
        return std::unique_ptr<ImageReader>(std::move(*r));
    }
    case DiskFormat::Raw: break;
    }
    auto r = RawReader::open(std::move(fd), name);
    if (!r)
        return fail(r.error());
    return std::unique_ptr<ImageReader>(std::move(*r));
}

Expected<std::unique_ptr<ImageReader>> openImage(const std::string &path,
                                                 const OpenOptions &options)
{
    auto fd = openSource(path);
    if (!fd)
        return fail(fd.error());
    return openImage(std::move(*fd), path, options);
}

Expected<std::unique_ptr<ImageReader>>
openImage(const std::string &openPath, const std::string &name, const OpenOptions &options)
{
    auto fd = openSource(openPath);
    if (!fd)
        return fail(fd.error());
    return openImage(std::move(*fd), name, options);
}

std::string_view formatName(DiskFormat format) noexcept
{
    switch (format) {
    case DiskFormat::Raw: return "raw";
    case DiskFormat::Vhd: return "vhd";
    case DiskFormat::Vhdx: return "vhdx";
    }
    return "unknown";
}

std::string_view typeName(DiskType type) noexcept
{
    switch (type) {
    case DiskType::Fixed: return "fixed";
    case DiskType::Dynamic: return "dynamic";
    case DiskType::Differencing: return "differencing";
    }
    return "unknown";
}

} // namespace vds::vdisk
