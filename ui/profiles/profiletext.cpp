#include "ui/profiles/profiletext.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vds::ui {

QString nameRefusalText(const QString &name)
{
    switch (profiles::nameRefusal(name)) {
    case profiles::NameRefusal::None: return {};
    case profiles::NameRefusal::Empty: return QObject::tr("A profile needs a name.");
    case profiles::NameRefusal::TooLong:
        return QObject::tr("A profile name has at most %1 characters; this one has %2.")
            .arg(profiles::kMaxNameLength)
            .arg(name.size());
    case profiles::NameRefusal::LeadingDot:
        return QObject::tr("A profile name cannot start with a dot.");
    case profiles::NameRefusal::EdgeSpace:
        return QObject::tr("A profile name cannot start or end with a space.");
    case profiles::NameRefusal::BadCharacter:
        return QObject::tr("A profile name cannot contain '/', '\\' or control characters.");
    }
    return {};
}

QString profileKindText(profiles::Kind kind)
{
    switch (kind) {
    case profiles::Kind::Backup: return QObject::tr("Backup");
    case profiles::Kind::Restore: return QObject::tr("Restore");
    case profiles::Kind::Verify: return QObject::tr("Verify");
    case profiles::Kind::VhdCreate: return QObject::tr("New virtual disk");
    case profiles::Kind::VhdConvert: return QObject::tr("Disk conversion");
    }
    return {};
}

QString jobStatusText(jobs::JobStatus status)
{
    switch (status) {
    case jobs::JobStatus::Succeeded: return QObject::tr("succeeded");
    case jobs::JobStatus::Failed: return QObject::tr("failed");
    case jobs::JobStatus::Cancelled: return QObject::tr("cancelled");
    }
    return {};
}

QString profileIssuesText(const QList<profiles::Issue> &issues)
{
    QStringList lines;
    for (const auto &i : issues.mid(0, 3))
        lines << (i.path.isEmpty() ? i.message : i.path + QStringLiteral(": ") + i.message);
    if (issues.size() > 3)
        lines << QObject::tr("… and %n more", nullptr, int(issues.size() - 3));
    return lines.join(QLatin1Char('\n'));
}

ProfileTextDialog::ProfileTextDialog(const QString &title, const QString &text, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *edit = new QPlainTextEdit(text, this);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setAccessibleName(title);
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [text] { QApplication::clipboard()->setText(text); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 300);
}

} // namespace vds::ui
