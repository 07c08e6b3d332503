#include <vds/history/historystore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>
#include <cerrno>

namespace vds::history {

namespace {

std::atomic<quint64> g_connections{0};

// One entry per schema version: the statements that take a file from the version before to
// this one. Never edit a step that shipped; add a new one and raise kSchemaVersion.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 1: one row per finished job.
        {QStringLiteral("CREATE TABLE jobs ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " kind TEXT NOT NULL, title TEXT NOT NULL, params TEXT NOT NULL,"
                        " server TEXT, database_name TEXT, status TEXT NOT NULL,"
                        " error_category TEXT, error_native_kind TEXT, error_native_code TEXT,"
                        " error_sqlstate TEXT, error_message TEXT, error_context TEXT,"
                        " statistics TEXT NOT NULL, report TEXT NOT NULL,"
                        " started_at TEXT NOT NULL, finished_at TEXT NOT NULL)"),
         QStringLiteral("CREATE INDEX jobs_kind ON jobs (kind, id)")},
        // 2: the machine that ran the job; bytes and seconds as columns (sortable, summable),
        // filled in for the rows version 1 wrote.
        {QStringLiteral("ALTER TABLE jobs ADD COLUMN host TEXT"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN bytes INTEGER"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN seconds REAL"),
         QStringLiteral("UPDATE jobs SET bytes = json_extract(statistics, '$.bytesDone'),"
                        " seconds = json_extract(statistics, '$.seconds')"),
         QStringLiteral("CREATE INDEX jobs_target ON jobs (server, database_name, id)")},
    };
    return steps;
}

/// SQLite's primary result codes that say something about the file rather than the query.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADb = 26;

Error sqlFailure(const QSqlError &e, const QString &path, const char *what)
{
    const int code = e.nativeErrorCode().toInt() & 0xFF;
    ErrorCategory category = ErrorCategory::Io;
    if (code == kSqliteBusy || code == kSqliteLocked)
        category = ErrorCategory::Timeout;
    else if (code == kSqliteCorrupt || code == kSqliteNotADb)
        category = ErrorCategory::Format;
    std::string message = std::string("job history: ") + what + ": " + e.text().toStdString();
    if (category == ErrorCategory::Format)
        message += " (the file is damaged; it was left as it is)";
    Error err = Error::make(category, std::move(message), path.toStdString());
    err.native.value = e.nativeErrorCode().toLongLong();
    return err;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

const QString kColumns = QStringLiteral(
    "id, kind, title, params, server, database_name, status, error_category, error_native_kind,"
    " error_native_code, error_sqlstate, error_message, error_context, statistics, report,"
    " started_at, finished_at, host");

HistoryEntry entryFrom(const QSqlQuery &q)
{
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.kind = q.value(1).toString();
    e.title = q.value(2).toString();
    e.params = object(q.value(3));
    e.server = q.value(4).toString();
    e.database = q.value(5).toString();
    e.status = statusFromName(q.value(6).toString()).value_or(jobs::JobStatus::Failed);
    e.error.category = categoryFromName(q.value(7).toString());
    e.error.native.kind = nativeKindFromName(q.value(8).toString());
    e.error.native.value = q.value(9).toString().toLongLong();
    e.error.native.sqlstate = q.value(10).toString().toStdString();
    e.error.message = q.value(11).toString().toStdString();
    e.error.context = q.value(12).toString().toStdString();
    e.statistics = object(q.value(13));
    e.report = object(q.value(14));
    e.startedAt = QDateTime::fromString(q.value(15).toString(), Qt::ISODateWithMs).toUTC();
    e.finishedAt = QDateTime::fromString(q.value(16).toString(), Qt::ISODateWithMs).toUTC();
    e.host = q.value(17).toString();
    return e;
}

} // namespace

HistoryStore::HistoryStore(QString path)
    : m_path(std::move(path)),
      m_connection(QStringLiteral("vds-history-%1").arg(g_connections.fetch_add(1)))
{}

HistoryStore::~HistoryStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/vdstudio/history.sqlite");
}

Expected<void> HistoryStore::open()
{
    if (m_open)
        return {};
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorCategory::Io, "job history: cannot create the folder",
                    info.absolutePath().toStdString());
    // Refuse anything that is not a SQLite file before SQLite sees it: a clear message, and no
    // chance of anything being written into somebody else's file.
    if (info.exists() && info.size() > 0) {
        QFile f(m_path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::fromErrno(EACCES, m_path.toStdString(), "job history: open"));
        if (f.read(16) != QByteArray("SQLite format 3", 16))
            return fail(ErrorCategory::Format,
                        "job history: the file is not a SQLite database (damaged, or not a "
                        "history file); it was left as it is",
                        m_path.toStdString());
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open())
        return fail(sqlFailure(db.lastError(), m_path, "cannot open"));
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs)))
            return fail(sqlFailure(q.lastError(), m_path, "cannot configure"));
    }
    // Versions first: switching to WAL rewrites the header, and a newer program's file must
    // stay exactly as it is.
    if (auto m = migrate(); !m)
        return m;
    {
        QSqlQuery q(db);
        // WAL: readers never block the writer, and concurrent writers queue on the busy
        // timeout.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return fail(sqlFailure(q.lastError(), m_path, "cannot switch to WAL"));
        q.finish(); // a pragma's result row keeps its statement open
    }
    m_open = true;
    return {};
}

