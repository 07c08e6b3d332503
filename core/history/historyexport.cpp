#include <vds/history/historyexport.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace vds::history {

namespace {

QString labelId(ExportLabel l)
{
    switch (l) {
    case ExportLabel::Job: return QStringLiteral("Job");
    case ExportLabel::Kind: return QStringLiteral("Kind");
    case ExportLabel::Outcome: return QStringLiteral("Outcome");
    case ExportLabel::Server: return QStringLiteral("Server");
    case ExportLabel::Database: return QStringLiteral("Database");
    case ExportLabel::Started: return QStringLiteral("Started");
    case ExportLabel::Finished: return QStringLiteral("Finished");
    case ExportLabel::Duration: return QStringLiteral("Duration");
    case ExportLabel::Bytes: return QStringLiteral("Bytes");
    case ExportLabel::Throughput: return QStringLiteral("Throughput");
    case ExportLabel::Host: return QStringLiteral("Host");
    case ExportLabel::Error: return QStringLiteral("Error");
    case ExportLabel::Advice: return QStringLiteral("Advice");
    case ExportLabel::Details: return QStringLiteral("Details");
    case ExportLabel::Figures: return QStringLiteral("Figures");
    case ExportLabel::Parameters: return QStringLiteral("Parameters");
    case ExportLabel::Report: return QStringLiteral("Report");
    }
    return {};
}

/// The caller's wording with every empty slot filled from the defaults.
ExportWording complete(const ExportWording &w)
{
    ExportWording d = defaultWording();
    if (w.label)
        d.label = w.label;
    if (w.kind)
        d.kind = w.kind;
    if (w.status)
        d.status = w.status;
    if (w.error)
        d.error = w.error;
    if (w.bytes)
        d.bytes = w.bytes;
    if (w.duration)
        d.duration = w.duration;
    if (w.time)
        d.time = w.time;
    if (w.key)
        d.key = w.key;
    return d;
}

struct Field {
    QString label;
    QString value;
};

/// The summary rows both formats show, in order; empty values are left out.
QList<Field> summary(const HistoryEntry &e, const ExportWording &w)
{
    const QJsonObject &s = e.statistics;
    const double bytes = s.value(QStringLiteral("bytesDone")).toDouble();
    const double seconds = s.value(QStringLiteral("seconds")).toDouble();
    const double rate = s.value(QStringLiteral("averageBytesPerSecond")).toDouble();
    QList<Field> rows{
        {w.label(ExportLabel::Kind), w.kind(e.kind)},
        {w.label(ExportLabel::Outcome), w.status(e.status)},
        {w.label(ExportLabel::Server), e.server},
        {w.label(ExportLabel::Database), e.database},
        {w.label(ExportLabel::Started), w.time(e.startedAt)},
        {w.label(ExportLabel::Finished), w.time(e.finishedAt)},
        {w.label(ExportLabel::Duration), w.duration(seconds)},
        {w.label(ExportLabel::Bytes), bytes > 0 ? w.bytes(quint64(bytes)) : QString()},
        {w.label(ExportLabel::Throughput),
         rate > 0 ? w.bytes(quint64(rate)) + QStringLiteral("/s") : QString()},
        {w.label(ExportLabel::Host), e.host},
    };
    QList<Field> out;
    for (const Field &f : rows)
        if (!f.value.isEmpty())
            out << f;
    return out;
}

/// Figures and parameters as "key: value" pairs (JSON values shown compactly).
QList<Field> pairs(const QJsonObject &o, const ExportWording &w)
{
    QList<Field> out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QString::number(v.toDouble(), 'g', 15);
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &i : v.toArray())
                items << (i.isString()
                              ? i.toString()
                              : QString::fromUtf8(
                                    QJsonDocument(QJsonArray{i}).toJson(QJsonDocument::Compact))
                                    .mid(1)
                                    .chopped(1));
            text = items.join(QStringLiteral(", "));
        } else if (v.isObject())
            text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        if (!text.isEmpty())
            out << Field{w.key(it.key()), text};
    }
    return out;
}

QList<Field> figures(const HistoryEntry &e, const ExportWording &w)
{
    return pairs(e.statistics.value(QStringLiteral("extra")).toObject(), w);
}

QString lineTime(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC().toString(QStringLiteral("HH:mm:ss")) : QString();
}

} // namespace

ExportWording defaultWording()
{
    ExportWording w;
    w.label = labelId;
    w.kind = [](const QString &k) { return k; };
    w.status = [](jobs::JobStatus s) { return jobs::statusName(s); };
    w.error = [](const Error &e) {
        return std::pair<QString, QString>(QString::fromStdString(e.toString()), QString());
    };
    w.bytes = [](quint64 b) { return QString::number(b); };
    w.key = [](const QString &k) { return k; };
    w.duration = [](double s) -> QString {
        return s > 0 ? QString::number(s, 'f', 1) + QStringLiteral(" s") : QString();
    };
    w.time = [](const QDateTime &t) {
        return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
    };
    return w;
}

