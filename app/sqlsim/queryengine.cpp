#include "queryengine.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <memory>

#include <unistd.h>

namespace vds::sqlsim {

namespace {

/// A parsed select-list expression.
struct Expr {
    enum class Kind { Const, Column, Aggregate, CountStar };
    Kind kind = Kind::Const;
    Value constant;
    Column meta{"", ColumnType::NVarChar, 128};
    std::size_t column = 0; ///< index into the table (Column / Aggregate)
    std::string function;   ///< MAX, MIN, SUM, COUNT
    std::optional<Column> cast;
};

struct Condition {
    std::size_t column = 0;
    bool negate = false;
    int order = 0; ///< -1: '<', 1: '>', 0: equality; with orEqual for '<=' / '>='
    bool orEqual = false;
    std::vector<Value> values; ///< "=" has one, IN has several
};

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

} // namespace

QueryEngine::QueryEngine(const SimOptions &options, const DatabaseStore &store)
    : m_options(options), m_store(store), m_views(store)
{}

std::string QueryEngine::serverName() const
{
    char host[256] = "localhost";
    ::gethostname(host, sizeof host - 1);
    std::string name = upper(host);
    if (m_options.instance)
        name += "\\" + *m_options.instance;
    return name;
}

std::string QueryEngine::versionString() const
{
    return "Microsoft SQL Server 2022 (RTM-CU12) (KB5033663) - 16.0.4135.4 (X64) \n"
           "\tNov 22 2026 00:00:00 \n"
           "\tCopyright (C) 2022 Microsoft Corporation\n"
           "\tDeveloper Edition (64-bit) on Linux (vds-sqlsim, Virtual Device Studio's "
           "simulator) <X64>";
}

std::optional<ResultSet> QueryEngine::table(const std::string &qualifiedLower) const
{
    return m_views.table(qualifiedLower);
}

SimResult<ResultSet> QueryEngine::select(SqlCursor &c, const SessionInfo &session) const
{
    auto syntax = [&]() { return sqlError(102, "Incorrect syntax near '" + c.nearText() + "'."); };
    std::optional<std::int64_t> top;
    if (c.acceptKeyword("TOP")) {
        const bool paren = c.acceptPunct('(');
        top = valueInt(Value(c.next().text));
        if (!top || (paren && !c.acceptPunct(')')))
            return syntax();
    }

    // The select list is kept as tokens first: column references can only be resolved once
    // FROM has named the table.
    struct Item {
        std::vector<SqlToken> tokens;
        std::string alias;
    };
    std::vector<Item> items;
    for (;;) {
        Item item;
        int depth = 0;
        while (!c.atEnd()) {
            const SqlToken &t = c.peek();
            if (depth == 0 &&
                (t.isPunct(',') || t.isPunct(';') || t.isKeyword("FROM") || t.isKeyword("AS") ||
                 t.isKeyword("WHERE") || t.isKeyword("ORDER") || t.isKeyword("GROUP")))
                break;
            if (depth == 0 && !item.tokens.empty() && t.isName() &&
                !item.tokens.back().isPunct('.') && !t.isKeyword("AS"))
                break; // a bare alias
            if (t.isPunct('('))
                ++depth;
            if (t.isPunct(')'))
                --depth;
            item.tokens.push_back(c.next());
        }
        if (item.tokens.empty())
            return syntax();
        if (c.acceptKeyword("AS") ||
            (c.peek().isName() && !c.peek().isKeyword("FROM") && !c.peek().isKeyword("WHERE") &&
             !c.peek().isKeyword("ORDER") && !c.peek().isKeyword("GROUP"))) {
            const SqlToken &a = c.next();
            if (!a.isName() && a.kind != SqlToken::Kind::String)
                return syntax();
            item.alias = a.text;
        }
        items.push_back(std::move(item));
        if (!c.acceptPunct(','))
            break;
    }

    std::optional<ResultSet> table;
    if (c.acceptKeyword("FROM")) {
        std::string name;
        if (c.peek().isName())
            name = lowerName(c.next().text);
        while (!name.empty() && c.acceptPunct('.')) {
            name += '.';
            if (c.peek().isName())
                name += lowerName(c.next().text);
        }
        if (name.empty())
            return syntax();
        if (name.starts_with("master."))
            name = name.substr(7);
        if (name == "msdb..backupset")
            name = "msdb.dbo.backupset";
        table = this->table(name);
        if (!table)
            return sqlError(208, "Invalid object name '" + name + "'.");
        if (c.peek().isName() && !c.peek().isKeyword("WHERE") && !c.peek().isKeyword("ORDER") &&
            !c.peek().isKeyword("GROUP"))
            c.next(); // table alias
    }
    auto columnIndex = [&](const std::string &n) -> std::optional<std::size_t> {
        if (!table)
            return std::nullopt;
        for (std::size_t i = 0; i < table->columns.size(); ++i)
            if (lowerName(table->columns[i].name) == lowerName(n))
                return i;
        return std::nullopt;
    };

    // Resolve the select list.
    std::vector<Expr> exprs;
    for (const Item &item : items) {
        std::vector<SqlToken> toks = item.tokens;
        toks.push_back({SqlToken::Kind::End, {}});
        SqlCursor e(toks);
        if (e.peek().isPunct('*') && toks.size() == 2) {
            if (!table)
                return sqlError(263, "Must specify table to select from.");
            for (std::size_t i = 0; i < table->columns.size(); ++i)
                exprs.push_back({Expr::Kind::Column, {}, table->columns[i], i, {}, {}});
            continue;
        }
        std::function<SimResult<Expr>()> parseExpr = [&]() -> SimResult<Expr> {
            const SqlToken t = e.next();
            Expr x;
            auto constant = [&](Value v, Column meta) {
                x.kind = Expr::Kind::Const;
                x.constant = std::move(v);
                x.meta = std::move(meta);
                return x;
            };
            auto stringArg = [&]() -> std::optional<std::string> {
                if (!e.acceptPunct('('))
                    return std::nullopt;
                std::string arg;
                if (e.peek().kind == SqlToken::Kind::String)
                    arg = e.next().text;
                if (!e.acceptPunct(')'))
                    return std::nullopt;
                return arg;
            };
            if (t.kind == SqlToken::Kind::Variable) {
                if (t.text == "@@VERSION")
                    return constant(versionString(), {"", ColumnType::NVarChar, 300});
                if (t.text == "@@SERVERNAME")
                    return constant(serverName(), {"", ColumnType::NVarChar, 128});
                if (t.text == "@@SERVICENAME")
                    return constant(m_options.instance.value_or("MSSQLSERVER"),
                                    {"", ColumnType::NVarChar, 128});
                if (t.text == "@@SPID")
                    return constant(std::int64_t{session.spid}, {"", ColumnType::Int, 0});
                return sqlError(137, "Must declare the scalar variable \"" + t.text + "\".");
            }
            if (t.kind == SqlToken::Kind::String)
                return constant(t.text, {"", ColumnType::NVarChar, 4000});
            if (t.kind == SqlToken::Kind::Number)
                return constant(valueInt(Value(t.text)).value_or(0), {"", ColumnType::Int, 0});
            if (t.isKeyword("NULL"))
                return constant(Value(), {"", ColumnType::Int, 0});
            if (t.isKeyword("CAST")) {
                if (!e.acceptPunct('('))
                    return sqlError(102, "Incorrect syntax near 'CAST'.");
                auto inner = parseExpr();
                if (!inner)
                    return inner;
                if (!e.acceptKeyword("AS"))
                    return sqlError(102, "Incorrect syntax near '" + e.nearText() + "'.");
                auto type = parseType(e);
                if (!type)
                    return std::unexpected(type.error());
                if (!e.acceptPunct(')'))
                    return sqlError(102, "Incorrect syntax near '" + e.nearText() + "'.");
                inner->cast = *type;
                if (inner->kind == Expr::Kind::Const)
                    inner->constant = castValue(inner->constant, *type);
                return inner;
            }
            const std::string fn = upper(t.text);
            if (t.kind == SqlToken::Kind::Word && e.peek().isPunct('(')) {
                if (fn == "SERVERPROPERTY") {
                    const auto arg = stringArg();
                    if (!arg)
                        return sqlError(102, "Incorrect syntax near 'SERVERPROPERTY'.");
                    auto [value, meta] =
                        m_views.serverProperty(lowerName(*arg), serverName(), m_options.instance);
                    return constant(std::move(value), std::move(meta));
                }
                if (fn == "IS_SRVROLEMEMBER") {
                    const auto arg = stringArg();
                    if (!arg)
                        return sqlError(102, "Incorrect syntax near 'IS_SRVROLEMEMBER'.");
                    const std::string role = lowerName(*arg);
                    Value v;
                    if (role == "sysadmin")
                        v = std::int64_t{session.sysadmin ? 1 : 0};
                    else if (role == "public")
                        v = std::int64_t{1};
                    else if (role == "dbcreator" || role == "serveradmin" ||
                             role == "securityadmin" || role == "diskadmin" ||
                             role == "processadmin" || role == "setupadmin" || role == "bulkadmin")
                        v = std::int64_t{session.sysadmin ? 1 : 0};
                    return constant(v, {"", ColumnType::Int, 0});
                }
                if (fn == "SUSER_SNAME" || fn == "SUSER_NAME" || fn == "DB_NAME") {
                    if (!stringArg())
                        return sqlError(102, "Incorrect syntax near '" + t.text + "'.");
                    return constant(fn == "DB_NAME" ? session.database : session.user,
                                    {"", ColumnType::NVarChar, 128});
                }
                if (fn == "MAX" || fn == "MIN" || fn == "SUM" || fn == "COUNT") {
                    e.next();
                    if (fn == "COUNT" && e.acceptPunct('*')) {
                        if (!e.acceptPunct(')'))
                            return sqlError(102, "Incorrect syntax near 'COUNT'.");
                        x.kind = Expr::Kind::CountStar;
                        x.meta = {"", ColumnType::Int, 0};
                        return x;
                    }
                    const SqlToken col = e.next();
                    const auto idx = columnIndex(col.text);
                    if (!idx)
                        return sqlError(207, "Invalid column name '" + col.text + "'.");
                    if (!e.acceptPunct(')'))
                        return sqlError(102, "Incorrect syntax near '" + fn + "'.");
                    x.kind = Expr::Kind::Aggregate;
                    x.function = fn;
                    x.column = *idx;
                    x.meta = table->columns[*idx];
                    if (fn == "COUNT" || fn == "SUM")
                        x.meta.type = fn == "COUNT" ? ColumnType::Int : ColumnType::BigInt;
                    return x;
                }
                return sqlError(195,
                                "'" + t.text + "' is not a recognized built-in function name.");
            }
            if (t.isName()) {
                std::string col = t.text;
                while (e.acceptPunct('.'))
                    col = e.next().text; // a.b → b (table alias prefixes)
                const auto idx = columnIndex(col);
                if (!idx)
                    return sqlError(207, "Invalid column name '" + col + "'.");
                x.kind = Expr::Kind::Column;
                x.column = *idx;
                x.meta = table->columns[*idx];
                return x;
            }
            return sqlError(102, "Incorrect syntax near '" + t.text + "'.");
        };
        auto x = parseExpr();
        if (!x)
            return std::unexpected(x.error());
        if (!e.atEnd())
            return sqlError(102, "Incorrect syntax near '" + e.nearText() + "'.");
        if (x->cast) {
            const std::string keepName = x->meta.name;
            x->meta = *x->cast;
            x->meta.name = keepName;
        }
        x->meta.name =
            item.alias.empty() ? (x->kind == Expr::Kind::Column ? x->meta.name : "") : item.alias;
        exprs.push_back(std::move(*x));
    }

    std::vector<Condition> where;
    if (c.acceptKeyword("WHERE")) {
        do {
            const SqlToken col = c.next();
            const auto idx = columnIndex(col.text);
            if (!col.isName() || !idx)
                return sqlError(207, "Invalid column name '" + col.text + "'.");
            Condition cond;
            cond.column = *idx;
            if (c.acceptPunct('=')) {
            } else if (c.peek().isPunct('<') && c.peek(1).isPunct('>')) {
                c.next();
                c.next();
                cond.negate = true;
            } else if (c.peek().isPunct('<') || c.peek().isPunct('>')) {
                cond.order = c.next().isPunct('<') ? -1 : 1;
                cond.orEqual = c.acceptPunct('=');
            } else if (c.acceptKeyword("IN") && c.acceptPunct('(')) {
                do {
                    const SqlToken v = c.next();
                    cond.values.push_back(v.kind == SqlToken::Kind::Number
                                              ? Value(valueInt(Value(v.text)).value_or(0))
                                              : Value(v.text));
                } while (c.acceptPunct(','));
                if (!c.acceptPunct(')'))
                    return syntax();
                where.push_back(std::move(cond));
                continue;
            } else {
                return syntax();
            }
            const SqlToken v = c.next();
            if (v.kind != SqlToken::Kind::String && v.kind != SqlToken::Kind::Number)
                return syntax();
            cond.values.push_back(v.kind == SqlToken::Kind::Number
                                      ? Value(valueInt(Value(v.text)).value_or(0))
                                      : Value(v.text));
            where.push_back(std::move(cond));
        } while (c.acceptKeyword("AND"));
    }
    std::vector<std::size_t> groupBy;
    if (c.acceptKeyword("GROUP")) {
        if (!c.acceptKeyword("BY"))
            return syntax();
        do {
            const SqlToken col = c.next();
            const auto idx = columnIndex(col.text);
            if (!idx)
                return sqlError(207, "Invalid column name '" + col.text + "'.");
            groupBy.push_back(*idx);
        } while (c.acceptPunct(','));
    }
    std::vector<std::pair<std::size_t, bool>> orderBy;    // output column, descending
    std::vector<std::pair<std::size_t, bool>> tableOrder; // table column, descending
    if (c.acceptKeyword("ORDER")) {
        if (!c.acceptKeyword("BY"))
            return syntax();
        do {
            const SqlToken col = c.next();
            std::optional<std::size_t> out;
            if (col.kind == SqlToken::Kind::Number) {
                const auto n = valueInt(Value(col.text));
                if (n && *n >= 1 && static_cast<std::size_t>(*n) <= exprs.size())
                    out = static_cast<std::size_t>(*n - 1);
            } else {
                for (std::size_t i = 0; i < exprs.size(); ++i)
                    if (lowerName(exprs[i].meta.name) == lowerName(col.text))
                        out = i;
            }
            bool desc = false;
            const std::size_t tableCol = out ? 0 : columnIndex(col.text).value_or(SIZE_MAX);
            if (!out && tableCol == SIZE_MAX)
                return sqlError(207, "Invalid column name '" + col.text + "'.");
            if (c.acceptKeyword("DESC"))
                desc = true;
            else
                c.acceptKeyword("ASC");
            if (out)
                orderBy.emplace_back(*out, desc);
            else
                tableOrder.emplace_back(tableCol, desc); // a column that is not selected
        } while (c.acceptPunct(','));
    }
    c.acceptPunct(';');
    if (!c.atEnd())
        return syntax();

    ResultSet out;
    for (const Expr &x : exprs)
        out.columns.push_back(x.meta);

    const bool aggregate = std::any_of(exprs.begin(), exprs.end(), [](const Expr &x) {
        return x.kind == Expr::Kind::Aggregate || x.kind == Expr::Kind::CountStar;
    });
    std::vector<std::vector<Value>> source;
    if (table) {
        for (auto &row : table->rows) {
            bool keep = true;
            for (const Condition &cond : where) {
                bool any = false;
                for (const Value &v : cond.values) {
                    if (std::holds_alternative<std::monostate>(row[cond.column]))
                        continue; // NULL compares as unknown: never a match
                    const int cmp = compareValues(row[cond.column], v);
                    any = any ||
                          (cond.order == 0 ? cmp == 0
                                           : (cmp == cond.order || (cond.orEqual && cmp == 0)));
                }
                keep = keep && (any != cond.negate);
            }
            if (keep)
                source.push_back(row);
        }
    } else {
        source.emplace_back();
    }
    if (!tableOrder.empty())
        std::stable_sort(source.begin(), source.end(), [&](const auto &a, const auto &b) {
            for (const auto &[col, desc] : tableOrder) {
                const int cmp = compareValues(a[col], b[col]);
                if (cmp != 0)
                    return desc ? cmp > 0 : cmp < 0;
            }
            return false;
        });
    for (const Expr &x : exprs)
        if (x.kind == Expr::Kind::Column && aggregate &&
            std::find(groupBy.begin(), groupBy.end(), x.column) == groupBy.end())
            return sqlError(8120, "Column '" + table->columns[x.column].name +
                                      "' is invalid in the select list because it is not contained "
                                      "in either an aggregate function or the GROUP BY clause.");

    auto project = [&](const std::vector<std::vector<Value>> &group) {
        std::vector<Value> row;
        for (const Expr &x : exprs) {
            Value v;
            if (x.kind == Expr::Kind::Const) {
                v = x.constant;
            } else if (x.kind == Expr::Kind::Column) {
                v = group.empty() ? Value() : group.front()[x.column];
            } else if (x.kind == Expr::Kind::CountStar) {
                v = static_cast<std::int64_t>(group.size());
            } else {
                std::int64_t sum = 0;
                std::int64_t count = 0;
                for (const auto &r : group) {
                    const Value &cell = r[x.column];
                    if (std::holds_alternative<std::monostate>(cell))
                        continue;
                    ++count;
                    sum += valueInt(cell).value_or(0);
                    if (std::holds_alternative<std::monostate>(v) ||
                        (x.function == "MAX" && compareValues(cell, v) > 0) ||
                        (x.function == "MIN" && compareValues(cell, v) < 0))
                        v = cell;
                }
                if (x.function == "SUM")
                    v = count ? Value(sum) : Value();
                if (x.function == "COUNT")
                    v = count;
            }
            row.push_back(x.cast ? castValue(v, *x.cast) : v);
        }
        return row;
    };

    if (aggregate || !groupBy.empty()) {
        std::vector<std::vector<std::vector<Value>>> groups;
        for (auto &r : source) {
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
                for (std::size_t k : groupBy)
                    if (compareValues(g.front()[k], r[k]) != 0)
                        return false;
                return true;
            });
            if (it == groups.end())
                groups.push_back({r});
            else
                it->push_back(r);
        }
        if (groups.empty() && groupBy.empty())
            groups.emplace_back(); // an aggregate over nothing still answers one row
        for (const auto &g : groups)
            out.rows.push_back(project(g));
    } else {
        for (const auto &r : source)
            out.rows.push_back(project({r}));
    }
    if (!orderBy.empty())
        std::stable_sort(out.rows.begin(), out.rows.end(), [&](const auto &a, const auto &b) {
            for (const auto &[col, desc] : orderBy) {
                const int cmp = compareValues(a[col], b[col]);
                if (cmp != 0)
                    return desc ? cmp > 0 : cmp < 0;
            }
            return false;
        });
    if (top && out.rows.size() > static_cast<std::size_t>(std::max<std::int64_t>(*top, 0)))
        out.rows.resize(static_cast<std::size_t>(*top));
    return out;
}

} // namespace vds::sqlsim
