#include <vds/sql/odbchandle.h>

namespace vds::sql {

namespace {
// SQL_DIAG_SS_SEVERITY from Microsoft's msodbcsql.h: the message class. FreeTDS 1.3 does not
// answer it (checked against vds-sqlsim), so with FreeTDS the class stays unknown and callers
// fall back on the SQLSTATE (01xxx = informational), which FreeTDS derives from the class.
constexpr SQLSMALLINT kDiagSsSeverity = -1151;
} // namespace

OdbcHandle OdbcHandle::allocate(SQLSMALLINT type, SQLHANDLE parent)
{
    SQLHANDLE h = SQL_NULL_HANDLE;
    if (!SQL_SUCCEEDED(SQLAllocHandle(type, parent, &h)))
        return {};
    return {type, h};
}

void OdbcHandle::reset()
{
    if (m_handle != SQL_NULL_HANDLE) {
        SQLFreeHandle(m_type, m_handle);
        m_handle = SQL_NULL_HANDLE;
    }
}

std::vector<SqlDiagnostic> OdbcHandle::diagnostics() const
{
    return readDiagnostics(m_type, m_handle);
}

std::vector<SqlDiagnostic> readDiagnostics(SQLSMALLINT m_type, SQLHANDLE m_handle)
{
    std::vector<SqlDiagnostic> out;
    if (!m_handle)
        return out;
    for (SQLSMALLINT i = 1;; ++i) {
        SQLCHAR state[8] = {};
        SQLINTEGER native = 0;
        SQLSMALLINT len = 0;
        std::vector<SQLCHAR> text(1024);
        SQLRETURN rc = SQLGetDiagRec(m_type, m_handle, i, state, &native, text.data(),
                                     static_cast<SQLSMALLINT>(text.size()), &len);
        if (rc == SQL_SUCCESS_WITH_INFO && len >= static_cast<SQLSMALLINT>(text.size())) {
            text.resize(static_cast<std::size_t>(len) + 1);
            rc = SQLGetDiagRec(m_type, m_handle, i, state, &native, text.data(),
                               static_cast<SQLSMALLINT>(text.size()), &len);
        }
        if (!SQL_SUCCEEDED(rc))
            break;
        SqlDiagnostic d;
        d.sqlstate = reinterpret_cast<const char *>(state);
        d.number = native;
        d.text =
            stripDriverPrefix(std::string(reinterpret_cast<const char *>(text.data()),
                                          static_cast<std::size_t>(std::max<SQLSMALLINT>(len, 0))));
        SQLINTEGER severity = -1;
        if (SQL_SUCCEEDED(SQLGetDiagField(m_type, m_handle, i, kDiagSsSeverity, &severity,
                                          SQL_IS_INTEGER, nullptr)) &&
            severity >= 0 && severity <= 25)
            d.severity = static_cast<int>(severity);
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace vds::sql
