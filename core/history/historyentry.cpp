#include <vds/history/historyentry.h>

#include <QJsonValue>
#include <QSysInfo>

#include <vds/history/reportjson.h>

namespace vds::history {

HistoryEntry HistoryEntry::fromJob(const jobs::JobSnapshot &job, const jobs::JobResult &result,
                                   const QDateTime &finishedAt)
{
    HistoryEntry e;
    e.kind = job.kind;
    e.title = job.title;
    e.params = job.params;
    e.server = job.params.value(QStringLiteral("server")).toString();
    e.database = job.params.value(QStringLiteral("database")).toString();
    e.status = result.status;
    if (result.status != jobs::JobStatus::Succeeded)
        e.error = result.error;
    if (result.status == jobs::JobStatus::Cancelled && !e.error.isError())
        e.error = Error::make(ErrorCategory::Cancelled, "cancelled");
    e.statistics =
        QJsonObject{{QStringLiteral("bytesDone"), static_cast<double>(result.stats.bytesDone)},
                    {QStringLiteral("bytesTotal"), static_cast<double>(result.stats.bytesTotal)},
                    {QStringLiteral("seconds"), result.stats.seconds},
                    {QStringLiteral("averageBytesPerSecond"), result.stats.averageBytesPerSecond},
                    {QStringLiteral("extra"), QJsonObject::fromVariantMap(result.stats.extra)}};
    e.report = reportToJson(result.report);
    e.startedAt = job.startedAt.isValid() ? job.startedAt.toUTC() : finishedAt.toUTC();
    e.finishedAt = finishedAt.toUTC();
    e.host = QSysInfo::machineHostName();
    return e;
}

QJsonObject HistoryEntry::toJson() const
{
    QJsonValue err = QJsonValue::Null;
    if (error.isError())
        err = QJsonObject{
            {QStringLiteral("category"),
             QString::fromLatin1(categoryName(error.category).data(),
                                 qsizetype(categoryName(error.category).size()))},
            {QStringLiteral("nativeKind"), nativeKindName(error.native.kind)},
            // Native codes can exceed 2^53 (HRESULTs do not, but keep one rule): a string.
            {QStringLiteral("nativeCode"), QString::number(error.native.value)},
            {QStringLiteral("sqlstate"), QString::fromStdString(error.native.sqlstate)},
            {QStringLiteral("message"), QString::fromStdString(error.message)},
            {QStringLiteral("context"), QString::fromStdString(error.context)}};
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{{QStringLiteral("id"), static_cast<double>(id)},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("status"), jobs::statusName(status)},
                       {QStringLiteral("server"), orNull(server)},
                       {QStringLiteral("database"), orNull(database)},
                       {QStringLiteral("params"), params},
                       {QStringLiteral("error"), err},
                       {QStringLiteral("statistics"), statistics},
                       {QStringLiteral("report"), report},
                       {QStringLiteral("startedAt"), startedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("finishedAt"), finishedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("host"), orNull(host)}};
}

std::optional<jobs::JobStatus> statusFromName(const QString &name)
{
    for (auto s : {jobs::JobStatus::Succeeded, jobs::JobStatus::Failed, jobs::JobStatus::Cancelled})
        if (jobs::statusName(s) == name)
            return s;
    return std::nullopt;
}

QString nativeKindName(NativeKind kind)
{
    switch (kind) {
    case NativeKind::None: return QStringLiteral("none");
    case NativeKind::Hresult: return QStringLiteral("hresult");
    case NativeKind::Win32: return QStringLiteral("win32");
    case NativeKind::Errno: return QStringLiteral("errno");
    case NativeKind::Sqlstate: return QStringLiteral("sqlstate");
    }
    return QStringLiteral("none");
}

NativeKind nativeKindFromName(const QString &name)
{
    for (auto k : {NativeKind::Hresult, NativeKind::Win32, NativeKind::Errno, NativeKind::Sqlstate})
        if (nativeKindName(k) == name)
            return k;
    return NativeKind::None;
}

ErrorCategory categoryFromName(const QString &name)
{
    for (int i = 0; i <= static_cast<int>(ErrorCategory::Internal); ++i) {
        const auto c = static_cast<ErrorCategory>(i);
        if (QLatin1String(categoryName(c).data(), qsizetype(categoryName(c).size())) == name)
            return c;
    }
    return name.isEmpty() ? ErrorCategory::None : ErrorCategory::Internal;
}

} // namespace vds::history
