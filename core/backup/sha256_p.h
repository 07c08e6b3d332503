#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>

#include <sodium.h>

namespace vds::backup {

/// Streaming SHA-256 (libsodium). Value type; one thread at a time.
class Sha256 {
public:
    Sha256();
    void update(std::span<const std::byte> data);
    /// Finishes the hash; the object is reset afterwards.
    [[nodiscard]] std::array<unsigned char, 32> digest();
    /// Lower-case hex of digest().
    [[nodiscard]] std::string hexDigest();

private:
    crypto_hash_sha256_state state_{};
};

/// Lower-case hex of bytes.
[[nodiscard]] std::string toHex(std::span<const unsigned char> bytes);

/// libsodium must be initialised once before its random numbers are used; cheap after the first.
void ensureSodium();

} // namespace vds::backup
