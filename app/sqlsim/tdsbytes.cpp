#include "tdsbytes.h"

#include <vds/util/utf.h>

namespace vds::sqlsim {

std::string fromUtf16le(std::span<const std::uint8_t> b)
{
    std::u16string units;
    units.reserve(b.size() / 2);
    for (std::size_t i = 0; i + 1 < b.size(); i += 2)
        units.push_back(static_cast<char16_t>(b[i] | (b[i + 1] << 8)));
    return utf::toUtf8(units);
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
    for (char16_t c : utf::toUtf16(utf8))
        u16le(static_cast<std::uint16_t>(c));
}
void ByteWriter::bVarchar(std::string_view utf8)
{
    std::u16string w = utf::toUtf16(utf8);
    if (w.size() > 255)
        w.resize(255);
    u8(static_cast<std::uint8_t>(w.size()));
    for (char16_t c : w)
        u16le(static_cast<std::uint16_t>(c));
}
void ByteWriter::usVarchar(std::string_view utf8)
{
    std::u16string w = utf::toUtf16(utf8);
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