Expected<void> HistoryStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    auto version = [&]() -> std::optional<int> {
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return std::nullopt;
        const int v = q.value(0).toInt();
        q.finish();
        return v;
    };
    const auto found = version();
    if (!found)
        return fail(sqlFailure(q.lastError(), m_path, "cannot read the schema version"));
    m_foundVersion = *found;
    auto tooNew = [&](int v) {
        return fail(ErrorCategory::Unsupported,
                    "job history: the file has schema version " + std::to_string(v) +
                        ", newer than this program understands (" + std::to_string(kSchemaVersion) +
                        "); it was written by a newer version and was left as it is",
                    m_path.toStdString());
    };
    if (*found > kSchemaVersion)
        return tooNew(*found);
    if (*found == kSchemaVersion)
        return {};
    // Another process may be migrating the same file: take the write lock first, then look
    // again at the version inside the transaction.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(sqlFailure(q.lastError(), m_path, "cannot lock for the schema upgrade"));
    auto rollback = [&](Error e) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return fail(std::move(e));
    };
    const auto current = version();
    if (!current)
        return rollback(sqlFailure(q.lastError(), m_path, "cannot read the schema version"));
    if (*current > kSchemaVersion) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return tooNew(*current);
    }
    for (int v = *current + 1; v <= kSchemaVersion; ++v) {
        for (const QString &statement : migrations().at(v - 1))
            if (!q.exec(statement))
                return rollback(sqlFailure(
                    q.lastError(), m_path,
                    ("schema upgrade to version " + std::to_string(v) + " failed").c_str()));
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)))
        return rollback(sqlFailure(q.lastError(), m_path, "cannot record the schema version"));
    if (!q.exec(QStringLiteral("COMMIT")))
        return rollback(sqlFailure(q.lastError(), m_path, "cannot commit the schema upgrade"));
    return {};
}

Expected<qint64> HistoryStore::add(const HistoryEntry &e)
{
    if (auto o = open(); !o)
        return std::unexpected(o.error());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT INTO jobs (kind, title, params, server, database_name, status, error_category,"
        " error_native_kind, error_native_code, error_sqlstate, error_message, error_context,"
        " statistics, report, started_at, finished_at, host, bytes, seconds)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto text = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    const bool failed = e.error.isError();
    q.addBindValue(e.kind);
    q.addBindValue(e.title);
    q.addBindValue(json(e.params));
    q.addBindValue(text(e.server));
    q.addBindValue(text(e.database));
    q.addBindValue(jobs::statusName(e.status));
    q.addBindValue(
        failed ? QVariant(QString::fromLatin1(categoryName(e.error.category).data(),
                                              qsizetype(categoryName(e.error.category).size())))
               : QVariant());
    q.addBindValue(failed ? QVariant(nativeKindName(e.error.native.kind)) : QVariant());
    q.addBindValue(failed ? QVariant(QString::number(e.error.native.value)) : QVariant());
    q.addBindValue(text(QString::fromStdString(e.error.native.sqlstate)));
    q.addBindValue(text(QString::fromStdString(e.error.message)));
    q.addBindValue(text(QString::fromStdString(e.error.context)));
    q.addBindValue(json(e.statistics));
    q.addBindValue(json(e.report));
    q.addBindValue(e.startedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(e.finishedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(text(e.host));
    q.addBindValue(static_cast<qint64>(e.statistics.value(QStringLiteral("bytesDone")).toDouble()));
    q.addBindValue(e.statistics.value(QStringLiteral("seconds")).toDouble());
    if (!q.exec())
        return fail(sqlFailure(q.lastError(), m_path, "cannot add the job"));
    return q.lastInsertId().toLongLong();
}

Expected<QList<HistoryEntry>> HistoryStore::list(const HistoryFilter &filter)
{
    if (auto o = open(); !o)
        return std::unexpected(o.error());
    QStringList where;
    QVariantList values;
    auto match = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        where << QStringLiteral("%1 = ?").arg(QLatin1String(column));
        values << value;
    };
    match("kind", filter.kind);
    match("server", filter.server);
    match("database_name", filter.database);
    if (filter.status)
        match("status", jobs::statusName(*filter.status));
    // Times are stored as ISO 8601 UTC with milliseconds, so text order is time order.
    if (filter.startedFrom.isValid()) {
        where << QStringLiteral("started_at >= ?");
        values << filter.startedFrom.toUTC().toString(Qt::ISODateWithMs);
    }
    if (filter.startedTo.isValid()) {
        where << QStringLiteral("started_at < ?");
        values << filter.startedTo.toUTC().toString(Qt::ISODateWithMs);
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM jobs");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return fail(sqlFailure(q.lastError(), m_path, "cannot list the jobs"));
    QList<HistoryEntry> out;
    while (q.next())
        out.append(entryFrom(q));
    return out;
}

Expected<HistoryFacets> HistoryStore::facets()
{
    if (auto o = open(); !o)
        return std::unexpected(o.error());
    HistoryFacets f;
    const std::pair<const char *, QStringList *> columns[] = {
        {"kind", &f.kinds}, {"server", &f.servers}, {"database_name", &f.databases}};
    for (const auto &[column, out] : columns) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT DISTINCT %1 FROM jobs WHERE %1 IS NOT NULL AND %1 <> ''"
                                   " ORDER BY %1")
                        .arg(QLatin1String(column))))
            return fail(sqlFailure(q.lastError(), m_path, "cannot list the filter values"));
        while (q.next())
            out->append(q.value(0).toString());
    }
    return f;
}

Expected<std::optional<HistoryEntry>> HistoryStore::find(qint64 id)
{
    if (auto o = open(); !o)
        return std::unexpected(o.error());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM jobs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(sqlFailure(q.lastError(), m_path, "cannot read the job"));
    if (!q.next())
        return std::optional<HistoryEntry>();
    return std::optional<HistoryEntry>(entryFrom(q));
}

} // namespace vds::history
