#pragma once

#include <sql.h>
#include <sqlext.h>

#include <utility>
#include <vector>

#include <vds/sql/sqldiagnostic.h>

namespace vds::sql {

/// Every diagnostic record attached to any ODBC handle, in order (the driver may put a lost
/// connection's records on the connection rather than on the statement).
std::vector<SqlDiagnostic> readDiagnostics(SQLSMALLINT type, SQLHANDLE handle);

/// Owns one ODBC handle (environment, connection or statement) and frees it exactly once.
/// Move-only. A handle is used by one thread at a time, except SQLCancel on a statement,
/// which ODBC allows from another thread.
class OdbcHandle final {
public:
    OdbcHandle() = default;
    OdbcHandle(SQLSMALLINT type, SQLHANDLE handle) : m_type(type), m_handle(handle) {}
    ~OdbcHandle() { reset(); }
    OdbcHandle(const OdbcHandle &) = delete;
    OdbcHandle &operator=(const OdbcHandle &) = delete;
    OdbcHandle(OdbcHandle &&other) noexcept
        : m_type(other.m_type), m_handle(std::exchange(other.m_handle, nullptr))
    {}
    OdbcHandle &operator=(OdbcHandle &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_type = other.m_type;
            m_handle = std::exchange(other.m_handle, nullptr);
        }
        return *this;
    }

    /// Allocates a child handle of `type` under `parent` (SQL_NULL_HANDLE for an environment).
    static OdbcHandle allocate(SQLSMALLINT type, SQLHANDLE parent);

    [[nodiscard]] SQLHANDLE get() const { return m_handle; }
    [[nodiscard]] SQLSMALLINT type() const { return m_type; }
    [[nodiscard]] explicit operator bool() const { return m_handle != SQL_NULL_HANDLE; }
    void reset();

    /// Every diagnostic record currently attached to the handle, in order.
    [[nodiscard]] std::vector<SqlDiagnostic> diagnostics() const;

private:
    SQLSMALLINT m_type = 0;
    SQLHANDLE m_handle = nullptr;
};

} // namespace vds::sql
