#include "bytereader.h"

#include "tdsbytes.h"

namespace vds::sqlsim {

bool ByteReader::need(std::size_t n)
{
    if (!m_ok || m_data.size() - m_pos < n) {
        m_ok = false;
        return false;
    }
    return true;
}
std::uint8_t ByteReader::u8()
{
    return need(1) ? m_data[m_pos++] : 0;
}
std::uint16_t ByteReader::u16le()
{
    if (!need(2))
        return 0;
    const auto v = static_cast<std::uint16_t>(m_data[m_pos] | (m_data[m_pos + 1] << 8));
    m_pos += 2;
    return v;
}
std::uint16_t ByteReader::u16be()
{
    if (!need(2))
        return 0;
    const auto v = static_cast<std::uint16_t>((m_data[m_pos] << 8) | m_data[m_pos + 1]);
    m_pos += 2;
    return v;
}
std::uint32_t ByteReader::u32le()
{
    if (!need(4))
        return 0;
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | m_data[m_pos + static_cast<std::size_t>(i)];
    m_pos += 4;
    return v;
}
void ByteReader::seek(std::size_t pos)
{
    if (pos > m_data.size())
        m_ok = false;
    else
        m_pos = pos;
}
std::string ByteReader::utf16At(std::size_t at, std::size_t chars)
{
    if (at > m_data.size() || (m_data.size() - at) / 2 < chars) {
        m_ok = false;
        return {};
    }
    return fromUtf16le(m_data.subspan(at, chars * 2));
}

} // namespace vds::sqlsim
