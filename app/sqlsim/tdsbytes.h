#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vds::sqlsim {

/// UTF-16LE bytes → UTF-8 (unpaired surrogates become U+FFFD).
std::string fromUtf16le(std::span<const std::uint8_t> bytes);

/// Appends TDS wire values to a growing buffer. TDS payloads are little-endian except the
/// packet header and PRELOGIN offsets, hence both flavours. Value type, one thread at a time.
class ByteWriter {
public:
    void u8(std::uint8_t v) { m_buf.push_back(v); }
    void u16le(std::uint16_t v);
    void u16be(std::uint16_t v);
    void u32le(std::uint32_t v);
    void u32be(std::uint32_t v);
    void u64le(std::uint64_t v);
    void i32le(std::int32_t v) { u32le(static_cast<std::uint32_t>(v)); }
    void bytes(std::span<const std::uint8_t> data);
    /// UTF-16LE text without a length prefix.
    void utf16(std::string_view utf8);
    /// B_VARCHAR: u8 character count + UTF-16LE.
    void bVarchar(std::string_view utf8);
    /// US_VARCHAR: u16 character count + UTF-16LE.
    void usVarchar(std::string_view utf8);
    void patchU16le(std::size_t at, std::uint16_t v);

    [[nodiscard]] std::size_t size() const { return m_buf.size(); }
    [[nodiscard]] const std::vector<std::uint8_t> &data() const { return m_buf; }
    [[nodiscard]] std::vector<std::uint8_t> take() { return std::move(m_buf); }
    void append(const ByteWriter &other) { bytes(other.m_buf); }

private:
    std::vector<std::uint8_t> m_buf;
};

} // namespace vds::sqlsim
