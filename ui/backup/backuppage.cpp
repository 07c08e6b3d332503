#include "ui/backup/backuppage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "ui/connections/connectiondialog.h"
#include "ui/connections/connectiontext.h"
#include "ui/connections/databasesview.h"
#include "ui/jobs/errortext.h"
#include <vds/backup/localsim.h>
#include <vds/connections/connectionstore.h>

namespace vds::ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

constexpr int kFirstRun = 0;
constexpr int kMain = 1;

} // namespace

BackupPage::BackupPage(QWidget *parent) : QWidget(parent)
{
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("keyringNotice"));
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->hide();
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("pageProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::RichText);
    m_problem->hide();

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildFirstRun());
    m_stack->addWidget(buildMain());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->addWidget(m_notice);
    layout->addWidget(m_problem);
    layout->addWidget(m_stack, 1);

    connect(&m_vault, &connections::PasswordVault::storageChanged, this, &BackupPage::showStorage);
    reload();
}

BackupPage::~BackupPage() = default;

QWidget *BackupPage::buildFirstRun()
{
    auto *w = new QWidget(this);
    auto *title = new QLabel(tr("Back up SQL Server databases"), w);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    auto *text = new QLabel(
        tr("SQL Server streams the backup to Virtual Device Studio through virtual devices; it "
           "stripes, compresses, encrypts and checksums it on the way to disk. Start by "
           "connecting to a server on this machine — or try everything first with the built-in "
           "simulator, which needs no SQL Server at all."),
        w);
    text->setWordWrap(true);
    auto *connectButton = new QPushButton(tr("Connect to a SQL Server…"), w);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);
    auto *simButton = new QPushButton(tr("Try the built-in simulator"), w);
    simButton->setObjectName(QStringLiteral("simulatorButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(connectButton);
    buttons->addWidget(simButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(connectButton, &QPushButton::clicked, this, &BackupPage::addConnection);
    connect(simButton, &QPushButton::clicked, this, &BackupPage::trySimulator);
    return w;
}

QWidget *BackupPage::buildMain()
{
    auto *splitter = new QSplitter(this);
    auto *left = new QWidget(splitter);
    auto *label = new QLabel(tr("Connections"), left);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("connections"));
    m_list->setAccessibleName(tr("Connections"));
    auto *add = new QPushButton(tr("&Add…"), left);
    add->setObjectName(QStringLiteral("addConnection"));
    m_edit = new QPushButton(tr("&Edit…"), left);
    m_edit->setObjectName(QStringLiteral("editConnection"));
    m_remove = new QPushButton(tr("Re&move"), left);
    m_remove->setObjectName(QStringLiteral("removeConnection"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->addWidget(label);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(buttons);
    m_databases = new DatabasesView(splitter);
    splitter->addWidget(left);
    splitter->addWidget(m_databases);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 700});

    connect(add, &QPushButton::clicked, this, &BackupPage::addConnection);
    connect(m_edit, &QPushButton::clicked, this, &BackupPage::editConnection);
    connect(m_remove, &QPushButton::clicked, this, &BackupPage::removeConnection);
    connect(m_list, &QListWidget::currentRowChanged, this, &BackupPage::showConnection);
    connect(m_databases, &DatabasesView::backupRequested, this, &BackupPage::backupRequested);
    return splitter;
}

QString BackupPage::currentConnection() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < int(m_connections.size()) ? q(m_connections[row].name) : QString();
}

void BackupPage::reload()
{
    const QString current = currentConnection();
    auto list = connections::ConnectionStore::load();
    if (!list) {
        showProblem(tr("<b>The connections file cannot be read.</b> %1<br>%2")
                        .arg(q(list.error().message).toHtmlEscaped(),
                             connections::ConnectionStore::path().toHtmlEscaped()));
        m_connections.clear();
    } else {
        m_connections = std::move(*list);
    }
    {
        // Rebuilding the list is not the user choosing a connection.
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const connections::Connection &c : m_connections) {
            auto *item = new QListWidgetItem(q(c.name), m_list);
            item->setToolTip(c.kind == connections::Connection::Kind::Simulator
                                 ? tr("vds-sqlsim on this machine, data in %1")
                                       .arg(backup::LocalSimulator::dataDir())
                                 : QStringLiteral("%1:%2").arg(q(c.host)).arg(c.port));
        }
    }
    m_stack->setCurrentIndex(m_connections.empty() ? kFirstRun : kMain);
    m_edit->setEnabled(false);
    m_remove->setEnabled(false);
    if (m_connections.empty()) {
        m_databases->clear(tr("Choose a connection."));
        return;
    }
    selectConnection(current.isEmpty() ? q(m_connections.front().name) : current);
}

