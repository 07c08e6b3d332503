#include <vds/connections/connectioncheck.h>

#include <algorithm>

#include <vds/sql/odbcdrivers.h>
#include <vds/sql/sqlconnection.h>

namespace vds::connections {

bool CheckResult::has(CheckReason reason) const
{
    return std::any_of(findings.begin(), findings.end(),
                       [reason](const CheckFinding &f) { return f.reason == reason; });
}

CheckFinding loginFinding(const sql::ConnectionOptions &o, const Error &e)
{
    const std::string &state = e.native.sqlstate;
    if (e.native.value == 18456 || e.native.value == 18452 || state == "28000")
        return {CheckReason::LoginFailed, o.login, e};
    // IM002: the driver manager knows no such driver; IM003/01000 "can't open lib": it is
    // registered but its library is gone.
    if (state == "IM002" || state == "IM003" || !sql::driverAvailable(o.driver))
        return {CheckReason::NoDriver, o.driver, e};
    if (state.starts_with("08") || state == "HYT00" || e.category == ErrorCategory::Timeout)
        return {CheckReason::HostUnreachable, o.host + ":" + std::to_string(o.port), e};
    return {CheckReason::ConnectFailed, {}, e};
}

std::vector<CheckFinding> vdiFindings(const VdiFacts &f, const std::string &host)
{
    std::vector<CheckFinding> out;
    if (!f.serverIsLocal) {
        // Nothing else matters: no set-up on this machine makes VDI reach another one.
        out.push_back({CheckReason::ServerNotLocal, host, {}});
        return out;
    }
    if (f.isSimulator || f.nativeForced)
        return out;
    if (!f.sqlvdiPresent)
        out.push_back({CheckReason::SqlVdiMissing, f.sqlvdiPath, {}});
    if (!f.groupsShared)
        out.push_back({CheckReason::MssqlGroupMissing, f.userName, {}});
    return out;
}

CheckResult checkConnection(const sql::ConnectionOptions &options)
{
    CheckResult r;
    if (!sql::driverAvailable(options.driver)) {
        r.findings.push_back({CheckReason::NoDriver, options.driver, {}});
        return r;
    }
    auto connection = sql::SqlConnection::connect(options);
    if (!connection) {
        r.findings.push_back(loginFinding(options, connection.error()));
        return r;
    }
    r.connected = true;
    auto summary = sql::introspect(*connection);
    if (!summary) {
        r.findings.push_back({CheckReason::ConnectFailed, {}, summary.error()});
        return r;
    }
    r.isSimulator = summary->version.find("vds-sqlsim") != std::string::npos;
    if (!summary->isSysadmin)
        r.findings.push_back({CheckReason::NotSysadmin, options.login, {}});
    for (CheckFinding &f : vdiFindings(probeVdi(options.host, r.isSimulator), options.host))
        r.findings.push_back(std::move(f));
    r.server = std::move(*summary);
    return r;
}

Expected<sql::ServerSummary> listDatabases(const sql::ConnectionOptions &options)
{
    auto connection = sql::SqlConnection::connect(options);
    if (!connection)
        return fail(connection.error());
    return sql::introspect(*connection);
}

} // namespace vds::connections
