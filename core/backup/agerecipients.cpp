// age v1 recipient types we speak: X25519 ("age1…" keys) and scrypt (a passphrase, alone).
#include <charconv>

#include <sodium.h>

#include "ageheader_p.h"
#include "agekeys_p.h"
#include "sha256_p.h"

namespace vds::backup::age {

namespace {

constexpr std::string_view kX25519Info = "age-encryption.org/v1/X25519";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
// The largest work factor we accept from a file, as age does by default: 2^22 × 8 × 128 bytes
// is 4 GiB of scrypt memory already; a larger one in a file would be an attack, not a backup.
constexpr int kMaxScryptLogN = 22;

std::vector<unsigned char> concat(std::span<const unsigned char> a,
                                  std::span<const unsigned char> b)
{
    std::vector<unsigned char> out(a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

Expected<Key32> scryptKey(const std::string &passphrase, std::span<const unsigned char> salt,
                          int logN)
{
    std::vector<unsigned char> s(kScryptLabel.begin(), kScryptLabel.end());
    s.insert(s.end(), salt.begin(), salt.end());
    Key32 key{};
    if (crypto_pwhash_scryptsalsa208sha256_ll(
            reinterpret_cast<const unsigned char *>(passphrase.data()), passphrase.size(), s.data(),
            s.size(), std::uint64_t(1) << logN, 8, 1, key.data(), key.size()) != 0) {
        return fail(ErrorCategory::Io, "scrypt failed (out of memory?)");
    }
    return key;
}

Expected<Stanza> x25519Stanza(const FileKey &fileKey, const std::string &recipient)
{
    auto pk = parseRecipient(recipient);
    if (!pk) {
        return fail(ErrorCategory::InvalidArgument, "not an age X25519 recipient", recipient);
    }
    Key32 ephemeral{};
    randombytes_buf(ephemeral.data(), ephemeral.size());
    Key32 share{};
    crypto_scalarmult_curve25519_base(share.data(), ephemeral.data());
    Key32 shared{};
    const int rc = crypto_scalarmult_curve25519(shared.data(), ephemeral.data(), pk->data());
    sodium_memzero(ephemeral.data(), ephemeral.size());
    if (rc != 0) {
        return fail(ErrorCategory::InvalidArgument, "a weak X25519 recipient key", recipient);
    }
    const Key32 wrap = hkdfSha256(shared, concat(share, *pk), kX25519Info);
    sodium_memzero(shared.data(), shared.size());
    return Stanza{{"X25519", base64(share)}, sealKey(wrap, fileKey)};
}

} // namespace

Expected<std::vector<Stanza>> wrapFileKey(const FileKey &fileKey, const StripeWriteOptions &options)
{
    ensureSodium();
    std::vector<Stanza> out;
    if (options.encryption == Encryption::AgeScrypt) {
        std::array<unsigned char, 16> salt{};
        randombytes_buf(salt.data(), salt.size());
        auto key = scryptKey(options.passphrase, salt, options.scryptLogN);
        if (!key) {
            return fail(key.error());
        }
        out.push_back(
            {{"scrypt", base64(salt), std::to_string(options.scryptLogN)}, sealKey(*key, fileKey)});
        sodium_memzero(key->data(), key->size());
        return out;
    }
    for (const auto &r : options.recipients) {
        auto s = x25519Stanza(fileKey, r);
        if (!s) {
            return fail(s.error());
        }
        out.push_back(std::move(*s));
    }
    return out;
}

Expected<FileKey> unwrapFileKey(const Header &header, const StripeReadOptions &options)
{
    ensureSodium();
    bool scrypt = false;
    bool x25519 = false;
    for (const Stanza &s : header.stanzas) {
        scrypt |= s.args.front() == "scrypt";
        x25519 |= s.args.front() == "X25519";
    }
    if (scrypt) {
        // age: an scrypt stanza must be the only one, or a passphrase could be swapped in.
        if (header.stanzas.size() != 1) {
            return fail(ErrorCategory::Format, "an age scrypt stanza must be alone in the header");
        }
        const Stanza &s = header.stanzas.front();
        auto salt = s.args.size() == 3 ? unbase64(s.args[1]) : std::nullopt;
        int logN = 0;
        const std::string &n = s.args.size() == 3 ? s.args[2] : std::string();
        const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), logN);
        if (!salt || salt->size() != 16 || ec != std::errc() || end != n.data() + n.size() ||
            n.empty() || n[0] == '0' || s.body.size() != 32) {
            return fail(ErrorCategory::Format, "malformed age scrypt stanza");
        }
        if (logN > kMaxScryptLogN) {
            return fail(ErrorCategory::Unsupported,
                        "scrypt work factor 2^" + n + " is above the accepted 2^22");
        }
        if (options.passphrase.empty()) {
            return fail(ErrorCategory::Permission,
                        "the stripe is encrypted with a passphrase and none was given");
        }
        auto key = scryptKey(options.passphrase, *salt, logN);
        if (!key) {
            return fail(key.error());
        }
        auto fileKey = openKey(*key, s.body);
        sodium_memzero(key->data(), key->size());
        if (!fileKey) {
            return fail(ErrorCategory::Permission, "wrong passphrase for the stripe");
        }
        return *fileKey;
    }
    if (!x25519) {
        return fail(ErrorCategory::Unsupported,
                    "the stripe is encrypted to recipient types other than X25519 and scrypt");
    }
    std::vector<std::pair<Key32, Key32>> keys; // secret, public
    for (const auto &text : options.identities) {
        auto sk = parseSecretKey(text);
        if (!sk) {
            return fail(ErrorCategory::InvalidArgument, "not an age secret key");
        }
        keys.emplace_back(*sk, publicKeyOf(*sk));
        sodium_memzero(sk->data(), sk->size());
    }
    if (keys.empty()) {
        return fail(ErrorCategory::Permission,
                    "the stripe is encrypted to age recipients and no identity was given");
    }
    std::optional<FileKey> found;
    for (const Stanza &s : header.stanzas) {
        if (s.args.front() != "X25519") {
            continue; // other recipient types are not ours to judge
        }
        auto share = s.args.size() == 2 ? unbase64(s.args[1]) : std::nullopt;
        if (!share || share->size() != 32 || s.body.size() != 32) {
            return fail(ErrorCategory::Format, "malformed age X25519 stanza");
        }
        for (const auto &[sk, pk] : keys) {
            Key32 shared{};
            if (crypto_scalarmult_curve25519(shared.data(), sk.data(), share->data()) != 0) {
                return fail(ErrorCategory::Format, "an age X25519 stanza with a weak share");
            }
            const Key32 wrap = hkdfSha256(shared, concat(*share, pk), kX25519Info);
            sodium_memzero(shared.data(), shared.size());
            if ((found = openKey(wrap, s.body))) {
                break;
            }
        }
        if (found) {
            break;
        }
    }
    for (auto &[sk, pk] : keys) {
        sodium_memzero(sk.data(), sk.size());
    }
    if (!found) {
        return fail(ErrorCategory::Permission,
                    "none of the given identities can decrypt the stripe");
    }
    return *found;
}

} // namespace vds::backup::age
