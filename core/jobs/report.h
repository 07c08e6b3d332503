#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace vds::jobs {

/// A job's report: phases, each with timestamped lines and a final status. Built by the job on
/// its own thread, then handed over by value in JobResult (no sharing, no locking).
class Report {
public:
    enum class Status { Running, Succeeded, Warning, Failed, Cancelled };

    struct Line {
        QDateTime time;
        Status status = Status::Running; ///< Running = plain information
        QString text;
    };
    struct Phase {
        QString title;
        QDateTime started;
        QDateTime ended;
        Status status = Status::Running;
        QList<Line> lines;
    };

    /// Opens a phase; an open phase is closed as Succeeded first.
    void beginPhase(const QString &title);
    void line(const QString &text, Status status = Status::Running);
    /// Closes the open phase, if any, with `status`.
    void endPhase(Status status);

    [[nodiscard]] const QList<Phase> &phases() const { return m_phases; }
    [[nodiscard]] bool isEmpty() const { return m_phases.isEmpty(); }

    [[nodiscard]] QString toText() const;
    [[nodiscard]] QString toHtml() const;
    [[nodiscard]] static QString statusName(Status status);

private:
    QList<Phase> m_phases;
};

} // namespace vds::jobs
