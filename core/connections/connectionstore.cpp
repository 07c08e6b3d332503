#include <vds/connections/connectionstore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/stat.h>

#include <spdlog/logger.h>

#include <vds/logging/log.h>

namespace vds::connections {

namespace {
constexpr int kSchemaVersion = 1;
}

QString ConnectionStore::path()
{
    // The generic location, not the application's: vdsctl and vdstudio read the same file
    // whatever name the running program has.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/vdstudio/connections.json");
}

Expected<std::vector<Connection>> ConnectionStore::load()
{
    QFile file(path());
    if (!file.exists())
        return std::vector<Connection>{};
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.error() == QFileDevice::PermissionsError ? ErrorCategory::Permission
                                                                  : ErrorCategory::Io,
                    "cannot read connections.json: " + file.errorString().toStdString(),
                    path().toStdString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isObject())
        return fail(ErrorCategory::Format,
                    "connections.json is not a JSON object: " +
                        parseError.errorString().toStdString(),
                    path().toStdString());
    const QJsonObject root = doc.object();
    const int version = root.value(QStringLiteral("schemaVersion")).toInt(0);
    if (version != kSchemaVersion)
        return fail(ErrorCategory::Format,
                    "connections.json has schemaVersion " + std::to_string(version) +
                        ", this program reads " + std::to_string(kSchemaVersion),
                    path().toStdString());
    std::vector<Connection> list;
    for (const QJsonValue &v : root.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("password")))
            // Written by hand or by another tool: ignored, never read back into a connection.
            vds::log::get("connections")
                ->warn("connections.json holds a password for '{}': ignored (passwords live in "
                       "the keyring)",
                       o.value(QStringLiteral("name")).toString().toStdString());
        auto c = Connection::fromJson(o);
        if (!c) {
            Error e = c.error();
            e.context = path().toStdString();
            return fail(e);
        }
        list.push_back(std::move(*c));
    }
    return list;
}

Expected<void> ConnectionStore::save(const std::vector<Connection> &connections)
{
    const QString file = path();
    const QString dir = QFileInfo(file).absolutePath();
    if (!QDir().mkpath(dir))
        return fail(ErrorCategory::Io, "cannot create the configuration folder", dir.toStdString());
    QJsonArray array;
    for (const Connection &c : connections)
        array.append(c.toJson());
    const QJsonObject root{{QStringLiteral("schemaVersion"), kSchemaVersion},
                           {QStringLiteral("connections"), array}};
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fail(ErrorCategory::Io, "cannot write " + out.errorString().toStdString(),
                    file.toStdString());
    // Owner-only before the first byte: logins and host names are nobody else's business.
    if (::fchmod(out.handle(), 0600) != 0)
        return fail(Error::fromErrno(errno, file.toStdString(), "chmod"));
    out.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return fail(ErrorCategory::Io, "cannot write " + out.errorString().toStdString(),
                    file.toStdString());
    return {};
}

Expected<std::optional<Connection>> ConnectionStore::find(const std::string &name)
{
    auto list = load();
    if (!list)
        return fail(list.error());
    for (Connection &c : *list)
        if (c.name == name)
            return std::optional<Connection>(std::move(c));
    return std::optional<Connection>{};
}

Expected<Connection> ConnectionStore::get(const std::string &name)
{
    auto found = find(name);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(
            ErrorCategory::InvalidArgument,
            "no stored connection is named '" + name + "' (in " + path().toStdString() + ")", name);
    return std::move(**found);
}

Expected<void> ConnectionStore::put(const Connection &connection, const std::string &previousName)
{
    auto list = load();
    if (!list)
        return fail(list.error());
    const std::string replacing = previousName.empty() ? connection.name : previousName;
    bool replaced = false;
    for (Connection &c : *list) {
        if (c.name == connection.name && c.name != replacing)
            return fail(ErrorCategory::InvalidArgument,
                        "a connection named '" + connection.name + "' exists already",
                        connection.name);
    }
    for (Connection &c : *list)
        if (c.name == replacing) {
            c = connection;
            replaced = true;
            break;
        }
    if (!replaced)
        list->push_back(connection);
    return save(*list);
}

Expected<void> ConnectionStore::remove(const std::string &name)
{
    auto list = load();
    if (!list)
        return fail(list.error());
    std::erase_if(*list, [&](const Connection &c) { return c.name == name; });
    return save(*list);
}

} // namespace vds::connections
