#include "bech32_p.h"

#include <cctype>

namespace vds::backup {

namespace {

constexpr std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

std::uint32_t polymod(const std::vector<std::uint8_t> &values)
{
    static constexpr std::uint32_t kGen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                              0x2a1462b3};
    std::uint32_t chk = 1;
    for (std::uint8_t v : values) {
        const std::uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1) {
                chk ^= kGen[i];
            }
        }
    }
    return chk;
}

std::vector<std::uint8_t> hrpExpand(std::string_view hrp)
{
    std::vector<std::uint8_t> out;
    for (char c : hrp) {
        out.push_back(static_cast<std::uint8_t>(c) >> 5);
    }
    out.push_back(0);
    for (char c : hrp) {
        out.push_back(static_cast<std::uint8_t>(c) & 31);
    }
    return out;
}

// Regroups bits; `pad` for encoding, strict (no leftover non-zero bits) for decoding.
std::optional<std::vector<std::uint8_t>> convertBits(const std::vector<std::uint8_t> &in, int from,
                                                     int to, bool pad)
{
    std::uint32_t acc = 0;
    int bits = 0;
    const std::uint32_t maxv = (1u << to) - 1;
    std::vector<std::uint8_t> out;
    for (std::uint8_t v : in) {
        acc = (acc << from) | v;
        bits += from;
        while (bits >= to) {
            bits -= to;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & maxv));
        }
    }
    if (pad) {
        if (bits > 0) {
            out.push_back(static_cast<std::uint8_t>((acc << (to - bits)) & maxv));
        }
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
        return std::nullopt;
    }
    return out;
}

} // namespace

std::string bech32Encode(std::string_view hrp, const std::vector<std::uint8_t> &data)
{
    std::string lowerHrp;
    for (char c : hrp) {
        lowerHrp.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    auto values = *convertBits(data, 8, 5, true);
    auto check = hrpExpand(lowerHrp);
    check.insert(check.end(), values.begin(), values.end());
    check.insert(check.end(), 6, 0);
    const std::uint32_t mod = polymod(check) ^ 1;
    std::string out = lowerHrp + "1";
    for (std::uint8_t v : values) {
        out.push_back(kCharset[v]);
    }
    for (int i = 0; i < 6; ++i) {
        out.push_back(kCharset[(mod >> (5 * (5 - i))) & 31]);
    }
    return out;
}

std::optional<Bech32> bech32Decode(std::string_view text)
{
    bool lower = false;
    bool upper = false;
    for (char c : text) {
        if (c < 33 || c > 126) {
            return std::nullopt;
        }
        lower |= std::islower(static_cast<unsigned char>(c)) != 0;
        upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    }
    if (lower && upper) {
        return std::nullopt;
    }
    std::string s;
    for (char c : text) {
        s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    const auto sep = s.rfind('1');
    if (sep == std::string::npos || sep == 0 || sep + 7 > s.size()) {
        return std::nullopt;
    }
    Bech32 out;
    out.hrp = s.substr(0, sep);
    std::vector<std::uint8_t> values;
    for (std::size_t i = sep + 1; i < s.size(); ++i) {
        const auto pos = kCharset.find(s[i]);
        if (pos == std::string_view::npos) {
            return std::nullopt;
        }
        values.push_back(static_cast<std::uint8_t>(pos));
    }
    auto check = hrpExpand(out.hrp);
    check.insert(check.end(), values.begin(), values.end());
    if (polymod(check) != 1) {
        return std::nullopt;
    }
    values.resize(values.size() - 6);
    auto bytes = convertBits(values, 5, 8, false);
    if (!bytes) {
        return std::nullopt;
    }
    out.data = std::move(*bytes);
    return out;
}

} // namespace vds::backup
