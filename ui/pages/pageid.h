#pragma once

#include <QIcon>
#include <QList>
#include <QString>

namespace vds::ui {

/// The main window's pages, in sidebar order.
enum class PageId { Backup, Restore, VirtualDisks, Profiles, History, Log };

[[nodiscard]] QList<PageId> allPages();
/// Translated title for the sidebar and the page heading.
[[nodiscard]] QString pageTitle(PageId id);
/// Stable, untranslated name used by --page and tests: "backup", "virtual-disks", …
[[nodiscard]] QString pageKey(PageId id);
/// Parses a pageKey(); false when unknown.
[[nodiscard]] bool pageFromKey(const QString &key, PageId &out);
[[nodiscard]] QIcon pageIcon(PageId id);

} // namespace vds::ui
