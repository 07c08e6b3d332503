#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <vds/sql/sqlconnection.h>
#include <vds/sql/sqlprogress.h>

namespace vds::sql {

/// What a finished statement produced besides its progress events.
struct SqlStatementOutcome {
    std::vector<SqlDiagnostic> diagnostics; ///< every record, in arrival order
    std::vector<QueryResult> resultSets;    ///< HEADERONLY/FILELISTONLY rows, for instance
    bool completed = false;                 ///< 3014 arrived ("successfully processed")
    bool verified = false;                  ///< 3262 arrived (VERIFYONLY)
};

/// Runs one long statement (BACKUP/RESTORE) on a worker thread it owns: SQLExecDirect, then
/// SQLMoreResults until SQL_NO_DATA or SQL_ERROR, reading every diagnostic record after each
/// call so 3211/4035/3014/3262 reach the callback as the server sends them. cancel() is
/// SQLCancel from any thread; the statement is never closed while the server still talks
/// (closing early would abort a real backup with 3204). Borrows the connection until wait()
/// returns; the destructor waits for the worker. The callback runs on the worker thread.
class SqlStatementRunner final {
public:
    using ProgressCallback = std::function<void(const SqlProgressEvent &)>;

    explicit SqlStatementRunner(SqlConnection &connection);
    ~SqlStatementRunner();
    SqlStatementRunner(const SqlStatementRunner &) = delete;
    SqlStatementRunner &operator=(const SqlStatementRunner &) = delete;

    /// Starts the statement; fails only when a statement is already running.
    Expected<void> start(std::string sql, ProgressCallback onProgress = {});
    /// Asks the server to stop (ATTENTION); the statement then ends with a Cancelled error.
    void cancel();
    /// Blocks until the statement has ended and returns its outcome or typed error.
    Expected<SqlStatementOutcome> wait();
    [[nodiscard]] bool isRunning() const { return m_running.load(); }
    /// Every diagnostic record of the last statement, in arrival order — also when it failed
    /// (3201 and the 3013 after it, say). Valid after wait().
    [[nodiscard]] const std::vector<SqlDiagnostic> &diagnostics() const { return m_diagnostics; }

private:
    void work(std::string sql, ProgressCallback onProgress);

    SqlConnection &m_connection;
    std::thread m_thread;
    std::atomic_bool m_running{false};
    std::atomic_bool m_cancelRequested{false};
    std::mutex m_mutex; ///< guards m_statement against cancel() racing the worker's free
    SQLHSTMT m_statement = SQL_NULL_HSTMT;
    std::optional<Expected<SqlStatementOutcome>> m_result;
    std::vector<SqlDiagnostic> m_diagnostics;
};

} // namespace vds::sql
