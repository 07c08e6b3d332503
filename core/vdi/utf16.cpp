#include <vds/vdi/utf16_p.h>

#include <vds/util/utf.h>

namespace vds::vdi {

std::optional<std::string> utf16ToUtf8(const char16_t *text)
{
    if (!text)
        return std::string();
    return utf::toUtf8Strict(std::u16string_view(text));
}

} // namespace vds::vdi
