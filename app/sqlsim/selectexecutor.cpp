#include "selectquery.h"

#include <algorithm>

#include "sqlvalues.h"

namespace vds::sqlsim {

ResultSet executeSelect(const SelectQuery &query)
{
    const auto &table = query.table;
    const auto &exprs = query.exprs;
    const auto &groupBy = query.groupBy;
    const auto &orderBy = query.orderBy;
    const auto &tableOrder = query.tableOrder;
    ResultSet out;
    for (const SelectExpr &x : exprs)
        out.columns.push_back(x.meta);

    const bool aggregate = std::any_of(exprs.begin(), exprs.end(), [](const SelectExpr &x) {
        return x.kind == SelectExpr::Kind::Aggregate || x.kind == SelectExpr::Kind::CountStar;
    });
    std::vector<std::vector<Value>> source;
    if (table) {
        for (auto &row : table->rows) {
            bool keep = true;
            for (const SelectCondition &cond : query.where) {
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
    auto project = [&](const std::vector<std::vector<Value>> &group) {
        std::vector<Value> row;
        for (const SelectExpr &x : exprs) {
            Value v;
            if (x.kind == SelectExpr::Kind::Const) {
                v = x.constant;
            } else if (x.kind == SelectExpr::Kind::Column) {
                v = group.empty() ? Value() : group.front()[x.column];
            } else if (x.kind == SelectExpr::Kind::CountStar) {
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
    if (query.top &&
        out.rows.size() > static_cast<std::size_t>(std::max<std::int64_t>(*query.top, 0)))
        out.rows.resize(static_cast<std::size_t>(std::max<std::int64_t>(*query.top, 0)));
    return out;
}

} // namespace vds::sqlsim
