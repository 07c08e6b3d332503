#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tokenwriter.h"

namespace vds::sqlsim {

/// One select-list expression, resolved against the FROM table.
struct SelectExpr {
    enum class Kind { Const, Column, Aggregate, CountStar };
    Kind kind = Kind::Const;
    Value constant;
    Column meta{"", ColumnType::NVarChar, 128};
    std::size_t column = 0; ///< index into the table (Column / Aggregate)
    std::string function;   ///< MAX, MIN, SUM, COUNT
    std::optional<Column> cast;
};

/// One WHERE term: `col = v`, `col <> v`, `col < v` …, `col IN (…)`; terms are ANDed.
struct SelectCondition {
    std::size_t column = 0;
    bool negate = false;
    int order = 0; ///< -1: '<', 1: '>', 0: equality; with orEqual for '<=' / '>='
    bool orEqual = false;
    std::vector<Value> values; ///< "=" has one, IN has several
};

/// A parsed SELECT: what QueryEngine's parse phase hands to the execute phase. The FROM view
/// is read while parsing (its columns resolve names), so executing needs nothing else. A plain
/// value; owned by the caller.
struct SelectQuery {
    std::optional<std::int64_t> top;
    std::optional<ResultSet> table; ///< the FROM view with its rows; nullopt without FROM
    std::vector<SelectExpr> exprs;
    std::vector<SelectCondition> where;
    std::vector<std::size_t> groupBy;
    std::vector<std::pair<std::size_t, bool>> orderBy;    ///< output column, descending
    std::vector<std::pair<std::size_t, bool>> tableOrder; ///< table column, descending
};

/// The execute phase: filter, sort by unselected columns, group and aggregate, project, order
/// and cut to TOP. Cannot fail: every name was resolved by the parser.
[[nodiscard]] ResultSet executeSelect(const SelectQuery &query);

} // namespace vds::sqlsim
