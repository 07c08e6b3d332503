// createVirtualDisk() in named steps: size and sectors (from the source, the parent or the
// parameters), block size, the new file (unnamed until complete: fileio.h NewFile), contents,
// finish, read back (verify), the final name. NewFile removes what was written on any failure.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <vds/logging/log.h>
#include <vds/util/win32.h>
#include <vds/vdisk/copyengine.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/diskoptions.h>
#include <vds/vdisk/fileio.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/parentpath.h>
#include <vds/vdisk/sourceguard.h>
#include <vds/vdisk/vhdformat.h>
#include <vds/vdisk/vhdwriter.h>
#include <vds/vdisk/vhdxformat.h>
#include <vds/vdisk/vhdxwriter.h>

#include <spdlog/logger.h>

namespace vds::vdisk {

namespace {

/// A source of nothing but zeros: fills fixed targets created without a source.
class ZeroReader final : public ImageReader {
public:
    explicit ZeroReader(std::uint64_t size) { m_info.virtualSize = size; }
    const ImageInfo &info() const override { return m_info; }
    Expected<void> read(std::uint64_t, void *buffer, std::size_t size) override
    {
        std::memset(buffer, 0, size);
        return {};
    }
    bool knownZero(std::uint64_t, std::uint64_t) override { return true; }

private:
    ImageInfo m_info;
};

std::uint32_t fixedVhdxBlockSize(std::uint64_t size)
{
    // Whole blocks only, yet a fixed file should stay within a few MiB of the virtual size:
    // halve the 32 MiB default while the last block would waste more than 4 MiB.
    std::uint32_t bs = vhdx::kDefaultBlockSize;
    while (bs > vhdx::kMinBlockSize && ((size + bs - 1) / bs * bs - size) > (4U << 20))
        bs /= 2;
    return bs;
}

Expected<void> refuseFilesystem(const CreateParams &p, const TargetLayout &layout)
{
    const std::string dir = std::filesystem::path(layout.path).parent_path().string();
    struct statfs fs {};
    if (::statfs(dir.empty() ? "." : dir.c_str(), &fs) != 0)
        return fail(Error::fromErrno(errno, dir, "the target's directory"));
    // FAT cannot hold files of 4 GiB: refuse an image that is (fixed) or may grow (dynamic)
    // that large rather than fail half-way or later in the guest.
    const std::uint64_t bytes = layout.virtualSize + 8 * vhdx::kMiB;
    if (fs.f_type == MSDOS_SUPER_MAGIC && bytes >= (4ULL << 30))
        return fail(Error::fromWin32(win32::kFileTooLarge, ErrorCategory::Unsupported,
                                     "the target is on a FAT filesystem, which cannot hold an "
                                     "image of 4 GiB or more",
                                     layout.path));
    if (p.type != DiskType::Fixed)
        return {};
    if (!p.sparseFile &&
        static_cast<std::uint64_t>(fs.f_bavail) * static_cast<std::uint64_t>(fs.f_bsize) <
            layout.virtualSize)
        return fail(Error::fromWin32(win32::kDiskFull, ErrorCategory::DiskFull,
                                     "not enough free space for a fixed image of " +
                                         std::to_string(layout.virtualSize) + " bytes",
                                     layout.path));
    return {};
}

/// The opened source of a conversion, held (and guarded read-only) until the copy is done.
OpenOptions openOptions(const CreateParams &p)
{
    OpenOptions options;
    options.acceptParentTimestamp = p.acceptParentTimestamp;
    return options;
}

struct OpenedSource {
    std::unique_ptr<ImageReader> reader;
    SourceWriteGuard guard;
};

/// Step 1 of a conversion: open the source (or our own duplicate of the caller's descriptor),
/// engage the write guard, and take the target's size and sector sizes from it.
Expected<OpenedSource> openSourceImage(const CreateParams &p, TargetLayout &layout)
{
    OpenedSource opened;
    const std::string name =
        p.sourcePath.empty() ? "fd:" + std::to_string(p.sourceFd) : p.sourcePath;
    auto handle = p.sourceFd >= 0 ? FileHandle(::fcntl(p.sourceFd, F_DUPFD_CLOEXEC, 0))
                                  : openSource(p.sourcePath); // never blocks (FIFOs)
    FileHandle fd = handle ? std::move(*handle) : FileHandle();
    if (!fd.isOpen())
        return fail(handle ? Error::fromErrno(errno, name, "open source") : handle.error());
    if (p.preventWritesToSource) {
        auto g = SourceWriteGuard::engage(fd.fd(), name);
        if (!g)
            return fail(g.error());
        opened.guard = std::move(*g);
    }
    ::posix_fadvise(fd.fd(), 0, 0, POSIX_FADV_SEQUENTIAL);
    auto r = openImage(std::move(fd), name, openOptions(p));
    if (!r)
        return fail(r.error());
    opened.reader = std::move(*r);
    if (p.wrapSource)
        opened.reader = p.wrapSource(std::move(opened.reader));
    const ImageInfo &si = opened.reader->info();
    if (p.maximumSize != 0 && p.maximumSize < si.virtualSize)
        return fail(Refusal{RefusalReason::SizeBelowSource, Parameter::MaximumSize, p.maximumSize,
                            si.virtualSize}
                        .toError(p.path));
    layout.logicalSectorSize = p.logicalSectorSize            ? p.logicalSectorSize
                               : p.format == DiskFormat::Vhdx ? si.logicalSectorSize
                                                              : 512;
    if (p.format == DiskFormat::Vhd && si.logicalSectorSize != 512 && p.logicalSectorSize == 0)
        return fail(Error::fromWin32(win32::kUnsupportedSectorSize, ErrorCategory::Unsupported,
                                     "the source has " + std::to_string(si.logicalSectorSize) +
                                         "-byte sectors; VHD supports 512 only",
                                     name));
    layout.physicalSectorSize = p.physicalSectorSize          ? p.physicalSectorSize
                                : p.format == DiskFormat::Vhd ? 512
                                : (si.format == DiskFormat::Raw && si.physicalSectorSize == 512 &&
                                   si.logicalSectorSize == 512 && si.fileSize == si.virtualSize)
                                    ? 4096
                                    : si.physicalSectorSize;
    // A raw file of odd length becomes a disk rounded up to whole sectors (tail zeros).
    std::uint64_t size = p.maximumSize ? p.maximumSize : si.virtualSize;
    size =
        (size + layout.logicalSectorSize - 1) / layout.logicalSectorSize * layout.logicalSectorSize;
    layout.virtualSize = size;
    return opened;
}

/// Step 1 of a differencing disk: the parent gives the format, size, sectors and block size.
Expected<void> takeFromParent(const CreateParams &p, TargetLayout &layout)
{
    layout.parentPath = parentpath::absolute(p.parentPath);
    layout.acceptParentTimestamp = p.acceptParentTimestamp;
    auto parent = openImage(layout.parentPath, openOptions(p));
    if (!parent)
        return fail(parent.error());
    const ImageInfo &pi = (*parent)->info();
    if (pi.format != p.format)
        return fail(Error::fromWin32(win32::kInvalidParameter, ErrorCategory::InvalidArgument,
                                     "the parent is " + std::string(formatName(pi.format)) +
                                         "; a differencing disk must have the parent's format",
                                     p.path));
    if ((p.logicalSectorSize && p.logicalSectorSize != pi.logicalSectorSize) ||
        (p.physicalSectorSize && p.physicalSectorSize != pi.physicalSectorSize))
        return fail(Error::fromWin32(win32::kInvalidParameter, ErrorCategory::InvalidArgument,
                                     "sector sizes of a differencing disk must be the parent's",
                                     p.path));
    layout.virtualSize = pi.virtualSize;
    layout.logicalSectorSize = pi.logicalSectorSize;
    layout.physicalSectorSize = pi.physicalSectorSize;
    const DiskOptions o = diskOptions(p.format, DiskType::Differencing);
    layout.blockSize = p.blockSize                    ? p.blockSize
                       : p.format == DiskFormat::Vhdx ? o.defaultBlockSize
                       : pi.blockSize                 ? pi.blockSize
                                                      : o.defaultBlockSize;
    return {};
}

/// Step 1 of a new empty disk: the parameters, with diskOptions()'s defaults for zeros.
void takeFromParams(const CreateParams &p, TargetLayout &layout)
{
    const DiskOptions o = diskOptions(p.format, p.type);
    layout.virtualSize = p.maximumSize;
    layout.logicalSectorSize =
        p.logicalSectorSize ? p.logicalSectorSize : o.defaultLogicalSectorSize;
    layout.physicalSectorSize =
        p.physicalSectorSize ? p.physicalSectorSize : o.defaultPhysicalSectorSize;
}

/// Step 2: the block size, once the size is known (a fixed VHDX's depends on it).
void resolveBlockSize(const CreateParams &p, TargetLayout &layout)
{
    if (layout.blockSize != 0)
        return;
    if (p.blockSize)
        layout.blockSize = p.blockSize;
    else if (p.format == DiskFormat::Vhdx && p.type == DiskType::Fixed)
        layout.blockSize = fixedVhdxBlockSize(layout.virtualSize);
    else
        layout.blockSize = diskOptions(p.format, p.type).defaultBlockSize;
}

/// Step 3: the new file next to the target — unnamed until complete where the filesystem allows
/// it, else a locked partial name (fileio.h) — after refusing an existing target and a
/// filesystem that cannot hold the image.
Expected<NewFile> createTarget(const CreateParams &p, const TargetLayout &layout)
{
    struct stat st {};
    if (::lstat(layout.path.c_str(), &st) == 0)
        return fail(Error::fromWin32(win32::kFileExists, ErrorCategory::InvalidArgument,
                                     "the target already exists", layout.path));
    if (auto ok = refuseFilesystem(p, layout); !ok)
        return fail(ok.error());
    return NewFile::create(layout.path, 0666);
}

Expected<void> applySecurity(const CreateParams &p, int fd, const std::string &partialPath)
{
    if (!p.security)
        return {};
    if (::fchmod(fd, p.security->mode) != 0)
        return fail(Error::fromErrno(errno, partialPath, "apply VDS_POSIX_SECURITY mode"));
    if ((p.security->uid >= 0 || p.security->gid >= 0) &&
        ::fchown(fd, static_cast<uid_t>(p.security->uid), static_cast<gid_t>(p.security->gid)) != 0)
        return fail(Error::fromErrno(errno, partialPath, "apply VDS_POSIX_SECURITY owner"));
    return {};
}

/// Step 4: the contents. A conversion copies the source, a fixed disk is filled with zeros, a
/// dynamic or differencing disk has nothing to copy.
Expected<void> writeContents(ImageReader *source, ImageWriter &writer, const TargetLayout &layout,
                             bool verify, ProgressSink *progress, const std::atomic_bool &cancel,
                             CreateResult &result)
{
    if (progress)
        progress->setTotal(
            layout.type == DiskType::Differencing ? 0 : layout.virtualSize * (verify ? 2 : 1));
    if (!source && layout.type != DiskType::Fixed) {
        if (progress)
            progress->advance(layout.virtualSize);
        return {};
    }
    if (progress)
        progress->phase("copy");
    ZeroReader zeros(layout.virtualSize);
    auto stats = copyImage(source ? *source : zeros, writer, layout.virtualSize, progress, cancel);
    if (!stats)
        return fail(stats.error());
    result.bytesCopied = source ? stats->bytesRead : 0;
    result.blocksWritten = stats->unitsWritten;
    result.blocksSkipped = stats->unitsSkipped;
    return {};
}

/// Step 6: re-open what was written (it must parse) and, when asked, compare it with the source.
Expected<ImageInfo> checkWritten(const CreateParams &p, const NewFile &written,
                                 ImageReader *verifyAgainst, ProgressSink *progress,
                                 const std::atomic_bool &cancel, CreateResult &result)
{
    auto check = openImage(written.readPath(), p.path, openOptions(p));
    if (!check)
        return fail(ErrorCategory::Internal,
                    "the image just written does not open: " + check.error().message, p.path);
    if (verifyAgainst) {
        if (progress)
            progress->phase("verify");
        if (auto ok = compareImages(*verifyAgainst, **check, verifyAgainst->virtualSize(), progress,
                                    cancel);
            !ok)
            return fail(ok.error().category == ErrorCategory::Cancelled
                            ? ok.error()
                            : Error::make(ErrorCategory::Format,
                                          "verify failed: " + ok.error().message, p.path));
        result.verified = true;
    }
    return (*check)->info();
}

} // namespace

std::uint32_t win32Code(const Error &e) noexcept
{
    if (e.native.kind == NativeKind::Win32)
        return static_cast<std::uint32_t>(e.native.value);
    switch (e.category) {
    case ErrorCategory::None: return win32::kSuccess;
    case ErrorCategory::InvalidArgument: return win32::kInvalidParameter;
    case ErrorCategory::NotFound:
        return e.native.kind == NativeKind::Errno && e.native.value == ENOENT
                   ? win32::kFileNotFound
                   : win32::kPathNotFound;
    case ErrorCategory::Permission: return win32::kAccessDenied;
    case ErrorCategory::DiskFull: return win32::kDiskFull;
    case ErrorCategory::Format: return win32::kFileCorrupt;
    case ErrorCategory::Cancelled: return win32::kOperationAborted;
    case ErrorCategory::Unsupported: return win32::kNotSupported;
    case ErrorCategory::Io: return win32::kIoDevice;
    default: return win32::kIoDevice;
    }
}

Expected<CreateResult> createVirtualDisk(const CreateParams &p, ProgressSink *progress,
                                         const std::atomic_bool &cancel)
{
    const auto started = std::chrono::steady_clock::now();
    if (auto ok = validateParams(p); !ok)
        return fail(ok.error());
    if (progress)
        progress->phase("prepare");

    TargetLayout layout;
    layout.format = p.format;
    layout.type = p.type;
    layout.path = parentpath::absolute(p.path);
    layout.uniqueId = p.uniqueId.isNull() ? Guid::random() : p.uniqueId;
    layout.sparse = p.sparseFile;

    // 1. Size and sectors: from the source, the parent, or the parameters.
    OpenedSource source;
    if (!p.sourcePath.empty() || p.sourceFd >= 0) {
        auto opened = openSourceImage(p, layout);
        if (!opened)
            return fail(opened.error());
        source = std::move(*opened);
    } else if (p.type == DiskType::Differencing) {
        if (auto ok = takeFromParent(p, layout); !ok)
            return fail(ok.error());
    } else {
        takeFromParams(p, layout);
    }
    if (auto ok = checkSize(p, layout.virtualSize, layout.logicalSectorSize); !ok)
        return fail(ok.error());
    // 2. Block size.
    resolveBlockSize(p, layout);

    // 3. The new file; from here on every failure removes it (NewFile's destructor).
    auto out = createTarget(p, layout);
    if (!out)
        return fail(out.error());
    const std::string partialPath = out->displayName();
    if (auto ok = applySecurity(p, out->fd(), partialPath); !ok)
        return fail(ok.error());

    // 4. Headers and contents.
    std::unique_ptr<ImageWriter> writer;
    if (p.format == DiskFormat::Vhd)
        writer = std::make_unique<VhdWriter>(out->fd(), layout);
    else
        writer = std::make_unique<VhdxWriter>(out->fd(), layout);
    if (auto ok = writer->begin(); !ok)
        return fail(ok.error());
    CreateResult result;
    ImageReader *const reader = source.reader.get();
    const bool verify = p.verify && reader != nullptr;
    if (auto ok = writeContents(reader, *writer, layout, verify, progress, cancel, result); !ok)
        return fail(ok.error());

    // 5. Metadata and flush.
    if (progress)
        progress->phase("finish");
    if (auto ok = writer->finish(); !ok)
        return fail(ok.error());
    if (p.sync && ::fdatasync(out->fd()) != 0)
        return fail(Error::fromErrno(errno, partialPath, "flush"));
    if (cancel.load())
        return fail(ErrorCategory::Cancelled, "cancelled", p.path);

    // 6. Read back (and verify).
    auto info = checkWritten(p, *out, verify ? reader : nullptr, progress, cancel, result);
    if (!info)
        return fail(info.error());
    result.info = std::move(*info);
    source.guard.release();

    // 7. The final name; a file that appeared there meanwhile is never clobbered.
    if (auto ok = out->publish(); !ok)
        return fail(ok.error());
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    vds::log::get("vdisk")->info(
        "created {} {} '{}' ({} bytes, {} blocks written, {} skipped) in {:.2f} s",
        typeName(layout.type), formatName(layout.format), layout.path, layout.virtualSize,
        result.blocksWritten, result.blocksSkipped, result.seconds);
    return result;
}

} // namespace vds::vdisk
