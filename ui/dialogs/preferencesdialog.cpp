#include "ui/dialogs/preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <vds/settings/preferences.h>

namespace vds::ui {
namespace {

QWidget *directoryRow(QLineEdit *edit, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(QObject::tr("Browse…"), row);
    h->addWidget(edit, 1);
    h->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, row] {
        const QString dir = QFileDialog::getExistingDirectory(row, QString(), edit->text());
        if (!dir.isEmpty())
            edit->setText(dir);
    });
    return row;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;

    m_backupDir = new QLineEdit(settings::Preferences::defaultBackupDirectory().get(), this);
    m_backupDir->setAccessibleName(tr("Default backup folder"));
    form->addRow(tr("Default &backup folder:"), directoryRow(m_backupDir, this));

    m_diskDir = new QLineEdit(settings::Preferences::defaultDiskDirectory().get(), this);
    m_diskDir->setAccessibleName(tr("Default virtual disk folder"));
    form->addRow(tr("Default &virtual disk folder:"), directoryRow(m_diskDir, this));

    m_logLevel = new QComboBox(this);
    for (const char *lvl : {"debug", "info", "warn", "error"})
        m_logLevel->addItem(QString::fromLatin1(lvl), QString::fromLatin1(lvl));
    m_logLevel->setCurrentIndex(
        qMax(0, m_logLevel->findData(settings::Preferences::logLevel().get())));
    form->addRow(tr("&Log level:"), m_logLevel);

    m_scheme = new QComboBox(this);
    m_scheme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_scheme->addItem(tr("Light"), QStringLiteral("light"));
    m_scheme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_scheme->setCurrentIndex(
        qMax(0, m_scheme->findData(settings::Preferences::colorScheme().get())));
    form->addRow(tr("&Colours:"), m_scheme);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Follow the system"), QString());
    for (const QString &code : settings::Preferences::uiLanguages()) {
        // Each language under its own name, so a user who cannot read the current one finds it.
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_language->addItem(name, code);
    }
    m_language->setCurrentIndex(
        qMax(0, m_language->findData(settings::Preferences::language().get())));
    form->addRow(tr("&Language:"), m_language);
    auto *languageNote = new QLabel(tr("A new language applies from the next start."), this);
    languageNote->setEnabled(false);
    form->addRow(QString(), languageNote);

    m_confirmCancel = new QCheckBox(tr("Ask before cancelling a running job"), this);
    m_confirmCancel->setChecked(settings::Preferences::confirmCancel().get());
    form->addRow(QString(), m_confirmCancel);

    m_backupsInParallel =
        new QCheckBox(tr("Back up several databases at once (otherwise one after another)"), this);
    m_backupsInParallel->setChecked(settings::Preferences::backupsInParallel().get());
    form->addRow(QString(), m_backupsInParallel);

    m_stall = new QSpinBox(this);
    m_stall->setRange(5, 3600);
    m_stall->setSuffix(tr(" s"));
    m_stall->setValue(settings::Preferences::stallSeconds().get());
    form->addRow(tr("Warn when a job &stalls for:"), m_stall);

    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    settings::Preferences::defaultBackupDirectory().set(m_backupDir->text().trimmed());
    settings::Preferences::defaultDiskDirectory().set(m_diskDir->text().trimmed());
    settings::Preferences::logLevel().set(m_logLevel->currentData().toString());
    settings::Preferences::colorScheme().set(m_scheme->currentData().toString());
    settings::Preferences::language().set(m_language->currentData().toString());
    settings::Preferences::confirmCancel().set(m_confirmCancel->isChecked());
    settings::Preferences::backupsInParallel().set(m_backupsInParallel->isChecked());
    settings::Preferences::stallSeconds().set(m_stall->value());
    QDialog::accept();
}

} // namespace vds::ui
