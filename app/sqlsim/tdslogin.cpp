#include "tdslogin.h"

#include "bytereader.h"
#include "tdsbytes.h"

namespace vds::sqlsim {

std::vector<std::uint8_t> preloginReply(std::uint8_t encryption)
{
    // Three options, each token(u8) offset(u16 BE) length(u16 BE), then 0xFF and the data.
    constexpr std::uint16_t kTable = 3 * 5 + 1;
    ByteWriter w;
    w.u8(0x00); // VERSION
    w.u16be(kTable);
    w.u16be(6);
    w.u8(0x01); // ENCRYPTION
    w.u16be(kTable + 6);
    w.u16be(1);
    w.u8(0x04); // MARS
    w.u16be(kTable + 7);
    w.u16be(1);
    w.u8(0xFF);
    const std::uint8_t version[6] = {16, 0, 0x10, 0x27, 0, 0};
    w.bytes(version);
    w.u8(encryption);
    w.u8(0x00);
    return w.take();
}

std::uint8_t preloginEncryption(std::span<const std::uint8_t> payload)
{
    // Option table: token(u8) offset(u16 BE) length(u16 BE) ... 0xFF, offsets from the start.
    for (std::size_t i = 0; i + 5 <= payload.size() && payload[i] != 0xFF; i += 5) {
        if (payload[i] != 0x01)
            continue;
        const std::size_t off = (std::size_t{payload[i + 1]} << 8) | payload[i + 2];
        const std::size_t len = (std::size_t{payload[i + 3]} << 8) | payload[i + 4];
        if (len >= 1 && off < payload.size())
            return payload[off];
    }
    return encrypt::kNotSupported;
}

std::string decodePassword(std::span<const std::uint8_t> scrambled)
{
    std::vector<std::uint8_t> plain(scrambled.begin(), scrambled.end());
    for (auto &b : plain) {
        const std::uint8_t x = b ^ 0xA5;
        b = static_cast<std::uint8_t>((x << 4) | (x >> 4));
    }
    return fromUtf16le(plain);
}

std::optional<LoginRequest> parseLogin7(std::span<const std::uint8_t> payload)
{
    ByteReader r(payload);
    LoginRequest req;
    const std::uint32_t length = r.u32le();
    req.tdsVersion = r.u32le();
    req.packetSize = r.u32le();
    if (!r.ok() || length > payload.size() || payload.size() < 94)
        return std::nullopt;
    r.seek(36);
    auto field = [&](std::string &out, bool password = false) {
        const std::uint16_t off = r.u16le();
        const std::uint16_t chars = r.u16le();
        if (!r.ok() || off + std::size_t{chars} * 2 > payload.size()) {
            return false;
        }
        if (password)
            out = decodePassword(payload.subspan(off, std::size_t{chars} * 2));
        else
            out = r.utf16At(off, chars);
        return true;
    };
    std::string extension;
    std::string library;
    if (!field(req.hostName) || !field(req.userName) || !field(req.password, true) ||
        !field(req.appName) || !field(req.serverName))
        return std::nullopt;
    r.skip(4); // Extension (FeatureExt: UTF-8 request, which we may ignore)
    if (!field(library) || !field(req.language) || !field(req.database))
        return std::nullopt;
    // "127.0.0.1\0port": keep the host part only.
    if (const auto nul = req.serverName.find('\0'); nul != std::string::npos)
        req.serverName.resize(nul);
    return req;
}

} // namespace vds::sqlsim
