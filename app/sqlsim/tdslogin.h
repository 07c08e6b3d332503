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

/// The PRELOGIN answer: VERSION, ENCRYPTION = NOT_SUP (clear text only), MARS off.
std::vector<std::uint8_t> preloginReply();
/// Parses a LOGIN7 payload; nullopt when it is malformed.
std::optional<LoginRequest> parseLogin7(std::span<const std::uint8_t> payload);
/// Undoes the LOGIN7 password scrambling (XOR 0xA5, then swap nibbles) on UTF-16LE bytes.
std::string decodePassword(std::span<const std::uint8_t> scrambled);

} // namespace vds::sqlsim
