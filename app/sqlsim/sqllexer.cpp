#include "sqllexer.h"

#include <cctype>

namespace vds::sqlsim {

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool SqlToken::isKeyword(std::string_view u) const
{
    return kind == Kind::Word && upper(text) == u;
}

namespace {
/// Reads up to the closing delimiter from s[i] (just past the opening one), a doubled delimiter
/// standing for one ('it''s', [a]]b]). Leaves i past the closing delimiter; false when unclosed.
bool readDelimited(std::string_view s, std::size_t &i, char close, std::string &text)
{
    while (i < s.size()) {
        if (s[i] == close) {
            if (i + 1 < s.size() && s[i + 1] == close) {
                text.push_back(close);
                i += 2;
                continue;
            }
            ++i;
            return true;
        }
        text.push_back(s[i++]);
    }
    return false;
}

bool isWordChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '#' || c == '$' || u >= 0x80;
}
} // namespace

SqlLexResult lexSql(std::string_view s)
{
    SqlLexResult r;
    std::size_t i = 0;
    auto push = [&](SqlToken::Kind k, std::string text) {
        r.tokens.push_back({k, std::move(text)});
    };
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
            while (i < s.size() && s[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            const auto end = s.find("*/", i + 2);
            i = end == std::string_view::npos ? s.size() : end + 2;
        } else if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < s.size() && s[i + 1] == '\'')) {
            const std::size_t start = i;
            i += c == '\'' ? 1 : 2;
            std::string text;
            if (!readDelimited(s, i, '\'', text)) {
                r.ok = false;
                r.badText = std::string(s.substr(start));
                break;
            }
            push(SqlToken::Kind::String, std::move(text));
        } else if (c == '[' || c == '"') {
            const char close = c == '[' ? ']' : '"';
            const std::size_t start = i++;
            std::string text;
            if (!readDelimited(s, i, close, text)) {
                r.ok = false;
                r.badText = std::string(s.substr(start));
                break;
            }
            push(SqlToken::Kind::QuotedName, std::move(text));
        } else if (c == '@') {
            const std::size_t start = i;
            while (i < s.size() && s[i] == '@')
                ++i;
            while (i < s.size() && isWordChar(s[i]))
                ++i;
            push(SqlToken::Kind::Variable, upper(s.substr(start, i - start)));
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            const std::size_t start = i;
            while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
                ++i;
            push(SqlToken::Kind::Number, std::string(s.substr(start, i - start)));
        } else if (isWordChar(c)) {
            const std::size_t start = i;
            while (i < s.size() && isWordChar(s[i]))
                ++i;
            push(SqlToken::Kind::Word, std::string(s.substr(start, i - start)));
        } else {
            push(SqlToken::Kind::Punct, std::string(1, c));
            ++i;
        }
    }
    push(SqlToken::Kind::End, {});
    return r;
}

} // namespace vds::sqlsim
