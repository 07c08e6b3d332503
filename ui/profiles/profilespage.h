#pragma once

#include <QHash>
#include <QWidget>

#include <optional>

#include <vds/profiles/profile.h>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QProcess;

namespace vds::profiles {
class ProfileStore;
}

namespace vds::ui {

/// The Profiles page: every stored profile with its kind, last run and outcome (from the job
/// history); run, edit, duplicate, rename, delete (with undo), export (bundle, command line,
/// T-SQL, systemd units) and import (preview + conflict handling). Follows edits made outside
/// (the store's watcher). Runs a profile as `vdsctl run NAME`, so a run from here is recorded
/// exactly as one from a terminal. GUI thread only; owns its store.
class ProfilesPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)
public:
    /// `directory` empty: the default store; `historyPath` empty: the default history file.
    explicit ProfilesPage(QWidget *parent = nullptr, const QString &directory = {},
                          const QString &historyPath = {});
    ~ProfilesPage() override;

    [[nodiscard]] profiles::ProfileStore &store() { return *m_store; }
    /// Re-reads the store and the history.
    void refresh();
    /// The profile selected in the list, if any.
    [[nodiscard]] std::optional<profiles::Profile> selectedProfile() const;
    void selectProfile(const QString &name);

    // Actions, also the buttons' (public for tests and the lead's wiring).
    void runSelected();
    /// Emits editRequested() when something listens to it, else opens the field editor.
    void editSelected();
    void duplicateSelected();
    bool renameSelected(const QString &newName);
    void deleteSelected();
    void undoDelete();
    /// Imports `file` (bundle or profile) after a preview; false when refused or cancelled.
    bool importFile(const QString &file);

signals:
    /// "Edit" on a profile, for a listener that opens the dialog which made it (the backup
    /// dialog, the restore wizard). Without a listener the page's field editor opens instead.
    void editRequested(const vds::profiles::Profile &profile);
    /// A run started from this page finished (exit code of vdsctl run).
    void runFinished(const QString &name, int exitCode);

private:
    void updateButtons();
    void showExportMenu();
    void exportBundle();
    void exportText(bool tsql);
    void exportSystemd();
    QString vdsctlPath() const;

    profiles::ProfileStore *m_store;
    QString m_historyPath;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_export = nullptr;
    QWidget *m_undoBar = nullptr;
    QLabel *m_undoText = nullptr;
    std::optional<profiles::Profile> m_deleted;
    QHash<QString, QProcess *> m_running;
};

} // namespace vds::ui
