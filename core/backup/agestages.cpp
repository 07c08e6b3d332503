// age v1 payload steps: the STREAM construction — 64 KiB chunks, each ChaCha20-Poly1305 with
// an 11-byte big-endian counter and a last-chunk flag as nonce, under a key derived per file.
#include <cstring>

#include <sodium.h>

#include "ageheader_p.h"
#include "codecstages_p.h"
#include "sha256_p.h"

namespace vds::backup {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kTag = crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr std::size_t kCipherChunk = kChunk + kTag;
constexpr std::size_t kNonceBytes = 16;

using Nonce = std::array<unsigned char, crypto_aead_chacha20poly1305_ietf_NPUBBYTES>;

Nonce chunkNonce(std::uint64_t counter, bool last)
{
    Nonce n{};
    for (int i = 0; i < 8; ++i) {
        n[10 - i] = static_cast<unsigned char>(counter >> (8 * i));
    }
    n[11] = last ? 1 : 0;
    return n;
}

age::Key32 payloadKey(const age::FileKey &fileKey, std::span<const unsigned char> nonce)
{
    return age::hkdfSha256(fileKey, nonce, "payload");
}

/// Encrypts into `next`. A full chunk is sealed only once more data arrives, because the last
/// chunk carries the flag and must not be empty unless the whole stream is.
class AgeEncryptor final : public Sink {
public:
    explicit AgeEncryptor(Sink &next) : next_(next), out_(kCipherChunk) { plain_.reserve(kChunk); }
    ~AgeEncryptor() override { sodium_memzero(key_.data(), key_.size()); }

    Expected<void> init(const StripeWriteOptions &options)
    {
        ensureSodium();
        age::FileKey fileKey{};
        randombytes_buf(fileKey.data(), fileKey.size());
        auto stanzas = age::wrapFileKey(fileKey, options);
        if (!stanzas) {
            sodium_memzero(fileKey.data(), fileKey.size());
            return fail(stanzas.error());
        }
        std::string header = age::writeHeader(fileKey, *stanzas);
        std::array<unsigned char, kNonceBytes> nonce{};
        randombytes_buf(nonce.data(), nonce.size());
        key_ = payloadKey(fileKey, nonce);
        sodium_memzero(fileKey.data(), fileKey.size());
        header.append(reinterpret_cast<const char *>(nonce.data()), nonce.size());
        return next_.write(std::as_bytes(std::span(header)));
    }

    Expected<void> write(std::span<const std::byte> data) override
    {
        while (!data.empty()) {
            if (plain_.size() == kChunk) {
                if (auto r = seal(plain_, false); !r) {
                    return r;
                }
                plain_.clear();
            }
            // Whole chunks with more behind them skip the copy.
            if (plain_.empty() && data.size() > kChunk) {
                if (auto r = seal(data.first(kChunk), false); !r) {
                    return r;
                }
                data = data.subspan(kChunk);
                continue;
            }
            const std::size_t take = std::min(kChunk - plain_.size(), data.size());
            plain_.insert(plain_.end(), data.begin(), data.begin() + static_cast<long>(take));
            data = data.subspan(take);
        }
        return {};
    }

    Expected<void> finish() override
    {
        auto r = seal(plain_, true);
        plain_.clear();
        return r;
    }

private:
    Expected<void> seal(std::span<const std::byte> chunk, bool last)
    {
        const Nonce nonce = chunkNonce(counter_++, last);
        unsigned long long len = 0;
        crypto_aead_chacha20poly1305_ietf_encrypt(
            reinterpret_cast<unsigned char *>(out_.data()), &len,
            reinterpret_cast<const unsigned char *>(chunk.data()), chunk.size(), nullptr, 0,
            nullptr, nonce.data(), key_.data());
        return next_.write(std::span(out_).first(static_cast<std::size_t>(len)));
    }

    Sink &next_;
    age::Key32 key_{};
    std::uint64_t counter_ = 0;
    std::vector<std::byte> plain_;
    std::vector<std::byte> out_;
};

/// Decrypts `upstream`. Reads ahead one byte past a full chunk to know whether it is the last;
/// the stream must end with a chunk that opens with the last flag, or it was truncated.
class AgeDecryptor final : public Source {
public:
    explicit AgeDecryptor(Source &upstream) : upstream_(upstream), in_(kBuffer), plain_(kChunk) {}
    ~AgeDecryptor() override { sodium_memzero(key_.data(), key_.size()); }

