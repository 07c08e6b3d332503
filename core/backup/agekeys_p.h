#pragma once

#include <array>
#include <optional>
#include <string>

namespace vds::backup::age {

/// The 32-byte X25519 public key of an "age1…" recipient.
[[nodiscard]] std::optional<std::array<unsigned char, 32>> parseRecipient(const std::string &text);
/// The 32-byte X25519 secret of an "AGE-SECRET-KEY-1…" identity.
[[nodiscard]] std::optional<std::array<unsigned char, 32>> parseSecretKey(const std::string &text);
[[nodiscard]] std::string encodeRecipient(const std::array<unsigned char, 32> &publicKey);
[[nodiscard]] std::array<unsigned char, 32>
publicKeyOf(const std::array<unsigned char, 32> &secretKey);

} // namespace vds::backup::age
