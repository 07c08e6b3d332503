#pragma once

#include <QDialog>
#include <QHash>

#include <vds/profiles/profile.h>

class QLabel;
class QLineEdit;
class QWidget;

namespace vds::profiles {
class ProfileStore;
}

namespace vds::ui {

/// Edits any profile field by field: one row per option of the job's command (built from the
/// job table, so every option the command line knows is here and nothing else), secrets as
/// references. Problems are listed with their JSON paths as you type; Save writes only a valid
/// profile (renaming the file when the name changed). The fallback for kinds whose own dialog
/// is not wired to the Profiles page. GUI thread only; does not own the store.
class ProfileEditDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditDialog)
public:
    ProfileEditDialog(profiles::ProfileStore &store, profiles::Profile profile,
                      QWidget *parent = nullptr);

    /// The profile as the form describes it now.
    [[nodiscard]] profiles::Profile profile() const;
    /// The problems of profile() (empty: it can be saved).
    [[nodiscard]] QString problems() const;
    /// The editor of a field (a QLineEdit or a QCheckBox), by JSON key; for tests.
    [[nodiscard]] QWidget *editor(const QString &key) const { return m_editors.value(key); }
    /// Saves; false with the problems shown when it cannot.
    bool save();

private:
    void recheck();

    profiles::ProfileStore &m_store;
    profiles::Profile m_original;
    QLineEdit *m_name = nullptr;
    QHash<QString, QWidget *> m_editors;
    QLabel *m_problems = nullptr;
};

} // namespace vds::ui
