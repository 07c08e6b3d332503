#pragma once

#include <optional>
#include <string>

namespace vds::vdi {

/// UTF-16 (NUL-terminated) to UTF-8. nullopt for an unpaired surrogate. Null input → "".
std::optional<std::string> utf16ToUtf8(const char16_t *text);

} // namespace vds::vdi
