#include "agecrypto_p.h"

#include <sodium.h>

namespace vds::backup::age {

Key32 hmacSha256(std::span<const unsigned char> key, std::span<const unsigned char> message)
{
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key.data(), key.size());
    crypto_auth_hmacsha256_update(&st, message.data(), message.size());
    Key32 out{};
    crypto_auth_hmacsha256_final(&st, out.data());
    sodium_memzero(&st, sizeof st);
    return out;
}

Key32 hkdfSha256(std::span<const unsigned char> ikm, std::span<const unsigned char> salt,
                 std::string_view info)
{
    // Extract: PRK = HMAC(salt, IKM); an empty salt is HMAC's zero key either way.
    Key32 prk = hmacSha256(salt, ikm);
    // Expand, one block: T(1) = HMAC(PRK, info || 0x01) is exactly the 32 bytes age needs.
    std::vector<unsigned char> msg(info.begin(), info.end());
    msg.push_back(0x01);
    Key32 out = hmacSha256(prk, msg);
    sodium_memzero(prk.data(), prk.size());
    return out;
}

std::string base64(std::span<const unsigned char> bytes)
{
    constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

std::optional<std::vector<unsigned char>> unbase64(std::string_view text)
{
    constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
    std::vector<unsigned char> out(text.size() * 3 / 4 + 3);
    std::size_t len = 0;
    const char *end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                          kVariant) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(len);
    // Canonical only: unused trailing bits must be zero, so the text re-encodes to itself.
    if (base64(out) != text) {
        return std::nullopt;
    }
    return out;
}

std::vector<unsigned char> sealKey(const Key32 &key, const FileKey &fileKey)
{
    const std::array<unsigned char, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> nonce{};
    std::vector<unsigned char> out(fileKey.size() + crypto_aead_chacha20poly1305_ietf_ABYTES);
    unsigned long long len = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(out.data(), &len, fileKey.data(), fileKey.size(),
                                              nullptr, 0, nullptr, nonce.data(), key.data());
    return out;
}

std::optional<FileKey> openKey(const Key32 &key, std::span<const unsigned char> body)
{
    // age: the body must be exactly 32 bytes before any decryption is tried.
    if (body.size() != 16 + crypto_aead_chacha20poly1305_ietf_ABYTES) {
        return std::nullopt;
    }
    const std::array<unsigned char, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> nonce{};
    FileKey out{};
    unsigned long long len = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(out.data(), &len, nullptr, body.data(),
                                                  body.size(), nullptr, 0, nonce.data(),
                                                  key.data()) != 0) {
        return std::nullopt;
    }
    return out;
}

} // namespace vds::backup::age
