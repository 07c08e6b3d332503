#include <vds/profiles/profilecodec.h>

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

#include <cmath>

#include <vds/profiles/jobtable.h>
#include <vds/profiles/migrate.h>

namespace vds::profiles {

namespace {

QString at(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

QString shown(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble());
    case QJsonValue::String: return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("nothing");
    }
}

bool isWhole(const QJsonValue &v)
{
    const double d = v.toDouble();
    return v.isDouble() && std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15;
}

const Field *fieldFor(const JobTable &t, const QString &key)
{
    for (const Field &f : t.fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

/// The JSON key a parser's complaint about `option` belongs to.
QString keyForOption(const JobTable &t, const QString &option)
{
    if (option == QLatin1String("password-env") || option == QLatin1String("password-file"))
        return QStringLiteral("password");
    if (option == QLatin1String("passphrase-env"))
        return QStringLiteral("passphrase");
    for (const Field &f : t.fields)
        if (f.option == option && !f.positional)
            return f.key;
    return {};
}

/// "--stripes takes a number from 1 to 64" → "takes a number from 1 to 64, got 0": the path
/// already names the option.
QString reworded(QString message, const QString &option, const QString &value)
{
    // The engine's refusals come as "InvalidArgument: …": the path already says it is input.
    if (message.startsWith(QLatin1String("InvalidArgument: ")))
        message = message.mid(qsizetype(qstrlen("InvalidArgument: ")));
    const QString lead = QStringLiteral("--") + option + QLatin1Char(' ');
    if (!option.isEmpty() && message.startsWith(lead))
        message = message.mid(lead.size());
    if (!value.isEmpty() && !message.contains(value))
        message += QStringLiteral(", got %1").arg(value);
    return message;
}

const char *kInlineSecret =
    "a secret is never stored in a profile: give a reference, {\"env\": \"VAR\"}, "
    "{\"file\": \"PATH\"} or {\"keyring\": \"CONNECTION\"}";

/// One key's command-line words.
struct Part {
    QString key;
    QStringList words;
    QString shownValue;
};

void secretWords(const QString &key, const QJsonValue &v, const QJsonObject &params,
                 const QString &path, QList<Part> &parts, QList<Issue> &issues)
{
    const bool password = key == QLatin1String("password");
    if (!v.isObject()) {
        issues.append({path, QString::fromLatin1(kInlineSecret)});
        return;
    }
    const QJsonObject o = v.toObject();
    const QStringList allowed =
        password
            ? QStringList{QStringLiteral("env"), QStringLiteral("file"), QStringLiteral("keyring")}
            : QStringList{QStringLiteral("env")};
    if (o.size() != 1 || !allowed.contains(o.begin().key())) {
        issues.append({path, QStringLiteral("must be an object with exactly one of: %1")
                                 .arg(allowed.join(QStringLiteral(", ")))});
        return;
    }
    const QString how = o.begin().key();
    const QJsonValue ref = o.begin().value();
    if (!ref.isString() || ref.toString().isEmpty()) {
        issues.append(
            {at(path, how), QStringLiteral("must be a non-empty string, got %1").arg(shown(ref))});
        return;
    }
    const QString r = ref.toString();
    if (how == QLatin1String("keyring")) {
        // The keyring holds one password per stored connection, read for --connection NAME.
        if (params.value(QStringLiteral("connection")).toString() != r)
            issues.append({at(path, how),
                           QStringLiteral("a keyring entry belongs to a stored connection: set "
                                          "\"connection\": \"%1\" too")
                               .arg(r)});
        return;
    }
    const QString option = password
                               ? (how == QLatin1String("env") ? QStringLiteral("password-env")
                                                              : QStringLiteral("password-file"))
                               : QStringLiteral("passphrase-env");
    parts.append({key, {QStringLiteral("--") + option, r}, r});
}

} // namespace

Checked<QStringList> argumentsFor(Kind kind, const QJsonObject &params, const QString &prefix)
{
    const JobTable &t = jobTable(kind);
    QList<Issue> issues;
    QList<Part> parts;
    QStringList positional;
    QStringList positionalKeys;
    for (const Field &f : t.fields)
        if (f.positional)
            positionalKeys << f.key;
    positional.resize(positionalKeys.size());

    // Unknown keys first, then the known ones in the command's own order (so the words come
    // out as the command line's mapping writes them).
    QStringList keys;
    for (auto it = params.begin(); it != params.end(); ++it)
        if (!fieldFor(t, it.key()))
            keys << it.key();
    for (const Field &f : t.fields)
        if (params.contains(f.key))
            keys << f.key;
    QStringList mistyped;
    for (const QString &key : std::as_const(keys)) {
        const QString path = at(prefix, key);
        const QJsonValue v = params.value(key);
        const Field *f = fieldFor(t, key);
        const qsizetype issuesBefore = issues.size();
        auto noteType = qScopeGuard([&] {
            if (issues.size() > issuesBefore)
                mistyped << key;
        });
        if (!f) {
            issues.append(
                {path,
                 QStringLiteral("unknown field (a %1 profile knows: %2)").arg(kindName(kind), [&] {
                     QStringList known;
                     for (const Field &g : t.fields)
                         known << g.key;
                     return known.join(QStringLiteral(", "));
                 }())});
            continue;
        }
        const QString dashed = QStringLiteral("--") + f->option;
        switch (f->type) {
        case ValueType::Flag:
            if (!v.isBool())
                issues.append(
                    {path, QStringLiteral("must be true or false, got %1").arg(shown(v))});
            else if (v.toBool())
                parts.append({key, {dashed}, {}});
            break;
        case ValueType::String:
            if (!v.isString() || v.toString().isEmpty()) {
                issues.append(
                    {path, QStringLiteral("must be a non-empty string, got %1").arg(shown(v))});
            } else if (f->positional) {
                positional[positionalKeys.indexOf(key)] = v.toString();
            } else {
                parts.append({key, {dashed, v.toString()}, v.toString()});
            }
            break;
        case ValueType::Integer:
            if (!isWhole(v))
                issues.append(
                    {path, QStringLiteral("must be a whole number, got %1").arg(shown(v))});
            else
                parts.append({key,
                              {dashed, QString::number(qint64(v.toDouble()))},
                              QString::number(qint64(v.toDouble()))});
            break;
        case ValueType::Size:
            if (isWhole(v) && v.toDouble() >= 0)
                parts.append({key,
                              {dashed, QString::number(qint64(v.toDouble()))},
                              QString::number(qint64(v.toDouble()))});
            else if (v.isString() && !v.toString().isEmpty())
                parts.append({key, {dashed, v.toString()}, v.toString()});
            else
                issues.append({path, QStringLiteral("must be a size (\"64M\" or a number of "
                                                    "bytes), got %1")
                                         .arg(shown(v))});
            break;
        case ValueType::List: {
            if (!v.isArray()) {
                issues.append(
                    {path, QStringLiteral("must be an array of strings, got %1").arg(shown(v))});
                break;
            }
            Part part{key, {}, {}};
            const QJsonArray a = v.toArray();
            bool ok = true;
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (!a[i].isString() || a[i].toString().isEmpty()) {
                    issues.append(
                        {QStringLiteral("%1[%2]").arg(path).arg(i),
                         QStringLiteral("must be a non-empty string, got %1").arg(shown(a[i]))});
                    ok = false;
                    continue;
                }
                part.words << dashed << a[i].toString();
            }
            if (ok)
                parts.append(part);
            break;
        }
        case ValueType::Secret: secretWords(key, v, params, path, parts, issues); break;
        }
    }
    bool positionalMissing = false;
    for (qsizetype i = 0; i < positionalKeys.size(); ++i)
        if (positional[i].isEmpty() && !params.contains(positionalKeys[i])) {
            issues.append({at(prefix, positionalKeys[i]), QStringLiteral("is required")});
            positionalMissing = true;
        }

    // The values themselves: the command line's own parser judges them. It stops at its first
    // complaint, so drop the option it named and ask again, until it is satisfied.
    auto words = [&] {
        QStringList w;
        for (const Part &p : parts)
            w << p.words;
        if (!positional.isEmpty())
            w << QStringLiteral("--") << positional;
        return w;
    };
    if (!positionalMissing) {
        for (int round = 0; round < 100; ++round) {
            const auto problem = checkArguments(kind, words());
            if (!problem)
                break;
            const QString key = keyForOption(t, problem->option);
            const auto part = std::find_if(parts.begin(), parts.end(),
                                           [&](const Part &p) { return p.key == key; });
            // A value already refused for its type is missing to the parser, and a rule
            // between options may trip over it: neither is news.
            if (mistyped.contains(key) || (key.isEmpty() && !mistyped.isEmpty()))
                break;
            if (key.isEmpty() || part == parts.end()) {
                issues.append({prefix, problem->message});
                break;
            }
            issues.append(
                {at(prefix, key), reworded(problem->message, problem->option, part->shownValue)});
            parts.erase(part);
        }
    }
    if (!issues.isEmpty())
        return std::unexpected(issues);
    return words();
}

Checked<QStringList> commandArguments(const Profile &profile)
{
    auto args = argumentsFor(profile.kind, profile.params, kindName(profile.kind));
    if (!args)
        return args;
    return jobTable(profile.kind).command + *args;
}

Checked<Profile> profileFromArguments(Kind kind, const QString &name, const QStringList &args)
{
    const JobTable &t = jobTable(kind);
    QCommandLineParser parser;
    parser.addOptions(t.options);
    if (!parser.parse(QStringList{QStringLiteral("vdsctl")} + args))
        return std::unexpected(QList<Issue>{{kindName(kind), parser.errorText()}});
    const QStringList pos = parser.positionalArguments();
    QJsonObject params;
    int index = 0;
    for (const Field &f : t.fields) {
        if (f.positional) {
            if (index < pos.size())
                params.insert(f.key, pos[index]);
            ++index;
            continue;
        }
        if (f.type == ValueType::Secret) {
            const bool password = f.key == QLatin1String("password");
            const QString env =
                password ? QStringLiteral("password-env") : QStringLiteral("passphrase-env");
            if (parser.isSet(env))
                params.insert(f.key, QJsonObject{{QStringLiteral("env"), parser.value(env)}});
            else if (password && parser.isSet(QStringLiteral("password-file")))
                params.insert(f.key, QJsonObject{{QStringLiteral("file"),
                                                  parser.value(QStringLiteral("password-file"))}});
            continue;
        }
        if (!parser.isSet(f.option))
            continue;
        const QString value = parser.value(f.option);
        switch (f.type) {
        case ValueType::Flag: params.insert(f.key, true); break;
        case ValueType::List:
            params.insert(f.key, QJsonArray::fromStringList(parser.values(f.option)));
            break;
        case ValueType::Integer: {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            params.insert(f.key, ok ? QJsonValue(double(n)) : QJsonValue(value));
            break;
        }
        default: params.insert(f.key, value); break;
        }
    }
    if (index < pos.size())
        return std::unexpected(QList<Issue>{
            {kindName(kind), QStringLiteral("unexpected argument '%1'").arg(pos[index])}});
    Profile p;
    p.kind = kind;
    p.name = name;
    p.params = params;
    QList<Issue> issues;
    if (const QString why = nameProblem(name); !why.isEmpty())
        issues.append({QStringLiteral("name"), why});
    if (auto a = argumentsFor(kind, params, kindName(kind)); !a)
        issues += a.error();
    if (!issues.isEmpty())
        return std::unexpected(issues);
    return p;
}

Checked<Profile> profileFromJson(const QJsonObject &original, const QString &prefix)
{
    QJsonObject o = original;
    if (QList<Issue> m = migrate(o, prefix); !m.isEmpty())
        return std::unexpected(m);
    QList<Issue> issues;
    Profile p;
    p.schemaVersion = kSchemaVersion;
    const QJsonValue kind = o.value(QStringLiteral("kind"));
    std::optional<Kind> k = parseKind(kind.toString());
    if (!k) {
        QStringList names;
        for (Kind each : allKinds())
            names << kindName(each);
        issues.append({at(prefix, QStringLiteral("kind")),
                       QStringLiteral("must be one of %1, got %2")
                           .arg(names.join(QStringLiteral(", ")), shown(kind))});
    }
    const QJsonValue name = o.value(QStringLiteral("name"));
    if (!name.isString())
        issues.append({at(prefix, QStringLiteral("name")),
                       QStringLiteral("must be a string, got %1").arg(shown(name))});
    else if (const QString why = nameProblem(name.toString()); !why.isEmpty())
        issues.append({at(prefix, QStringLiteral("name")), why});
    p.name = name.toString();
    const QJsonValue description = o.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isString())
        issues.append({at(prefix, QStringLiteral("description")),
                       QStringLiteral("must be a string, got %1").arg(shown(description))});
    p.description = description.toString();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("schemaVersion") || key == QLatin1String("kind") ||
            key == QLatin1String("name") || key == QLatin1String("description") ||
            (k && key == kindName(*k)))
            continue;
        issues.append({at(prefix, key), k ? QStringLiteral("unknown field (the parameters of a "
                                                           "%1 profile go under \"%1\")")
                                                .arg(kindName(*k))
                                          : QStringLiteral("unknown field")});
    }
    if (k) {
        p.kind = *k;
        const QString key = kindName(*k);
        const QJsonValue params = o.value(key);
        if (!params.isObject()) {
            issues.append({at(prefix, key), QStringLiteral("must be an object holding the job's "
                                                           "parameters, got %1")
                                                .arg(shown(params))});
        } else {
            p.params = params.toObject();
            if (auto a = argumentsFor(*k, p.params, at(prefix, key)); !a)
                issues += a.error();
        }
    }
    if (!issues.isEmpty())
        return std::unexpected(issues);
    return p;
}

