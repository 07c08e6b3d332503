#include <algorithm>

#include "queryengine.h"
#include "sqlvalues.h"

// The parse phase of SELECT: the select list, FROM, WHERE, GROUP BY and ORDER BY become a
// SelectQuery with every name resolved; errors are SQL Server's (102, 207, 208, 8120, …).

namespace vds::sqlsim {

namespace {

std::optional<std::size_t> columnIndex(const std::optional<ResultSet> &table, const std::string &n)
{
    if (!table)
        return std::nullopt;
    for (std::size_t i = 0; i < table->columns.size(); ++i)
        if (lowerName(table->columns[i].name) == lowerName(n))
            return i;
    return std::nullopt;
}

} // namespace

SimResult<SelectQuery> QueryEngine::parseSelect(SqlCursor &c, const SessionInfo &session) const
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

    // Resolve the select list.
    std::vector<SelectExpr> exprs;
    for (const Item &item : items) {
        std::vector<SqlToken> toks = item.tokens;
        toks.push_back({SqlToken::Kind::End, {}});
        SqlCursor e(toks);
        if (e.peek().isPunct('*') && toks.size() == 2) {
            if (!table)
                return sqlError(263, "Must specify table to select from.");
            for (std::size_t i = 0; i < table->columns.size(); ++i)
                exprs.push_back({SelectExpr::Kind::Column, {}, table->columns[i], i, {}, {}});
            continue;
        }
        auto x = parseExpr(e, session, table);
        if (!x)
            return std::unexpected(x.error());
        if (!e.atEnd())
            return sqlError(102, "Incorrect syntax near '" + e.nearText() + "'.");
        if (x->cast) {
            const std::string keepName = x->meta.name;
            x->meta = *x->cast;
            x->meta.name = keepName;
        }
        x->meta.name = item.alias.empty()
                           ? (x->kind == SelectExpr::Kind::Column ? x->meta.name : "")
                           : item.alias;
        exprs.push_back(std::move(*x));
    }

    std::vector<SelectCondition> where;
    if (c.acceptKeyword("WHERE")) {
        do {
            const SqlToken col = c.next();
            const auto idx = columnIndex(table, col.text);
            if (!col.isName() || !idx)
                return sqlError(207, "Invalid column name '" + col.text + "'.");
            SelectCondition cond;
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
            const auto idx = columnIndex(table, col.text);
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
            const std::size_t tableCol = out ? 0 : columnIndex(table, col.text).value_or(SIZE_MAX);
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

    const bool aggregate = std::any_of(exprs.begin(), exprs.end(), [](const SelectExpr &x) {
        return x.kind == SelectExpr::Kind::Aggregate || x.kind == SelectExpr::Kind::CountStar;
    });
    for (const SelectExpr &x : exprs)
        if (x.kind == SelectExpr::Kind::Column && aggregate &&
            std::find(groupBy.begin(), groupBy.end(), x.column) == groupBy.end())
            return sqlError(8120, "Column '" + table->columns[x.column].name +
                                      "' is invalid in the select list because it is not contained "
                                      "in either an aggregate function or the GROUP BY clause.");

    return SelectQuery{top,
                       std::move(table),
                       std::move(exprs),
                       std::move(where),
                       std::move(groupBy),
                       std::move(orderBy),
                       std::move(tableOrder)};
}

SimResult<SelectExpr> QueryEngine::parseExpr(SqlCursor &e, const SessionInfo &session,
                                             const std::optional<ResultSet> &table) const
{
    const SqlToken t = e.next();
    SelectExpr x;
    auto constant = [&](Value v, Column meta) {
        x.kind = SelectExpr::Kind::Const;
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
        auto inner = parseExpr(e, session, table);
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
        if (inner->kind == SelectExpr::Kind::Const)
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
            else if (role == "dbcreator" || role == "serveradmin" || role == "securityadmin" ||
                     role == "diskadmin" || role == "processadmin" || role == "setupadmin" ||
                     role == "bulkadmin")
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
                x.kind = SelectExpr::Kind::CountStar;
                x.meta = {"", ColumnType::Int, 0};
                return x;
            }
            const SqlToken col = e.next();
            const auto idx = columnIndex(table, col.text);
            if (!idx)
                return sqlError(207, "Invalid column name '" + col.text + "'.");
            if (!e.acceptPunct(')'))
                return sqlError(102, "Incorrect syntax near '" + fn + "'.");
            x.kind = SelectExpr::Kind::Aggregate;
            x.function = fn;
            x.column = *idx;
            x.meta = table->columns[*idx];
            if (fn == "COUNT" || fn == "SUM")
                x.meta.type = fn == "COUNT" ? ColumnType::Int : ColumnType::BigInt;
            return x;
        }
        return sqlError(195, "'" + t.text + "' is not a recognized built-in function name.");
    }
    if (t.isName()) {
        std::string col = t.text;
        while (e.acceptPunct('.'))
            col = e.next().text; // a.b → b (table alias prefixes)
        const auto idx = columnIndex(table, col);
        if (!idx)
            return sqlError(207, "Invalid column name '" + col + "'.");
        x.kind = SelectExpr::Kind::Column;
        x.column = *idx;
        x.meta = table->columns[*idx];
        return x;
    }
    return sqlError(102, "Incorrect syntax near '" + t.text + "'.");
}

} // namespace vds::sqlsim
