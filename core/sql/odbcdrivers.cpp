#include <vds/sql/odbcdrivers.h>

#include <sql.h>
#include <sqlext.h>

#include <algorithm>
#include <cctype>
#include <sys/stat.h>

namespace vds::sql {

std::vector<std::string> installedDrivers()
{
    std::vector<std::string> names;
    SQLHENV env = SQL_NULL_HENV;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)))
        return names;
    SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
    SQLCHAR name[256];
    SQLCHAR attributes[1024];
    SQLSMALLINT nameLength = 0, attributesLength = 0;
    SQLUSMALLINT direction = SQL_FETCH_FIRST;
    while (SQL_SUCCEEDED(SQLDrivers(env, direction, name, sizeof name, &nameLength, attributes,
                                    sizeof attributes, &attributesLength))) {
        names.emplace_back(reinterpret_cast<const char *>(name));
        direction = SQL_FETCH_NEXT;
    }
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return names;
}

bool driverAvailable(std::string_view driver)
{
    if (driver.find('/') != std::string_view::npos) {
        struct stat st {};
        return ::stat(std::string(driver).c_str(), &st) == 0 && S_ISREG(st.st_mode);
    }
    const auto lower = [](std::string_view s) {
        std::string out(s);
        std::transform(out.begin(), out.end(), out.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        return out;
    };
    const std::string wanted = lower(driver);
    const auto all = installedDrivers();
    return std::any_of(all.begin(), all.end(),
                       [&](const std::string &n) { return lower(n) == wanted; });
}

} // namespace vds::sql
