#pragma once

#include <QPointer>
#include <QWidget>

#include <optional>

#include <vds/backup/params.h>
#include <vds/sql/connectionoptions.h>

class QLabel;
class QPushButton;

namespace vds::ui {

class JobTracker;
class RestoreWizard;

/// The Restore page: which server a restore goes to and "Restore from files or a folder…",
/// which opens the restore wizard. The server (as the user named it, and the resolved
/// connection with its password) comes from the connection chooser through setServer().
/// GUI thread only; owned by its parent; does not own the tracker.
class RestorePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestorePage)
public:
    explicit RestorePage(JobTracker &tracker, QWidget *parent = nullptr);

    void setServer(const backup::ServerRef &server, const sql::ConnectionOptions &resolved);
    [[nodiscard]] bool hasServer() const { return m_server.has_value(); }
    /// Ask before cancelling a running restore (the Preferences setting).
    void setConfirmCancel(bool confirm) { m_confirmCancel = confirm; }

public slots:
    /// Opens the wizard (non-modal, deletes itself when closed); nullptr without a server.
    RestoreWizard *openWizard();

private:
    void update();

    JobTracker &m_tracker;
    std::optional<backup::ServerRef> m_server;
    sql::ConnectionOptions m_connection;
    QLabel *m_target = nullptr;
    QPushButton *m_open = nullptr;
    bool m_confirmCancel = true;
};

} // namespace vds::ui
