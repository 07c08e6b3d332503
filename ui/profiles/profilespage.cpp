#include "ui/profiles/profilespage.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMetaMethod>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/profiles/profileeditdialog.h"
#include "ui/profiles/profileexportdialog.h"
#include "ui/profiles/profileimportdialog.h"
#include "ui/profiles/profiletext.h"
#include <vds/history/historystore.h>
#include <vds/profiles/bundle.h>
#include <vds/profiles/exports.h>
#include <vds/profiles/profilehistory.h>
#include <vds/profiles/profilestore.h>

namespace vds::ui {

namespace {

enum Column { NameColumn, KindColumn, LastRunColumn, OutcomeColumn };
constexpr int kNameRole = Qt::UserRole + 1;

/// Enough history to find every profile's last run.
history::HistoryFilter recentHistory()
{
    history::HistoryFilter f;
    f.limit = 2000;
    return f;
}

} // namespace

ProfilesPage::ProfilesPage(QWidget *parent, const QString &directory, const QString &historyPath)
    : QWidget(parent),
      m_store(new profiles::ProfileStore(
          directory.isEmpty() ? profiles::ProfileStore::defaultDirectory() : directory, this)),
      m_historyPath(historyPath.isEmpty() ? history::HistoryStore::defaultPath() : historyPath)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Profiles</h2>"), this);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("Saved jobs. Run one again here or with <tt>vdsctl run NAME</tt>; "
                                "export it as a bundle, a command line, T-SQL or a systemd timer."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_undoBar = new QWidget(this);
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(0, 0, 0, 0);
    m_undoText = new QLabel(m_undoBar);
    auto *undo = new QPushButton(tr("&Undo"), m_undoBar);
    undoLayout->addWidget(m_undoText, 1);
    undoLayout->addWidget(undo);
    m_undoBar->hide();
    layout->addWidget(m_undoBar);
    connect(undo, &QPushButton::clicked, this, &ProfilesPage::undoDelete);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("Job"), tr("Last run"), tr("Outcome")});
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(LastRunColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(OutcomeColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    auto *buttons = new QHBoxLayout;
    auto button = [&](const QString &text, const QString &name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        buttons->addWidget(b);
        return b;
    };
    m_run = button(tr("&Run"), QStringLiteral("run"));
    m_edit = button(tr("&Edit…"), QStringLiteral("edit"));
    m_duplicate = button(tr("D&uplicate"), QStringLiteral("duplicate"));
    m_rename = button(tr("Re&name…"), QStringLiteral("rename"));
    m_delete = button(tr("&Delete"), QStringLiteral("delete"));
    buttons->addStretch(1);
    m_export = button(tr("E&xport"), QStringLiteral("export"));
    auto *import = button(tr("&Import…"), QStringLiteral("import"));
    layout->addLayout(buttons);

    connect(m_run, &QPushButton::clicked, this, &ProfilesPage::runSelected);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesPage::editSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfilesPage::duplicateSelected);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const auto p = selectedProfile();
        if (!p)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename profile"), tr("New name:"),
                                                   QLineEdit::Normal, p->name, &ok);
        if (ok)
            renameSelected(name.trimmed());
    });
    connect(m_delete, &QPushButton::clicked, this, &ProfilesPage::deleteSelected);
    connect(m_export, &QPushButton::clicked, this, &ProfilesPage::showExportMenu);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Import profiles"), QString(),
                                         tr("Profiles and bundles (*.vdsbundle *.vdsprofile)"));
        if (!file.isEmpty())
            importFile(file);
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ProfilesPage::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { runSelected(); });
    connect(m_store, &profiles::ProfileStore::changed, this, &ProfilesPage::refresh);
    m_store->watch();
    refresh();
}

ProfilesPage::~ProfilesPage()
{
    // A run started here goes on after the window closes (as a job started from a terminal):
    // detach rather than kill.
    for (QProcess *p : std::as_const(m_running))
        p->disconnect(this);
}

