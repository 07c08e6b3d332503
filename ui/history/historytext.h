#pragma once

#include <QString>

#include <vds/history/historyexport.h>
#include <vds/jobs/jobresult.h>

/// The history's ids worded for people (translatable): job kinds, outcomes, and the wording
/// the export renderer of core/history uses. GUI thread (tr()).
namespace vds::ui {

/// "backup" → "Backup", "vhd-create" → "New virtual disk"; an unknown kind as it is.
[[nodiscard]] QString kindText(const QString &kind);
/// Succeeded / Failed / Cancelled.
[[nodiscard]] QString outcomeText(jobs::JobStatus status);
/// Every slot of the export wording filled with this UI's words.
[[nodiscard]] history::ExportWording exportWording();
/// The kinds the filter offers even before any job of that kind ran.
[[nodiscard]] QStringList knownKinds();

} // namespace vds::ui
