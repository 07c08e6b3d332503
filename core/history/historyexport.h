#pragma once

#include <QString>

#include <functional>

#include <vds/history/historyentry.h>

/// One history entry as a document for people: plain text or a self-contained HTML page with
/// the job's outcome, figures, parameters and report. The layout lives here so the GUI and
/// vdsctl export the same thing; the words (labels, kinds, outcomes, the error sentence) come
/// from an ExportWording, which the GUI fills with its translations. Plain functions; any thread
/// (the wording's callbacks are called on the caller's thread).
namespace vds::history {

/// The labels an export uses. Ids, not English, are what the renderer passes.
enum class ExportLabel {
    Job,
    Kind,
    Outcome,
    Server,
    Database,
    Started,
    Finished,
    Duration,
    Bytes,
    Throughput,
    Host,
    Error,
    Advice,
    Details,
    Figures,
    Parameters,
    Report,
};

struct ExportWording {
    std::function<QString(ExportLabel)> label;
    std::function<QString(const QString &kind)> kind;
    std::function<QString(jobs::JobStatus)> status;
    /// The error as a headline and advice (empty advice: none).
    std::function<std::pair<QString, QString>(const Error &)> error;
    std::function<QString(quint64 bytes)> bytes;
    std::function<QString(double seconds)> duration;
    std::function<QString(const QDateTime &utc)> time;
    /// A figure's or a setting's key ("steps", "manifest", "stripes" …) as a label.
    std::function<QString(const QString &key)> key;
};

/// English ids and plain numbers, for programs (vdsctl) and as the fallback of every slot a
/// caller leaves empty.
[[nodiscard]] ExportWording defaultWording();

[[nodiscard]] QString exportText(const HistoryEntry &entry, const ExportWording &wording = {});
[[nodiscard]] QString exportHtml(const HistoryEntry &entry, const ExportWording &wording = {});

} // namespace vds::history
