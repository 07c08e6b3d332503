#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vds::sqlsim {

/// What a LOGIN7 packet asked for (MS-TDS 2.2.6.4), password already decoded.
struct LoginRequest {
    std::uint32_t tdsVersion = 0;
    std::uint32_t packetSize = 4096;
    std::string hostName;
    std::string userName;
    std::string password;
    std::string appName;
    std::string serverName;
    std::string language;
    std::string database;
};

/// PRELOGIN ENCRYPTION values (MS-TDS 2.2.6.5).
namespace encrypt {
inline constexpr std::uint8_t kOff = 0x00, kOn = 0x01, kNotSupported = 0x02, kRequired = 0x03;
} // namespace encrypt

/// The PRELOGIN answer: VERSION, ENCRYPTION = `encryption`, MARS off.
std::vector<std::uint8_t> preloginReply(std::uint8_t encryption = encrypt::kNotSupported);
/// The ENCRYPTION option of a client's PRELOGIN (NOT_SUP when absent or malformed).
std::uint8_t preloginEncryption(std::span<const std::uint8_t> payload);
/// Parses a LOGIN7 payload; nullopt when it is malformed.
std::optional<LoginRequest> parseLogin7(std::span<const std::uint8_t> payload);
/// Undoes the LOGIN7 password scrambling (XOR 0xA5, then swap nibbles) on UTF-16LE bytes.
std::string decodePassword(std::span<const std::uint8_t> scrambled);

} // namespace vds::sqlsim
