#include <vds/util/guid.h>

#include <cstdio>
#include <fcntl.h>
#include <random>
#include <sys/random.h>
#include <unistd.h>

namespace vds {

namespace {

// Data1..Data3 are little-endian in the Microsoft layout and big-endian in RFC order; swapping
// them converts either way.
void swapFields(const std::uint8_t *in, std::uint8_t *out) noexcept
{
    out[0] = in[3];
    out[1] = in[2];
    out[2] = in[1];
    out[3] = in[0];
    out[4] = in[5];
    out[5] = in[4];
    out[6] = in[7];
    out[7] = in[6];
    for (int i = 8; i < 16; ++i)
        out[i] = in[i];
}

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

bool Guid::isNull() const noexcept
{
    for (auto b : bytes)
        if (b != 0)
            return false;
    return true;
}

Guid Guid::random()
{
    std::array<std::uint8_t, 16> rfc{};
    std::size_t got = 0;
    while (got < rfc.size()) {
        const ssize_t n = ::getrandom(rfc.data() + got, rfc.size() - got, 0);
        if (n <= 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    if (got < rfc.size()) { // getrandom unavailable: fall back to the library's source
        std::random_device rd;
        for (auto &b : rfc)
            b = static_cast<std::uint8_t>(rd());
    }
    rfc[6] = static_cast<std::uint8_t>((rfc[6] & 0x0FU) | 0x40U); // version 4
    rfc[8] = static_cast<std::uint8_t>((rfc[8] & 0x3FU) | 0x80U); // RFC 4122 variant
    return fromRfcBytes(rfc.data());
}

Guid Guid::fromRfcBytes(const std::uint8_t *p) noexcept
{
    Guid g;
    swapFields(p, g.bytes.data());
    return g;
}

void Guid::toRfcBytes(std::uint8_t *p) const noexcept
{
    swapFields(bytes.data(), p);
}

std::string Guid::toString() const
{
    std::uint8_t r[16];
    toRfcBytes(r);
    char s[40];
    std::snprintf(s, sizeof s,
                  "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X", r[0],
                  r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
                  r[14], r[15]);
    return s;
}

std::optional<Guid> Guid::parse(std::string_view text)
{
    if (text.size() == 38 && text.front() == '{' && text.back() == '}')
        text = text.substr(1, 36);
    if (text.size() != 36)
        return std::nullopt;
    std::uint8_t r[16];
    int n = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return std::nullopt;
            ++i;
            continue;
        }
        const int hi = hexValue(text[i]);
        const int lo = hexValue(text[i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        r[n++] = static_cast<std::uint8_t>(hi * 16 + lo);
        i += 2;
    }
    return fromRfcBytes(r);
}

} // namespace vds
