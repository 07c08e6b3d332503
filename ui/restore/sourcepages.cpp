#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/jobs/errortext.h"
#include "ui/restore/restorepages.h"
#include "ui/restore/restoretext.h"
#include "ui/restore/restorewizard.h"
#include "ui/widgets/format.h"

namespace vds::ui::restore {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

// --- SourcePage ------------------------------------------------------------------------------

SourcePage::SourcePage(RestoreWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Backup to restore"));
    setSubTitle(tr("Choose a folder of backups (its newest full + differential + log chain is "
                   "used) or one backup's manifest file. Nothing is sent to the server yet."));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("source"));
    m_path->setAccessibleName(tr("Backup folder or manifest file"));
    m_path->setPlaceholderText(tr("A folder of backups, or a .manifest.json file"));
    auto *folder = new QPushButton(tr("&Folder…"), this);
    auto *file = new QPushButton(tr("Backup &file…"), this);
    row->addWidget(m_path, 1);
    row->addWidget(folder);
    row->addWidget(file);
    layout->addLayout(row);

    auto *dbRow = new QHBoxLayout;
    m_databaseLabel = new QLabel(tr("&Database:"), this);
    m_database = new QComboBox(this);
    m_database->setObjectName(QStringLiteral("sourceDatabase"));
    m_databaseLabel->setBuddy(m_database);
    dbRow->addWidget(m_databaseLabel);
    dbRow->addWidget(m_database, 1);
    layout->addLayout(dbRow);
    m_databaseLabel->setVisible(false);
    m_database->setVisible(false);

    m_chain = new QTreeWidget(this);
    m_chain->setObjectName(QStringLiteral("chain"));
    m_chain->setAccessibleName(tr("The backups this restore applies"));
    m_chain->setRootIsDecorated(false);
    m_chain->setHeaderLabels({tr("Step"), tr("Type"), tr("Finished"), tr("Stripes"), tr("Size"),
                              tr("Stored as"), tr("LSN range"), tr("Manifest")});
    m_chain->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_chain, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    connect(m_path, &QLineEdit::editingFinished, this, &SourcePage::inspect);
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder of backups"), m_path->text());
        if (!dir.isEmpty())
            setSource(dir);
    });
    connect(file, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Backup manifest"), m_path->text(),
                                                       tr("Backup manifests (*.manifest.json)"));
        if (!f.isEmpty())
            setSource(f);
    });
    connect(m_database, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            inspect();
    });
}

void SourcePage::setSource(const QString &path)
{
    m_path->setText(path);
    m_filling = true;
    m_database->clear();
    m_filling = false;
    inspect();
}

QString SourcePage::source() const
{
    return m_path->text().trimmed();
}

void SourcePage::setSourceDatabase(const QString &name)
{
    const int i = m_database->findData(name);
    if (i >= 0)
        m_database->setCurrentIndex(i);
}

std::string SourcePage::sourceDatabase() const
{
    // The combo is filled only when the folder holds several databases.
    return m_database->count() > 0 ? m_database->currentData().toString().toStdString()
                                   : std::string();
}

void SourcePage::inspect()
{
    m_chain->clear();
    m_inspection.reset();
    m_problem.clear();
    const QString path = source();
    if (path.isEmpty()) {
        m_status->clear();
        emit completeChanged();
        return;
    }
    if (!QFileInfo::exists(path)) {
        m_problem = tr("%1 does not exist.").arg(path);
    } else {
        auto r = backup::inspectChain(path.toStdString(), sourceDatabase(), std::nullopt);
        if (!r) {
            const ErrorText t = describe(r.error());
            m_problem = t.advice.isEmpty() ? t.headline : t.headline + QLatin1Char(' ') + t.advice;
        } else {
            m_inspection = std::move(*r);
        }
    }
    if (m_inspection) {
        const auto &in = *m_inspection;
        const bool several = in.databases.size() > 1;
        if (several && m_database->count() == 0) {
            m_filling = true;
            for (const auto &d : in.databases)
                m_database->addItem(q(d), q(d));
            m_database->setCurrentIndex(-1);
            m_filling = false;
        }
        m_databaseLabel->setVisible(several);
        m_database->setVisible(several);
        if (several && in.database.empty())
            m_problem = tr("The folder holds backups of several databases: choose which one "
                           "to restore.");
        int step = 1;
        for (const auto &m : in.chain.steps) {
            auto *item = new QTreeWidgetItem(m_chain);
            item->setText(0, QString::number(step++));
            item->setText(1, restoretext::backupType(m.type));
            item->setText(2, restoretext::when(m.finishedAt));
            item->setText(3, QString::number(m.stripes.size()));
            item->setText(4, format::bytes(m.rawBytes()));
            item->setText(5, restoretext::storage(m));
            item->setText(6, q(m.firstLsn) + QStringLiteral(" – ") + q(m.lastLsn));
            item->setText(7, q(m.path.filename().string()));
            item->setToolTip(7, q(m.path.string()));
        }
        if (in.gap) {
            m_problem = restoretext::gap(*in.gap);
        } else if (m_problem.isEmpty() && !in.chain.steps.empty()) {
            const auto &steps = in.chain.steps;
            const std::size_t unused = in.backups.size() - steps.size();
            QString text = tr("Backups of %1 to restore: %2, ending %3.")
                               .arg(q(in.database))
                               .arg(steps.size())
                               .arg(restoretext::when(steps.back().finishedAt));
            if (unused > 0)
                text += QLatin1Char(' ') +
                        tr("Other backups in the folder that are not part of this chain "
                           "(older chains, or differentials the logs already cover): %1.")
                            .arg(unused);
            m_status->setStyleSheet(QString());
            m_status->setText(text);
        }
    }
    if (!m_problem.isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_status->setText(m_problem);
    }
    emit completeChanged();
}

