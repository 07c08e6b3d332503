#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace vds::sqlsim {

/// Bounds-checked reader over a received payload; a read past the end sets !ok() and returns 0
/// so that malformed client packets are refused instead of crashing the simulator. Borrows the
/// payload (which must outlive it); used by one connection thread.
class ByteReader final {
public:
    explicit ByteReader(std::span<const std::uint8_t> data) : m_data(data) {}
    std::uint8_t u8();
    std::uint16_t u16le();
    std::uint16_t u16be();
    std::uint32_t u32le();
    void seek(std::size_t pos);
    void skip(std::size_t n) { seek(m_pos + n); }
    /// UTF-16LE string of `chars` characters at absolute offset `at` (not moving the cursor).
    std::string utf16At(std::size_t at, std::size_t chars);
    [[nodiscard]] std::size_t pos() const { return m_pos; }
    [[nodiscard]] std::size_t remaining() const { return m_ok ? m_data.size() - m_pos : 0; }
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    bool need(std::size_t n);
    std::span<const std::uint8_t> m_data;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

} // namespace vds::sqlsim
