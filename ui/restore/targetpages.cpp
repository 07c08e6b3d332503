#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/jobs/errortext.h"
#include "ui/restore/restorepages.h"
#include "ui/restore/restoretext.h"
#include "ui/restore/restorewizard.h"
#include "ui/restore/serverprobe.h"
#include "ui/widgets/format.h"
#include <vds/backup/names.h>
#include <vds/backup/offlinecheck.h>
#include <vds/backup/restorejob.h>
#include <vds/backup/stripe.h>

namespace vds::ui::restore {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

void setProblemStyle(QLabel *l)
{
    l->setWordWrap(true);
    l->setObjectName(QStringLiteral("problem"));
    l->setTextFormat(Qt::PlainText);
    l->setStyleSheet(QStringLiteral("color: #b00020;"));
}

} // namespace

// --- KeysPage --------------------------------------------------------------------------------

KeysPage::KeysPage(RestoreWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Keys"));
    setSubTitle(tr("The backups are encrypted. Give what opens them; it is checked against "
                   "every stripe before anything is sent to the server."));
    auto *layout = new QVBoxLayout(this);
    m_identityLabel = new QLabel(tr("age &identity file (the secret key, as age-keygen "
                                    "writes it):"),
                                 this);
    layout->addWidget(m_identityLabel);
    auto *row = new QHBoxLayout;
    m_identity = new QLineEdit(this);
    m_identity->setObjectName(QStringLiteral("identity"));
    m_identityLabel->setBuddy(m_identity);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    m_identityBrowse = browse;
    row->addWidget(m_identity, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    m_passphraseLabel = new QLabel(tr("&Passphrase:"), this);
    layout->addWidget(m_passphraseLabel);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphraseLabel->setBuddy(m_passphrase);
    layout->addWidget(m_passphrase);
    m_status = new QLabel(this);
    setProblemStyle(m_status);
    layout->addWidget(m_status);
    layout->addStretch(1);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f =
            QFileDialog::getOpenFileName(this, tr("age identity file"), m_identity->text());
        if (!f.isEmpty())
            m_identity->setText(f);
    });
    for (QLineEdit *e : {m_identity, m_passphrase})
        connect(e, &QLineEdit::textChanged, this, [this] {
            m_status->clear();
            emit completeChanged();
        });
}

KeysPage::~KeysPage()
{
    if (m_thread)
        m_thread->wait();
}

void KeysPage::initializePage()
{
    m_needIdentity = m_needPassphrase = false;
    if (auto chain = m_wizard->chain())
        for (const auto &m : chain->steps) {
            m_needIdentity |= m.encryption == "age-x25519";
            m_needPassphrase |= m.encryption == "age-scrypt";
        }
    for (QWidget *w : {static_cast<QWidget *>(m_identityLabel), static_cast<QWidget *>(m_identity),
                       m_identityBrowse})
        w->setVisible(m_needIdentity);
    m_passphraseLabel->setVisible(m_needPassphrase);
    m_passphrase->setVisible(m_needPassphrase);
}

void KeysPage::setIdentityFile(const QString &path)
{
    m_identity->setText(path);
}

void KeysPage::setPassphrase(const QString &passphrase)
{
    m_passphrase->setText(passphrase);
}

QString KeysPage::identityFile() const
{
    return m_identity->text().trimmed();
}

std::string KeysPage::passphrase() const
{
    return m_passphrase->text().toStdString();
}

QString KeysPage::problem() const
{
    return m_status->text();
}

QString KeysPage::keyState() const
{
    return identityFile() + QLatin1Char('\n') + m_passphrase->text();
}

bool KeysPage::isComplete() const
{
    if (m_checking)
        return false;
    if (m_needIdentity && identityFile().isEmpty())
        return false;
    return !(m_needPassphrase && m_passphrase->text().isEmpty());
}

bool KeysPage::validatePage()
{
    if (!m_checkedState.isNull() && m_checkedState == keyState())
        return true;
    startCheck();
    return false; // Next again once the check has passed
}

