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

NameRefusal nameRefusal(const QString &name)
{
    if (name.trimmed().isEmpty())
        return NameRefusal::Empty;
    if (name.size() > kMaxNameLength)
        return NameRefusal::TooLong;
    if (name.startsWith(QLatin1Char('.')))
        return NameRefusal::LeadingDot;
    if (name != name.trimmed())
        return NameRefusal::EdgeSpace;
    for (const QChar c : name)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            return NameRefusal::BadCharacter;
    return NameRefusal::None;
}

QString nameProblem(const QString &name)
{
    switch (nameRefusal(name)) {
    case NameRefusal::None: return {};
    case NameRefusal::Empty: return QStringLiteral("must not be empty");
    case NameRefusal::TooLong:
        return QStringLiteral("must be at most %1 characters, got %2")
            .arg(kMaxNameLength)
            .arg(name.size());
    case NameRefusal::LeadingDot: return QStringLiteral("must not start with '.'");
    case NameRefusal::EdgeSpace: return QStringLiteral("must not start or end with a space");
    case NameRefusal::BadCharacter:
        return QStringLiteral("must not hold '/', '\\' or control characters");
    }
    return {};
}

} // namespace vds::profiles
