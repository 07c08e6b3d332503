#include <vds/connections/connection.h>

#include <QJsonValue>

namespace vds::connections {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

std::unexpected<Error> bad(const char *key, const std::string &why)
{
    return fail(ErrorCategory::Format, "connections.json: " + std::string(key) + " " + why, key);
}

} // namespace

std::string authName(sql::AuthKind auth)
{
    return auth == sql::AuthKind::Kerberos ? "kerberos" : "sql-login";
}

std::string encryptionName(sql::Encryption e)
{
    switch (e) {
    case sql::Encryption::Off: return "off";
    case sql::Encryption::Optional: return "optional";
    case sql::Encryption::Required: return "required";
    case sql::Encryption::Strict: return "strict";
    }
    return "off";
}

bool driverSupportsKerberos(std::string_view driver)
{
    return sql::driverKind(driver) != sql::DriverKind::Other;
}

bool driverSupportsStrict(std::string_view driver)
{
    return sql::driverKind(driver) == sql::DriverKind::MsOdbc18;
}

sql::ConnectionOptions Connection::options() const
{
    sql::ConnectionOptions o;
    o.driver = driver;
    o.host = host;
    o.port = port;
    o.auth = auth;
    o.login = auth == sql::AuthKind::Kerberos ? std::string() : login;
    o.encryption = encryption;
    o.trustServerCertificate = trustServerCertificate;
    o.hostNameInCertificate = hostNameInCertificate;
    return o;
}

bool Connection::needsPassword() const
{
    return kind == Kind::Server && auth == sql::AuthKind::SqlLogin;
}

QJsonObject Connection::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), q(name)},
                  {QStringLiteral("kind"), kind == Kind::Simulator ? QStringLiteral("simulator")
                                                                   : QStringLiteral("server")}};
    if (kind == Kind::Simulator)
        return o; // where and how are the simulator's own business
    o.insert(QStringLiteral("host"), q(host));
    o.insert(QStringLiteral("port"), int(port));
    o.insert(QStringLiteral("driver"), q(driver));
    o.insert(QStringLiteral("auth"), q(authName(auth)));
    o.insert(QStringLiteral("login"), q(login));
    o.insert(QStringLiteral("encryption"), q(encryptionName(encryption)));
    o.insert(QStringLiteral("trustServerCertificate"), trustServerCertificate);
    if (!hostNameInCertificate.empty())
        o.insert(QStringLiteral("hostNameInCertificate"), q(hostNameInCertificate));
    return o;
}

Expected<Connection> Connection::fromJson(const QJsonObject &o)
{
    Connection c;
    c.name = o.value(QStringLiteral("name")).toString().trimmed().toStdString();
    if (c.name.empty())
        return bad("name", "is missing or empty");
    const QString kind = o.value(QStringLiteral("kind")).toString(QStringLiteral("server"));
    if (kind == QLatin1String("simulator")) {
        c.kind = Kind::Simulator;
        c.login = "sa";
        return c;
    }
    if (kind != QLatin1String("server"))
        return bad("kind", "must be server or simulator");
    c.host = o.value(QStringLiteral("host")).toString().toStdString();
    if (c.host.empty())
        return bad("host", "is missing");
    const int port = o.value(QStringLiteral("port")).toInt(1433);
    if (port < 1 || port > 65535)
        return bad("port", "must be 1 to 65535");
    c.port = static_cast<std::uint16_t>(port);
    c.driver = o.value(QStringLiteral("driver")).toString(QStringLiteral("FreeTDS")).toStdString();
    const QString auth = o.value(QStringLiteral("auth")).toString(QStringLiteral("sql-login"));
    if (auth == QLatin1String("kerberos"))
        c.auth = sql::AuthKind::Kerberos;
    else if (auth != QLatin1String("sql-login"))
        return bad("auth", "must be sql-login or kerberos");
    c.login = o.value(QStringLiteral("login")).toString().toStdString();
    const QString enc = o.value(QStringLiteral("encryption")).toString(QStringLiteral("off"));
    bool known = false;
    for (auto e : {sql::Encryption::Off, sql::Encryption::Optional, sql::Encryption::Required,
                   sql::Encryption::Strict})
        if (enc.toStdString() == encryptionName(e)) {
            c.encryption = e;
            known = true;
        }
    if (!known)
        return bad("encryption", "must be off, optional, required or strict");
    c.trustServerCertificate = o.value(QStringLiteral("trustServerCertificate")).toBool(false);
    c.hostNameInCertificate =
        o.value(QStringLiteral("hostNameInCertificate")).toString().toStdString();
    return c;
}

} // namespace vds::connections