Checked<Profile> parseProfile(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(QList<Issue>{{{},
                                             QStringLiteral("invalid JSON at byte %1: %2")
                                                 .arg(error.offset)
                                                 .arg(error.errorString())}});
    if (!doc.isObject())
        return std::unexpected(QList<Issue>{{{}, QStringLiteral("must be a JSON object")}});
    return profileFromJson(doc.object());
}

Checked<QByteArray> readCapped(const QString &path, qint64 cap)
{
    QFile f(path);
    const QFileInfo info(path);
    if (!info.exists())
        return std::unexpected(QList<Issue>{{{}, QStringLiteral("no such file")}});
    // A FIFO or a device would block or never end: profiles and bundles are regular files.
    if (!info.isFile())
        return std::unexpected(QList<Issue>{{{}, QStringLiteral("is not a regular file")}});
    if (info.size() > cap)
        return std::unexpected(QList<Issue>{
            {{}, QStringLiteral("is %1 bytes; at most %2 are read").arg(info.size()).arg(cap)}});
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(
            QList<Issue>{{{}, QStringLiteral("cannot read: %1").arg(f.errorString())}});
    // A file that grows while read (or a pipe) is still cut off at the cap.
    QByteArray bytes = f.read(cap + 1);
    if (bytes.size() > cap)
        return std::unexpected(
            QList<Issue>{{{}, QStringLiteral("is over %1 bytes; at most that is read").arg(cap)}});
    return bytes;
}

Checked<Profile> loadProfile(const QString &path)
{
    auto bytes = readCapped(path, kMaxProfileBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    return parseProfile(*bytes);
}

QJsonObject toJsonObject(const Profile &p)
{
    QJsonObject o{{QStringLiteral("schemaVersion"), kSchemaVersion},
                  {QStringLiteral("kind"), kindName(p.kind)},
                  {QStringLiteral("name"), p.name},
                  {kindName(p.kind), p.params}};
    if (!p.description.isEmpty())
        o.insert(QStringLiteral("description"), p.description);
    return o;
}

QByteArray toJson(const Profile &p)
{
    return QJsonDocument(toJsonObject(p)).toJson(QJsonDocument::Indented);
}

} // namespace vds::profiles
