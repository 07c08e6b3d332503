#include <vds/history/reportjson.h>

#include <QJsonArray>

namespace vds::history {

namespace {

using Status = jobs::Report::Status;

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QJsonObject reportToJson(const jobs::Report &report)
{
    QJsonArray phases;
    for (const auto &p : report.phases()) {
        QJsonArray lines;
        for (const auto &l : p.lines)
            lines.append(QJsonObject{{QStringLiteral("time"), timeText(l.time)},
                                     {QStringLiteral("status"), jobs::Report::statusName(l.status)},
                                     {QStringLiteral("text"), l.text}});
        phases.append(QJsonObject{{QStringLiteral("title"), p.title},
                                  {QStringLiteral("started"), timeText(p.started)},
                                  {QStringLiteral("ended"), timeText(p.ended)},
                                  {QStringLiteral("status"), jobs::Report::statusName(p.status)},
                                  {QStringLiteral("lines"), lines}});
    }
    return QJsonObject{{QStringLiteral("phases"), phases}};
}

} // namespace vds::history
