#include "ui/connections/databasesview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/connections/connectiontext.h"
#include "ui/widgets/format.h"
#include <vds/connections/connectioncheck.h>
#include <vds/connections/offthread.h>

namespace vds::ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

enum Column { Name, State, Recovery, Size, LastFull, LastDiff, LastLog, ColumnCount };

/// msdb's "2026-11-30 08:12:45.123" to the minute (the full value is the tooltip); "never"
/// when there is none.
QString when(const std::optional<std::string> &text)
{
    if (!text || text->empty())
        return DatabasesView::tr("never");
    return q(text->substr(0, 16));
}

} // namespace

DatabasesView::DatabasesView(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("serverTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("databasesStatus"));
    m_status->setWordWrap(true);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("serverWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->setFrameShape(QFrame::StyledPanel);
    m_warnings->setMargin(6);
    m_warnings->hide();
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("databases"));
    m_tree->setAccessibleName(tr("Databases"));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSortingEnabled(true);
    m_tree->setHeaderLabels({tr("Database"), tr("State"), tr("Recovery"), tr("Size"),
                             tr("Last full backup"), tr("Last differential"),
                             tr("Last log backup")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_backup = new QPushButton(tr("&Back up…"), this);
    m_backup->setObjectName(QStringLiteral("backupButton"));
    m_backup->setDefault(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_backup);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_warnings);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    connect(m_refresh, &QPushButton::clicked, this, &DatabasesView::refresh);
    connect(m_backup, &QPushButton::clicked, this, &DatabasesView::requestBackup);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &DatabasesView::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, &DatabasesView::requestBackup);
    clear(tr("Choose a connection."));
}

void DatabasesView::setConnection(const backup::ServerRef &server,
                                  const sql::ConnectionOptions &resolved)
{
    m_server = server;
    m_options = resolved;
    m_hasConnection = true;
    m_summary.reset();
    m_tree->clear();
    m_title->setText(
        q(server.kind == backup::ServerRef::Kind::Host
              ? server.host
              : (server.kind == backup::ServerRef::Kind::Sim ? std::string() : server.connection)));
    refresh();
}

void DatabasesView::clear(const QString &why)
{
    ++m_generation; // a listing still running for the old connection is dropped
    m_hasConnection = false;
    m_warnings->hide();
    m_refreshing = false;
    m_summary.reset();
    m_tree->clear();
    m_title->clear();
    m_status->setText(why);
    updateButtons();
}

void DatabasesView::refresh()
{
    if (!m_hasConnection)
        return;
    const quint64 generation = ++m_generation;
    m_refreshing = true;
    m_status->setText(tr("Reading the databases…"));
    updateButtons();
    const sql::ConnectionOptions options = m_options;
    // The connection test reads the databases too: one login gives the list and what would
    // stop a backup.
    connections::runOffThread(
        this, [options] { return connections::checkConnection(options); },
        [this, generation](const connections::CheckResult &result) {
            if (generation != m_generation)
                return; // a newer refresh (or another connection) took over
            m_refreshing = false;
            if (!result.server) {
                m_tree->clear();
                m_summary.reset();
                const FindingText t = result.findings.empty()
                                          ? FindingText{tr("The server could not be read."), {}}
                                          : describe(result.findings.front());
                m_status->setText(t.headline);
                m_status->setToolTip(t.fix);
                showFindings({});
                updateButtons();
                emit refreshed(false);
                return;
            }
            showSummary(*result.server);
            showFindings(result.findings);
            emit refreshed(true);
        });
}

void DatabasesView::showSummary(const sql::ServerSummary &s)
{
    QStringList previouslySelected = selectedDatabases();
    m_summary = s;
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    int shown = 0;
    for (const sql::DatabaseSummary &d : s.databases) {
        if (d.name == "tempdb")
            continue; // rebuilt at every start; SQL Server refuses to back it up
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(Name, q(d.name));
        item->setText(State, q(d.state));
        item->setText(Recovery, q(d.recoveryModel));
        item->setText(Size, format::bytes(quint64(d.sizeBytes)));
        item->setData(Size, Qt::UserRole, qint64(d.sizeBytes));
        item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
        const std::pair<int, const std::optional<std::string> *> backups[] = {
            {LastFull, &d.lastFullBackup},
            {LastDiff, &d.lastDiffBackup},
            {LastLog, &d.lastLogBackup}};
        for (const auto &[column, value] : backups) {
            item->setText(column, when(*value));
            if (*value)
                item->setToolTip(column, q(**value));
        }
        if (d.isSystem()) {
            QFont f = item->font(Name);
            f.setItalic(true);
            item->setFont(Name, f);
        }
        if (previouslySelected.contains(q(d.name)))
            item->setSelected(true);
        ++shown;
    }
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(Name, Qt::AscendingOrder);
    if (m_server.kind == backup::ServerRef::Kind::Sim)
        m_title->setText(tr("Built-in simulator (%1)").arg(q(s.serverName)));
    else
        m_title->setText(tr("%1 — SQL Server %2").arg(q(s.serverName), q(s.productVersion)));
    m_status->setText(shown == 1 ? tr("1 database") : tr("%1 databases").arg(shown));
    m_status->setToolTip({});
    updateButtons();
}

void DatabasesView::showFindings(const std::vector<connections::CheckFinding> &findings)
{
    QString html;
    for (const connections::CheckFinding &f : findings) {
        const FindingText t = describe(f);
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(t.headline.toHtmlEscaped(), t.fix.toHtmlEscaped());
    }
    m_warnings->setText(html);
    m_warnings->setVisible(!findings.empty());
}

QStringList DatabasesView::selectedDatabases() const
{
    QStringList names;
    for (QTreeWidgetItem *item : m_tree->selectedItems())
        names << item->text(Name);
    names.sort(Qt::CaseInsensitive);
    return names;
}

void DatabasesView::requestBackup()
{
    const QStringList names = selectedDatabases();
    if (names.isEmpty() || !m_hasConnection)
        return;
    emit backupRequested(m_server, m_options, names);
}

void DatabasesView::updateButtons()
{
    m_refresh->setEnabled(m_hasConnection && !m_refreshing);
    m_backup->setEnabled(m_hasConnection && !m_tree->selectedItems().isEmpty());
}

} // namespace vds::ui