QString exportText(const HistoryEntry &e, const ExportWording &wording)
{
    const ExportWording w = complete(wording);
    QString out =
        QStringLiteral("%1 %2: %3\n").arg(w.label(ExportLabel::Job)).arg(e.id).arg(e.title);
    out += QString(out.size() - 1, QLatin1Char('=')) + QLatin1Char('\n');
    auto block = [&out](const QList<Field> &fields) {
        qsizetype width = 0;
        for (const Field &f : fields)
            width = std::max(width, f.label.size());
        for (const Field &f : fields)
            out += QStringLiteral("%1  %2\n")
                       .arg(f.label + QLatin1Char(':'), -int(width) - 1)
                       .arg(f.value);
    };
    block(summary(e, w));
    if (e.status != jobs::JobStatus::Succeeded && e.error.isError()) {
        const auto [headline, advice] = w.error(e.error);
        out += QStringLiteral("\n%1: %2\n").arg(w.label(ExportLabel::Error), headline);
        if (!advice.isEmpty())
            out += QStringLiteral("%1: %2\n").arg(w.label(ExportLabel::Advice), advice);
        out += QStringLiteral("%1: %2\n")
                   .arg(w.label(ExportLabel::Details), QString::fromStdString(e.error.toString()));
    }
    if (const auto f = figures(e, w); !f.isEmpty()) {
        out += QStringLiteral("\n%1\n").arg(w.label(ExportLabel::Figures));
        block(f);
    }
    if (const auto p = pairs(e.params, w); !p.isEmpty()) {
        out += QStringLiteral("\n%1\n").arg(w.label(ExportLabel::Parameters));
        block(p);
    }
    const QJsonArray phases = e.report.value(QStringLiteral("phases")).toArray();
    if (!phases.isEmpty())
        out += QStringLiteral("\n%1\n").arg(w.label(ExportLabel::Report));
    for (const QJsonValue &pv : phases) {
        const QJsonObject p = pv.toObject();
        out += QStringLiteral("[%1] %2\n")
                   .arg(p.value(QStringLiteral("status")).toString(),
                        p.value(QStringLiteral("title")).toString());
        for (const QJsonValue &lv : p.value(QStringLiteral("lines")).toArray()) {
            const QJsonObject l = lv.toObject();
            const QString status = l.value(QStringLiteral("status")).toString();
            out += QStringLiteral("  %1  %2%3\n")
                       .arg(lineTime(l.value(QStringLiteral("time")).toString()),
                            status == jobs::Report::statusName(jobs::Report::Status::Running)
                                ? QString()
                                : status + QStringLiteral(": "),
                            l.value(QStringLiteral("text")).toString());
        }
    }
    return out;
}

QString exportHtml(const HistoryEntry &e, const ExportWording &wording)
{
    const ExportWording w = complete(wording);
    auto esc = [](const QString &s) -> QString { return s.toHtmlEscaped(); };
    auto table = [&esc](const QList<Field> &fields) -> QString {
        QString t = QStringLiteral("<table>");
        for (const Field &f : fields)
            t += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(f.label), esc(f.value));
        return t + QStringLiteral("</table>");
    };
    const QString title =
        QStringLiteral("%1 %2: %3").arg(w.label(ExportLabel::Job)).arg(e.id).arg(e.title);
    QString out =
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                       "<style>body{font-family:sans-serif;margin:1em}th{text-align:left;"
                       "padding-right:1em;vertical-align:top}td{word-break:break-all}"
                       ".failed{color:#b00020}.cancelled{color:#8a6d00}.succeeded{color:#1b7f3b}"
                       "ul{margin-top:0}</style></head><body>\n")
            .arg(esc(title));
    out += QStringLiteral("<h2>%1</h2>\n").arg(esc(title));
    out += QStringLiteral("<p class=\"%1\"><b>%2</b></p>\n")
               .arg(jobs::statusName(e.status), esc(w.status(e.status)));
    out += table(summary(e, w)) + QLatin1Char('\n');
    if (e.status != jobs::JobStatus::Succeeded && e.error.isError()) {
        const auto [headline, advice] = w.error(e.error);
        out +=
            QStringLiteral("<h3>%1</h3><p class=\"%2\">%3</p>")
                .arg(esc(w.label(ExportLabel::Error)), jobs::statusName(e.status), esc(headline));
        if (!advice.isEmpty())
            out += QStringLiteral("<p>%1</p>").arg(esc(advice));
        out += QStringLiteral("<p><small>%1: <tt>%2</tt></small></p>\n")
                   .arg(esc(w.label(ExportLabel::Details)),
                        esc(QString::fromStdString(e.error.toString())));
    }
    if (const auto f = figures(e, w); !f.isEmpty())
        out += QStringLiteral("<h3>%1</h3>").arg(esc(w.label(ExportLabel::Figures))) + table(f) +
               QLatin1Char('\n');
    if (const auto p = pairs(e.params, w); !p.isEmpty())
        out += QStringLiteral("<h3>%1</h3>").arg(esc(w.label(ExportLabel::Parameters))) + table(p) +
               QLatin1Char('\n');
    const QJsonArray phases = e.report.value(QStringLiteral("phases")).toArray();
    if (!phases.isEmpty())
        out += QStringLiteral("<h3>%1</h3>\n").arg(esc(w.label(ExportLabel::Report)));
    for (const QJsonValue &pv : phases) {
        const QJsonObject p = pv.toObject();
        out += QStringLiteral("<h4>%1 <small>(%2)</small></h4><ul>")
                   .arg(esc(p.value(QStringLiteral("title")).toString()),
                        esc(p.value(QStringLiteral("status")).toString()));
        for (const QJsonValue &lv : p.value(QStringLiteral("lines")).toArray()) {
            const QJsonObject l = lv.toObject();
            out += QStringLiteral("<li><tt>%1</tt> %2</li>")
                       .arg(lineTime(l.value(QStringLiteral("time")).toString()),
                            esc(l.value(QStringLiteral("text")).toString()));
        }
        out += QStringLiteral("</ul>\n");
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

} // namespace vds::history
