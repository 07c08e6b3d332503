#include <vds/profiles/profile.h>

namespace vds::profiles {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Backup: return QStringLiteral("backup");
    case Kind::Restore: return QStringLiteral("restore");
    case Kind::Verify: return QStringLiteral("verify");
    case Kind::VhdCreate: return QStringLiteral("vhd-create");
    case Kind::VhdConvert: return QStringLiteral("vhd-convert");
    }
    return {};
}

QList<Kind> allKinds()
{
    return {Kind::Backup, Kind::Restore, Kind::Verify, Kind::VhdCreate, Kind::VhdConvert};
}

std::optional<Kind> parseKind(const QString &name)
{
    for (Kind k : allKinds())
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

QStringList describe(const QString &source, const QList<Issue> &issues)
{
    QStringList lines;
    for (const Issue &i : issues)
        lines << (i.path.isEmpty() ? QStringLiteral("%1: %2").arg(source, i.message)
                                   : QStringLiteral("%1: %2: %3").arg(source, i.path, i.message));
    return lines;
}

QString nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("must not be empty");
    if (name.size() > kMaxNameLength)
        return QStringLiteral("must be at most %1 characters, got %2")
            .arg(kMaxNameLength)
            .arg(name.size());
    if (name.startsWith(QLatin1Char('.')))
        return QStringLiteral("must not start with '.'");
    if (name != name.trimmed())
        return QStringLiteral("must not start or end with a space");
    for (const QChar c : name)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            return QStringLiteral("must not hold '/', '\\' or control characters");
    return {};
}

} // namespace vds::profiles
