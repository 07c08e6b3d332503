#include "ui/history/historypage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/history/historyloader.h"
#include "ui/history/historytext.h"
#include "ui/widgets/format.h"
#include <vds/history/historyexport.h>

namespace vds::ui {

namespace {

enum Column { When, Kind, Title, Server, Database, Outcome, Size, Duration, ColumnCount };
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kLimit = 1000;

/// Sets a combo's choices to "any" + `values`, keeping the current choice when it still exists.
void setChoices(QComboBox *combo, const QString &any, const QStringList &values,
                const std::function<QString(const QString &)> &text)
{
    const QString current = combo->currentData().toString();
    combo->clear();
    combo->addItem(any, QString());
    for (const QString &v : values)
        combo->addItem(text ? text(v) : v, v);
    const int i = combo->findData(current);
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

HistoryPage::HistoryPage(QString historyPath, QWidget *parent)
    : QWidget(parent), m_loader(new HistoryLoader(std::move(historyPath), this))
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<h2>History</h2>"), this);
    layout->addWidget(heading);
    auto *intro = new QLabel(tr("Every job run on this computer by Virtual Device Studio or "
                                "vdsctl: its outcome, figures and report."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *filters = new QHBoxLayout;
    auto combo = [this, filters](const QString &label, const QString &name) {
        auto *l = new QLabel(label, this);
        auto *c = new QComboBox(this);
        c->setObjectName(name);
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        l->setBuddy(c);
        filters->addWidget(l);
        filters->addWidget(c);
        return c;
    };
    m_kind = combo(tr("&Kind:"), QStringLiteral("kindFilter"));
    m_outcome = combo(tr("&Outcome:"), QStringLiteral("outcomeFilter"));
    m_server = combo(tr("&Server:"), QStringLiteral("serverFilter"));
    m_database = combo(tr("&Database:"), QStringLiteral("databaseFilter"));
    m_outcome->addItem(tr("Any"), QString());
    for (auto s : {jobs::JobStatus::Succeeded, jobs::JobStatus::Failed, jobs::JobStatus::Cancelled})
        m_outcome->addItem(outcomeText(s), jobs::statusName(s));
    setChoices(m_kind, tr("Any"), knownKinds(), kindText);
    setChoices(m_server, tr("Any"), {}, {});
    setChoices(m_database, tr("Any"), {}, {});

    auto dateBox = [this, filters](const QString &label, QCheckBox *&check, QDateEdit *&edit) {
        check = new QCheckBox(label, this);
        edit = new QDateEdit(QDate::currentDate(), this);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        filters->addWidget(check);
        filters->addWidget(edit);
    };
    dateBox(tr("&From"), m_useFrom, m_from);
    dateBox(tr("&To"), m_useTo, m_to);
    m_useFrom->setAccessibleName(tr("Only jobs started on or after a date"));
    m_useTo->setAccessibleName(tr("Only jobs started on or before a date"));
    filters->addStretch(1);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    filters->addWidget(refresh);
    layout->addLayout(filters);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("count"));
    layout->addWidget(m_count);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_list = new QTreeWidget(split);
    m_list->setObjectName(QStringLiteral("jobs"));
    m_list->setAccessibleName(tr("Jobs"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Started"), tr("Kind"), tr("Job"), tr("Server"), tr("Database"),
                             tr("Outcome"), tr("Data"), tr("Duration")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_detail = new QTextBrowser(right);
    m_detail->setObjectName(QStringLiteral("report"));
    m_detail->setAccessibleName(tr("The selected job's report"));
    m_detail->setOpenLinks(false);
    rightLayout->addWidget(m_detail, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_exportHtml = new QPushButton(tr("Export as &HTML…"), right);
    m_exportText = new QPushButton(tr("Export as te&xt…"), right);
    buttons->addWidget(m_exportHtml);
    buttons->addWidget(m_exportText);
    rightLayout->addLayout(buttons);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({780, 440});
    layout->addWidget(split, 1);

    for (QComboBox *c : {m_kind, m_outcome, m_server, m_database})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updatingFacets)
                reload();
        });
    for (QCheckBox *c : {m_useFrom, m_useTo})
        connect(c, &QCheckBox::toggled, this, &HistoryPage::reload);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &HistoryPage::reload);
    connect(refresh, &QPushButton::clicked, this, &HistoryPage::reload);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &HistoryPage::showSelected);
    connect(m_exportHtml, &QPushButton::clicked, this,
            [this] { exportWithDialog(ExportFormat::Html); });
    connect(m_exportText, &QPushButton::clicked, this,
            [this] { exportWithDialog(ExportFormat::Text); });
    connect(m_loader, &HistoryLoader::loaded, this, &HistoryPage::showEntries);
    connect(m_loader, &HistoryLoader::failed, this, [this](const QString &technical) {
        m_count->setText(tr("The job history cannot be read: %1").arg(technical));
        emit reloaded();
    });
    showSelected();
    reload();
}

HistoryPage::~HistoryPage() = default;

history::HistoryFilter HistoryPage::filter() const
{
    history::HistoryFilter f;
    f.limit = kLimit;
    f.kind = m_kind->currentData().toString();
    f.server = m_server->currentData().toString();
    f.database = m_database->currentData().toString();
    f.status = history::statusFromName(m_outcome->currentData().toString());
    // Dates are the user's local days: from the start of the first to the end of the last.
    if (m_useFrom->isChecked())
        f.startedFrom = m_from->date().startOfDay();
    if (m_useTo->isChecked())
        f.startedTo = m_to->date().addDays(1).startOfDay();
    return f;
}

void HistoryPage::reload()
{
    if (const auto *e = selected())
        m_keepSelected = e->id;
    m_loader->request(filter());
}

bool HistoryPage::isLoading() const
{
    return m_loader->isBusy();
}

void HistoryPage::updateFacets(const history::HistoryFacets &facets)
{
    m_updatingFacets = true;
    QStringList kinds = knownKinds();
    for (const QString &k : facets.kinds)
        if (!kinds.contains(k))
            kinds << k;
    setChoices(m_kind, tr("Any"), kinds, kindText);
    setChoices(m_server, tr("Any"), facets.servers, {});
    setChoices(m_database, tr("Any"), facets.databases, {});
    m_updatingFacets = false;
}

void HistoryPage::showEntries(const QList<history::HistoryEntry> &entries,
                              const history::HistoryFacets &facets)
{
    updateFacets(facets);
    m_entries = entries;
    const qint64 keep = m_keepSelected;
    m_list->clear();
    QTreeWidgetItem *keepItem = nullptr;
    for (const auto &e : m_entries) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, kIdRole, e.id);
        item->setText(When, e.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        item->setText(Kind, kindText(e.kind));
        item->setText(Title, e.title);
        item->setText(Server, e.server);
        item->setText(Database, e.database);
        item->setText(Outcome, outcomeText(e.status));
        const double bytes = e.statistics.value(QStringLiteral("bytesDone")).toDouble();
        item->setText(Size, bytes > 0 ? format::bytes(quint64(bytes)) : QString());
        item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(Duration,
                      format::duration(
                          qint64(e.statistics.value(QStringLiteral("seconds")).toDouble() + 0.5)));
        if (e.status == jobs::JobStatus::Failed)
            item->setForeground(Outcome, QColor(0xb0, 0x00, 0x20));
        else if (e.status == jobs::JobStatus::Cancelled)
            item->setForeground(Outcome, QColor(0x8a, 0x6d, 0x00));
        if (e.id == keep)
            keepItem = item;
    }
    m_count->setText(m_entries.isEmpty()
                         ? tr("No jobs match these filters.")
                         : (m_entries.size() >= kLimit
                                ? tr("The newest %1 matching jobs.").arg(m_entries.size())
                                : tr("Matching jobs: %1.").arg(m_entries.size())));
    m_list->setCurrentItem(keepItem ? keepItem : m_list->topLevelItem(0));
    showSelected();
    emit reloaded();
}

