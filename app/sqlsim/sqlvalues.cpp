#include "sqlvalues.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace vds::sqlsim {

std::string lowerName(std::string s)
{
    for (char &ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string valueText(const Value &v)
{
    if (const auto *s = std::get_if<std::string>(&v))
        return *s;
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto *b = std::get_if<bool>(&v))
        return *b ? "1" : "0";
    return {};
}

std::optional<std::int64_t> valueInt(const Value &v)
{
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto *b = std::get_if<bool>(&v))
        return *b ? 1 : 0;
    if (const auto *s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
        if (ec == std::errc{} && p == s->data() + s->size())
            return out;
    }
    return std::nullopt;
}

int compareValues(const Value &a, const Value &b)
{
    const bool an = std::holds_alternative<std::monostate>(a);
    const bool bn = std::holds_alternative<std::monostate>(b);
    if (an || bn)
        return an == bn ? 0 : (an ? -1 : 1);
    if (const auto *ta = std::get_if<SimTime>(&a))
        if (const auto *tb = std::get_if<SimTime>(&b))
            return *ta < *tb ? -1 : (*tb < *ta ? 1 : 0);
    const auto ia = valueInt(a);
    const auto ib = valueInt(b);
    if (ia && ib && !std::holds_alternative<std::string>(a))
        return *ia < *ib ? -1 : (*ib < *ia ? 1 : 0);
    const std::string sa = lowerName(valueText(a));
    const std::string sb = lowerName(valueText(b));
    return sa.compare(sb) < 0 ? -1 : (sa == sb ? 0 : 1);
}

SimResult<Column> parseType(SqlCursor &c)
{
    const std::string t = upper(c.next().text);
    Column col{"", ColumnType::NVarChar, 128};
    if (t == "INT" || t == "SMALLINT" || t == "TINYINT")
        col.type = ColumnType::Int;
    else if (t == "BIGINT" || t == "NUMERIC" || t == "DECIMAL")
        col.type = ColumnType::BigInt;
    else if (t == "BIT")
        col.type = ColumnType::Bit;
    else if (t == "DATETIME" || t == "DATETIME2")
        col.type = ColumnType::DateTime;
    else if (t != "NVARCHAR" && t != "VARCHAR" && t != "SYSNAME" && t != "NCHAR" && t != "CHAR")
        return sqlError(243, "Type " + t + " is not a defined system type.");
    if (c.acceptPunct('(')) {
        const SqlToken &n = c.next();
        if (col.type == ColumnType::NVarChar) {
            unsigned len = 4000;
            if (!n.isKeyword("MAX"))
                std::from_chars(n.text.data(), n.text.data() + n.text.size(), len);
            col.maxChars = static_cast<std::uint16_t>(std::clamp(len, 1u, 4000u));
        }
        while (!c.atEnd() && !c.peek().isPunct(')'))
            c.next();
        if (!c.acceptPunct(')'))
            return sqlError(102, "Incorrect syntax near '" + c.nearText() + "'.");
    }
    return col;
}

Value castValue(const Value &v, const Column &to)
{
    if (std::holds_alternative<std::monostate>(v))
        return v;
    switch (to.type) {
    case ColumnType::NVarChar: return valueText(v);
    case ColumnType::Int:
    case ColumnType::BigInt: {
        const auto i = valueInt(v);
        return i ? Value(*i) : Value();
    }
    case ColumnType::Bit: {
        const auto i = valueInt(v);
        return i ? Value(*i != 0) : Value();
    }
    case ColumnType::DateTime: return v;
    }
    return v;
}

} // namespace vds::sqlsim
