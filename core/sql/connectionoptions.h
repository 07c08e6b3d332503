#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vds::sql {

/// Which ODBC driver family a driver name or path belongs to (their keywords differ).
enum class DriverKind { FreeTds, MsOdbc17, MsOdbc18, Other };
enum class AuthKind { SqlLogin, Kerberos };
/// Transport encryption as the user asks for it; each driver spells it differently.
enum class Encryption {
    Off,      ///< clear text (FreeTDS Encryption=off, Microsoft Encrypt=no)
    Optional, ///< encrypt if the server offers it (FreeTDS request, Microsoft 18 Optional)
    Required, ///< fail unless encrypted (FreeTDS require, Microsoft yes/Mandatory)
    Strict,   ///< TDS 8 strict encryption (Microsoft 18 only)
};

/// Where and how to connect. Plain value; passwords are filled in from the keyring by the
/// caller just before connecting and never logged.
struct ConnectionOptions {
    std::string driver = "FreeTDS"; ///< ODBC driver name or path to the driver library
    std::string host = "127.0.0.1";
    std::uint16_t port = 1433;
    std::string database = "master";
    AuthKind auth = AuthKind::SqlLogin;
    std::string login;
    std::string password;
    Encryption encryption = Encryption::Off;
    bool trustServerCertificate = false;
    std::string hostNameInCertificate;
    int loginTimeoutSeconds = 15;
    std::string applicationName = "Virtual Device Studio";
};

/// Classifies a driver by name or library path ("FreeTDS", ".../libtdsodbc.so",
/// "ODBC Driver 18 for SQL Server", ".../libmsodbcsql-18.3.so.2.1" …).
DriverKind driverKind(std::string_view driver);

/// One ODBC attribute value, braced when it holds ';', '{', '}', '=' or edge spaces.
std::string odbcValue(std::string_view value);

/// The DSN-less connection string for the options' driver, with that driver's keywords:
/// FreeTDS: Server, Port, TDS_Version=7.4, Encryption, ClientCharset=UTF-8 (an empty UID
/// selects Kerberos); Microsoft: Server=tcp:host,port, Encrypt, TrustServerCertificate,
/// HostNameInCertificate (18), Trusted_Connection=yes for Kerberos.
std::string connectionString(const ConnectionOptions &options);
/// The same with the password replaced by "***", for logs and error messages.
std::string redactedConnectionString(const ConnectionOptions &options);

} // namespace vds::sql