void BackupPage::selectConnection(const QString &name)
{
    for (std::size_t i = 0; i < m_connections.size(); ++i)
        if (q(m_connections[i].name) == name) {
            if (m_list->currentRow() == int(i))
                showConnection(int(i));
            else
                m_list->setCurrentRow(int(i));
            return;
        }
}

void BackupPage::showConnection(int row)
{
    if (row < 0 || row >= int(m_connections.size())) {
        m_databases->clear(tr("Choose a connection."));
        return;
    }
    const connections::Connection c = m_connections[std::size_t(row)];
    const bool simulator = c.kind == connections::Connection::Kind::Simulator;
    m_edit->setEnabled(!simulator);
    m_remove->setEnabled(true);
    m_problem->hide();
    if (simulator) {
        if (!ensureSimulator())
            return;
        backup::ServerRef ref;
        ref.kind = backup::ServerRef::Kind::Sim;
        ref.login = m_simulatorOptions.login;
        useServer(ref, m_simulatorOptions);
        return;
    }
    backup::ServerRef ref;
    ref.kind = backup::ServerRef::Kind::Connection;
    ref.connection = c.name;
    ref.login = c.login;
    ref.driver = c.driver;
    if (!c.needsPassword()) {
        useServer(ref, c.options());
        return;
    }
    m_databases->clear(tr("Reading the password…"));
    m_vault.fetch(
        c.name, this,
        [this, c, ref](const std::optional<std::string> &password, connections::PasswordStorage) {
            if (currentConnection() != q(c.name))
                return; // the user moved on meanwhile
            if (!password || password->empty()) {
                m_databases->clear(tr("No password is kept for \"%1\": choose Edit… "
                                      "and enter it.")
                                       .arg(q(c.name)));
                return;
            }
            sql::ConnectionOptions o = c.options();
            o.password = *password;
            useServer(ref, o);
        });
}

void BackupPage::useServer(const backup::ServerRef &server, const sql::ConnectionOptions &resolved)
{
    m_databases->setConnection(server, resolved);
    emit serverChosen(server, resolved);
}

bool BackupPage::ensureSimulator()
{
    if (m_simulator)
        return true;
    auto sim = std::make_unique<backup::LocalSimulator>();
    sql::ConnectionOptions options;
    if (auto started = sim->start(options); !started) {
        const ErrorText t = describe(started.error());
        showProblem(
            tr("<b>The built-in simulator did not start.</b> %1").arg(t.headline.toHtmlEscaped()));
        m_databases->clear(tr("The simulator is not running."));
        return false;
    }
    m_simulatorOptions = options;
    m_simulator = std::move(sim);
    return true;
}

void BackupPage::trySimulator()
{
    if (!ensureSimulator())
        return;
    connections::Connection c;
    c.name = connections::kSimulatorConnectionName;
    c.kind = connections::Connection::Kind::Simulator;
    c.login = "sa";
    auto existing = connections::ConnectionStore::find(c.name);
    if (existing && !*existing) {
        if (auto put = connections::ConnectionStore::put(c); !put) {
            showProblem(tr("<b>The connection could not be saved.</b> %1")
                            .arg(q(put.error().message).toHtmlEscaped()));
            return;
        }
    }
    reload();
    selectConnection(q(c.name));
}

void BackupPage::addConnection()
{
    openDialog(std::nullopt);
}

void BackupPage::editConnection()
{
    const int row = m_list->currentRow();
    if (row >= 0 && row < int(m_connections.size()))
        openDialog(m_connections[std::size_t(row)]);
}

void BackupPage::openDialog(const std::optional<connections::Connection> &existing)
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    m_dialog = new ConnectionDialog(m_vault, existing, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    connect(m_dialog, &ConnectionDialog::saved, this,
            [this](const connections::Connection &c, connections::PasswordStorage storage) {
                showStorage(storage);
                reload();
                selectConnection(q(c.name));
            });
    m_dialog->open();
}

void BackupPage::removeConnection()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= int(m_connections.size()))
        return;
    const connections::Connection c = m_connections[std::size_t(row)];
    if (QMessageBox::question(
            this, tr("Remove Connection"),
            tr("Remove the connection \"%1\" and its stored password?").arg(q(c.name))) !=
        QMessageBox::Yes)
        return;
    if (auto removed = connections::ConnectionStore::remove(c.name); !removed) {
        showProblem(tr("<b>The connection could not be removed.</b> %1")
                        .arg(q(removed.error().message).toHtmlEscaped()));
        return;
    }
    m_vault.remove(c.name, this);
    reload();
}

void BackupPage::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

void BackupPage::showStorage(connections::PasswordStorage storage)
{
    m_notice->setText(storageNotice(storage));
    m_notice->setVisible(storage == connections::PasswordStorage::SessionOnly);
}

} // namespace vds::ui