const history::HistoryEntry *HistoryPage::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const qint64 id = item->data(0, kIdRole).toLongLong();
    for (const auto &e : m_entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

bool HistoryPage::select(qint64 id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, kIdRole).toLongLong() == id) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    return false;
}

void HistoryPage::showSelected()
{
    const auto *e = selected();
    m_exportHtml->setEnabled(e != nullptr);
    m_exportText->setEnabled(e != nullptr);
    if (!e) {
        m_detail->setHtml(tr("<p>Select a job to see its report.</p>"));
        return;
    }
    m_keepSelected = e->id;
    m_detail->setHtml(history::exportHtml(*e, exportWording()));
}

QString HistoryPage::detailHtml() const
{
    return m_detail->toHtml();
}

bool HistoryPage::exportSelected(const QString &path, ExportFormat format, QString *error) const
{
    const auto *e = selected();
    if (!e) {
        if (error)
            *error = tr("No job is selected.");
        return false;
    }
    const QString text = format == ExportFormat::Html ? history::exportHtml(*e, exportWording())
                                                      : history::exportText(*e, exportWording());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        if (error)
            *error = tr("%1 could not be written: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void HistoryPage::exportWithDialog(ExportFormat format)
{
    const auto *e = selected();
    if (!e)
        return;
    const bool html = format == ExportFormat::Html;
    const QString suggested = QStringLiteral("%1-%2.%3")
                                  .arg(e->kind)
                                  .arg(e->id)
                                  .arg(html ? QStringLiteral("html") : QStringLiteral("txt"));
    const QString path = QFileDialog::getSaveFileName(
        this, html ? tr("Export the report as HTML") : tr("Export the report as text"), suggested,
        html ? tr("Web pages (*.html)") : tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportSelected(path, format, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace vds::ui
