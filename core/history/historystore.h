#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include <vds/history/historyentry.h>
#include <vds/util/error.h>

namespace vds::history {

/// Which entries list() returns: newest first. Every condition is part of the SQL query (the
/// UI never filters rows itself).
struct HistoryFilter {
    int limit = 50;                        ///< at most this many (≤ 0: all)
    QString kind;                          ///< empty = every kind
    QString server;                        ///< empty = any
    QString database;                      ///< empty = any
    std::optional<jobs::JobStatus> status; ///< the outcome; nullopt = any
    QDateTime startedFrom; ///< invalid = no lower bound; jobs started at or after it
    QDateTime startedTo;   ///< invalid = no upper bound; jobs started before it
};

/// The values the history holds, for filter choices: every kind, server and database that
/// appears in some row (sorted, no empties).
struct HistoryFacets {
    QStringList kinds;
    QStringList servers;
    QStringList databases;
};

/// The job history file: one SQLite database (QtSql) with one row per finished job.
///
/// Several processes write at once (the GUI, vdsctl, systemd timers): the file is in WAL mode
/// and every connection waits up to busyTimeoutMs() for a lock instead of failing. The schema
/// carries its version in `PRAGMA user_version` and is migrated step by step on open; a file
/// from a newer program, or one that is not a SQLite database, is refused with a clear error
/// and left exactly as it is (nothing is ever deleted or recreated).
///
/// Thread affinity: a QtSql connection belongs to the thread that opened it, so a store is
/// used (and destroyed) on the thread that called open(); other threads open their own store
/// on the same path. Not copyable.
class HistoryStore final {
public:
    /// Versions this program reads and writes; open() migrates older files up to it.
    static constexpr int kSchemaVersion = 2;

    explicit HistoryStore(QString path = defaultPath());
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    /// `$XDG_DATA_HOME/vdstudio/history.sqlite` (~/.local/share/…): one file for the GUI and
    /// the CLI, whatever name the process gives itself.
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] const QString &path() const { return m_path; }
    void setBusyTimeoutMs(int ms) { m_busyTimeoutMs = ms; }
    [[nodiscard]] int busyTimeoutMs() const { return m_busyTimeoutMs; }

    /// Creates the file (and its folder) if needed, switches to WAL, migrates the schema.
    /// Errors: Format (not a history database), Unsupported (newer schema), Io, Timeout.
    Expected<void> open();
    [[nodiscard]] bool isOpen() const { return m_open; }
    /// The schema version found in the file when it was opened (before migrating).
    [[nodiscard]] int foundVersion() const { return m_foundVersion; }

    /// Adds one entry; returns its id.
    Expected<qint64> add(const HistoryEntry &entry);
    Expected<QList<HistoryEntry>> list(const HistoryFilter &filter = {});
    /// The distinct kinds, servers and databases of all rows.
    Expected<HistoryFacets> facets();
    /// nullopt when no entry has that id.
    Expected<std::optional<HistoryEntry>> find(qint64 id);

private:
    Expected<void> migrate();

    QString m_path;
    QString m_connection;
    int m_busyTimeoutMs = 10000;
    int m_foundVersion = 0;
    bool m_open = false;
};

} // namespace vds::history
