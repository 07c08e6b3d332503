#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vds::sqlsim {

/// One T-SQL token. Quoted identifiers ([x] or "x") are never keywords.
struct SqlToken {
    enum class Kind { Word, QuotedName, String, Number, Variable, Punct, End };
    Kind kind = Kind::End;
    std::string text; ///< unquoted value (']]' and "''" already folded)

    [[nodiscard]] bool isKeyword(std::string_view upper) const;
    [[nodiscard]] bool isPunct(char c) const
    {
        return kind == Kind::Punct && text.size() == 1 && text[0] == c;
    }
    [[nodiscard]] bool isName() const { return kind == Kind::Word || kind == Kind::QuotedName; }
};

/// Splits T-SQL into tokens, dropping comments. Unterminated strings or brackets give
/// `ok == false` and the offending text, so the caller can answer with error 105 like SQL Server.
struct SqlLexResult {
    std::vector<SqlToken> tokens; ///< always ends with an End token
    bool ok = true;
    std::string badText;
};
SqlLexResult lexSql(std::string_view sql);

/// ASCII upper-case copy (T-SQL keywords and the simulator's CI collation).
std::string upper(std::string_view s);

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
