#include <vds/sql/sqlconnection.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <spdlog/logger.h>

#include <vds/logging/log.h>

namespace vds::sql {

namespace {
SQLPOINTER intAttr(std::uintptr_t v)
{
    return reinterpret_cast<SQLPOINTER>(v);
}
} // namespace

int QueryResult::column(std::string_view name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string &c = columns[i];
        if (c.size() == name.size() &&
            std::equal(c.begin(), c.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            }))
            return static_cast<int>(i);
    }
    return -1;
}

SqlConnection::~SqlConnection()
{
    disconnect();
}

void SqlConnection::disconnect()
{
    if (m_dbc) {
        SQLDisconnect(m_dbc.get());
        m_dbc.reset();
    }
    m_env.reset();
}

Expected<SqlConnection> SqlConnection::connect(const ConnectionOptions &options)
{
    SqlConnection c;
    c.m_context = options.host + ":" + std::to_string(options.port);
    // FreeTDS 1.3 keeps the closing brace of a braced value ("{a;b}" arrives as "a;b}"), so a
    // value that needs braces cannot reach it intact: say so instead of failing the login.
    if (driverKind(options.driver) == DriverKind::FreeTds) {
        for (const std::string *v :
             {&options.login, &options.password, &options.database, &options.host}) {
            if (v->find_first_of(";{}") != std::string::npos)
                return fail(
                    ErrorCategory::InvalidArgument,
                    "the FreeTDS ODBC driver cannot take ';', '{' or '}' in the login, password, "
                    "database or host; use Microsoft's ODBC driver for such values",
                    c.m_context);
        }
    }
    c.m_env = OdbcHandle::allocate(SQL_HANDLE_ENV, SQL_NULL_HANDLE);
    if (!c.m_env)
        return fail(ErrorCategory::Internal, "cannot allocate an ODBC environment", c.m_context);
    // ODBC 3 behaviour matters: FreeTDS stops at each message only for ODBC 3 applications.
    SQLSetEnvAttr(c.m_env.get(), SQL_ATTR_ODBC_VERSION, intAttr(SQL_OV_ODBC3), 0);
    c.m_dbc = OdbcHandle::allocate(SQL_HANDLE_DBC, c.m_env.get());
    if (!c.m_dbc)
        return fail(ErrorCategory::Internal, "cannot allocate an ODBC connection", c.m_context);
    const auto timeout = static_cast<std::uintptr_t>(std::max(options.loginTimeoutSeconds, 1));
    SQLSetConnectAttr(c.m_dbc.get(), SQL_ATTR_LOGIN_TIMEOUT, intAttr(timeout), 0);
    SQLSetConnectAttr(c.m_dbc.get(), SQL_ATTR_CONNECTION_TIMEOUT, intAttr(timeout), 0);

    const std::string text = connectionString(options);
    vds::log::get("sql")->debug("connecting: {}", redactedConnectionString(options));
    SQLCHAR out[1024];
    SQLSMALLINT outLen = 0;
    const SQLRETURN rc = SQLDriverConnect(
        c.m_dbc.get(), nullptr, reinterpret_cast<SQLCHAR *>(const_cast<char *>(text.c_str())),
        SQL_NTS, out, sizeof out, &outLen, SQL_DRIVER_NOPROMPT);
    c.m_login = c.m_dbc.diagnostics();
    if (!SQL_SUCCEEDED(rc)) {
        Error e = errorFromDiagnostics(c.m_login, c.m_context, "cannot connect to SQL Server");
        c.m_dbc.reset();
        return fail(std::move(e));
    }
    return c;
}

