#pragma once

#include <QDialog>
#include <QStringList>

#include <vds/backup/commandline.h>
#include <vds/backup/params.h>
#include <vds/jobs/jobrunner.h>
#include <vds/sql/connectionoptions.h>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace vds::ui {

class BackupQueue;

/// Backs up the databases picked on the Backup page: type, stripes, destination and file-name
/// pattern, compression, encryption, checksum, verify, BUFFERCOUNT/MAXTRANSFERSIZE, with the
/// T-SQL the job will send (core/backup/statements.h) and the equivalent vdsctl line (the one
/// mapping of core/backup/commandline.h) kept up to date as options change. Back up checks what
/// can be checked here and words what is wrong; then one job per database goes to the runner,
/// all at once or one after another (Preferences), each with its live view.
/// GUI thread only. Borrows the runner; the jobs it starts outlive it (BackupQueue).
class BackupDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDialog)
public:
    /// `connection` is resolved (password filled); `databases` are the ones to back up.
    BackupDialog(const backup::ServerRef &server, const sql::ConnectionOptions &connection,
                 const QStringList &databases, jobs::JobRunner &runner, QWidget *parent = nullptr);

    /// The job parameters as chosen, secrets as references only (recipient files, the
    /// passphrase's environment variable for the command line), never their values; the
    /// database is the first picked (profiles save one per database).
    [[nodiscard]] backup::BackupParams params() const;
    /// The whole request: params() for every picked database, and how many run at once.
    [[nodiscard]] backup::commandline::BackupRequest request() const;
    /// The T-SQL each job will send (one statement per database), set names' uuid masked.
    [[nodiscard]] QString tsqlPreview() const;
    /// `vdsctl backup …` for request(): the arguments, and as one shell-quoted line.
    [[nodiscard]] QStringList commandArguments() const;
    [[nodiscard]] QString commandLine() const;
    /// What stops the backup from starting, worded for people; empty when it can start.
    [[nodiscard]] QString problem() const;
    /// The message shown under the form (the last problem found by Back up).
    [[nodiscard]] QString shownProblem() const;

    /// Whether the live view of each job opens when it starts (default true).
    void setOpenLiveViews(bool open) { m_openLiveViews = open; }

    /// The environment variable the command line names for a passphrase typed here.
    static constexpr const char *kPassphraseEnv = "VDSTUDIO_BACKUP_PASSPHRASE";

    // Widgets, for tests and screenshots.
    QComboBox *typeBox() const { return m_type; }
    QSpinBox *stripesBox() const { return m_stripes; }
    QLineEdit *folderEdit() const { return m_folder; }
    QLineEdit *patternEdit() const { return m_pattern; }
    QComboBox *compressionBox() const { return m_compression; }
    QSpinBox *levelBox() const { return m_level; }
    QComboBox *encryptionBox() const { return m_encryption; }
    QListWidget *recipientFiles() const { return m_recipientFiles; }
    QLineEdit *passphraseEdit() const { return m_passphrase; }
    QLineEdit *passphraseRepeatEdit() const { return m_passphrase2; }
    QCheckBox *checksumBox() const { return m_checksum; }
    QCheckBox *verifyBox() const { return m_verify; }
    QSpinBox *bufferCountBox() const { return m_bufferCount; }
    QComboBox *transferSizeBox() const { return m_transfer; }
    QGroupBox *advancedBox() const { return m_advanced; }
    QPushButton *backUpButton() const;

    /// Adds a recipients file to the list (what "Add…" does after its file dialog).
    void addRecipientsFile(const QString &path);

public slots:
    /// Checks, then starts the jobs and closes; on a problem it stays open and says what.
    void accept() override;
    /// "Save as profile…": the request as a profile, named and stored by the user.
    void saveProfile();

signals:
    /// The jobs were handed to the runner (through `queue`, which starts them as it may).
    void backupQueued(vds::ui::BackupQueue *queue);

private:
    void buildForm();
    void updatePreviews();
    void updateEncryptionPage();
    [[nodiscard]] backup::BackupParams paramsFor(const QString &database) const;
    [[nodiscard]] QString encryptionProblem() const;

    backup::ServerRef m_server;
    sql::ConnectionOptions m_connection;
    QStringList m_databases;
    jobs::JobRunner &m_runner;
    bool m_openLiveViews = true;

    QComboBox *m_type = nullptr;
    QSpinBox *m_stripes = nullptr;
    QLineEdit *m_folder = nullptr;
    QLineEdit *m_pattern = nullptr;
    QLabel *m_example = nullptr;
    QComboBox *m_compression = nullptr;
    QSpinBox *m_level = nullptr;
    QComboBox *m_encryption = nullptr;
    QStackedWidget *m_encryptionPages = nullptr;
    QListWidget *m_recipientFiles = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_passphrase2 = nullptr;
    QCheckBox *m_checksum = nullptr;
    QCheckBox *m_verify = nullptr;
    QGroupBox *m_advanced = nullptr;
    QSpinBox *m_bufferCount = nullptr;
    QComboBox *m_transfer = nullptr;
    QSpinBox *m_threads = nullptr;
    QPlainTextEdit *m_tsql = nullptr;
    QPlainTextEdit *m_command = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace vds::ui
