#include <vds/profiles/migrate.h>

#include <cmath>

namespace vds::profiles {

namespace {

QString at(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

/// Version 0 (the development format) kept the job's parameters under "params"; version 1 keys
/// them by the kind, so a reader sees at a glance which job a file holds.
void from0To1(QJsonObject &o)
{
    const QJsonValue params = o.take(QStringLiteral("params"));
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (!params.isUndefined() && !kind.isEmpty())
        o.insert(kind, params);
    o.insert(QStringLiteral("schemaVersion"), 1);
}

} // namespace

QList<Issue> migrate(QJsonObject &object, const QString &prefix)
{
    const QString path = at(prefix, QStringLiteral("schemaVersion"));
    const QJsonValue v = object.value(QStringLiteral("schemaVersion"));
    if (v.isUndefined())
        return {{path, QStringLiteral("is required")}};
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < 0)
        return {
            {path, QStringLiteral("must be a whole number, got %1")
                       .arg(v.isDouble() ? QString::number(d) : QStringLiteral("a non-number"))}};
    const int version = static_cast<int>(std::min(d, 1e9));
    if (version > kSchemaVersion)
        return {{path, QStringLiteral("this profile needs schema version %1; this vdstudio reads "
                                      "up to version %2 (update vdstudio)")
                           .arg(version)
                           .arg(kSchemaVersion)}};
    if (version == 0)
        from0To1(object);
    return {};
}

} // namespace vds::profiles
