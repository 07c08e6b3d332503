#include <vds/vdisk/vhdrepair.h>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <vds/vdisk/fileio.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/vhdxreader.h>

namespace vds::vdisk {

namespace {

Expected<void> copyWhole(int from, int to, std::uint64_t size, const std::string &name)
{
    // copy_file_range shares extents where the filesystem can (btrfs, xfs): no data moved.
    loff_t in = 0, out = 0;
    while (static_cast<std::uint64_t>(in) < size) {
        const ssize_t n = ::copy_file_range(from, &in, to, &out,
                                            static_cast<std::size_t>(size - std::uint64_t(in)), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(Error::fromErrno(errno, name, "copy"));
        if (n == 0)
            return fail(ErrorCategory::Io, "the file shrank while it was copied", name);
    }
    return {};
}

} // namespace

Expected<RepairResult> repairImage(const std::string &path)
{
    OpenOptions options;
    options.followParents = false; // the log is this file's own business
    auto opened = openImage(path, options);
    if (!opened)
        return fail(opened.error());
    auto *vhdx = dynamic_cast<VhdxReader *>(opened->get());
    if (!vhdx)
        return fail(ErrorCategory::InvalidArgument,
                    "only VHDX files have a log to replay; this is " +
                        std::string(formatName((*opened)->info().format)),
                    path);
    RepairResult result;
    result.wasDirty = vhdx->info().dirtyLog;
    if (!result.wasDirty)
        return result;
    const vhdx::LogReplay &log = vhdx->log();
    result.entries = log.entries;
    result.firstSequence = log.firstSequence;
    result.lastSequence = log.lastSequence;

    auto source = openSource(path);
    if (!source)
        return fail(source.error());
    struct stat st {};
    if (::fstat(source->fd(), &st) != 0)
        return fail(Error::fromErrno(errno, path, "stat"));
    auto created = NewFile::create(path, st.st_mode & 07777);
    if (!created)
        return fail(created.error());
    NewFile &out = *created;
    ::fchmod(out.fd(), st.st_mode & 07777);
    if (::geteuid() == 0)
        (void)::fchown(out.fd(), st.st_uid, st.st_gid);
    if (auto ok = copyWhole(source->fd(), out.fd(), static_cast<std::uint64_t>(st.st_size), path);
        !ok)
        return fail(ok.error());
    if (log.lastFileOffset > static_cast<std::uint64_t>(st.st_size) &&
        ::ftruncate(out.fd(), static_cast<off_t>(log.lastFileOffset)) != 0)
        return fail(Error::fromErrno(errno, path, "extend"));
    const std::vector<std::uint8_t> zeros(1U << 20, 0);
    for (const vhdx::LogReplay::Op &op : log.ops) {
        if (!op.data.empty()) {
            if (auto ok = pwriteFull(out.fd(), op.data.data(), op.length, op.offset, path); !ok)
                return fail(ok.error());
        } else {
            for (std::uint64_t done = 0; done < op.length;) {
                const std::size_t n = static_cast<std::size_t>(
                    std::min<std::uint64_t>(zeros.size(), op.length - done));
                if (auto ok = pwriteFull(out.fd(), zeros.data(), n, op.offset + done, path); !ok)
                    return fail(ok.error());
                done += n;
            }
        }
        result.bytesWritten += op.length;
    }
    // Data first, then headers that say the log is empty: a crash in between leaves the copy
    // unnamed (or a stale partial), never a half-repaired original.
    if (::fdatasync(out.fd()) != 0)
        return fail(Error::fromErrno(errno, path, "flush"));
    vhdx::Header h = vhdx->header();
    h.logGuid = Guid{};
    h.fileWriteGuid = Guid::random();
    std::vector<std::uint8_t> raw(vhdx::kHeaderSize);
    for (const std::uint64_t at : {vhdx::kHeader1, vhdx::kHeader2}) {
        ++h.sequenceNumber;
        vhdx::encodeHeader(h, raw.data());
        if (auto ok = pwriteFull(out.fd(), raw.data(), raw.size(), at, path); !ok)
            return fail(ok.error());
    }
    if (::fdatasync(out.fd()) != 0)
        return fail(Error::fromErrno(errno, path, "flush"));
    // The copy must open clean before it replaces anything.
    auto check = openImage(out.readPath(), path, options);
    if (!check)
        return fail(ErrorCategory::Internal,
                    "the repaired copy does not open: " + check.error().message, path);
    if ((*check)->info().dirtyLog)
        return fail(ErrorCategory::Internal, "the repaired copy still names a log", path);
    if (auto ok = out.replace(); !ok)
        return fail(ok.error());
    return result;
}

} // namespace vds::vdisk
