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

} // namespace vds::sqlsim
