#pragma once

#include <QDateTime>
#include <QWizardPage>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <vds/backup/chain.h>
#include <vds/backup/params.h>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QThread;
class QTreeWidget;

namespace vds::ui {
class JobView;
class RestoreWizard;
} // namespace vds::ui

/// The restore wizard's pages (restorewizard.h). GUI thread only; owned by the wizard.
namespace vds::ui::restore {

using Moves = std::vector<std::pair<std::string, std::string>>;

/// Files or a folder → the chain a restore applies (core/backup inspectChain), shown step by
/// step, with a gap named; the database to restore when the folder holds several.
class SourcePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcePage)
public:
    explicit SourcePage(RestoreWizard *wizard);
    [[nodiscard]] bool isComplete() const override;

    /// A manifest file (that backup alone) or a folder of backups (its newest chain).
    void setSource(const QString &path);
    [[nodiscard]] QString source() const;
    /// Chooses the database whose backups to restore (a folder with several).
    void setSourceDatabase(const QString &name);
    /// The database to pass on: empty unless the folder holds several.
    [[nodiscard]] std::string sourceDatabase() const;
    [[nodiscard]] const std::optional<backup::ChainInspection> &inspection() const
    {
        return m_inspection;
    }
    /// Why Next is disabled, worded (empty when it is not).
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QTreeWidget *chainView() const { return m_chain; }

private:
    void inspect();

    RestoreWizard *m_wizard;
    QLineEdit *m_path = nullptr;
    QComboBox *m_database = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QTreeWidget *m_chain = nullptr;
    QLabel *m_status = nullptr;
    std::optional<backup::ChainInspection> m_inspection;
    QString m_problem;
    bool m_filling = false;
};

/// The end of the chain, or a point in time within it (bounds from the manifests); shows which
/// backups that point takes.
class PointInTimePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PointInTimePage)
public:
    explicit PointInTimePage(RestoreWizard *wizard);
    void initializePage() override;
    /// nullopt: the end of the chain.
    [[nodiscard]] std::optional<QDateTime> stopAt() const;
    void setStopAt(const std::optional<QDateTime> &time);
    [[nodiscard]] QString appliesText() const;

private:
    void update();

    RestoreWizard *m_wizard;
    QRadioButton *m_latest = nullptr;
    QRadioButton *m_at = nullptr;
    QDateTimeEdit *m_time = nullptr;
    QLabel *m_range = nullptr;
    QLabel *m_applies = nullptr;
    bool m_initialised = false;
};

/// The identity file and/or passphrase the chain's encrypted backups need. Next checks that
/// they open every stripe (nothing is sent to the server) before it moves on.
class KeysPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysPage)
public:
    explicit KeysPage(RestoreWizard *wizard);
    ~KeysPage() override;
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

    void setIdentityFile(const QString &path);
    void setPassphrase(const QString &passphrase);
    [[nodiscard]] QString identityFile() const;
    [[nodiscard]] std::vector<std::string> identities() const { return m_identities; }
    [[nodiscard]] std::string passphrase() const;
    [[nodiscard]] bool needsIdentity() const { return m_needIdentity; }
    [[nodiscard]] bool needsPassphrase() const { return m_needPassphrase; }
    /// The last check's problem, worded (empty: none, or not checked yet).
    [[nodiscard]] QString problem() const;
    [[nodiscard]] bool isChecking() const { return m_checking; }

private:
    void startCheck();
    [[nodiscard]] QString keyState() const;

    RestoreWizard *m_wizard;
    QLabel *m_identityLabel = nullptr;
    QLineEdit *m_identity = nullptr;
    QWidget *m_identityBrowse = nullptr;
    QLabel *m_passphraseLabel = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLabel *m_status = nullptr;
    std::unique_ptr<QThread> m_thread;
    std::vector<std::string> m_identities;
    QString m_checkedState; ///< keyState() that last passed the check
    bool m_needIdentity = false;
    bool m_needPassphrase = false;
    bool m_checking = false;
};

/// The target database (new, or an existing one replaced after a confirmation naming it) and
/// the recovery state.
class TargetPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetPage)
public:
    explicit TargetPage(RestoreWizard *wizard);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

    void setName(const QString &name);
    [[nodiscard]] QString name() const;
    [[nodiscard]] bool replace() const;
    void setReplace(bool replace);
    [[nodiscard]] bool norecovery() const;
    void setNorecovery(bool norecovery);
    /// True when a database of that name exists on the server.
    [[nodiscard]] bool exists() const;
    [[nodiscard]] QString problem() const;

private:
    void update();

    RestoreWizard *m_wizard;
    QLineEdit *m_name = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_exists = nullptr;
    QCheckBox *m_replace = nullptr;
    QRadioButton *m_recovery = nullptr;
    QRadioButton *m_norecovery = nullptr;
    QLabel *m_problem = nullptr;
};

/// Where each database file goes: the job's own relocation rule (core/backup plannedMoves,
/// with the server's default folders) as the default, editable per file.
class FilesPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesPage)
public:
    explicit FilesPage(RestoreWizard *wizard);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    /// Every file's target as shown (logical name → path).
    [[nodiscard]] Moves shown() const;
    /// What RestoreParams::moves gets: empty while the table holds what the job would do by
    /// itself (so the command line stays short), else every file.
    [[nodiscard]] Moves explicitMoves(const backup::RestoreParams &withoutMoves) const;
    /// Sets one file's target path (as a user editing the cell).
    bool setTarget(const QString &logicalName, const QString &path);
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QTreeWidget *view() const { return m_files; }

private:
    void fill(bool relocate);
    [[nodiscard]] Moves defaults(bool relocate) const;

    RestoreWizard *m_wizard;
    QTreeWidget *m_files = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_problem = nullptr;
    QString m_filledFor; ///< target name the table was filled for
    bool m_filled = false;
};

/// Everything collected, the T-SQL of each step (from the builder the job uses) and the
/// equivalent vdsctl line.
class SummaryPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)
public:
    explicit SummaryPage(RestoreWizard *wizard);
    void initializePage() override;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString tsql() const;
    [[nodiscard]] QString commandLine() const;

private:
    RestoreWizard *m_wizard;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_tsql = nullptr;
    QPlainTextEdit *m_command = nullptr;
};

/// Starts the job and shows it live; moves on to the result when it ends.
class ProgressPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressPage)
public:
    explicit ProgressPage(RestoreWizard *wizard);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] JobView *view() const { return m_view; }

private:
    RestoreWizard *m_wizard;
    JobView *m_view = nullptr;
    bool m_finished = false;
};

/// The outcome, with the error worded for people and its details.
class ResultPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultPage)
public:
    explicit ResultPage(RestoreWizard *wizard);
    void initializePage() override;
    [[nodiscard]] JobView *view() const { return m_view; }

private:
    RestoreWizard *m_wizard;
    JobView *m_view = nullptr;
};

} // namespace vds::ui::restore
