#include <vds/sql/sqlstatementrunner.h>

#include <spdlog/logger.h>

#include <vds/logging/log.h>

namespace vds::sql {

SqlStatementRunner::SqlStatementRunner(SqlConnection &connection) : m_connection(connection) {}

SqlStatementRunner::~SqlStatementRunner()
{
    if (m_thread.joinable())
        m_thread.join();
}

Expected<void> SqlStatementRunner::start(std::string sql, ProgressCallback onProgress)
{
    if (m_running.load() || m_thread.joinable())
        return fail(ErrorCategory::InvalidArgument,
                    "a statement is already running on this runner");
    if (!m_connection.isOpen())
        return fail(ErrorCategory::InvalidArgument, "not connected");
    m_result.reset();
    m_diagnostics.clear();
    m_cancelRequested = false;
    m_running = true;
    m_thread = std::thread(&SqlStatementRunner::work, this, std::move(sql), std::move(onProgress));
    return {};
}

void SqlStatementRunner::cancel()
{
    m_cancelRequested = true;
    std::lock_guard lock(m_mutex);
    if (m_statement != SQL_NULL_HSTMT) {
        vds::log::get("sql")->info("cancelling the running statement (SQLCancel)");
        SQLCancel(m_statement);
    }
}

Expected<SqlStatementOutcome> SqlStatementRunner::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_result)
        return fail(ErrorCategory::InvalidArgument, "no statement was started");
    return std::move(*m_result);
}

void SqlStatementRunner::work(std::string sql, ProgressCallback onProgress)
{
    auto finish = [this](Expected<SqlStatementOutcome> r) {
        m_result = std::move(r);
        m_running = false;
    };
    OdbcHandle stmt = OdbcHandle::allocate(SQL_HANDLE_STMT, m_connection.handle());
    if (!stmt) {
        finish(fail(ErrorCategory::Internal, "cannot allocate an ODBC statement"));
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_statement = stmt.get();
    }
    if (m_cancelRequested) {
        std::lock_guard lock(m_mutex);
        m_statement = SQL_NULL_HSTMT;
        finish(fail(ErrorCategory::Cancelled, "cancelled before the statement was sent"));
        return;
    }

    SqlStatementOutcome outcome;
    std::optional<Error> error;
    SQLRETURN rc = SQLExecDirect(stmt.get(), reinterpret_cast<SQLCHAR *>(sql.data()), SQL_NTS);
    for (;;) {
        // Each ODBC call replaces the statement's records: read them all now, in order.
        for (const SqlDiagnostic &d : stmt.diagnostics()) {
            outcome.diagnostics.push_back(d);
            if (d.isInformational()) {
                const SqlProgressEvent e = classifyMessage(d);
                outcome.completed =
                    outcome.completed || e.kind == SqlProgressEvent::Kind::Completed;
                outcome.verified = outcome.verified || e.kind == SqlProgressEvent::Kind::Verified;
                if (onProgress)
                    onProgress(e);
            }
        }
        if (rc == SQL_ERROR) {
            for (const SqlDiagnostic &d : readDiagnostics(SQL_HANDLE_DBC, m_connection.handle()))
                outcome.diagnostics.push_back(d);
            error = errorFromDiagnostics(outcome.diagnostics, {}, "the statement failed");
            // FreeTDS 1.3 reports a connection cut mid-reply as HY000 "Unknown error"; ask the
            // driver whether the link is dead and say so in ODBC's own terms (08S01).
            SQLUINTEGER dead = SQL_CD_FALSE;
            if (error->category == ErrorCategory::Sql &&
                SQL_SUCCEEDED(SQLGetConnectAttr(m_connection.handle(), SQL_ATTR_CONNECTION_DEAD,
                                                &dead, 0, nullptr)) &&
                dead == SQL_CD_TRUE) {
                error->category = ErrorCategory::Aborted;
                error->native.kind = NativeKind::Sqlstate;
                error->native.sqlstate = "08S01";
                error->message = "the connection to the server was lost (" + error->message + ")";
            }
            break;
        }
        if (rc == SQL_NO_DATA || !SQL_SUCCEEDED(rc))
            break;
        SQLSMALLINT cols = 0;
        SQLNumResultCols(stmt.get(), &cols);
        if (cols > 0) {
            auto rows = fetchAll(stmt);
            if (!rows) {
                error = rows.error();
                break;
            }
            outcome.resultSets.push_back(std::move(*rows));
        }
        rc = SQLMoreResults(stmt.get());
    }
    {
        std::lock_guard lock(m_mutex);
        m_statement = SQL_NULL_HSTMT;
    }
    // The server has said its last word (NO_DATA or ERROR): freeing the handle now sends no
    // ATTENTION.
    stmt.reset();
    if (error && m_cancelRequested && error->category != ErrorCategory::Cancelled) {
        // A cancel may surface as the server's own abort message; the user asked for it.
        error->category = ErrorCategory::Cancelled;
    }
    m_diagnostics = outcome.diagnostics;
    if (error)
        finish(fail(std::move(*error)));
    else
        finish(std::move(outcome));
}

} // namespace vds::sql