void KeysPage::startCheck()
{
    if (m_checking)
        return;
    m_identities.clear();
    if (m_needIdentity) {
        auto ids = backup::age::readIdentityFile(identityFile().toStdString());
        if (!ids) {
            m_status->setText(ids.error().category == ErrorCategory::NotFound
                                  ? tr("The identity file %1 does not exist.").arg(identityFile())
                                  : tr("%1 is not an age identity file: it holds no "
                                       "AGE-SECRET-KEY-1… line.")
                                        .arg(identityFile()));
            return;
        }
        m_identities = std::move(*ids);
    }
    auto chain = m_wizard->chain();
    if (!chain) {
        m_status->setText(describe(chain.error()).headline);
        return;
    }
    m_checking = true;
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Checking the keys against every stripe…"));
    emit completeChanged();
    backup::OfflineCheckOptions options;
    options.identities = m_identities;
    options.passphrase = passphrase();
    options.opensOnly = true; // the job hashes every file itself before it starts
    auto outcome = std::make_shared<std::optional<std::pair<Error, backup::Manifest>>>();
    const QString state = keyState();
    if (m_thread)
        m_thread->wait();
    m_thread.reset(QThread::create([steps = chain->steps, options, outcome] {
        const std::atomic_bool never{false};
        for (const auto &m : steps)
            if (auto r = backup::precheckBackup(m, options, never); !r) {
                *outcome = std::pair(r.error(), m);
                return;
            }
    }));
    connect(m_thread.get(), &QThread::finished, this, [this, outcome, state] {
        m_checking = false;
        setProblemStyle(m_status);
        if (*outcome) {
            m_status->setText(restoretext::keyProblem((*outcome)->first, (*outcome)->second));
            emit completeChanged();
            return;
        }
        m_status->clear();
        m_checkedState = state;
        emit completeChanged();
        if (wizard()->currentPage() == this)
            wizard()->next();
    });
    m_thread->start();
}

// --- TargetPage ------------------------------------------------------------------------------

TargetPage::TargetPage(RestoreWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Target database"));
    setSubTitle(tr("Restore under a new name, or over an existing database (its data is then "
                   "replaced)."));
    auto *layout = new QVBoxLayout(this);
    m_server = new QLabel(this);
    m_server->setWordWrap(true);
    layout->addWidget(m_server);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&Name:"), this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("targetName"));
    label->setBuddy(m_name);
    row->addWidget(label);
    row->addWidget(m_name, 1);
    layout->addLayout(row);
    m_exists = new QLabel(this);
    m_exists->setWordWrap(true);
    layout->addWidget(m_exists);
    m_replace = new QCheckBox(this);
    m_replace->setObjectName(QStringLiteral("replace"));
    layout->addWidget(m_replace);

    auto *state = new QGroupBox(tr("When the restore ends"), this);
    auto *stateLayout = new QVBoxLayout(state);
    m_recovery = new QRadioButton(tr("Bring the database &online (RECOVERY)"), state);
    m_norecovery = new QRadioButton(
        tr("Leave it &restoring, so further log backups can be applied later (NORECOVERY)"), state);
    m_recovery->setChecked(true);
    stateLayout->addWidget(m_recovery);
    stateLayout->addWidget(m_norecovery);
    layout->addWidget(state);
    m_problem = new QLabel(this);
    setProblemStyle(m_problem);
    layout->addWidget(m_problem);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textChanged, this, &TargetPage::update);
    connect(m_replace, &QCheckBox::toggled, this, &TargetPage::update);
    connect(wizard, &RestoreWizard::serverProbed, this, &TargetPage::update);
}

void TargetPage::initializePage()
{
    if (m_name->text().isEmpty())
        if (const auto &in = m_wizard->sourcePage()->inspection())
            m_name->setText(q(in->database));
    update();
}

void TargetPage::setName(const QString &name)
{
    m_name->setText(name);
}

QString TargetPage::name() const
{
    return m_name->text().trimmed();
}

bool TargetPage::replace() const
{
    return exists() && m_replace->isChecked();
}

