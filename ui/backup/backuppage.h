#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

#include <vds/backup/params.h>
#include <vds/connections/connection.h>
#include <vds/connections/passwordvault.h>
#include <vds/sql/connectionoptions.h>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace vds::backup {
class LocalSimulator;
}

namespace vds::ui {

class ConnectionDialog;
class DatabasesView;

/// The Backup page: with no connection saved, a first-run panel ("Connect to a SQL Server…",
/// "Try the built-in simulator"); otherwise the stored connections beside the chosen one's
/// databases. Owns the password vault and the built-in simulator (started on first use, stopped
/// with the page). Passes "Back up…" on as backupRequested with the password resolved. GUI
/// thread; owned by the main window's stack.
class BackupPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupPage)
public:
    explicit BackupPage(QWidget *parent = nullptr);
    ~BackupPage() override;

    [[nodiscard]] DatabasesView *databasesView() const { return m_databases; }
    [[nodiscard]] connections::PasswordVault &vault() { return m_vault; }
    /// The connection dialog while one is open (tests drive it), else nullptr.
    [[nodiscard]] ConnectionDialog *openDialog() const { return m_dialog; }
    [[nodiscard]] QString currentConnection() const;

public slots:
    /// Re-reads connections.json and shows the first-run panel or the list.
    void reload();
    void addConnection();
    void editConnection();
    void removeConnection();
    /// Starts the built-in simulator (with its Demo database), stores a connection for it and
    /// shows its databases.
    void trySimulator();
    void selectConnection(const QString &name);

signals:
    void backupRequested(const vds::backup::ServerRef &server,
                         const vds::sql::ConnectionOptions &resolved, const QStringList &databases);
    /// The chosen connection, its password resolved: where restores go too.
    void serverChosen(const vds::backup::ServerRef &server,
                      const vds::sql::ConnectionOptions &resolved);

private:
    QWidget *buildFirstRun();
    QWidget *buildMain();
    void openDialog(const std::optional<connections::Connection> &existing);
    void showConnection(int row);
    void useServer(const backup::ServerRef &server, const sql::ConnectionOptions &resolved);
    bool ensureSimulator();
    void showProblem(const QString &text);
    void showStorage(connections::PasswordStorage storage);

    connections::PasswordVault m_vault;
    std::unique_ptr<backup::LocalSimulator> m_simulator;
    sql::ConnectionOptions m_simulatorOptions;
    std::vector<connections::Connection> m_connections;
    ConnectionDialog *m_dialog = nullptr;

    QStackedWidget *m_stack;
    QLabel *m_notice;
    QLabel *m_problem;
    QListWidget *m_list;
    QPushButton *m_edit;
    QPushButton *m_remove;
    DatabasesView *m_databases;
};

} // namespace vds::ui
