#include "ui/history/historytext.h"

#include <QCoreApplication>

#include "ui/jobs/errortext.h"
#include "ui/widgets/format.h"

namespace vds::ui {
namespace {

// lupdate files a free function's tr() under the enclosing namespace, so the lookup context
// is that namespace's name too (another name would never find the translation).
QString tr(const char *text)
{
    return QCoreApplication::translate("vds::ui", text);
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

/// The keys jobs put into their figures (stats.extra) and settings (historyParams).
QString keyText(const QString &k)
{
    static const std::pair<const char *, const char *> words[] = {
        {"backups", QT_TRANSLATE_NOOP("vds::ui", "Backups")},
        {"beforeServer", QT_TRANSLATE_NOOP("vds::ui", "Stopped before the server")},
        {"blocksSkipped", QT_TRANSLATE_NOOP("vds::ui", "Blocks skipped")},
        {"blocksWritten", QT_TRANSLATE_NOOP("vds::ui", "Blocks written")},
        {"bytes", QT_TRANSLATE_NOOP("vds::ui", "Bytes")},
        {"database", QT_TRANSLATE_NOOP("vds::ui", "Database")},
        {"fileSize", QT_TRANSLATE_NOOP("vds::ui", "File size")},
        {"files", QT_TRANSLATE_NOOP("vds::ui", "Files")},
        {"firstLsn", QT_TRANSLATE_NOOP("vds::ui", "First LSN")},
        {"format", QT_TRANSLATE_NOOP("vds::ui", "Format")},
        {"lastLsn", QT_TRANSLATE_NOOP("vds::ui", "Last LSN")},
        {"manifest", QT_TRANSLATE_NOOP("vds::ui", "Manifest")},
        {"moves", QT_TRANSLATE_NOOP("vds::ui", "Files moved")},
        {"outputPath", QT_TRANSLATE_NOOP("vds::ui", "Output")},
        {"serverPercent", QT_TRANSLATE_NOOP("vds::ui", "Server progress (%)")},
        {"serverVerified", QT_TRANSLATE_NOOP("vds::ui", "Verified by the server")},
        {"setName", QT_TRANSLATE_NOOP("vds::ui", "Backup set")},
        {"stalls", QT_TRANSLATE_NOOP("vds::ui", "Stalls")},
        {"steps", QT_TRANSLATE_NOOP("vds::ui", "Backups applied")},
        {"type", QT_TRANSLATE_NOOP("vds::ui", "Type")},
        {"uniqueId", QT_TRANSLATE_NOOP("vds::ui", "Unique id")},
        {"verified", QT_TRANSLATE_NOOP("vds::ui", "Verified")},
        {"virtualSize", QT_TRANSLATE_NOOP("vds::ui", "Virtual size")},
    };
    for (const auto &[id, text] : words)
        if (k == QLatin1String(id))
            return tr(text);
    return k;
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
    w.key = keyText;
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
