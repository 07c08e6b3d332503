#include <vds/sql/sqldiagnostic.h>

namespace vds::sql {

bool SqlDiagnostic::isInformational() const
{
    // The SQLSTATE decides: drivers map class ≤ 10 to 01000, and their own client-side
    // messages (a lost connection, 08S01) carry small "severities" that are not SQL classes.
    if (sqlstate.size() == 5)
        return sqlstate.starts_with("01") || sqlstate.starts_with("00");
    return severity && *severity <= 10;
}

std::string stripDriverPrefix(std::string text)
{
    while (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos)
            break;
        text.erase(0, close + 1);
    }
    return text;
}

ErrorCategory categoryFor(const SqlDiagnostic &d)
{
    switch (d.number) {
    case 18456: // login failed
    case 4060:  // cannot open the login's database
    case 3265:  // VIRTUAL_DEVICE needs sysadmin
    case 262:   // permission denied
        return ErrorCategory::Permission;
    case 3204: // the backup or restore was aborted
    case 3271: // nonrecoverable I/O error … aborted
        return ErrorCategory::Aborted;
    case 3229: // request for device timed out
        return ErrorCategory::Timeout;
    case 3202: // write failed
    case 3203: // read failed
        return ErrorCategory::Io;
    case 3201: // cannot open backup device
    case 911:  // database does not exist
    case 3701:
    case 208: // invalid object name
        return ErrorCategory::NotFound;
    case 1834: // file cannot be overwritten (clash)
    case 3154: // backup set holds a different database
    case 3159: // tail of the log not backed up
    case 3136: // differential cannot be restored (wrong base)
    case 4305: // log too recent
        return ErrorCategory::InvalidArgument;
    case 3241: // media family malformed
    case 3242:
    case 3266:
    case 3183: // integrity check failed
    case 3189: return ErrorCategory::Format;
    default: break;
    }
    if (d.sqlstate == "HY008")
        return ErrorCategory::Cancelled;
    if (d.sqlstate == "HYT00" || d.sqlstate == "HYT01")
        return ErrorCategory::Timeout;
    if (d.sqlstate.starts_with("08"))
        return ErrorCategory::Aborted; // the connection failed or was lost
    if (d.sqlstate.starts_with("28"))
        return ErrorCategory::Permission;
    if (d.sqlstate.starts_with("IM"))
        return ErrorCategory::NotFound; // driver manager: driver not found / not loadable
    return ErrorCategory::Sql;
}

Error errorFromDiagnostics(const std::vector<SqlDiagnostic> &diagnostics, std::string context,
                           std::string_view fallback)
{
    const SqlDiagnostic *best = nullptr;
    for (const SqlDiagnostic &d : diagnostics) {
        if (d.isInformational())
            continue;
        // 3013 and 18456 are summaries; the first concrete cause before them wins.
        if (!best || ((best->number == 3013) && d.number != 3013))
            best = &d;
    }
    // A cancel reported by the driver beats anything the server said afterwards.
    for (const SqlDiagnostic &d : diagnostics)
        if (d.sqlstate == "HY008")
            best = &d;
    Error e;
    e.context = std::move(context);
    if (!best) {
        e.category = ErrorCategory::Sql;
        e.message = std::string(fallback);
        return e;
    }
    e.category = categoryFor(*best);
    e.native.kind = NativeKind::Sqlstate;
    e.native.value = best->number;
    e.native.sqlstate = best->sqlstate;
    e.message = best->text.empty() ? std::string(fallback) : best->text;
    return e;
}

} // namespace vds::sql
