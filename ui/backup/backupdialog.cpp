#include "ui/backup/backupdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/backup/backupchecks.h"
#include "ui/backup/backupqueue.h"
#include "ui/profiles/profiletext.h"
#include "ui/profiles/saveasprofile.h"
#include <vds/backup/backupjob.h>
#include <vds/backup/names.h>
#include <vds/backup/statements.h>
#include <vds/cmdline/sizeargument.h>
#include <vds/profiles/fromparams.h>
#include <vds/settings/preferences.h>

namespace vds::ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

enum class EncryptionChoice { None, Recipients, Passphrase };

} // namespace

BackupDialog::BackupDialog(const backup::ServerRef &server,
                           const sql::ConnectionOptions &connection, const QStringList &databases,
                           jobs::JobRunner &runner, QWidget *parent)
    : QDialog(parent), m_server(server), m_connection(connection), m_databases(databases),
      m_runner(runner)
{
    setWindowTitle(databases.size() == 1
                       ? tr("Back up %1").arg(databases.first())
                       : tr("Back up %n databases", nullptr, int(databases.size())));
    setObjectName(QStringLiteral("BackupDialog"));
    qRegisterMetaType<vds::ui::BackupQueue *>();
    buildForm();
    updateEncryptionPage();
    updatePreviews();
}

