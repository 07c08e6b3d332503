#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sqllexer.h"

namespace vds::sqlsim {

/// A cursor over tokens for the small recursive-descent parsers in the simulator.
class SqlCursor {
public:
    explicit SqlCursor(const std::vector<SqlToken> &tokens) : m_tokens(tokens) {}
    [[nodiscard]] const SqlToken &peek(std::size_t ahead = 0) const;
    const SqlToken &next();
    bool acceptKeyword(std::string_view upperWord);
    bool acceptPunct(char c);
    [[nodiscard]] bool atEnd() const { return peek().kind == SqlToken::Kind::End; }
    /// Text for "Incorrect syntax near '...'": the current token, or the last one at the end.
    [[nodiscard]] std::string nearText() const;

private:
    const std::vector<SqlToken> &m_tokens;
    std::size_t m_pos = 0;
};

} // namespace vds::sqlsim
