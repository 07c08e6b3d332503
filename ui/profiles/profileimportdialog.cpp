#include "ui/profiles/profileimportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/profiles/profiletext.h"
#include <vds/profiles/profilestore.h>

namespace vds::ui {

ProfileImportDialog::ProfileImportDialog(profiles::ProfileStore &store,
                                         QList<profiles::Profile> incoming, QWidget *parent)
    : QDialog(parent), m_store(store), m_incoming(std::move(incoming))
{
    setWindowTitle(tr("Import profiles"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_conflict = new QComboBox(this);
    m_conflict->addItem(tr("Keep both (the imported one gets a new name)"),
                        int(profiles::Conflict::KeepBoth));
    m_conflict->addItem(tr("Replace the existing profile"), int(profiles::Conflict::Replace));
    m_conflict->addItem(tr("Skip it"), int(profiles::Conflict::Skip));
    form->addRow(tr("When a name is &taken:"), m_conflict);
    layout->addLayout(form);
    m_preview = new QTreeWidget(this);
    m_preview->setRootIsDecorated(false);
    m_preview->setHeaderLabels({tr("Profile"), tr("Job"), tr("What happens")});
    m_preview->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_preview, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_conflict, &QComboBox::currentIndexChanged, this, &ProfileImportDialog::updatePreview);
    resize(560, 360);
    updatePreview();
}

void ProfileImportDialog::setConflict(profiles::Conflict conflict)
{
    m_conflict->setCurrentIndex(m_conflict->findData(int(conflict)));
    updatePreview();
}

void ProfileImportDialog::updatePreview()
{
    const auto conflict = static_cast<profiles::Conflict>(m_conflict->currentData().toInt());
    m_steps = profiles::previewImport(m_store, m_incoming, conflict);
    m_preview->clear();
    for (const auto &s : m_steps) {
        auto *item = new QTreeWidgetItem(m_preview);
        item->setText(0, s.originalName);
        item->setText(1, profileKindText(s.profile.kind));
        switch (s.action) {
        case profiles::ImportStep::Action::Add: item->setText(2, tr("added")); break;
        case profiles::ImportStep::Action::Replace:
            item->setText(2, tr("replaces the existing profile"));
            break;
        case profiles::ImportStep::Action::Rename:
            item->setText(2, tr("added as \"%1\"").arg(s.profile.name));
            break;
        case profiles::ImportStep::Action::Skip:
            item->setText(2, tr("skipped (the name is taken)"));
            break;
        }
    }
}

bool ProfileImportDialog::apply()
{
    if (auto r = profiles::applyImport(m_store, m_steps); !r) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(r.error().message));
        return false;
    }
    return true;
}

} // namespace vds::ui
