#include <vds/jobs/report.h>

namespace vds::jobs {

void Report::beginPhase(const QString &title)
{
    endPhase(Status::Succeeded);
    m_phases.append(Phase{title, QDateTime::currentDateTimeUtc(), {}, Status::Running, {}});
}

void Report::line(const QString &text, Status status)
{
    if (m_phases.isEmpty())
        beginPhase(QString());
    m_phases.last().lines.append(Line{QDateTime::currentDateTimeUtc(), status, text});
}

void Report::endPhase(Status status)
{
    if (m_phases.isEmpty() || m_phases.last().status != Status::Running)
        return;
    m_phases.last().status = status;
    m_phases.last().ended = QDateTime::currentDateTimeUtc();
}

QString Report::statusName(Status status)
{
    switch (status) {
    case Status::Running: return QStringLiteral("running");
    case Status::Succeeded: return QStringLiteral("ok");
    case Status::Warning: return QStringLiteral("warning");
    case Status::Failed: return QStringLiteral("failed");
    case Status::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QString Report::toText() const
{
    QString out;
    for (const Phase &p : m_phases) {
        out += QStringLiteral("[%1] %2\n").arg(statusName(p.status), p.title);
        for (const Line &l : p.lines) {
            out +=
                QStringLiteral("  %1  %2%3\n")
                    .arg(l.time.toString(Qt::ISODate),
                         l.status == Status::Running ? QString()
                                                     : statusName(l.status) + QStringLiteral(": "),
                         l.text);
        }
    }
    return out;
}

QString Report::toHtml() const
{
    QString out = QStringLiteral("<html><body>");
    for (const Phase &p : m_phases) {
        out += QStringLiteral("<h3>%1 <small>(%2)</small></h3><ul>")
                   .arg(p.title.toHtmlEscaped(), statusName(p.status));
        for (const Line &l : p.lines)
            out += QStringLiteral("<li><tt>%1</tt> %2</li>")
                       .arg(l.time.toString(Qt::ISODate), l.text.toHtmlEscaped());
        out += QStringLiteral("</ul>");
    }
    out += QStringLiteral("</body></html>");
    return out;
}

} // namespace vds::jobs
