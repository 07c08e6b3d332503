#include "ui/dialogs/aboutdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <vds/info/versions.h>

namespace vds::ui {

AboutDialog::AboutDialog(const QString &logFilePath, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Virtual Device Studio"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        tr("<h2>Virtual Device Studio %1</h2>"
           "<p>SQL Server backups and restores through the Virtual Device Interface, and "
           "VHD/VHDX virtual disks, on Linux.</p>")
            .arg(vds::info::productVersion()),
        this);
    title->setWordWrap(true);
    layout->addWidget(title);

    auto *form = new QFormLayout;
    for (const auto &[name, version] : vds::info::libraryVersions()) {
        auto *v = new QLabel(version, this);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(name + QLatin1Char(':'), v);
    }
    if (!logFilePath.isEmpty()) {
        auto *log = new QLabel(logFilePath, this);
        log->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Log file:"), log);
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace vds::ui
