#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vds {

/// A 128-bit identifier kept in Microsoft's binary layout (Data1 LE32, Data2 LE16, Data3 LE16,
/// Data4 as is) — the layout VHDX stores and a GUID struct has in memory on x86. VHD stores
/// RFC 4122 (big-endian) order instead: use fromRfcBytes/toRfcBytes there. Value type.
struct Guid {
    std::array<std::uint8_t, 16> bytes{};

    [[nodiscard]] bool isNull() const noexcept;
    /// A fresh random (version 4) identifier from the kernel's CSPRNG.
    static Guid random();
    /// "6B29FC40-CA47-1067-B31D-00DD010662DA" (upper case, no braces).
    [[nodiscard]] std::string toString() const;
    /// Accepts the form above, optionally in braces, any case.
    static std::optional<Guid> parse(std::string_view text);
    static Guid fromRfcBytes(const std::uint8_t *p) noexcept;
    void toRfcBytes(std::uint8_t *p) const noexcept;

    friend bool operator==(const Guid &, const Guid &) = default;
};

} // namespace vds