    Expected<void> init(const StripeReadOptions &options)
    {
        if (auto r = fill(); !r) {
            return r;
        }
        const std::string_view text(reinterpret_cast<const char *>(in_.data()), inLen_);
        auto header = age::parseHeader(text, eof_);
        if (!header) {
            return fail(header.error());
        }
        auto fileKey = age::unwrapFileKey(*header, options);
        if (!fileKey) {
            return fail(fileKey.error());
        }
        if (!age::macMatches(*header, *fileKey)) {
            sodium_memzero(fileKey->data(), fileKey->size());
            return fail(ErrorCategory::Format, "the age header was altered (MAC mismatch)");
        }
        inPos_ = header->length;
        if (inLen_ - inPos_ < kNonceBytes) {
            sodium_memzero(fileKey->data(), fileKey->size());
            return fail(ErrorCategory::Format, "truncated age file (no payload)");
        }
        key_ = payloadKey(
            *fileKey,
            std::span(reinterpret_cast<const unsigned char *>(in_.data() + inPos_), kNonceBytes));
        sodium_memzero(fileKey->data(), fileKey->size());
        inPos_ += kNonceBytes;
        return {};
    }

    Expected<std::size_t> read(std::span<std::byte> out) override
    {
        if (plainPos_ == plainLen_) {
            if (done_) {
                return 0;
            }
            // Large reads take the plaintext straight into the caller's buffer.
            const bool direct = out.size() >= kChunk;
            auto n = nextChunk(direct ? out.first(kChunk) : std::span(plain_));
            if (!n) {
                return n;
            }
            if (direct) {
                return n;
            }
            plainPos_ = 0;
            plainLen_ = *n;
        }
        const std::size_t take = std::min(out.size(), plainLen_ - plainPos_);
        std::memcpy(out.data(), plain_.data() + plainPos_, take);
        plainPos_ += take;
        return take;
    }

private:
    static constexpr std::size_t kBuffer = 1024 * 1024 + kCipherChunk;

    Expected<void> fill()
    {
        if (inPos_ > 0) {
            std::memmove(in_.data(), in_.data() + inPos_, inLen_ - inPos_);
            inLen_ -= inPos_;
            inPos_ = 0;
        }
        while (!eof_ && inLen_ < in_.size()) {
            auto n = upstream_.read(std::span(in_).subspan(inLen_));
            if (!n) {
                return fail(n.error());
            }
            if (*n == 0) {
                eof_ = true;
            }
            inLen_ += *n;
        }
        return {};
    }

    // Decrypts the next chunk into `out` (at least kChunk bytes); returns its plaintext size
    // (0 only for the empty last chunk of an empty stream).
    Expected<std::size_t> nextChunk(std::span<std::byte> out)
    {
        if (inLen_ - inPos_ <= kCipherChunk && !eof_) {
            if (auto r = fill(); !r) {
                return fail(r.error());
            }
        }
        const std::size_t avail = inLen_ - inPos_;
        const bool last = avail <= kCipherChunk; // only when eof_: fill() stops at a full buffer
        const std::size_t size = last ? avail : kCipherChunk;
        if (size < kTag || (last && size == kTag && counter_ > 0)) {
            return fail(ErrorCategory::Format, counter_ == 0 && size == 0
                                                   ? "truncated age file (no payload)"
                                                   : "truncated or damaged age payload");
        }
        const Nonce nonce = chunkNonce(counter_, last);
        unsigned long long len = 0;
        if (crypto_aead_chacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char *>(out.data()), &len, nullptr,
                reinterpret_cast<const unsigned char *>(in_.data() + inPos_), size, nullptr, 0,
                nonce.data(), key_.data()) != 0) {
            return fail(ErrorCategory::Format,
                        "age payload chunk " + std::to_string(counter_) +
                            (last ? " (the last) fails authentication: damaged or truncated"
                                  : " fails authentication: the file is damaged"));
        }
        ++counter_;
        inPos_ += size;
        done_ = last;
        return static_cast<std::size_t>(len);
    }

    Source &upstream_;
    age::Key32 key_{};
    std::vector<std::byte> in_;
    std::size_t inPos_ = 0;
    std::size_t inLen_ = 0;
    bool eof_ = false;
    std::vector<std::byte> plain_;
    std::size_t plainPos_ = 0;
    std::size_t plainLen_ = 0;
    std::uint64_t counter_ = 0;
    bool done_ = false;
};

} // namespace

Expected<std::unique_ptr<Sink>> makeAgeEncryptor(Sink &next, const StripeWriteOptions &options)
{
    auto e = std::make_unique<AgeEncryptor>(next);
    if (auto r = e->init(options); !r) {
        return fail(r.error());
    }
    return e;
}

Expected<std::unique_ptr<Source>> makeAgeDecryptor(Source &upstream,
                                                   const StripeReadOptions &options)
{
    auto d = std::make_unique<AgeDecryptor>(upstream);
    if (auto r = d->init(options); !r) {
        return fail(r.error());
    }
    return d;
}

} // namespace vds::backup
