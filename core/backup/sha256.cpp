#include "sha256_p.h"

#include <cstdlib>
#include <mutex>

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

Sha256::Sha256()
{
    crypto_hash_sha256_init(&state_);
}

void Sha256::update(std::span<const std::byte> data)
{
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char *>(data.data()),
                              data.size());
}

std::array<unsigned char, 32> Sha256::digest()
{
    std::array<unsigned char, 32> out{};
    crypto_hash_sha256_final(&state_, out.data());
    crypto_hash_sha256_init(&state_);
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
