#include <vds/backup/manifest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <charconv>

namespace vds::backup {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

std::uint64_t lsnValue(const std::string &lsn)
{
    std::uint64_t v = 0;
    const auto [p, ec] = std::from_chars(lsn.data(), lsn.data() + lsn.size(), v);
    return ec == std::errc() && p == lsn.data() + lsn.size() ? v : 0;
}

std::uint64_t Manifest::rawBytes() const
{
    std::uint64_t n = 0;
    for (const auto &s : stripes)
        n += s.bytes;
    return n;
}

QJsonObject Manifest::toJson() const
{
    QJsonArray st;
    for (const auto &s : stripes)
        // Sizes as numbers: exact up to 2^53 bytes (8 PiB), far past any stripe.
        st.append(QJsonObject{{QStringLiteral("file"), q(s.file)},
                              {QStringLiteral("bytes"), double(s.bytes)},
                              {QStringLiteral("sha256"), q(s.sha256)},
                              {QStringLiteral("fileSha256"), q(s.fileSha256)}});
    QJsonArray fl;
    for (const auto &f : files)
        fl.append(QJsonObject{{QStringLiteral("logicalName"), q(f.logicalName)},
                              {QStringLiteral("type"), q(f.type)},
                              {QStringLiteral("physicalName"), q(f.physicalName)},
                              {QStringLiteral("sizeBytes"), double(f.sizeBytes)}});
    QJsonArray rec;
    for (const auto &r : recipients)
        rec.append(q(r));
    return QJsonObject{{QStringLiteral("schemaVersion"), schemaVersion},
                       {QStringLiteral("tool"), q(tool)},
                       {QStringLiteral("server"), q(server)},
                       {QStringLiteral("serverVersion"), q(serverVersion)},
                       {QStringLiteral("database"), q(database)},
                       {QStringLiteral("type"), q(type)},
                       {QStringLiteral("startedAt"), isoTime(startedAt)},
                       {QStringLiteral("finishedAt"), isoTime(finishedAt)},
                       {QStringLiteral("firstLsn"), q(firstLsn)},
                       {QStringLiteral("lastLsn"), q(lastLsn)},
                       {QStringLiteral("databaseBackupLsn"), q(databaseBackupLsn)},
                       {QStringLiteral("differentialBaseLsn"), q(differentialBaseLsn)},
                       {QStringLiteral("codec"), q(codec)},
                       {QStringLiteral("encryption"), q(encryption)},
                       {QStringLiteral("recipients"), rec},
                       {QStringLiteral("setName"), q(setName)},
                       {QStringLiteral("stripes"), st},
                       {QStringLiteral("files"), fl}};
}

Expected<Manifest> Manifest::fromJson(const QJsonObject &o, const std::string &context)
{
    const char *required[] = {"schemaVersion", "database", "type",    "firstLsn",
                              "lastLsn",       "codec",    "stripes", "encryption"};
    for (const char *key : required)
        if (!o.contains(QLatin1String(key)))
            return fail(ErrorCategory::Format,
                        std::string("the manifest has no \"") + key + "\" key", context);
    Manifest m;
    m.schemaVersion = o.value(QStringLiteral("schemaVersion")).toInt();
    if (m.schemaVersion < 1 || m.schemaVersion > kSchemaVersion)
        return fail(ErrorCategory::Format,
                    "unsupported manifest schemaVersion " + std::to_string(m.schemaVersion),
                    context);
    auto s = [&](const char *key) { return o.value(QLatin1String(key)).toString().toStdString(); };
    m.tool = s("tool");
    m.server = s("server");
    m.serverVersion = s("serverVersion");
    m.database = s("database");
    m.type = s("type");
    m.startedAt =
        QDateTime::fromString(o.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    m.finishedAt =
        QDateTime::fromString(o.value(QStringLiteral("finishedAt")).toString(), Qt::ISODateWithMs);
    m.firstLsn = s("firstLsn");
    m.lastLsn = s("lastLsn");
    m.databaseBackupLsn = s("databaseBackupLsn");
    m.differentialBaseLsn = s("differentialBaseLsn");
    m.codec = s("codec");
    m.encryption = s("encryption");
    m.setName = s("setName");
    for (const auto v : o.value(QStringLiteral("recipients")).toArray())
        m.recipients.push_back(v.toString().toStdString());
    for (const auto v : o.value(QStringLiteral("stripes")).toArray()) {
        const QJsonObject so = v.toObject();
        ManifestStripe st;
        st.file = so.value(QStringLiteral("file")).toString().toStdString();
        st.bytes = static_cast<std::uint64_t>(so.value(QStringLiteral("bytes")).toDouble());
        st.sha256 = so.value(QStringLiteral("sha256")).toString().toStdString();
        st.fileSha256 = so.value(QStringLiteral("fileSha256")).toString().toStdString();
        if (st.file.empty() || st.sha256.size() != 64)
            return fail(ErrorCategory::Format, "a stripe entry lacks \"file\" or \"sha256\"",
                        context);
        const std::filesystem::path fp(st.file);
        if (fp.is_absolute() || st.file.find("..") != std::string::npos)
            return fail(ErrorCategory::Format,
                        "a stripe file lies outside the manifest's folder: " + st.file, context);
        m.stripes.push_back(std::move(st));
    }
    if (m.stripes.empty())
        return fail(ErrorCategory::Format, "the manifest lists no stripes", context);
    for (const auto v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject fo = v.toObject();
        m.files.push_back(
            {fo.value(QStringLiteral("logicalName")).toString().toStdString(),
             fo.value(QStringLiteral("type")).toString().toStdString(),
             fo.value(QStringLiteral("physicalName")).toString().toStdString(),
             static_cast<std::uint64_t>(fo.value(QStringLiteral("sizeBytes")).toDouble())});
    }
    return m;
}

Expected<Manifest> Manifest::load(const std::filesystem::path &path)
{
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.exists() ? ErrorCategory::Permission : ErrorCategory::NotFound,
                    "cannot read the manifest", path.string());
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (doc.isNull() || !doc.isObject())
        return fail(ErrorCategory::Format,
                    "the manifest is not a JSON object: " + pe.errorString().toStdString(),
                    path.string());
    auto m = fromJson(doc.object(), path.string());
    if (!m)
        return m;
    m->path = std::filesystem::absolute(path);
    return m;
}

Expected<void> Manifest::save(const std::filesystem::path &target)
{
    QSaveFile f(QString::fromStdString(target.string()));
    if (!f.open(QIODevice::WriteOnly))
        return fail(ErrorCategory::Io,
                    "cannot create the manifest: " + f.errorString().toStdString(),
                    target.string());
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    // QSaveFile writes a temporary file, flushes and fsyncs it, then renames it over the target.
    if (!f.commit())
        return fail(ErrorCategory::Io,
                    "cannot write the manifest: " + f.errorString().toStdString(), target.string());
    path = std::filesystem::absolute(target);
    return {};
}

} // namespace vds::backup