void ProfilesPage::refresh()
{
    const QString selected = selectedProfile() ? selectedProfile()->name : QString();
    QList<history::HistoryEntry> entries;
    if (QFileInfo::exists(m_historyPath)) {
        history::HistoryStore h(m_historyPath);
        if (h.open())
            if (auto l = h.list(recentHistory()))
                entries = *l;
    }
    m_list->clear();
    for (const auto &e : m_store->list()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(NameColumn, kNameRole, e.name);
        item->setText(NameColumn, e.name);
        if (!e.profile) {
            item->setText(KindColumn, tr("invalid"));
            item->setText(OutcomeColumn, profileIssuesText(e.issues));
            item->setToolTip(OutcomeColumn,
                             profiles::describe(e.path, e.issues).join(QLatin1Char('\n')));
            item->setForeground(OutcomeColumn, QColor(0xb0, 0x20, 0x20));
            continue;
        }
        item->setText(KindColumn, profileKindText(e.profile->kind));
        item->setToolTip(NameColumn, profiles::commandLine(*e.profile).value_or(QString()));
        if (m_running.contains(e.name)) {
            item->setText(OutcomeColumn, tr("running…"));
        } else if (const auto run = profiles::lastRun(*e.profile, entries)) {
            item->setText(LastRunColumn,
                          QLocale().toString(run->finishedAt.toLocalTime(), QLocale::ShortFormat));
            item->setText(OutcomeColumn, jobStatusText(run->status));
            if (run->status != jobs::JobStatus::Succeeded)
                item->setForeground(OutcomeColumn, QColor(0xb0, 0x20, 0x20));
        } else {
            item->setText(LastRunColumn, tr("never"));
        }
        if (e.name == selected)
            item->setSelected(true);
    }
    updateButtons();
}

std::optional<profiles::Profile> ProfilesPage::selectedProfile() const
{
    const auto items = m_list->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    auto p = m_store->load(items.first()->data(NameColumn, kNameRole).toString());
    if (!p)
        return std::nullopt;
    return *p;
}

void ProfilesPage::selectProfile(const QString &name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setSelected(item->data(NameColumn, kNameRole).toString() == name);
    }
}

void ProfilesPage::updateButtons()
{
    const bool valid = selectedProfile().has_value();
    const bool any = !m_list->selectedItems().isEmpty();
    for (QPushButton *b : {m_run, m_edit, m_duplicate, m_rename, m_export})
        b->setEnabled(valid);
    m_delete->setEnabled(any);
    if (valid && m_running.contains(selectedProfile()->name))
        m_run->setEnabled(false);
}

QString ProfilesPage::vdsctlPath() const
{
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/vdsctl");
    if (const QByteArray env = qgetenv("VDS_VDSCTL"); !env.isEmpty())
        return QString::fromLocal8Bit(env);
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("vdsctl"));
}

void ProfilesPage::runSelected()
{
    const auto p = selectedProfile();
    if (!p || m_running.contains(p->name))
        return;
    const QString program = vdsctlPath();
    if (program.isEmpty()) {
        QMessageBox::warning(this, tr("Run profile"),
                             tr("vdsctl was not found next to vdstudio "
                                "or on PATH."));
        return;
    }
    auto *process = new QProcess(this);
    process->setProgram(program);
    process->setArguments({QStringLiteral("run"), m_store->pathFor(p->name)});
    process->setProcessChannelMode(QProcess::MergedChannels);
    const QString name = p->name;
    m_running.insert(name, process);
    connect(process, &QProcess::finished, this, [this, process, name](int code) {
        m_running.remove(name);
        const QString output = QString::fromLocal8Bit(process->readAll()).trimmed();
        process->deleteLater();
        refresh();
        if (code != 0 && !output.isEmpty())
            QMessageBox::warning(this, tr("Run profile"),
                                 tr("The profile \"%1\" did not succeed:\n\n%2").arg(name, output));
        emit runFinished(name, code);
    });
    process->start();
    refresh();
}

void ProfilesPage::editSelected()
{
    const auto p = selectedProfile();
    if (!p)
        return;
    // The dialog that made the profile, when someone has wired it; else the field editor.
    if (isSignalConnected(QMetaMethod::fromSignal(&ProfilesPage::editRequested))) {
        emit editRequested(*p);
        return;
    }
    ProfileEditDialog dialog(*m_store, *p, this);
    if (dialog.exec() == QDialog::Accepted) {
        refresh();
        selectProfile(dialog.profile().name);
    }
}

void ProfilesPage::duplicateSelected()
{
    auto p = selectedProfile();
    if (!p)
        return;
    p->name = m_store->freeName(tr("%1 (copy)").arg(p->name));
    if (auto r = m_store->save(*p, false); !r)
        QMessageBox::warning(this, tr("Duplicate profile"),
                             QString::fromStdString(r.error().message));
    refresh();
    selectProfile(p->name);
}

bool ProfilesPage::renameSelected(const QString &newName)
{
    const auto p = selectedProfile();
    if (!p || newName == p->name)
        return false;
    if (const QString why = nameRefusalText(newName); !why.isEmpty()) {
        QMessageBox::warning(this, tr("Rename profile"), why);
        return false;
    }
    if (auto r = m_store->rename(p->name, newName); !r) {
        QMessageBox::warning(this, tr("Rename profile"), QString::fromStdString(r.error().message));
        return false;
    }
    refresh();
    selectProfile(newName);
    return true;
}

