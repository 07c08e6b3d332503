#include "ui/profiles/profileexportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>

#include "ui/profiles/profiletext.h"
#include <vds/profiles/exports.h>

namespace vds::ui {

ProfileExportDialog::ProfileExportDialog(profiles::Profile profile, QString vdsctl, QWidget *parent)
    : QDialog(parent), m_profile(std::move(profile)), m_vdsctl(std::move(vdsctl))
{
    setWindowTitle(tr("Export as a systemd timer"));
    auto *form = new QFormLayout;
    m_calendar = new QComboBox(this);
    m_calendar->setEditable(true);
    // systemd calendar expressions (systemd.time(7)); any other one can be typed.
    m_calendar->addItems({QStringLiteral("daily"), QStringLiteral("*-*-* 02:00:00"),
                          QStringLiteral("Mon..Fri 22:00"), QStringLiteral("weekly"),
                          QStringLiteral("hourly"), QStringLiteral("monthly")});
    m_calendar->setAccessibleName(tr("Schedule"));
    form->addRow(tr("&Schedule (OnCalendar=):"), m_calendar);
    m_directory =
        new QLineEdit(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                          QStringLiteral("/systemd/user"),
                      this);
    form->addRow(tr("&Folder:"), m_directory);
    m_passwordFile = new QLineEdit(this);
    m_passwordFile->setPlaceholderText(
        tr("only for a password from the keyring or the environment"));
    form->addRow(tr("&Password file:"), m_passwordFile);
    m_passphraseFile = new QLineEdit(this);
    m_passphraseFile->setPlaceholderText(tr("only for an age passphrase from the environment"));
    form->addRow(tr("P&assphrase file:"), m_passphraseFile);
    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (write())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_calendar, &QComboBox::currentTextChanged, this, &ProfileExportDialog::updatePreview);
    connect(m_passwordFile, &QLineEdit::textChanged, this, &ProfileExportDialog::updatePreview);
    connect(m_passphraseFile, &QLineEdit::textChanged, this, &ProfileExportDialog::updatePreview);
    resize(720, 460);
    updatePreview();
}

void ProfileExportDialog::setOnCalendar(const QString &calendar)
{
    m_calendar->setEditText(calendar);
    updatePreview();
}

void ProfileExportDialog::setDirectory(const QString &directory)
{
    m_directory->setText(directory);
}

void ProfileExportDialog::setPasswordFile(const QString &file)
{
    m_passwordFile->setText(file);
}

void ProfileExportDialog::updatePreview()
{
    auto units = profiles::systemdUnits(m_profile, {m_vdsctl, m_calendar->currentText(),
                                                    m_passwordFile->text().trimmed(),
                                                    m_passphraseFile->text().trimmed()});
    if (!units) {
        m_preview->setPlainText(profileIssuesText(units.error()));
        return;
    }
    m_preview->setPlainText(QStringLiteral("# %1.service\n%2\n# %1.timer\n%3")
                                .arg(units->baseName, units->service, units->timer));
}

bool ProfileExportDialog::write()
{
    auto units = profiles::systemdUnits(m_profile, {m_vdsctl, m_calendar->currentText(),
                                                    m_passwordFile->text().trimmed(),
                                                    m_passphraseFile->text().trimmed()});
    if (!units) {
        QMessageBox::warning(this, windowTitle(), profileIssuesText(units.error()));
        return false;
    }
    const QDir dir(m_directory->text());
    if (!QDir().mkpath(dir.path())) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Cannot create the folder %1.").arg(dir.path()));
        return false;
    }
    for (const auto &[suffix, text] : {std::pair{QStringLiteral(".service"), units->service},
                                       std::pair{QStringLiteral(".timer"), units->timer}}) {
        QSaveFile f(dir.filePath(units->baseName + suffix));
        const QByteArray bytes = text.toUtf8();
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
            QMessageBox::warning(this, windowTitle(),
                                 tr("Cannot write %1: %2").arg(f.fileName(), f.errorString()));
            return false;
        }
    }
    QMessageBox::information(
        this, windowTitle(),
        tr("Wrote %1.service and %1.timer. Enable the timer with:\n\nsystemctl --user "
           "daemon-reload\nsystemctl --user enable --now %1.timer")
            .arg(units->baseName));
    return true;
}

} // namespace vds::ui
