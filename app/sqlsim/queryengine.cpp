#include "queryengine.h"

#include <unistd.h>

namespace vds::sqlsim {

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
    auto query = parseSelect(c, session);
    if (!query)
        return std::unexpected(query.error());
    return executeSelect(*query);
}

} // namespace vds::sqlsim
