#include <vds/profiles/bundle.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace vds::profiles {

QByteArray bundleJson(const QList<Profile> &profiles)
{
    QJsonArray a;
    for (const Profile &p : profiles)
        a.append(toJsonObject(p));
    return QJsonDocument(a).toJson(QJsonDocument::Indented);
}

Checked<QList<Profile>> parseBundle(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(QList<Issue>{{{},
                                             QStringLiteral("invalid JSON at byte %1: %2")
                                                 .arg(error.offset)
                                                 .arg(error.errorString())}});
    if (!doc.isArray())
        return std::unexpected(
            QList<Issue>{{{}, QStringLiteral("must be a JSON array of profiles")}});
    QList<Issue> issues;
    QList<Profile> profiles;
    QHash<QString, int> firstIndex;
    const QJsonArray a = doc.array();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = QStringLiteral("[%1]").arg(i);
        if (!a[i].isObject()) {
            issues.append({at, QStringLiteral("must be a profile object")});
            continue;
        }
        auto p = profileFromJson(a[i].toObject(), at);
        if (!p) {
            issues += p.error();
            continue;
        }
        if (firstIndex.contains(p->name)) {
            issues.append({at + QStringLiteral(".name"),
                           QStringLiteral("\"%1\" is also the name of [%2]; names in a bundle are "
                                          "unique")
                               .arg(p->name)
                               .arg(firstIndex.value(p->name))});
            continue;
        }
        firstIndex.insert(p->name, int(i));
        profiles.append(*p);
    }
    if (!issues.isEmpty())
        return std::unexpected(issues);
    return profiles;
}

Checked<QList<Profile>> loadBundle(const QString &path)
{
    auto bytes = readCapped(path, kMaxBundleBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    return parseBundle(*bytes);
}

std::optional<Conflict> parseConflict(const QString &word)
{
    if (word == QLatin1String("keep-both"))
        return Conflict::KeepBoth;
    if (word == QLatin1String("replace"))
        return Conflict::Replace;
    if (word == QLatin1String("skip"))
        return Conflict::Skip;
    return std::nullopt;
}

QString actionName(ImportStep::Action action)
{
    switch (action) {
    case ImportStep::Action::Add: return QStringLiteral("add");
    case ImportStep::Action::Replace: return QStringLiteral("replace");
    case ImportStep::Action::Rename: return QStringLiteral("rename");
    case ImportStep::Action::Skip: return QStringLiteral("skip");
    }
    return {};
}

} // namespace vds::profiles
