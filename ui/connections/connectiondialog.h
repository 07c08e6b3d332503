#pragma once

#include <QDialog>

#include <optional>

#include <vds/connections/connection.h>
#include <vds/connections/connectioncheck.h>
#include <vds/connections/passwordvault.h>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace vds::ui {

/// Adds or edits a stored connection: host, port, ODBC driver (those installed), SQL login or
/// Kerberos (where the driver can), encryption. "Test" runs the connection test off the GUI
/// thread and words each finding with its fix. Save writes connections.json and hands the
/// password to the keyring (or the session, said so) before the dialog closes. GUI thread;
/// the vault is the caller's and outlives the dialog.
class ConnectionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)
public:
    ConnectionDialog(connections::PasswordVault &vault,
                     const std::optional<connections::Connection> &existing,
                     QWidget *parent = nullptr);

    /// The connection as the fields describe it now.
    [[nodiscard]] connections::Connection connection() const;
    [[nodiscard]] std::string password() const;
    /// The last test's result, when one finished.
    [[nodiscard]] const std::optional<connections::CheckResult> &lastCheck() const
    {
        return m_lastCheck;
    }

public slots:
    void runTest();

signals:
    void testFinished(const vds::connections::CheckResult &result);
    /// After Save: the file is written and the password stored where `storage` says.
    void saved(const vds::connections::Connection &connection,
               vds::connections::PasswordStorage storage);

private:
    void save();
    void updateForDriver();
    void updateAuth();
    void setBusy(bool busy);

    connections::PasswordVault &m_vault;
    std::string m_previousName;
    std::optional<connections::CheckResult> m_lastCheck;
    bool m_testing = false;

    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_driver;
    QComboBox *m_auth;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QComboBox *m_encryption;
    QCheckBox *m_trust;
    QLineEdit *m_certHost;
    QPushButton *m_test;
    QLabel *m_result;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace vds::ui
