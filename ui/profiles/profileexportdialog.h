#pragma once

#include <QDialog>

#include <vds/profiles/profile.h>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace vds::ui {

/// Export a profile as a systemd user service + timer: the schedule (OnCalendar=) chosen here,
/// the folder (default ~/.config/systemd/user), a password file when the profile reads the
/// password from the keyring or the environment (a timer reaches neither). Shows the units
/// before writing them. GUI thread only.
class ProfileExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileExportDialog)
public:
    ProfileExportDialog(profiles::Profile profile, QString vdsctl, QWidget *parent = nullptr);

    void setOnCalendar(const QString &calendar);
    void setDirectory(const QString &directory);
    void setPasswordFile(const QString &file);
    /// Writes the units; false with a message shown when it cannot.
    bool write();

private:
    void updatePreview();

    profiles::Profile m_profile;
    QString m_vdsctl;
    QComboBox *m_calendar = nullptr;
    QLineEdit *m_directory = nullptr;
    QLineEdit *m_passwordFile = nullptr;
    QLineEdit *m_passphraseFile = nullptr;
    QPlainTextEdit *m_preview = nullptr;
};

} // namespace vds::ui
