#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace vds::jobs {

/// One message from the server a job talks to (SQL Server's informational and error messages
/// during BACKUP/RESTORE), kept as the server sent it: number, severity and text. The UI shows
/// the text verbatim and never parses it; typed progress travels separately (JobContext's
/// server percent). Plain value.
struct ServerMessage {
    int number = 0;
    int severity = -1; ///< SQL Server's class; -1 when the driver did not say
    QString text;
    QDateTime receivedAt; ///< UTC
    quint64 sequence = 0; ///< 0, 1, 2 … per job, set by JobContext: lets a late reader skip repeats

    friend bool operator==(const ServerMessage &, const ServerMessage &) = default;
};

} // namespace vds::jobs

Q_DECLARE_METATYPE(vds::jobs::ServerMessage)
