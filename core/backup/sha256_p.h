#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace vds::backup {

/// Streaming SHA-256. One owner, one thread at a time. OpenSSL's libcrypto rather than
/// libsodium: it uses the CPU's SHA extensions (about 2 GB/s here, where libsodium's portable
/// code made hashing the writer's bottleneck), and every stripe byte is hashed once or twice.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void update(std::span<const std::byte> data);
    /// Finishes the hash; the object is reset afterwards.
    [[nodiscard]] std::array<unsigned char, 32> digest();
    /// Lower-case hex of digest().
    [[nodiscard]] std::string hexDigest();

private:
    EVP_MD_CTX *ctx_ = nullptr;
};

/// Lower-case hex of bytes.
[[nodiscard]] std::string toHex(std::span<const unsigned char> bytes);

/// libsodium must be initialised once before its random numbers are used; cheap after the first.
void ensureSodium();

} // namespace vds::backup