void TargetPage::setReplace(bool replace)
{
    m_replace->setChecked(replace);
}

bool TargetPage::norecovery() const
{
    return m_norecovery->isChecked();
}

void TargetPage::setNorecovery(bool norecovery)
{
    (norecovery ? m_norecovery : m_recovery)->setChecked(true);
}

bool TargetPage::exists() const
{
    const ServerSnapshot *s = m_wizard->serverSnapshot();
    if (!s)
        return false;
    const std::string n = name().toStdString();
    for (const auto &d : s->databases)
        if (backup::sameDatabaseName(d, n))
            return true;
    return false;
}

QString TargetPage::problem() const
{
    if (m_wizard->probe().isRunning() || !m_wizard->probe().result())
        return tr("Asking the server for its databases and folders…");
    if (const QString p = m_wizard->serverProblem(); !p.isEmpty())
        return p;
    const QString n = name();
    if (n.isEmpty())
        return tr("Give the database a name.");
    if (n.size() > 128)
        return tr("A database name has at most 128 characters.");
    if (exists() && !m_replace->isChecked())
        return tr("A database named %1 already exists on the server. Choose another name, or "
                  "replace it.")
            .arg(n);
    return {};
}

void TargetPage::update()
{
    m_server->setText(tr("Server: %1").arg(q(m_wizard->server().display())));
    const bool there = exists();
    m_replace->setVisible(there);
    m_replace->setText(tr("&Replace the existing database %1 (REPLACE): everything in it now "
                          "is overwritten")
                           .arg(name()));
    m_exists->setText(there ? tr("%1 exists on this server.").arg(name()) : QString());
    m_problem->setText(problem());
    emit completeChanged();
}

bool TargetPage::isComplete() const
{
    return problem().isEmpty();
}

bool TargetPage::validatePage()
{
    if (!replace())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Replace %1?").arg(name()),
                    tr("Replace the database %1 on %2 with the backup? Everything %1 holds now "
                       "is overwritten; this cannot be undone.")
                        .arg(name(), q(m_wizard->server().display())),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("confirmReplace"));
    box.setDefaultButton(QMessageBox::No);
    box.button(QMessageBox::Yes)->setText(tr("Replace %1").arg(name()));
    return box.exec() == QMessageBox::Yes;
}

// --- FilesPage -------------------------------------------------------------------------------

FilesPage::FilesPage(RestoreWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Database files"));
    setSubTitle(tr("Where the restored database's files go on the server. Double-click a path "
                   "to change it."));
    auto *layout = new QVBoxLayout(this);
    m_files = new QTreeWidget(this);
    m_files->setObjectName(QStringLiteral("files"));
    m_files->setRootIsDecorated(false);
    m_files->setHeaderLabels({tr("Logical name"), tr("Type"), tr("Size"), tr("Restore to")});
    m_files->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_files->header()->setStretchLastSection(true);
    m_files->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    layout->addWidget(m_files, 1);
    auto *row = new QHBoxLayout;
    auto *relocate = new QPushButton(tr("All to the server's &default folders"), this);
    auto *original = new QPushButton(tr("&Original locations"), this);
    row->addWidget(relocate);
    row->addWidget(original);
    row->addStretch(1);
    layout->addLayout(row);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_problem = new QLabel(this);
    setProblemStyle(m_problem);
    layout->addWidget(m_problem);
    connect(relocate, &QPushButton::clicked, this, [this] { fill(true); });
    connect(original, &QPushButton::clicked, this, [this] { fill(false); });
    connect(m_files, &QTreeWidget::itemChanged, this, [this] {
        m_problem->setText(problem());
        emit completeChanged();
    });
}

