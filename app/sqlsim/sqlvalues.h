#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "simerror.h"
#include "sqlcursor.h"
#include "tokenwriter.h"

namespace vds::sqlsim {

// Value helpers shared by the SELECT parser and executor: SQL Server's loose comparisons
// (numbers as numbers, text case-insensitively, NULL first) and CAST. Pure functions.

[[nodiscard]] std::string lowerName(std::string s);
[[nodiscard]] std::string valueText(const Value &v);
[[nodiscard]] std::optional<std::int64_t> valueInt(const Value &v);
/// -1, 0 or 1; NULL sorts before everything, text compares case-insensitively.
[[nodiscard]] int compareValues(const Value &a, const Value &b);
/// A type name after AS in CAST (cursor on the type name).
[[nodiscard]] SimResult<Column> parseType(SqlCursor &c);
[[nodiscard]] Value castValue(const Value &v, const Column &to);

} // namespace vds::sqlsim
