#include "ui/pages/pageid.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace vds::ui {

QList<PageId> allPages()
{
    return {PageId::Backup,   PageId::Restore, PageId::VirtualDisks,
            PageId::Profiles, PageId::History, PageId::Log};
}

QString pageTitle(PageId id)
{
    switch (id) {
    case PageId::Backup: return QCoreApplication::translate("Pages", "Backup");
    case PageId::Restore: return QCoreApplication::translate("Pages", "Restore");
    case PageId::VirtualDisks: return QCoreApplication::translate("Pages", "Virtual disks");
    case PageId::Profiles: return QCoreApplication::translate("Pages", "Profiles");
    case PageId::History: return QCoreApplication::translate("Pages", "History");
    case PageId::Log: return QCoreApplication::translate("Pages", "Log");
    }
    return {};
}

QString pageKey(PageId id)
{
    switch (id) {
    case PageId::Backup: return QStringLiteral("backup");
    case PageId::Restore: return QStringLiteral("restore");
    case PageId::VirtualDisks: return QStringLiteral("virtual-disks");
    case PageId::Profiles: return QStringLiteral("profiles");
    case PageId::History: return QStringLiteral("history");
    case PageId::Log: return QStringLiteral("log");
    }
    return {};
}

bool pageFromKey(const QString &key, PageId &out)
{
    for (PageId id : allPages()) {
        if (pageKey(id) == key) {
            out = id;
            return true;
        }
    }
    return false;
}

QIcon pageIcon(PageId id)
{
    QStyle *style = QApplication::style();
    auto themed = [style](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), style->standardIcon(fallback));
    };
    switch (id) {
    case PageId::Backup: return themed("document-save", QStyle::SP_DialogSaveButton);
    case PageId::Restore: return themed("document-revert", QStyle::SP_BrowserReload);
    case PageId::VirtualDisks: return themed("drive-harddisk", QStyle::SP_DriveHDIcon);
    case PageId::Profiles: return themed("document-properties", QStyle::SP_FileDialogDetailedView);
    case PageId::History: return themed("view-history", QStyle::SP_FileDialogContentsView);
    case PageId::Log: return themed("text-x-generic", QStyle::SP_FileIcon);
    }
    return {};
}

} // namespace vds::ui
