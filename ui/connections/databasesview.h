#pragma once

#include <QStringList>
#include <QWidget>

#include <optional>

#include <vds/backup/params.h>
#include <vds/connections/connectioncheck.h>
#include <vds/sql/connectionoptions.h>
#include <vds/sql/serverinfo.h>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace vds::ui {

/// One server's databases: name, state, recovery model, size, last full / differential / log
/// backup (msdb), several selectable; above them, what would stop a backup (not sysadmin, the
/// server on another machine, the VDI set-up), from the same connection test the dialog runs.
/// Listing runs off the GUI thread (the window never freezes, a slow server only shows "Reading…");
/// a refresh that finishes after a newer one started is dropped. "Back up…" hands the selection to
/// whoever opens the backup dialog. GUI thread; owned by its parent.
class DatabasesView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabasesView)
public:
    explicit DatabasesView(QWidget *parent = nullptr);

    /// Shows this server's databases (refreshes at once). `resolved` carries the password.
    void setConnection(const backup::ServerRef &server, const sql::ConnectionOptions &resolved);
    /// Empties the view and says why (no connection chosen, no password …).
    void clear(const QString &why);
    [[nodiscard]] QStringList selectedDatabases() const;
    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }
    [[nodiscard]] const std::optional<sql::ServerSummary> &summary() const { return m_summary; }

public slots:
    void refresh();
    void requestBackup();

signals:
    void backupRequested(const vds::backup::ServerRef &server,
                         const vds::sql::ConnectionOptions &resolved, const QStringList &databases);
    /// A listing finished (`ok` false: the status line says why).
    void refreshed(bool ok);

private:
    void showSummary(const sql::ServerSummary &summary);
    void showFindings(const std::vector<connections::CheckFinding> &findings);
    void updateButtons();

    backup::ServerRef m_server;
    sql::ConnectionOptions m_options;
    bool m_hasConnection = false;
    bool m_refreshing = false;
    quint64 m_generation = 0;
    std::optional<sql::ServerSummary> m_summary;

    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_warnings;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    QPushButton *m_backup;
};

} // namespace vds::ui
