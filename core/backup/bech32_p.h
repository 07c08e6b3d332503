#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vds::backup {

/// Bech32 (BIP 173 checksum) as age uses it for keys: no length limit. Pure functions.
struct Bech32 {
    std::string hrp;                ///< lower-case
    std::vector<std::uint8_t> data; ///< 8-bit bytes
};

/// Encodes in lower case; the caller upper-cases for secret keys.
[[nodiscard]] std::string bech32Encode(std::string_view hrp, const std::vector<std::uint8_t> &data);
/// Decodes a lower- or upper-case (never mixed) string; nullopt when malformed.
[[nodiscard]] std::optional<Bech32> bech32Decode(std::string_view text);

} // namespace vds::backup
