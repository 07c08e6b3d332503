#pragma once

#include <optional>
#include <string>
#include <string_view>

/// UTF-8 ⇄ UTF-16 for the places that meet Microsoft's strings: VDI names (WCHAR), VHDX
/// parent locators, VHD parent names and TDS. One implementation, so every format treats bad
/// input the same way. Plain functions; any thread.
namespace vds::utf {

/// Appends the UTF-8 encoding of one code point (U+FFFD for surrogates and values past U+10FFFF).
void appendUtf8(std::string &out, char32_t codePoint);

/// UTF-8 to UTF-16. Invalid or truncated sequences become U+FFFD, one per bad byte.
[[nodiscard]] std::u16string toUtf16(std::string_view utf8);

/// UTF-16 to UTF-8. Unpaired surrogates become U+FFFD.
[[nodiscard]] std::string toUtf8(std::u16string_view utf16);

/// UTF-16 to UTF-8, refusing (nullopt) unpaired surrogates: for names that must round-trip.
[[nodiscard]] std::optional<std::string> toUtf8Strict(std::u16string_view utf16);

} // namespace vds::utf
