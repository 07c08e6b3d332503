#include "ui/profiles/saveasprofile.h"

#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QMessageBox>

#include "ui/profiles/profiletext.h"
#include <vds/profiles/profilestore.h>

namespace vds::ui {

QString suggestedProfileName(const profiles::Profile &p)
{
    const QJsonObject &o = p.params;
    QString base;
    switch (p.kind) {
    case profiles::Kind::Backup:
        base = QObject::tr("Backup %1")
                   .arg(o.value(QStringLiteral("database"))
                            .toArray()
                            .first()
                            .toString(o.value(QStringLiteral("databases-like")).toString()));
        break;
    case profiles::Kind::Restore:
        base = QObject::tr("Restore %1").arg(o.value(QStringLiteral("database")).toString());
        break;
    case profiles::Kind::Verify:
        base = QObject::tr("Verify %1")
                   .arg(QFileInfo(o.value(QStringLiteral("from")).toString()).fileName());
        break;
    case profiles::Kind::VhdCreate:
        base = QObject::tr("New disk %1")
                   .arg(QFileInfo(o.value(QStringLiteral("path")).toString()).fileName());
        break;
    case profiles::Kind::VhdConvert:
        base = QObject::tr("Convert %1")
                   .arg(QFileInfo(o.value(QStringLiteral("source")).toString()).fileName());
        break;
    }
    base = base.trimmed();
    base.replace(QLatin1Char('/'), QLatin1Char('_'));
    return profiles::ProfileStore().freeName(base.isEmpty() ? QObject::tr("Profile") : base);
}

std::optional<QString> saveAsProfile(QWidget *parent, const profiles::Profile &profile,
                                     profiles::ProfileStore *store)
{
    profiles::ProfileStore fallback;
    profiles::ProfileStore &s = store ? *store : fallback;
    QString name = profile.name.isEmpty() ? suggestedProfileName(profile) : profile.name;
    for (;;) {
        bool ok = false;
        name = QInputDialog::getText(parent, QObject::tr("Save as profile"),
                                     QObject::tr("Profile name (run it later from the Profiles "
                                                 "page or with 'vdsctl run NAME'):"),
                                     QLineEdit::Normal, name, &ok)
                   .trimmed();
        if (!ok)
            return std::nullopt;
        if (const QString why = nameRefusalText(name); !why.isEmpty()) {
            QMessageBox::warning(parent, QObject::tr("Save as profile"), why);
            continue;
        }
        if (s.contains(name) &&
            QMessageBox::question(
                parent, QObject::tr("Save as profile"),
                QObject::tr("A profile named \"%1\" exists. Replace it?").arg(name)) !=
                QMessageBox::Yes)
            continue;
        break;
    }
    profiles::Profile p = profile;
    p.name = name;
    if (auto r = s.save(p); !r) {
        QMessageBox::warning(parent, QObject::tr("Save as profile"),
                             QObject::tr("The profile could not be saved: %1")
                                 .arg(QString::fromStdString(r.error().message)));
        return std::nullopt;
    }
    return name;
}

} // namespace vds::ui
