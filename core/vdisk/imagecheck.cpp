#include <vds/vdisk/imagecheck.h>

#include <vector>

#include <vds/util/win32.h>
#include <vds/vdisk/copyengine.h>
#include <vds/vdisk/openimage.h>

namespace vds::vdisk {

Expected<ImageInfo> inspectImage(const std::string &path, const OpenOptions &options)
{
    auto full = openImage(path, options);
    if (full)
        return (*full)->info();
    // A missing parent, or one modified since the child was made, should not hide what the
    // child itself says.
    const bool staleParent = full.error().native.kind == NativeKind::Win32 &&
                             full.error().native.value == win32::kVhdChildParentTimestampMismatch;
    if (full.error().category != ErrorCategory::NotFound && !staleParent)
        return fail(full.error());
    OpenOptions alone = options;
    alone.followParents = false;
    auto child = openImage(path, alone);
    if (!child)
        return fail(child.error());
    ImageInfo info = (*child)->info();
    // Every path tried; or both times, with the child concerned (maybe deeper in the chain).
    info.warnings.push_back(staleParent ? full.error().toString() : full.error().message);
    return info;
}

Expected<ImageInfo> verifyImage(const std::string &path, const std::string &against,
                                ProgressSink *progress, const std::atomic_bool &cancel,
                                const OpenOptions &options)
{
    auto image = openImage(path, options);
    if (!image)
        return fail(image.error());
    ImageReader &r = **image;
    const std::uint64_t size = r.virtualSize();
    if (!against.empty()) {
        auto other = openImage(against);
        if (!other)
            return fail(other.error());
        if ((*other)->virtualSize() > size)
            return fail(ErrorCategory::Format,
                        "the image is smaller (" + std::to_string(size) + " bytes) than '" +
                            against + "' (" + std::to_string((*other)->virtualSize()) + ")",
                        path);
        if (progress)
            progress->setTotal(size);
        if (auto ok = compareImages(r, **other, (*other)->virtualSize(), progress, cancel); !ok)
            return fail(ok.error().category == ErrorCategory::Cancelled
                            ? ok.error()
                            : Error::make(ErrorCategory::Format, ok.error().message, path));
        // Anything beyond the source's end must read as zeros.
        std::vector<std::uint8_t> buf(8U << 20);
        for (std::uint64_t off = (*other)->virtualSize(); off < size; off += buf.size()) {
            const auto n =
                static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), size - off));
            if (r.knownZero(off, n))
                continue;
            if (auto ok = r.read(off, buf.data(), n); !ok)
                return fail(ok.error());
            for (std::size_t i = 0; i < n; ++i)
                if (buf[i] != 0)
                    return fail(ErrorCategory::Format,
                                "contents differ at offset " + std::to_string(off + i), path);
        }
        return r.info();
    }
    if (progress)
        progress->setTotal(size);
    std::vector<std::uint8_t> buf(8U << 20);
    for (std::uint64_t off = 0; off < size; off += buf.size()) {
        if (cancel.load(std::memory_order_relaxed))
            return fail(ErrorCategory::Cancelled, "cancelled", path);
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), size - off));
        if (!r.knownZero(off, n))
            if (auto ok = r.read(off, buf.data(), n); !ok)
                return fail(ok.error());
        if (progress)
            progress->advance(n);
    }
    return r.info();
}

} // namespace vds::vdisk
