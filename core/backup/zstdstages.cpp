// zstd steps of the stripe chains: libzstd's streaming API, standard frames any zstd reads.
#include "codecstages_p.h"

#include <vector>

#include <zstd.h>

namespace vds::backup {

namespace {

Error zstdError(std::size_t code, const char *what)
{
    return Error::make(ErrorCategory::Format, std::string(what) + ": " + ZSTD_getErrorName(code));
}

/// Compresses into `next`. With workers, ZSTD_compressStream2 only hands the input to libzstd's
/// job queue and returns, so compression runs beside the caller's hashing and I/O.
class ZstdEncoder final : public Sink {
public:
    ZstdEncoder(Sink &next, std::shared_ptr<CompressionSlots> slots)
        : next_(next), slots_(std::move(slots)), out_(ZSTD_CStreamOutSize())
    {}
    ~ZstdEncoder() override { ZSTD_freeCCtx(cctx_); }

    Expected<void> init(int level, int threads)
    {
        cctx_ = ZSTD_createCCtx();
        if (cctx_ == nullptr) {
            return fail(ErrorCategory::Internal, "zstd: out of memory");
        }
        std::size_t rc = ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, level);
        if (!ZSTD_isError(rc)) {
            // The zstd CLI writes a content checksum by default; so do we, so `zstd -d` and
            // our reader both catch damage inside a frame.
            rc = ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1);
        }
        if (!ZSTD_isError(rc) && threads > 0) {
            rc = ZSTD_CCtx_setParameter(cctx_, ZSTD_c_nbWorkers, threads);
            slots_.reset(); // libzstd's workers compress; this thread only hands pieces over
        }
        if (ZSTD_isError(rc)) {
            Error e = zstdError(rc, "zstd parameters");
            e.category = ErrorCategory::Unsupported;
            return fail(std::move(e));
        }
        return {};
    }

    Expected<void> write(std::span<const std::byte> data) override
    {
        ZSTD_inBuffer in{data.data(), data.size(), 0};
        while (in.pos < in.size) {
            if (auto r = step(in, ZSTD_e_continue); !r) {
                return fail(r.error());
            }
        }
        return {};
    }

    Expected<void> finish() override
    {
        ZSTD_inBuffer in{nullptr, 0, 0};
        for (;;) {
            auto r = step(in, ZSTD_e_end);
            if (!r) {
                return fail(r.error());
            }
            if (*r == 0) {
                return {};
            }
        }
    }

private:
    Expected<std::size_t> step(ZSTD_inBuffer &in, ZSTD_EndDirective mode)
    {
        ZSTD_outBuffer out{out_.data(), out_.size(), 0};
        std::size_t rc = 0;
        {
            // The slot covers compression only, not the age and file steps after it, which may
            // wait for the disk.
            const Turn turn(slots_.get());
            rc = ZSTD_compressStream2(cctx_, &out, &in, mode);
        }
        if (ZSTD_isError(rc)) {
            Error e = zstdError(rc, "zstd compression");
            e.category = ErrorCategory::Internal;
            return fail(std::move(e));
        }
        if (out.pos > 0) {
            if (auto r = next_.write(std::span(out_).first(out.pos)); !r) {
                return fail(r.error());
            }
        }
        return rc;
    }

    /// Holds one of the backup's compression slots for a scope (none without slots).
    class Turn {
    public:
        explicit Turn(CompressionSlots *slots) : slots_(slots)
        {
            if (slots_ != nullptr) {
                slots_->acquire();
            }
        }
        ~Turn()
        {
            if (slots_ != nullptr) {
                slots_->release();
            }
        }
        Turn(const Turn &) = delete;
        Turn &operator=(const Turn &) = delete;

    private:
        CompressionSlots *slots_;
    };

    Sink &next_;
    std::shared_ptr<CompressionSlots> slots_;
    ZSTD_CCtx *cctx_ = nullptr;
    std::vector<std::byte> out_;
};

/// Decompresses `upstream`. Accepts concatenated frames (as `zstd -d` does); the stream must end
/// at a frame boundary, otherwise it was truncated.
class ZstdDecoder final : public Source {
public:
    explicit ZstdDecoder(Source &upstream) : upstream_(upstream), in_(ZSTD_DStreamInSize()) {}
    ~ZstdDecoder() override { ZSTD_freeDCtx(dctx_); }

    Expected<void> init()
    {
        dctx_ = ZSTD_createDCtx();
        if (dctx_ == nullptr) {
            return fail(ErrorCategory::Internal, "zstd: out of memory");
        }
        auto n = readFully(upstream_, in_);
        if (!n) {
            return fail(n.error());
        }
        inSize_ = *n;
        // A zstd frame or a skippable frame (0x184D2A5?) starts the stream.
        const auto *b = reinterpret_cast<const unsigned char *>(in_.data());
        const bool frame =
            inSize_ >= 4 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD;
        const bool skippable =
            inSize_ >= 4 && (b[0] & 0xF0) == 0x50 && b[1] == 0x2A && b[2] == 0x4D && b[3] == 0x18;
        if (!frame && !skippable) {
            return fail(ErrorCategory::Format, "not zstd data (no zstd frame at the start)");
        }
        eof_ = inSize_ < in_.size();
        return {};
    }

    Expected<std::size_t> read(std::span<std::byte> out) override
    {
        for (;;) {
            if (inPos_ == inSize_ && !eof_) {
                auto n = upstream_.read(in_);
                if (!n) {
                    return fail(n.error());
                }
                inPos_ = 0;
                inSize_ = *n;
                eof_ = *n == 0;
            }
            if (inPos_ == inSize_ && eof_ && lastRc_ == 0) {
                return 0;
            }
            ZSTD_inBuffer in{in_.data(), inSize_, inPos_};
            ZSTD_outBuffer o{out.data(), out.size(), 0};
            const std::size_t rc = ZSTD_decompressStream(dctx_, &o, &in);
            if (ZSTD_isError(rc)) {
                return fail(zstdError(rc, "corrupt zstd data"));
            }
            inPos_ = in.pos;
            lastRc_ = rc;
            if (o.pos > 0) {
                return o.pos;
            }
            if (inPos_ == inSize_ && eof_ && lastRc_ != 0) {
                return fail(ErrorCategory::Format,
                            "truncated zstd data (the last frame is cut off)");
            }
        }
    }

private:
    Source &upstream_;
    ZSTD_DCtx *dctx_ = nullptr;
    std::vector<std::byte> in_;
    std::size_t inPos_ = 0;
    std::size_t inSize_ = 0;
    std::size_t lastRc_ = 1;
    bool eof_ = false;
};

} // namespace

Expected<std::unique_ptr<Sink>> makeZstdEncoder(Sink &next, int level, int threads,
                                                std::shared_ptr<CompressionSlots> slots)
{
    auto e = std::make_unique<ZstdEncoder>(next, std::move(slots));
    if (auto r = e->init(level, threads); !r) {
        return fail(r.error());
    }
    return e;
}

Expected<std::unique_ptr<Source>> makeZstdDecoder(Source &upstream)
{
    auto d = std::make_unique<ZstdDecoder>(upstream);
    if (auto r = d->init(); !r) {
        return fail(r.error());
    }
    return d;
}

} // namespace vds::backup
