#pragma once

#include <optional>
#include <string>
#include <vector>

#include <vds/sql/connectionoptions.h>
#include <vds/sql/odbchandle.h>
#include <vds/util/error.h>

namespace vds::sql {

/// The rows of one result set, every value fetched as UTF-8 text (NULL = nullopt).
struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;

    /// Index of a column by name (case-insensitive), or -1.
    [[nodiscard]] int column(std::string_view name) const;
};

/// One ODBC 3 connection (environment + connection handle). Owns both handles. Not
/// thread-safe: one thread uses it at a time; a statement running on a worker thread (see
/// SqlStatementRunner) borrows it for the statement's duration.
class SqlConnection final {
public:
    SqlConnection() = default;
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;
    SqlConnection(SqlConnection &&) = default;
    SqlConnection &operator=(SqlConnection &&) = default;
    ~SqlConnection();

    /// Connects with the options' driver; the error carries every diagnostic's best cause
    /// (18456 wrong password, 08001 unreachable, IM002 driver not found …).
    static Expected<SqlConnection> connect(const ConnectionOptions &options);

    [[nodiscard]] bool isOpen() const { return static_cast<bool>(m_dbc); }
    [[nodiscard]] SQLHDBC handle() const { return m_dbc.get(); }
    /// Diagnostics of the login itself (5701, 5703 …).
    [[nodiscard]] const std::vector<SqlDiagnostic> &loginDiagnostics() const { return m_login; }

    /// Runs a statement that returns one result set (or none) and fetches every row.
    Expected<QueryResult> query(const std::string &sql);
    /// Runs a statement, ignoring result sets; informational messages are returned.
    Expected<std::vector<SqlDiagnostic>> execute(const std::string &sql);
    void disconnect();

private:
    OdbcHandle m_env;
    OdbcHandle m_dbc;
    std::vector<SqlDiagnostic> m_login;
    std::string m_context;
};

/// Fetches all rows of the statement's current result set as text.
Expected<QueryResult> fetchAll(const OdbcHandle &statement);

} // namespace vds::sql
