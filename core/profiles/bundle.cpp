#include <vds/profiles/bundle.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <vds/profiles/profilestore.h>

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

QList<ImportStep> previewImport(const ProfileStore &store, const QList<Profile> &profiles,
                                Conflict conflict)
{
    QList<ImportStep> steps;
    QSet<QString> taken;
    for (const Profile &p : profiles) {
        ImportStep s{p, p.name, ImportStep::Action::Add};
        if (store.contains(p.name)) {
            if (conflict == Conflict::Replace) {
                s.action = ImportStep::Action::Replace;
            } else if (conflict == Conflict::Skip) {
                s.action = ImportStep::Action::Skip;
            } else {
                s.action = ImportStep::Action::Rename;
                QString name = store.freeName(p.name);
                for (int i = 2; taken.contains(name); ++i)
                    name = store.freeName(QStringLiteral("%1 (%2)").arg(p.name).arg(i));
                s.profile.name = name;
            }
        }
        taken.insert(s.profile.name);
        steps.append(s);
    }
    return steps;
}

Expected<void> applyImport(ProfileStore &store, const QList<ImportStep> &steps)
{
    for (const ImportStep &s : steps) {
        if (s.action == ImportStep::Action::Skip)
            continue;
        if (auto r = store.save(s.profile, s.action == ImportStep::Action::Replace); !r)
            return r;
    }
    return {};
}

} // namespace vds::profiles