Expected<QueryResult> fetchAll(const OdbcHandle &stmt)
{
    QueryResult r;
    SQLSMALLINT cols = 0;
    SQLNumResultCols(stmt.get(), &cols);
    for (SQLSMALLINT i = 1; i <= cols; ++i) {
        SQLCHAR name[256] = {};
        SQLSMALLINT len = 0;
        SQLSMALLINT type = 0;
        SQLULEN size = 0;
        SQLSMALLINT digits = 0;
        SQLSMALLINT nullable = 0;
        SQLDescribeCol(stmt.get(), i, name, sizeof name, &len, &type, &size, &digits, &nullable);
        r.columns.emplace_back(reinterpret_cast<const char *>(name));
    }
    if (cols == 0)
        return r;
    for (;;) {
        const SQLRETURN rc = SQLFetch(stmt.get());
        if (rc == SQL_NO_DATA)
            break;
        if (!SQL_SUCCEEDED(rc))
            return fail(errorFromDiagnostics(stmt.diagnostics(), {}, "fetch failed"));
        auto &row = r.rows.emplace_back();
        for (SQLSMALLINT i = 1; i <= cols; ++i) {
            std::string value;
            SQLLEN ind = 0;
            char buf[1024];
            bool isNull = false;
            // Long values come in pieces: SQLGetData returns SUCCESS_WITH_INFO (01004) until
            // the last one.
            for (;;) {
                const SQLRETURN g = SQLGetData(stmt.get(), static_cast<SQLUSMALLINT>(i), SQL_C_CHAR,
                                               buf, sizeof buf, &ind);
                if (g == SQL_NO_DATA)
                    break;
                if (!SQL_SUCCEEDED(g))
                    return fail(
                        errorFromDiagnostics(stmt.diagnostics(), {}, "reading a column failed"));
                if (ind == SQL_NULL_DATA) {
                    isNull = true;
                    break;
                }
                const std::size_t got =
                    (ind == SQL_NO_TOTAL || ind >= static_cast<SQLLEN>(sizeof buf))
                        ? sizeof buf - 1
                        : static_cast<std::size_t>(ind);
                value.append(buf, got);
                if (g == SQL_SUCCESS)
                    break;
            }
            row.push_back(isNull ? std::nullopt : std::optional<std::string>(std::move(value)));
        }
    }
    return r;
}

Expected<QueryResult> SqlConnection::query(const std::string &sql)
{
    if (!m_dbc)
        return fail(ErrorCategory::InvalidArgument, "not connected", m_context);
    OdbcHandle stmt = OdbcHandle::allocate(SQL_HANDLE_STMT, m_dbc.get());
    if (!stmt)
        return fail(
            errorFromDiagnostics(m_dbc.diagnostics(), m_context, "cannot allocate a statement"));
    const SQLRETURN rc = SQLExecDirect(
        stmt.get(), reinterpret_cast<SQLCHAR *>(const_cast<char *>(sql.c_str())), SQL_NTS);
    if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA)
        return fail(errorFromDiagnostics(stmt.diagnostics(), m_context, "query failed"));
    auto result = fetchAll(stmt);
    // Drain what follows so the connection is idle again for the next statement.
    while (SQL_SUCCEEDED(SQLMoreResults(stmt.get()))) {
    }
    return result;
}

Expected<std::vector<SqlDiagnostic>> SqlConnection::execute(const std::string &sql)
{
    if (!m_dbc)
        return fail(ErrorCategory::InvalidArgument, "not connected", m_context);
    OdbcHandle stmt = OdbcHandle::allocate(SQL_HANDLE_STMT, m_dbc.get());
    if (!stmt)
        return fail(
            errorFromDiagnostics(m_dbc.diagnostics(), m_context, "cannot allocate a statement"));
    std::vector<SqlDiagnostic> all;
    SQLRETURN rc = SQLExecDirect(
        stmt.get(), reinterpret_cast<SQLCHAR *>(const_cast<char *>(sql.c_str())), SQL_NTS);
    for (;;) {
        auto d = stmt.diagnostics();
        all.insert(all.end(), d.begin(), d.end());
        if (rc == SQL_ERROR)
            return fail(errorFromDiagnostics(all, m_context, "statement failed"));
        if (rc == SQL_NO_DATA || !SQL_SUCCEEDED(rc))
            break;
        rc = SQLMoreResults(stmt.get());
    }
    return all;
}

} // namespace vds::sql
