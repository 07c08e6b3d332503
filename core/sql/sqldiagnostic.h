#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <vds/util/error.h>

namespace vds::sql {

/// One ODBC diagnostic record as the driver reported it. Plain value.
struct SqlDiagnostic {
    std::string sqlstate;        ///< five characters, e.g. "42000", "01000", "HY008"
    std::int32_t number = 0;     ///< SQL Server message number (the ODBC native error)
    std::optional<int> severity; ///< SQL Server class, when the driver tells it
    std::string text;            ///< without the "[FreeTDS][SQL Server]" prefixes

    /// Informational (class ≤ 10 / SQLSTATE 01xxx): progress and notes, not failures.
    [[nodiscard]] bool isInformational() const;
};

/// Removes the driver's bracketed prefixes ("[FreeTDS][SQL Server]", "[Microsoft][ODBC Driver
/// 18 for SQL Server][SQL Server]") so the text is SQL Server's own.
std::string stripDriverPrefix(std::string text);

/// Turns the diagnostics of a failed call into one typed error: the most specific SQL Server
/// message (3013 "terminating abnormally" only when nothing better came), its number and
/// SQLSTATE kept in Error::native, the category chosen by number/SQLSTATE (18456 → Permission,
/// HY008 → Cancelled, 3204 → Aborted, 3229/HYT00 → Timeout, 3202/3203 → Io, 08xxx → Aborted…).
Error errorFromDiagnostics(const std::vector<SqlDiagnostic> &diagnostics, std::string context,
                           std::string_view fallback);
/// The category rule alone (exposed for tests).
ErrorCategory categoryFor(const SqlDiagnostic &diagnostic);

} // namespace vds::sql
