#include "ui/history/historytext.h"

#include <QCoreApplication>

#include "ui/jobs/errortext.h"
#include "ui/widgets/format.h"

namespace vds::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HistoryText", text);
}

QString labelText(history::ExportLabel l)
{
    using L = history::ExportLabel;
    switch (l) {
    case L::Job: return tr("Job");
    case L::Kind: return tr("Kind");
    case L::Outcome: return tr("Outcome");
    case L::Server: return tr("Server");
    case L::Database: return tr("Database");
    case L::Started: return tr("Started");
    case L::Finished: return tr("Finished");
    case L::Duration: return tr("Duration");
    case L::Bytes: return tr("Data");
    case L::Throughput: return tr("Average speed");
    case L::Host: return tr("Computer");
    case L::Error: return tr("What went wrong");
    case L::Advice: return tr("What to do");
    case L::Details: return tr("Technical details");
    case L::Figures: return tr("Figures");
    case L::Parameters: return tr("Settings");
    case L::Report: return tr("Report");
    }
    return {};
}

} // namespace

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("backup"))
        return tr("Backup");
    if (kind == QLatin1String("restore"))
        return tr("Restore");
    if (kind == QLatin1String("verify"))
        return tr("Verify");
    if (kind == QLatin1String("vhd-create"))
        return tr("New virtual disk");
    if (kind == QLatin1String("vhd-convert"))
        return tr("Disk conversion");
    return kind;
}

QString outcomeText(jobs::JobStatus status)
{
    switch (status) {
    case jobs::JobStatus::Succeeded: return tr("Succeeded");
    case jobs::JobStatus::Failed: return tr("Failed");
    case jobs::JobStatus::Cancelled: return tr("Cancelled");
    }
    return {};
}

QStringList knownKinds()
{
    return {QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("verify"),
            QStringLiteral("vhd-create"), QStringLiteral("vhd-convert")};
}

history::ExportWording exportWording()
{
    history::ExportWording w;
    w.label = labelText;
    w.kind = kindText;
    w.status = outcomeText;
    w.error = [](const Error &e) {
        const ErrorText t = describe(e);
        return std::pair<QString, QString>(t.headline, t.advice);
    };
    w.bytes = [](quint64 b) { return format::bytes(b); };
    w.duration = [](double s) -> QString {
        return s > 0 ? format::duration(static_cast<qint64>(s + 0.5)) : QString();
    };
    w.time = [](const QDateTime &t) -> QString {
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                           : QString();
    };
    return w;
}

} // namespace vds::ui
