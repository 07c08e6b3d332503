#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <vds/sql/sqldiagnostic.h>

namespace vds::sql {

/// A message from a running BACKUP/RESTORE, typed. Plain value.
struct SqlProgressEvent {
    enum class Kind {
        Percent,   ///< 3211 "N percent processed."
        FilePages, ///< 4035 "Processed N pages for database 'D', file 'F' on file 1."
        Completed, ///< 3014 "… successfully processed N pages in S seconds (R MB/sec)."
        Verified,  ///< 3262 "The backup set on file 1 is valid."
        Message,   ///< any other informational message
    };
    Kind kind = Kind::Message;
    int percent = 0;          ///< Percent
    std::int64_t pages = 0;   ///< FilePages, Completed
    std::string file;         ///< FilePages: the logical file name
    double seconds = 0;       ///< Completed
    SqlDiagnostic diagnostic; ///< the record it came from
    std::chrono::steady_clock::time_point receivedAt;
};

/// Classifies one informational record (3211/4035/3014/3262 → typed, others → Message).
SqlProgressEvent classifyMessage(const SqlDiagnostic &diagnostic);

} // namespace vds::sql
