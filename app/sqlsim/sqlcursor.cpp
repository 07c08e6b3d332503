#include "sqlcursor.h"

namespace vds::sqlsim {

const SqlToken &SqlCursor::peek(std::size_t ahead) const
{
    const std::size_t at = m_pos + ahead;
    return at < m_tokens.size() ? m_tokens[at] : m_tokens.back();
}

const SqlToken &SqlCursor::next()
{
    const SqlToken &t = peek();
    if (m_pos + 1 < m_tokens.size())
        ++m_pos;
    return t;
}

bool SqlCursor::acceptKeyword(std::string_view u)
{
    if (!peek().isKeyword(u))
        return false;
    next();
    return true;
}

bool SqlCursor::acceptPunct(char c)
{
    if (!peek().isPunct(c))
        return false;
    next();
    return true;
}

std::string SqlCursor::nearText() const
{
    if (!atEnd())
        return peek().text;
    return m_pos > 0 ? m_tokens[m_pos - 1].text : std::string();
}

} // namespace vds::sqlsim