Moves FilesPage::defaults(bool relocate) const
{
    const ServerSnapshot *s = m_wizard->serverSnapshot();
    auto chain = m_wizard->chain();
    if (!s || !chain || chain->steps.empty())
        return {};
    const backup::Manifest &first = chain->steps.front();
    backup::RestoreParams p = m_wizard->params();
    p.moves.clear();
    Moves moves;
    if (relocate)
        moves = backup::relocatedFiles(first.files, p.database, s->facts.defaultDataPath,
                                       s->facts.defaultLogPath.empty() ? s->facts.defaultDataPath
                                                                       : s->facts.defaultLogPath);
    else
        for (const auto &f : first.files)
            moves.emplace_back(f.logicalName, f.physicalName);
    return moves;
}

void FilesPage::fill(bool relocate)
{
    auto chain = m_wizard->chain();
    const Moves moves = defaults(relocate);
    m_files->clear();
    if (chain && !chain->steps.empty())
        for (const auto &f : chain->steps.front().files) {
            auto *item = new QTreeWidgetItem(m_files);
            item->setText(0, q(f.logicalName));
            item->setText(1, f.type == "log" ? tr("Log") : tr("Data"));
            item->setText(2, format::bytes(f.sizeBytes));
            for (const auto &[l, path] : moves)
                if (l == f.logicalName)
                    item->setText(3, q(path));
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
    m_problem->setText(problem());
    emit completeChanged();
}

void FilesPage::initializePage()
{
    const QString name = m_wizard->targetPage()->name();
    // The job's own rule decides the default: under a new name every file goes to the
    // server's default folders, under the backup's own name the files go back where they were.
    if (!m_filled || m_filledFor != name) {
        backup::RestoreParams p = m_wizard->params();
        p.moves.clear();
        auto chain = m_wizard->chain();
        const bool relocate = chain && !chain->steps.empty() &&
                              !backup::sameDatabaseName(p.database, chain->steps.front().database);
        fill(relocate);
        m_filled = true;
        m_filledFor = name;
        const ServerSnapshot *s = m_wizard->serverSnapshot();
        m_note->setText(s ? tr("The server's default folders: data %1, log %2.")
                                .arg(q(s->facts.defaultDataPath),
                                     q(s->facts.defaultLogPath.empty() ? s->facts.defaultDataPath
                                                                       : s->facts.defaultLogPath))
                          : QString());
    }
}

Moves FilesPage::shown() const
{
    Moves out;
    for (int i = 0; i < m_files->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_files->topLevelItem(i);
        out.emplace_back(item->text(0).toStdString(), item->text(3).trimmed().toStdString());
    }
    return out;
}

Moves FilesPage::explicitMoves(const backup::RestoreParams &withoutMoves) const
{
    if (!m_filled)
        return {};
    const Moves table = shown();
    const ServerSnapshot *s = m_wizard->serverSnapshot();
    auto chain = m_wizard->chain();
    if (!s || !chain || chain->steps.empty())
        return table;
    backup::RestoreParams p = withoutMoves;
    p.moves.clear();
    Moves automatic = backup::plannedMoves(p, chain->steps.front(), s->facts.defaultDataPath,
                                           s->facts.defaultLogPath);
    if (automatic.empty()) // same name: the files go back to their original paths
        for (const auto &f : chain->steps.front().files)
            automatic.emplace_back(f.logicalName, f.physicalName);
    return table == automatic ? Moves{} : table;
}

bool FilesPage::setTarget(const QString &logicalName, const QString &path)
{
    for (int i = 0; i < m_files->topLevelItemCount(); ++i)
        if (m_files->topLevelItem(i)->text(0) == logicalName) {
            m_files->topLevelItem(i)->setText(3, path);
            return true;
        }
    return false;
}

QString FilesPage::problem() const
{
    QSet<QString> seen;
    for (const auto &[l, path] : shown()) {
        const QString p = q(path);
        if (p.isEmpty())
            return tr("Give a path for %1.").arg(q(l));
        if (!QDir::isAbsolutePath(p))
            return tr("The path for %1 must be a full path on the server (starting with /).")
                .arg(q(l));
        if (seen.contains(p))
            return tr("Two files cannot both go to %1.").arg(p);
        seen.insert(p);
    }
    return {};
}

bool FilesPage::isComplete() const
{
    return problem().isEmpty();
}

} // namespace vds::ui::restore