QPushButton *BackupDialog::backUpButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void BackupDialog::buildForm()
{
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(this);
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);
    what->setText(
        tr("Server %1 · %2").arg(q(m_server.display()), m_databases.join(QStringLiteral(", "))));
    layout->addWidget(what);

    auto *form = new QFormLayout;
    m_type = new QComboBox(this);
    // Ids are core's (typeName), the words ours.
    m_type->addItem(tr("Full"), q(backup::typeName(backup::BackupType::Full)));
    m_type->addItem(tr("Differential (changes since the last full)"),
                    q(backup::typeName(backup::BackupType::Diff)));
    m_type->addItem(tr("Transaction log"), q(backup::typeName(backup::BackupType::Log)));
    m_type->addItem(tr("Copy-only full (leaves the backup chain alone)"),
                    q(backup::typeName(backup::BackupType::CopyOnly)));
    form->addRow(tr("&Type:"), m_type);

    m_stripes = new QSpinBox(this);
    m_stripes->setRange(1, backup::kMaxStripes);
    m_stripes->setToolTip(tr("The backup stream is spread over this many files, written at "
                             "the same time (virtual devices)."));
    form->addRow(tr("&Stripes:"), m_stripes);

    m_folder = new QLineEdit(settings::Preferences::defaultBackupDirectory().get(), this);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Backup folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *folderLabel = new QLabel(tr("&Destination folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);

    m_pattern = new QLineEdit(q(backup::kDefaultNamePattern), this);
    m_pattern->setToolTip(tr("Tokens: {server}, {database}, {type}, {date} (UTC), {stripe}, "
                             "{stripes}. Folders are allowed inside the destination."));
    form->addRow(tr("File &names:"), m_pattern);
    m_example = new QLabel(this);
    m_example->setTextFormat(Qt::PlainText);
    m_example->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_example);

    m_compression = new QComboBox(this);
    m_compression->addItem(tr("None"), QStringLiteral("none"));
    m_compression->addItem(tr("zstd"), QStringLiteral("zstd"));
    m_compression->setCurrentIndex(1);
    m_level = new QSpinBox(this);
    m_level->setRange(1, 19);
    m_level->setValue(3);
    m_level->setPrefix(tr("level "));
    auto *compressRow = new QHBoxLayout;
    compressRow->addWidget(m_compression, 1);
    compressRow->addWidget(m_level);
    auto *compressLabel = new QLabel(tr("&Compression:"), this);
    compressLabel->setBuddy(m_compression);
    form->addRow(compressLabel, compressRow);

    m_encryption = new QComboBox(this);
    m_encryption->addItem(tr("None"), int(EncryptionChoice::None));
    m_encryption->addItem(tr("age, to recipients (public keys from files)"),
                          int(EncryptionChoice::Recipients));
    m_encryption->addItem(tr("age, with a passphrase"), int(EncryptionChoice::Passphrase));
    form->addRow(tr("&Encryption:"), m_encryption);
    m_encryptionPages = new QStackedWidget(this);
    m_encryptionPages->addWidget(new QWidget(this));
    auto *recipients = new QWidget(this);
    auto *rl = new QHBoxLayout(recipients);
    rl->setContentsMargins(0, 0, 0, 0);
    m_recipientFiles = new QListWidget(recipients);
    m_recipientFiles->setAccessibleName(tr("Recipients files"));
    m_recipientFiles->setMaximumHeight(70);
    auto *rButtons = new QVBoxLayout;
    auto *add = new QPushButton(tr("&Add…"), recipients);
    auto *remove = new QPushButton(tr("&Remove"), recipients);
    rButtons->addWidget(add);
    rButtons->addWidget(remove);
    rButtons->addStretch(1);
    rl->addWidget(m_recipientFiles, 1);
    rl->addLayout(rButtons);
    connect(add, &QPushButton::clicked, this, [this] {
        for (const QString &f : QFileDialog::getOpenFileNames(this, tr("Files of age recipients")))
            addRecipientsFile(f);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_recipientFiles->currentItem();
        updatePreviews();
    });
    m_encryptionPages->addWidget(recipients);
    auto *pass = new QWidget(this);
    auto *pl = new QFormLayout(pass);
    pl->setContentsMargins(0, 0, 0, 0);
    m_passphrase = new QLineEdit(pass);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase2 = new QLineEdit(pass);
    m_passphrase2->setEchoMode(QLineEdit::Password);
    pl->addRow(tr("&Passphrase:"), m_passphrase);
    pl->addRow(tr("&Repeat:"), m_passphrase2);
    m_encryptionPages->addWidget(pass);
    form->addRow(QString(), m_encryptionPages);

    m_checksum = new QCheckBox(tr("Page checksums (WITH CHECKSUM)"), this);
    m_verify = new QCheckBox(tr("Verify the files afterwards"), this);
    form->addRow(QString(), m_checksum);
    form->addRow(QString(), m_verify);
    layout->addLayout(form);

    m_advanced = new QGroupBox(tr("Ad&vanced"), this);
    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    auto *af = new QFormLayout(m_advanced);
    m_bufferCount = new QSpinBox(m_advanced);
    m_bufferCount->setRange(0, 4096);
    m_bufferCount->setSpecialValueText(tr("Default"));
    af->addRow(tr("BUFFERCOUNT:"), m_bufferCount);
    m_transfer = new QComboBox(m_advanced);
    m_transfer->addItem(tr("Default"), 0u);
    for (unsigned kib = 64; kib <= 4096; kib *= 2)
        m_transfer->addItem(kib >= 1024 ? tr("%1 MiB").arg(kib / 1024) : tr("%1 KiB").arg(kib),
                            kib * 1024u);
    af->addRow(tr("MAXTRANSFERSIZE:"), m_transfer);
    m_threads = new QSpinBox(m_advanced);
    m_threads->setRange(0, 64);
    m_threads->setSpecialValueText(tr("None (one per stripe)"));
    af->addRow(tr("Extra zstd threads:"), m_threads);
    // Unchecked, the Advanced values stay at their defaults (and out of the command line).
    for (QWidget *w : {static_cast<QWidget *>(m_bufferCount), static_cast<QWidget *>(m_transfer),
                       static_cast<QWidget *>(m_threads)})
        w->setEnabled(false);
    connect(m_advanced, &QGroupBox::toggled, this, [this](bool on) {
        m_bufferCount->setEnabled(on);
        m_transfer->setEnabled(on);
        m_threads->setEnabled(on);
        updatePreviews();
    });
    layout->addWidget(m_advanced);

    auto *previews = new QTabWidget(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_tsql = new QPlainTextEdit(previews);
    m_command = new QPlainTextEdit(previews);
    for (QPlainTextEdit *e : {m_tsql, m_command}) {
        e->setReadOnly(true);
        e->setFont(fixed);
        e->setMinimumHeight(90);
    }
    m_tsql->setAccessibleName(tr("T-SQL preview"));
    m_command->setAccessibleName(tr("Equivalent command line"));
    previews->addTab(m_tsql, tr("T-SQL"));
    previews->addTab(m_command, tr("Command line"));
    layout->addWidget(previews, 1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    QPalette warn = m_problem->palette();
    warn.setColor(QPalette::WindowText, QColor::fromHsl(0, 220, 110));
    m_problem->setPalette(warn);
    m_problem->setVisible(false);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Back up"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BackupDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The same backup kept for later: the Profiles page and `vdsctl run` run it again.
    auto *save = m_buttons->addButton(tr("Save as &profile…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveAsProfile"));
    connect(save, &QPushButton::clicked, this, &BackupDialog::saveProfile);
    layout->addWidget(m_buttons);

    auto changed = [this] { updatePreviews(); };
    connect(m_type, &QComboBox::currentIndexChanged, this, changed);
    connect(m_stripes, &QSpinBox::valueChanged, this, changed);
    connect(m_folder, &QLineEdit::textChanged, this, changed);
    connect(m_pattern, &QLineEdit::textChanged, this, changed);
    connect(m_compression, &QComboBox::currentIndexChanged, this, changed);
    connect(m_level, &QSpinBox::valueChanged, this, changed);
    connect(m_encryption, &QComboBox::currentIndexChanged, this, [this] {
        updateEncryptionPage();
        updatePreviews();
    });
    connect(m_checksum, &QCheckBox::toggled, this, changed);
    connect(m_verify, &QCheckBox::toggled, this, changed);
    connect(m_bufferCount, &QSpinBox::valueChanged, this, changed);
    connect(m_transfer, &QComboBox::currentIndexChanged, this, changed);
    connect(m_threads, &QSpinBox::valueChanged, this, changed);
    resize(640, 760);
}

void BackupDialog::updateEncryptionPage()
{
    m_encryptionPages->setCurrentIndex(m_encryption->currentIndex());
    m_encryptionPages->setVisible(m_encryption->currentData().toInt() !=
                                  int(EncryptionChoice::None));
}

void BackupDialog::addRecipientsFile(const QString &path)
{
    if (m_recipientFiles->findItems(path, Qt::MatchExactly).isEmpty())
        m_recipientFiles->addItem(path);
    updatePreviews();
}

backup::BackupParams BackupDialog::paramsFor(const QString &database) const
{
    backup::BackupParams p;
    p.server = m_server;
    p.database = database.toStdString();
    p.type = backup::parseType(m_type->currentData().toString().toStdString())
                 .value_or(backup::BackupType::Full);
    p.stripes = m_stripes->value();
    p.directory = m_folder->text().trimmed().toStdString();
    const QString pattern = m_pattern->text().trimmed();
    if (pattern != QLatin1String(backup::kDefaultNamePattern))
        p.namePattern = pattern.toStdString();
    if (m_compression->currentData().toString() == QLatin1String("zstd")) {
        p.codec = backup::Codec::Zstd;
        p.zstdLevel = m_level->value();
        p.zstdThreads = m_advanced->isChecked() ? m_threads->value() : 0;
    }
    switch (EncryptionChoice(m_encryption->currentData().toInt())) {
    case EncryptionChoice::None: break;
    case EncryptionChoice::Recipients:
        p.encryption.kind = backup::Encryption::AgeX25519;
        for (int i = 0; i < m_recipientFiles->count(); ++i)
            p.encryption.recipientFiles.push_back(m_recipientFiles->item(i)->text().toStdString());
        break;
    case EncryptionChoice::Passphrase:
        p.encryption.kind = backup::Encryption::AgeScrypt;
        p.encryption.passphraseEnv = kPassphraseEnv; // a reference; the value stays here
        break;
    }
    p.checksum = m_checksum->isChecked();
    p.verify = m_verify->isChecked();
    if (m_advanced->isChecked()) {
        p.bufferCount = unsigned(m_bufferCount->value());
        p.maxTransferSize = m_transfer->currentData().toUInt();
    }
    return p;
}

backup::BackupParams BackupDialog::params() const
{
    return paramsFor(m_databases.value(0));
}

backup::commandline::BackupRequest BackupDialog::request() const
{
    backup::commandline::BackupRequest r;
    r.params = paramsFor(QString());
    for (const QString &d : m_databases)
        r.databases.push_back(d.toStdString());
    r.parallel = settings::Preferences::backupsInParallel().get()
                     ? int(qBound(qsizetype(1), m_databases.size(), qsizetype(64)))
                     : 1;
    return r;
}

QString BackupDialog::tsqlPreview() const
{
    QStringList parts;
    for (const QString &d : m_databases) {
        auto statement = backup::backupStatementPreview(paramsFor(d));
        parts << (statement ? q(*statement)
                            : tr("-- %1: no statement can be built for these options").arg(d));
    }
    return parts.join(QStringLiteral("\n\n"));
}

QStringList BackupDialog::commandArguments() const
{
    return QStringList{QStringLiteral("vdsctl"), QStringLiteral("backup")} +
           backup::commandline::toArguments(request());
}

QString BackupDialog::commandLine() const
{
    QString line = cmdline::shellCommand(commandArguments());
    if (EncryptionChoice(m_encryption->currentData().toInt()) == EncryptionChoice::Passphrase)
        line = tr("# the passphrase goes into %1 first\n").arg(q(kPassphraseEnv)) + line;
    return line;
}

void BackupDialog::updatePreviews()
{
    m_tsql->setPlainText(tsqlPreview());
    m_command->setPlainText(commandLine());
    const QString example = backupcheck::exampleFileName(
        params(), m_server.kind == backup::ServerRef::Kind::Host ? q(m_server.host)
                                                                 : QStringLiteral("server"));
    m_example->setText(example.isEmpty() ? QString() : tr("e.g. %1").arg(example));
}

QString BackupDialog::encryptionProblem() const
{
    switch (EncryptionChoice(m_encryption->currentData().toInt())) {
    case EncryptionChoice::None: return {};
    case EncryptionChoice::Recipients: {
        QStringList files;
        for (int i = 0; i < m_recipientFiles->count(); ++i)
            files << m_recipientFiles->item(i)->text();
        return backupcheck::recipientsProblem(files);
    }
    case EncryptionChoice::Passphrase:
        return backupcheck::passphraseProblem(m_passphrase->text(), m_passphrase2->text());
    }
    return {};
}

QString BackupDialog::problem() const
{
    if (m_databases.isEmpty())
        return tr("Pick at least one database on the Backup page.");
    if (const QString p = backupcheck::folderProblem(m_folder->text().trimmed()); !p.isEmpty())
        return p;
    if (const QString p = backupcheck::patternProblem(m_pattern->text().trimmed()); !p.isEmpty())
        return p;
    if (const QString p = encryptionProblem(); !p.isEmpty())
        return p;
    for (const QString &d : m_databases)
        if (!backup::backupStatementPreview(paramsFor(d)))
            return tr("These options cannot be sent to SQL Server for %1: check BUFFERCOUNT and "
                      "MAXTRANSFERSIZE under Advanced.")
                .arg(d);
    return {};
}

QString BackupDialog::shownProblem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void BackupDialog::saveProfile()
{
    const QString p = problem();
    m_problem->setText(p);
    m_problem->setVisible(!p.isEmpty());
    if (!p.isEmpty())
        return;
    // Named by the save dialog; a placeholder passes the name check here.
    auto profile = profiles::profileFor(request(), QStringLiteral("profile"));
    if (!profile) {
        m_problem->setText(profileIssuesText(profile.error()));
        m_problem->setVisible(true);
        return;
    }
    profile->name.clear();
    saveAsProfile(this, *profile);
}

void BackupDialog::accept()
{
    const QString p = problem();
    m_problem->setText(p);
    m_problem->setVisible(!p.isEmpty());
    if (!p.isEmpty())
        return;
    std::vector<std::unique_ptr<jobs::Job>> jobs;
    for (const QString &d : m_databases) {
        backup::BackupParams params = paramsFor(d);
        params.connection = m_connection;
        // Secrets resolved for the job only: recipients read from their files now, the
        // passphrase from the field (its environment reference is for the command line).
        params.encryption.passphraseEnv.clear();
        if (auto r = backup::commandline::resolveSecrets(params); !r) {
            m_problem->setText(backupcheck::recipientsProblem({})); // files changed meanwhile
            m_problem->setVisible(true);
            return;
        }
        if (params.encryption.kind == backup::Encryption::AgeScrypt)
            params.encryption.passphrase = m_passphrase->text().toStdString();
        jobs.push_back(std::make_unique<backup::BackupJob>(std::move(params)));
    }
    auto *queue = new BackupQueue(m_runner, std::move(jobs),
                                  settings::Preferences::backupsInParallel().get());
    if (m_openLiveViews)
        queue->openLiveViews(parentWidget(), settings::Preferences::confirmCancel().get());
    emit backupQueued(queue);
    queue->start();
    QDialog::accept();
}

} // namespace vds::ui
