#include "sha256_p.h"

#include <cstdlib>
#include <mutex>

#include <openssl/evp.h>
#include <sodium.h>

namespace vds::backup {

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // sodium_init() fails only when the OS gives no randomness; nothing can be encrypted then.
        if (sodium_init() < 0) {
            std::abort();
        }
    });
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new())
{
    // Allocation failure here leaves nothing sensible to do; EVP_sha256() cannot fail.
    if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
        std::abort();
    }
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(ctx_);
}

void Sha256::update(std::span<const std::byte> data)
{
    EVP_DigestUpdate(ctx_, data.data(), data.size());
}

std::array<unsigned char, 32> Sha256::digest()
{
    std::array<unsigned char, 32> out{};
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx_, out.data(), &len);
    EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr);
    return out;
}

std::string Sha256::hexDigest()
{
    const auto d = digest();
    return toHex(d);
}

std::string toHex(std::span<const unsigned char> bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0f]);
    }
    return out;
}

} // namespace vds::backup