void ProfilesPage::deleteSelected()
{
    const auto items = m_list->selectedItems();
    if (items.isEmpty())
        return;
    const QString name = items.first()->data(NameColumn, kNameRole).toString();
    // Keep the file's profile for Undo (an invalid file is deleted without undo).
    auto p = m_store->load(name);
    if (auto r = m_store->remove(name); !r) {
        QMessageBox::warning(this, tr("Delete profile"), QString::fromStdString(r.error().message));
        return;
    }
    m_deleted = p ? std::optional<profiles::Profile>(*p) : std::nullopt;
    m_undoText->setText(tr("Deleted the profile \"%1\".").arg(name));
    m_undoBar->setVisible(m_deleted.has_value());
    refresh();
}

void ProfilesPage::undoDelete()
{
    if (!m_deleted)
        return;
    profiles::Profile p = *m_deleted;
    if (m_store->contains(p.name))
        p.name = m_store->freeName(p.name);
    if (auto r = m_store->save(p, false); !r) {
        QMessageBox::warning(this, tr("Undo"), QString::fromStdString(r.error().message));
        return;
    }
    m_deleted.reset();
    m_undoBar->hide();
    refresh();
    selectProfile(p.name);
}

void ProfilesPage::showExportMenu()
{
    QMenu menu(this);
    menu.addAction(tr("As a &bundle…"), this, &ProfilesPage::exportBundle);
    menu.addAction(tr("As a &command line…"), this, [this] { exportText(false); });
    QAction *tsql = menu.addAction(tr("As &T-SQL…"), this, [this] { exportText(true); });
    tsql->setEnabled(selectedProfile() && selectedProfile()->kind == profiles::Kind::Backup);
    menu.addAction(tr("As a &systemd timer…"), this, &ProfilesPage::exportSystemd);
    menu.exec(m_export->mapToGlobal(QPoint(0, m_export->height())));
}

void ProfilesPage::exportBundle()
{
    const auto p = selectedProfile();
    if (!p)
        return;
    QString file = QFileDialog::getSaveFileName(this, tr("Export bundle"),
                                                p->name + QStringLiteral(".vdsbundle"),
                                                tr("Profile bundles (*.vdsbundle)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".vdsbundle")))
        file += QStringLiteral(".vdsbundle");
    QSaveFile f(file);
    const QByteArray bytes = profiles::bundleJson({*p});
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        QMessageBox::warning(this, tr("Export bundle"),
                             tr("Cannot write %1: %2").arg(file, f.errorString()));
}

void ProfilesPage::exportText(bool tsql)
{
    const auto p = selectedProfile();
    if (!p)
        return;
    QString text;
    if (tsql) {
        auto t = profiles::tsql(*p);
        if (!t) {
            QMessageBox::warning(this, tr("Export T-SQL"), profileIssuesText(t.error()));
            return;
        }
        text = tr("-- What vdstudio runs (%1 stands for the fresh uuid of each run):\n")
                   .arg(QString::fromLatin1(profiles::kUuidPlaceholder)) +
               t->virtualDevice.join(QStringLiteral(";\n")) +
               tr(";\n\n-- The same backup written by the server itself:\n") +
               t->toDisk.join(QStringLiteral(";\n")) + QLatin1Char(';');
    } else {
        text = profiles::commandLine(*p).value_or(QString());
    }
    ProfileTextDialog dialog(tsql ? tr("T-SQL") : tr("Command line"), text, this);
    dialog.exec();
}

void ProfilesPage::exportSystemd()
{
    const auto p = selectedProfile();
    if (!p)
        return;
    ProfileExportDialog dialog(*p, vdsctlPath(), this);
    dialog.exec();
}

bool ProfilesPage::importFile(const QString &file)
{
    QList<profiles::Profile> incoming;
    if (file.endsWith(QLatin1String(".vdsprofile"))) {
        auto p = profiles::loadProfile(file);
        if (!p) {
            QMessageBox::warning(
                this, tr("Import profiles"),
                profiles::describe(QFileInfo(file).fileName(), p.error()).join(QLatin1Char('\n')));
            return false;
        }
        incoming.append(*p);
    } else {
        auto b = profiles::loadBundle(file);
        if (!b) {
            QMessageBox::warning(
                this, tr("Import profiles"),
                profiles::describe(QFileInfo(file).fileName(), b.error()).join(QLatin1Char('\n')));
            return false;
        }
        incoming = *b;
    }
    ProfileImportDialog dialog(*m_store, incoming, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    refresh();
    return true;
}

} // namespace vds::ui
