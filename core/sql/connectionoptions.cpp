#include <vds/sql/connectionoptions.h>

#include <algorithm>
#include <cctype>

namespace vds::sql {

namespace {
std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string build(const ConnectionOptions &o, bool redact)
{
    const DriverKind kind = driverKind(o.driver);
    // Driver names hold spaces ("ODBC Driver 18 for SQL Server"): always braced.
    std::string s = "Driver={" + o.driver + "};";
    auto add = [&](std::string_view key, std::string_view value) {
        s += key;
        s += '=';
        s += odbcValue(value);
        s += ';';
    };
    const std::string password = redact ? std::string("***") : o.password;
    if (kind == DriverKind::FreeTds) {
        add("Server", o.host);
        add("Port", std::to_string(o.port));
        add("TDS_Version", "7.4");
        add("Database", o.database);
        if (o.auth == AuthKind::SqlLogin) {
            add("UID", o.login);
            add("PWD", password);
        }
        // FreeTDS 1.3 knows Encryption=off|request|require; "Encrypt" only arrived in 1.5.
        switch (o.encryption) {
        case Encryption::Off: add("Encryption", "off"); break;
        case Encryption::Optional: add("Encryption", "request"); break;
        case Encryption::Required:
        case Encryption::Strict: add("Encryption", "require"); break;
        }
        add("ClientCharset", "UTF-8");
        add("APP", o.applicationName);
        return s;
    }
    add("Server", "tcp:" + o.host + "," + std::to_string(o.port));
    add("Database", o.database);
    if (o.auth == AuthKind::SqlLogin) {
        add("UID", o.login);
        add("PWD", password);
    } else {
        add("Trusted_Connection", "yes"); // Kerberos on Linux (needs a ticket: kinit)
    }
    const bool v18 = kind == DriverKind::MsOdbc18;
    switch (o.encryption) {
    case Encryption::Off: add("Encrypt", "no"); break;
    case Encryption::Optional: add("Encrypt", v18 ? "Optional" : "no"); break;
    case Encryption::Required: add("Encrypt", "yes"); break;
    case Encryption::Strict: add("Encrypt", v18 ? "strict" : "yes"); break;
    }
    if (o.trustServerCertificate)
        add("TrustServerCertificate", "yes");
    if (v18 && !o.hostNameInCertificate.empty())
        add("HostNameInCertificate", o.hostNameInCertificate);
    add("APP", o.applicationName);
    return s;
}
} // namespace

DriverKind driverKind(std::string_view driver)
{
    const std::string d = lower(driver);
    if (d.find("freetds") != std::string::npos || d.find("tdsodbc") != std::string::npos)
        return DriverKind::FreeTds;
    if (d.find("odbc driver 18") != std::string::npos ||
        d.find("msodbcsql-18") != std::string::npos || d.find("msodbcsql18") != std::string::npos)
        return DriverKind::MsOdbc18;
    if (d.find("odbc driver 17") != std::string::npos ||
        d.find("msodbcsql-17") != std::string::npos || d.find("msodbcsql17") != std::string::npos)
        return DriverKind::MsOdbc17;
    return DriverKind::Other;
}

std::string odbcValue(std::string_view value)
{
    const bool needsBraces = value.find_first_of(";{}=") != std::string_view::npos ||
                             (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needsBraces)
        return std::string(value);
    std::string out = "{";
    for (char c : value) {
        out.push_back(c);
        if (c == '}')
            out.push_back('}');
    }
    out.push_back('}');
    return out;
}

std::string connectionString(const ConnectionOptions &options)
{
    return build(options, false);
}

std::string redactedConnectionString(const ConnectionOptions &options)
{
    return build(options, true);
}

} // namespace vds::sql
