#include "tdsbytes.h"

namespace vds::sqlsim {

std::u16string toUtf16(std::string_view s)
{
    std::u16string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0xFFFD;
        std::size_t len = 1;
        if (c < 0x80) {
            cp = c;
        } else if ((c >> 5) == 0x6 && i + 1 < s.size()) {
            cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            len = 2;
        } else if ((c >> 4) == 0xE && i + 2 < s.size()) {
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            len = 3;
        } else if ((c >> 3) == 0x1E && i + 3 < s.size()) {
            cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                 ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
            len = 4;
        }
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
    }
    return out;
}

std::string fromUtf16le(std::span<const std::uint8_t> b)
{
    std::string out;
    out.reserve(b.size() / 2);
    for (std::size_t i = 0; i + 1 < b.size(); i += 2) {
        char32_t cp = static_cast<char32_t>(b[i] | (b[i + 1] << 8));
        if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < b.size()) {
            const char32_t lo = static_cast<char32_t>(b[i + 2] | (b[i + 3] << 8));
            if (lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;
        }
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

void ByteWriter::u16le(std::uint16_t v)
{
    m_buf.push_back(static_cast<std::uint8_t>(v));
    m_buf.push_back(static_cast<std::uint8_t>(v >> 8));
}
void ByteWriter::u16be(std::uint16_t v)
{
    m_buf.push_back(static_cast<std::uint8_t>(v >> 8));
    m_buf.push_back(static_cast<std::uint8_t>(v));
}
void ByteWriter::u32le(std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        m_buf.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void ByteWriter::u32be(std::uint32_t v)
{
    for (int i = 3; i >= 0; --i)
        m_buf.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void ByteWriter::u64le(std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        m_buf.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void ByteWriter::bytes(std::span<const std::uint8_t> data)
{
    m_buf.insert(m_buf.end(), data.begin(), data.end());
}
void ByteWriter::utf16(std::string_view utf8)
{
    for (char16_t c : toUtf16(utf8))
        u16le(static_cast<std::uint16_t>(c));
}
void ByteWriter::bVarchar(std::string_view utf8)
{
    std::u16string w = toUtf16(utf8);
    if (w.size() > 255)
        w.resize(255);
    u8(static_cast<std::uint8_t>(w.size()));
    for (char16_t c : w)
        u16le(static_cast<std::uint16_t>(c));
}
void ByteWriter::usVarchar(std::string_view utf8)
{
    std::u16string w = toUtf16(utf8);
    if (w.size() > 65535)
        w.resize(65535);
    u16le(static_cast<std::uint16_t>(w.size()));
    for (char16_t c : w)
        u16le(static_cast<std::uint16_t>(c));
}
void ByteWriter::patchU16le(std::size_t at, std::uint16_t v)
{
    m_buf.at(at) = static_cast<std::uint8_t>(v);
    m_buf.at(at + 1) = static_cast<std::uint8_t>(v >> 8);
}

} // namespace vds::sqlsim
