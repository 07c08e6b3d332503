#pragma once

#include <QString>
#include <QStringList>

/// Jobs report phases and per-channel series by id ("copy", "verify"; "read", "written"); the
/// UI words them here, translatable, as errortext.h does for errors. GUI thread (tr()).
namespace vds::ui {

/// "copy" → "Copying". An id not known here is shown as it is.
[[nodiscard]] QString phaseText(const QString &phaseId);
/// "read" → "Read", "written" → "Written", "stripe-2" → "Stripe 2".
[[nodiscard]] QString seriesText(const QString &seriesId);
[[nodiscard]] QStringList seriesTexts(const QStringList &seriesIds);

} // namespace vds::ui
