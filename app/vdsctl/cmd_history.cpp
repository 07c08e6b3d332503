// vdsctl history: the jobs the GUI, vdsctl and timers ran, from the shared history file.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#include "cli.h"
#include <vds/history/historyexport.h>
#include <vds/history/historystore.h>

namespace vds::cli {
namespace {

const QString kCommand = QStringLiteral("history");

/// Names and titles come from users: no control character reaches the terminal.
QString printable(QString s)
{
    for (QChar &c : s)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QChar(u'?');
    return s;
}

QString human(double bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024.0 && u < 4) {
        bytes /= 1024.0;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1String(units[u]));
}

QString localTime(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

int failed(const Error &e)
{
    err(QStringLiteral("vdsctl history: %1").arg(QString::fromStdString(e.toString())));
    return ExitJobFailed;
}

int list(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("Show at most N jobs, newest first (default "
                                                  "50; 0 = all)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  QStringLiteral("Only jobs of this kind (vhd-create, "
                                                 "vhd-convert, backup, restore, verify)."),
                                  QStringLiteral("K"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON array of jobs on stdout."));
    p.addOptions({limit, kind, json});
    p.addPositionalArgument(QStringLiteral("list"), QStringLiteral("(optional)"));
    if (const int rc = parse(p, args, kCommand + QStringLiteral(" list"),
                             QStringLiteral("List past jobs, newest first."));
        rc >= 0)
        return rc;
    if (!p.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()),
            kCommand);
    bool ok = false;
    history::HistoryFilter filter;
    filter.limit = p.value(limit).toInt(&ok);
    if (!ok || filter.limit < 0)
        return usageError(QStringLiteral("--limit takes a number ≥ 0"), kCommand);
    filter.kind = p.value(kind);

    QList<history::HistoryEntry> entries;
    history::HistoryStore store;
    if (QFile::exists(store.path())) { // never create a file just to list nothing
        auto found = store.list(filter);
        if (!found)
            return failed(found.error());
        entries = *found;
    }
    if (p.isSet(json)) {
        QJsonArray a;
        for (const auto &e : entries)
            a.append(e.toJson());
        printJson(a);
        return ExitOk;
    }
    if (entries.isEmpty()) {
        out(QStringLiteral("No jobs recorded."));
        return ExitOk;
    }
    out(QStringLiteral("%1  %2  %3  %4  %5  %6")
            .arg(QStringLiteral("ID"), 6)
            .arg(QStringLiteral("FINISHED"), -19)
            .arg(QStringLiteral("KIND"), -11)
            .arg(QStringLiteral("STATUS"), -9)
            .arg(QStringLiteral("SECONDS"), 8)
            .arg(QStringLiteral("TITLE")));
    for (const auto &e : entries)
        out(QStringLiteral("%1  %2  %3  %4  %5  %6")
                .arg(e.id, 6)
                .arg(localTime(e.finishedAt), -19)
                .arg(printable(e.kind), -11)
                .arg(jobs::statusName(e.status), -9)
                .arg(e.statistics.value(QStringLiteral("seconds")).toDouble(), 8, 'f', 1)
                .arg(printable(e.title)));
    return ExitOk;
}

int show(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the job as one JSON object on stdout."));
    const QCommandLineOption html(QStringLiteral("html"),
                                  QStringLiteral("Print the job's report as an HTML page (what "
                                                 "the History page exports)."));
    p.addOptions({json, html});
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The job's id (from list)."));
    if (const int rc = parse(p, args, kCommand + QStringLiteral(" show"),
                             QStringLiteral("Show one past job with its parameters, outcome, "
                                            "figures and report."));
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("one job id expected"),
                          kCommand + QStringLiteral(" show"));
    if (p.isSet(json) && p.isSet(html))
        return usageError(QStringLiteral("--json and --html exclude each other"),
                          kCommand + QStringLiteral(" show"));
    bool ok = false;
    const qint64 id = p.positionalArguments().first().toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(
            QStringLiteral("'%1' is not a job id").arg(printable(p.positionalArguments().first())),
            kCommand + QStringLiteral(" show"));
    history::HistoryStore store;
    std::optional<history::HistoryEntry> entry;
    if (QFile::exists(store.path())) {
        auto found = store.find(id);
        if (!found)
            return failed(found.error());
        entry = *found;
    }
    if (!entry) {
        err(QStringLiteral("vdsctl history show: no job with id %1").arg(id));
        return ExitUsage;
    }
    const history::HistoryEntry &e = *entry;
    if (p.isSet(json)) {
        printJson(e.toJson());
        return ExitOk;
    }
    if (p.isSet(html)) {
        std::fputs(history::exportHtml(e).toUtf8().constData(), stdout);
        return ExitOk;
    }
    out(QStringLiteral("Job %1: %2").arg(e.id).arg(printable(e.title)));
    out(QStringLiteral("  kind:      %1").arg(printable(e.kind)));
    out(QStringLiteral("  status:    %1").arg(jobs::statusName(e.status)));
    if (e.error.isError() && e.error.category != ErrorCategory::Cancelled)
        out(QStringLiteral("  error:     %1")
                .arg(printable(QString::fromStdString(e.error.toString()))));
    if (!e.server.isEmpty())
        out(QStringLiteral("  server:    %1").arg(printable(e.server)));
    if (!e.database.isEmpty())
        out(QStringLiteral("  database:  %1").arg(printable(e.database)));
    out(QStringLiteral("  started:   %1").arg(localTime(e.startedAt)));
    out(QStringLiteral("  finished:  %1").arg(localTime(e.finishedAt)));
    out(QStringLiteral("  seconds:   %1")
            .arg(e.statistics.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 2));
    out(QStringLiteral("  bytes:     %1")
            .arg(human(e.statistics.value(QStringLiteral("bytesDone")).toDouble())));
    if (!e.host.isEmpty())
        out(QStringLiteral("  host:      %1").arg(printable(e.host)));
    out(QStringLiteral("  parameters:"));
    for (auto it = e.params.begin(); it != e.params.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text =
            v.isString() ? v.toString()
            : v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
            : v.isDouble()
                ? QString::number(static_cast<qint64>(v.toDouble()))
                : QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray())
                                                              : QJsonDocument(v.toObject()))
                                        .toJson(QJsonDocument::Compact));
        out(QStringLiteral("    %1: %2").arg(printable(it.key()), printable(text)));
    }
    const QJsonArray phases = e.report.value(QStringLiteral("phases")).toArray();
    if (!phases.isEmpty())
        out(QStringLiteral("  report:"));
    for (const auto &pv : phases) {
        const QJsonObject ph = pv.toObject();
        out(QStringLiteral("    [%1] %2")
                .arg(ph.value(QStringLiteral("status")).toString(),
                     printable(ph.value(QStringLiteral("title")).toString())));
        for (const auto &lv : ph.value(QStringLiteral("lines")).toArray()) {
            const QJsonObject l = lv.toObject();
            const QString status = l.value(QStringLiteral("status")).toString();
            out(QStringLiteral("      %1%2")
                    .arg(status == QLatin1String("running") ? QString()
                                                            : status + QStringLiteral(": "),
                         printable(l.value(QStringLiteral("text")).toString())));
        }
    }
    return ExitOk;
}

} // namespace

int runHistory(const QStringList &args)
{
    // The overview names the subcommands (man page and bash completion are built from it).
    if (args.size() == 1 &&
        (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))) {
        out(QStringLiteral("Usage: vdsctl history list|show ...\n\n"
                           "  list [--limit N] [--kind KIND] [--json]   past jobs, newest first "
                           "(the default)\n"
                           "  show ID [--json]                          one job with its report\n\n"
                           "Run 'vdsctl history <subcommand> --help' for details."));
        return ExitOk;
    }
    if (!args.isEmpty() && args.first() == QLatin1String("show"))
        return show(args.mid(1));
    if (!args.isEmpty() && args.first() == QLatin1String("list"))
        return list(args.mid(1));
    return list(args);
}

} // namespace vds::cli
