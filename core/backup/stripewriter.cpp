#include <vds/backup/stripe.h>

#include "atomicfile_p.h"
#include "codecstages_p.h"
#include "filestages_p.h"
#include "hashthread_p.h"
#include "sha256_p.h"

namespace vds::backup {

std::string stripeSuffix(Codec codec, Encryption encryption)
{
    std::string s = codec == Codec::Zstd ? ".zst" : "";
    if (encryption != Encryption::None) {
        s += ".age";
    }
    return s;
}

namespace {

bool endsWith(const std::string &s, const std::string &tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

Expected<void> checkOptions(const StripeWriteOptions &o)
{
    const std::string name = o.path.filename().string();
    const std::string suffix = stripeSuffix(o.codec, o.encryption);
    const bool suffixOk = endsWith(name, suffix) &&
                          !endsWith(name.substr(0, name.size() - suffix.size()), ".zst") &&
                          !endsWith(name.substr(0, name.size() - suffix.size()), ".age") &&
                          name.size() > suffix.size();
    if (!suffixOk) {
        return fail(ErrorCategory::InvalidArgument,
                    suffix.empty() ? "a raw stripe's name must not end with .zst or .age"
                                   : "the stripe's name must end with " + suffix,
                    o.path.string());
    }
    if (o.codec == Codec::Zstd && (o.zstdLevel < 1 || o.zstdLevel > 19)) {
        return fail(ErrorCategory::InvalidArgument,
                    "zstd level " + std::to_string(o.zstdLevel) + " is outside 1–19");
    }
    if (o.zstdThreads < 0 || o.zstdThreads > 64) {
        return fail(ErrorCategory::InvalidArgument,
                    "zstd threads " + std::to_string(o.zstdThreads) + " is outside 0–64");
    }
    switch (o.encryption) {
    case Encryption::None:
        if (!o.recipients.empty() || !o.passphrase.empty()) {
            return fail(ErrorCategory::InvalidArgument,
                        "recipients or a passphrase given for an unencrypted stripe");
        }
        break;
    case Encryption::AgeX25519:
        if (!o.passphrase.empty()) {
            return fail(ErrorCategory::InvalidArgument,
                        "age does not mix a passphrase with recipients: use one or the other");
        }
        if (o.recipients.empty()) {
            return fail(ErrorCategory::InvalidArgument, "age encryption needs a recipient");
        }
        for (const auto &r : o.recipients) {
            if (!age::isRecipient(r)) {
                return fail(ErrorCategory::InvalidArgument, "not an age X25519 recipient", r);
            }
        }
        break;
    case Encryption::AgeScrypt:
        if (!o.recipients.empty()) {
            return fail(ErrorCategory::InvalidArgument,
                        "age does not mix a passphrase with recipients: use one or the other");
        }
        if (o.passphrase.empty()) {
            return fail(ErrorCategory::InvalidArgument,
                        "age passphrase encryption needs a passphrase");
        }
        if (o.scryptLogN < 10 || o.scryptLogN > 22) {
            return fail(ErrorCategory::InvalidArgument,
                        "scrypt work factor " + std::to_string(o.scryptLogN) + " is outside 10–22");
        }
        break;
    }
    return {};
}

/// The chain raw → [zstd] → [age] → file. Owned by the caller; one thread.
class Writer final : public StripeWriter {
public:
    // A raw stripe's file is its raw stream: the raw hash serves for both.
    explicit Writer(StripeWriteOptions options)
        : options_(std::move(options)),
          sink_(file_, options_.codec != Codec::None || options_.encryption != Encryption::None)
    {}
    ~Writer() override { abort(); }

    Expected<void> start()
    {
        if (auto r = file_.create(options_.path); !r) {
            return r;
        }
        Sink *next = &sink_;
        if (options_.encryption != Encryption::None) {
            auto a = makeAgeEncryptor(*next, options_);
            if (!a) {
                return fail(a.error());
            }
            age_ = std::move(*a);
            next = age_.get();
        }
        if (options_.codec == Codec::Zstd) {
            auto z = makeZstdEncoder(*next, options_.zstdLevel, options_.zstdThreads,
                                     options_.compressionSlots);
            if (!z) {
                return fail(z.error());
            }
            zstd_ = std::move(*z);
            next = zstd_.get();
        }
        head_ = next;
        return {};
    }

    Expected<void> write(std::span<const std::byte> data) override
    {
        if (auto r = usable(); !r) {
            return r;
        }
        // The raw stream is hashed on a helper thread while this one compresses (or copies)
        // the same bytes.
        raw_.start(data);
        rawBytes_ += data.size();
        auto r = head_->write(data);
        raw_.wait();
        if (!r) {
            failure_ = r.error();
        }
        return r;
    }

    Expected<StripeWriteResult> finish() override
    {
        if (auto r = usable(); !r) {
            return fail(r.error());
        }
        auto r = finishChain();
        if (!r) {
            failure_ = r.error();
            sink_.stop();
            file_.abort();
            return fail(r.error());
        }
        done_ = true;
        StripeWriteResult result;
        result.rawBytes = rawBytes_;
        result.rawSha256 = raw_.hexDigest();
        result.fileBytes = sink_.bytes();
        result.fileSha256 = head_ == &sink_ ? result.rawSha256 : sink_.hexDigest();
        return result;
    }

    void abort() noexcept override
    {
        if (!done_) {
            zstd_.reset(); // stops zstd's workers before the file goes
            sink_.stop();
            file_.abort();
            if (!failure_.isError()) {
                failure_ = Error::make(ErrorCategory::Cancelled, "the stripe was aborted",
                                       options_.path.string());
            }
        }
    }

private:
    Expected<void> usable() const
    {
        if (done_) {
            return fail(ErrorCategory::Internal, "the stripe is finished already",
                        options_.path.string());
        }
        if (failure_.isError()) {
            return fail(failure_);
        }
        return {};
    }

    Expected<void> finishChain()
    {
        if (zstd_) {
            if (auto r = zstd_->finish(); !r) {
                return r;
            }
        }
        if (age_) {
            if (auto r = age_->finish(); !r) {
                return r;
            }
        }
        if (auto r = sink_.finish(); !r) {
            return r;
        }
        return file_.commit();
    }

    StripeWriteOptions options_;
    AtomicFile file_;
    FileSink sink_;
    std::unique_ptr<Sink> age_;
    std::unique_ptr<Sink> zstd_;
    Sink *head_ = nullptr;
    HashThread raw_;
    std::uint64_t rawBytes_ = 0;
    Error failure_;
    bool done_ = false;
};

} // namespace

Expected<std::unique_ptr<StripeWriter>> StripeWriter::open(StripeWriteOptions options)
{
    if (auto r = checkOptions(options); !r) {
        return fail(r.error());
    }
    auto w = std::make_unique<Writer>(std::move(options));
    if (auto r = w->start(); !r) {
        return fail(r.error());
    }
    return w;
}

} // namespace vds::backup
