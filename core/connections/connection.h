#pragma once

#include <QJsonObject>

#include <string>

#include <vds/sql/connectionoptions.h>
#include <vds/util/error.h>

namespace vds::connections {

/// A stored connection as connections.json keeps it: where the server is and how to log in,
/// never the password (that lives in the keyring under the connection's name). Plain value,
/// any thread.
struct Connection {
    /// Server: a SQL Server the user named. Simulator: the built-in vds-sqlsim, whose port and
    /// login are known only once it runs (backup::LocalSimulator fills them).
    enum class Kind : std::uint8_t { Server, Simulator };

    std::string name;
    Kind kind = Kind::Server;
    std::string host = "127.0.0.1";
    std::uint16_t port = 1433;
    std::string driver = "FreeTDS";
    sql::AuthKind auth = sql::AuthKind::SqlLogin;
    std::string login;
    sql::Encryption encryption = sql::Encryption::Off;
    bool trustServerCertificate = false;
    std::string hostNameInCertificate;

    /// The options to connect with; the password is left empty (the caller fills it).
    [[nodiscard]] sql::ConnectionOptions options() const;
    /// Whether a password is needed at all (Kerberos and the simulator need none from the user).
    [[nodiscard]] bool needsPassword() const;

    /// The JSON object of connections.json (no password key, ever).
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads one entry; a bad value is Format with the key named in the context.
    [[nodiscard]] static Expected<Connection> fromJson(const QJsonObject &object);

    bool operator==(const Connection &) const = default;
};

/// The name the first-run path gives the built-in simulator's connection.
inline constexpr const char *kSimulatorConnectionName = "Built-in simulator";

/// "sql-login" / "kerberos" and "off" / "optional" / "required" / "strict" (the file's words).
[[nodiscard]] std::string authName(sql::AuthKind auth);
[[nodiscard]] std::string encryptionName(sql::Encryption encryption);

/// Whether a driver can log in with Kerberos (FreeTDS and Microsoft's drivers can; an unknown
/// driver is not assumed to). One rule for the dialog and the store.
[[nodiscard]] bool driverSupportsKerberos(std::string_view driver);
/// Whether a driver offers TDS 8 strict encryption (Microsoft ODBC Driver 18 only).
[[nodiscard]] bool driverSupportsStrict(std::string_view driver);

} // namespace vds::connections
