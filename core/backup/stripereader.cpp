#include <vds/backup/stripe.h>

#include <array>

#include "codecstages_p.h"
#include "filestages_p.h"
#include "sha256_p.h"

namespace vds::backup {

namespace {

bool endsWith(const std::string &s, std::string_view tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// The chain file → [age] → [zstd] → raw, chosen from the name. Owned by the caller; one thread.
class Reader final : public StripeReader {
public:
    explicit Reader(StripeReadOptions options) : options_(std::move(options)) {}

    Expected<void> start()
    {
        if (auto r = file_.open(options_.path); !r) {
            return r;
        }
        std::string name = options_.path.filename().string();
        const bool aged = endsWith(name, ".age");
        if (aged) {
            name.resize(name.size() - 4);
        }
        const bool zstd = endsWith(name, ".zst");
        Source *next = &file_;
        if (aged) {
            auto a = makeAgeDecryptor(*next, options_);
            if (!a) {
                return fail(withContext(a.error()));
            }
            age_ = std::move(*a);
            next = age_.get();
        }
        if (zstd) {
            auto z = makeZstdDecoder(*next);
            if (!z) {
                return fail(withContext(z.error()));
            }
            zstd_ = std::move(*z);
            next = zstd_.get();
        }
        head_ = next;
        return {};
    }

    Expected<std::size_t> read(std::span<std::byte> out) override
    {
        if (failure_.isError()) {
            return fail(failure_);
        }
        if (ended_ || out.empty()) {
            return 0;
        }
        auto n = head_->read(out);
        if (!n) {
            failure_ = withContext(n.error());
            return fail(failure_);
        }
        if (*n == 0) {
            ended_ = true;
            fileHex_ = file_.hexDigest();
            rawHex_ = head_ == &file_ ? fileHex_ : raw_.hexDigest();
            return 0;
        }
        // A raw stripe's raw stream is its file: the read-ahead thread's hash serves for both.
        if (head_ != &file_) {
            raw_.update(out.first(*n));
        }
        rawBytes_ += *n;
        return n;
    }

    std::string rawSha256() const override { return rawHex_; }
    std::string fileSha256() const override { return fileHex_; }
    std::uint64_t rawBytes() const override { return rawBytes_; }

private:
    Error withContext(Error e) const
    {
        if (e.context.empty()) {
            e.context = options_.path.string();
        }
        return e;
    }

    StripeReadOptions options_;
    FileSource file_;
    std::unique_ptr<Source> age_;
    std::unique_ptr<Source> zstd_;
    Source *head_ = nullptr;
    Sha256 raw_;
    std::uint64_t rawBytes_ = 0;
    std::string rawHex_;
    std::string fileHex_;
    Error failure_;
    bool ended_ = false;
};

} // namespace

Expected<std::unique_ptr<StripeReader>> StripeReader::open(StripeReadOptions options)
{
    auto r = std::make_unique<Reader>(std::move(options));
    if (auto s = r->start(); !s) {
        return fail(s.error());
    }
    return r;
}

Expected<std::string> fileSha256(const std::filesystem::path &path)
{
    FileSource file;
    if (auto r = file.open(path); !r) {
        return fail(r.error());
    }
    std::vector<std::byte> block(4 << 20);
    for (;;) {
        auto n = file.read(block);
        if (!n) {
            return fail(n.error());
        }
        if (*n == 0) {
            return file.hexDigest();
        }
    }
}

} // namespace vds::backup
