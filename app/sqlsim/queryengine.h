#pragma once

#include <string>
#include <vector>

#include "catalogviews.h"
#include "databasestore.h"
#include "selectquery.h"
#include "sessioninfo.h"
#include "simerror.h"
#include "simoptions.h"
#include "sqlcursor.h"
#include "sqllexer.h"

namespace vds::sqlsim {

/// Answers SELECTs: scalar server facts (@@VERSION, SERVERPROPERTY, IS_SRVROLEMEMBER, …) and
/// the catalog views the app reads (sys.databases, sys.master_files, msdb.dbo.backupset,
/// sys.dm_os_host_info) with projection, WHERE col = value / IN, GROUP BY with MAX/MIN/COUNT/SUM,
/// ORDER BY and TOP. Anything outside that is refused with SQL Server's error numbers (102,
/// 207, 208) rather than guessed at. Stateless; shared by all connection threads.
class QueryEngine final {
public:
    QueryEngine(const SimOptions &options, const DatabaseStore &store);

    /// `c` is positioned just after SELECT.
    [[nodiscard]] SimResult<ResultSet> select(SqlCursor &c, const SessionInfo &session) const;

    [[nodiscard]] std::string serverName() const;
    [[nodiscard]] std::string versionString() const;

    /// A catalog view as a full table, or nullopt when the name is unknown (→ 208).
    [[nodiscard]] std::optional<ResultSet> table(const std::string &qualifiedLower) const;

private:
    // Two phases (selectparser.cpp, selectexecutor.cpp): parsing resolves every name against
    // the FROM view and reports SQL Server's errors; executing cannot fail.
    [[nodiscard]] SimResult<SelectQuery> parseSelect(SqlCursor &c,
                                                     const SessionInfo &session) const;
    [[nodiscard]] SimResult<SelectExpr> parseExpr(SqlCursor &e, const SessionInfo &session,
                                                  const std::optional<ResultSet> &table) const;

    const SimOptions &m_options;
    const DatabaseStore &m_store;
    CatalogViews m_views;
};

} // namespace vds::sqlsim