QString SourcePage::problem() const
{
    return m_problem;
}

bool SourcePage::isComplete() const
{
    return m_problem.isEmpty() && m_inspection && !m_inspection->chain.steps.empty() &&
           !m_inspection->gap;
}

// --- PointInTimePage -------------------------------------------------------------------------

PointInTimePage::PointInTimePage(RestoreWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Point in time"));
    setSubTitle(tr("Restore everything the chain holds, or stop at a moment within it: the "
                   "database comes back as it was then."));
    auto *layout = new QVBoxLayout(this);
    m_latest = new QRadioButton(tr("The &end of the chain (the most recent data)"), this);
    m_at = new QRadioButton(tr("A &point in time:"), this);
    m_latest->setChecked(true);
    m_time = new QDateTimeEdit(this);
    m_time->setObjectName(QStringLiteral("stopAt"));
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_time->setCalendarPopup(true);
    m_time->setTimeSpec(Qt::LocalTime);
    m_time->setEnabled(false);
    m_range = new QLabel(this);
    m_range->setWordWrap(true);
    m_applies = new QLabel(this);
    m_applies->setWordWrap(true);
    m_applies->setObjectName(QStringLiteral("applies"));
    layout->addWidget(m_latest);
    auto *row = new QHBoxLayout;
    row->addWidget(m_at);
    row->addWidget(m_time);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(m_range);
    layout->addSpacing(12);
    layout->addWidget(m_applies);
    layout->addStretch(1);
    connect(m_at, &QRadioButton::toggled, m_time, &QWidget::setEnabled);
    connect(m_at, &QRadioButton::toggled, this, &PointInTimePage::update);
    connect(m_time, &QDateTimeEdit::dateTimeChanged, this, &PointInTimePage::update);
}

void PointInTimePage::initializePage()
{
    const auto &in = m_wizard->sourcePage()->inspection();
    const auto range = in ? in->chain.pointInTimeRange() : std::nullopt;
    if (range) {
        m_time->setDateTimeRange(range->first.toLocalTime(), range->second.toLocalTime());
        if (!m_initialised)
            m_time->setDateTime(range->second.toLocalTime());
        m_range->setText(
            tr("Between %1 (the end of the full backup) and %2 (the end of the "
               "last log backup).")
                .arg(restoretext::when(range->first), restoretext::when(range->second)));
    }
    m_initialised = true;
    update();
}

std::optional<QDateTime> PointInTimePage::stopAt() const
{
    if (!m_at->isChecked())
        return std::nullopt;
    return m_time->dateTime();
}

void PointInTimePage::setStopAt(const std::optional<QDateTime> &time)
{
    if (time) {
        m_time->setDateTime(time->toLocalTime());
        m_at->setChecked(true);
    } else {
        m_latest->setChecked(true);
    }
    update();
}

void PointInTimePage::update()
{
    auto chain = m_wizard->chain();
    if (!chain) {
        const ErrorText t = describe(chain.error());
        m_applies->setText(t.headline);
        return;
    }
    QStringList steps;
    for (const auto &m : chain->steps)
        steps
            << tr("%1 of %2").arg(restoretext::backupType(m.type), restoretext::when(m.finishedAt));
    QString text = tr("This restores: %1.").arg(steps.join(QStringLiteral(", ")));
    if (chain->stopAtLast)
        text += QLatin1Char(' ') + tr("The last log backup is applied up to the point in time.");
    m_applies->setText(text);
}

QString PointInTimePage::appliesText() const
{
    return m_applies->text();
}

} // namespace vds::ui::restore
