#pragma once

#include <QDialog>
#include <QList>

#include <vds/profiles/bundle.h>

class QComboBox;
class QTreeWidget;

namespace vds::profiles {
class ProfileStore;
}

namespace vds::ui {

/// Import preview: each incoming profile with what will happen to it (added, replaces, kept
/// both under a new name, skipped), the conflict rule chosen here. Nothing is written before
/// Import is pressed. GUI thread only; does not own the store.
class ProfileImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileImportDialog)
public:
    ProfileImportDialog(profiles::ProfileStore &store, QList<profiles::Profile> incoming,
                        QWidget *parent = nullptr);

    void setConflict(profiles::Conflict conflict);
    [[nodiscard]] QList<profiles::ImportStep> steps() const { return m_steps; }
    /// Applies the steps; false with a message when a save fails.
    bool apply();

private:
    void updatePreview();

    profiles::ProfileStore &m_store;
    QList<profiles::Profile> m_incoming;
    QList<profiles::ImportStep> m_steps;
    QComboBox *m_conflict = nullptr;
    QTreeWidget *m_preview = nullptr;
};

} // namespace vds::ui
