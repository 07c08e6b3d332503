#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vds::backup::age {

using Key32 = std::array<unsigned char, 32>;
using FileKey = std::array<unsigned char, 16>;

/// The primitives age v1 builds on, over libsodium. Pure functions, any thread.
/// HKDF-SHA-256 (RFC 5869) with a 32-byte output, the only length age uses.
[[nodiscard]] Key32 hkdfSha256(std::span<const unsigned char> ikm,
                               std::span<const unsigned char> salt, std::string_view info);
[[nodiscard]] Key32 hmacSha256(std::span<const unsigned char> key,
                               std::span<const unsigned char> message);
/// Unpadded standard base64, as age writes it.
[[nodiscard]] std::string base64(std::span<const unsigned char> bytes);
/// Decodes canonical unpadded base64 only (age requires decoders to refuse anything else).
[[nodiscard]] std::optional<std::vector<unsigned char>> unbase64(std::string_view text);
/// ChaCha20-Poly1305 (IETF) with the all-zero nonce, for wrapping a file key.
[[nodiscard]] std::vector<unsigned char> sealKey(const Key32 &key, const FileKey &fileKey);
[[nodiscard]] std::optional<FileKey> openKey(const Key32 &key, std::span<const unsigned char> body);

} // namespace vds::backup::age
