#pragma once

#include <QString>
#include <QStringList>

/// Jobs report phases and per-channel series by id ("copy", "backup"; "read", "stripe-1"); the
/// UI words them here, translatable, as errortext.h does for errors. GUI thread (tr()).
namespace vds::ui {

/// "copy" → "Copying". An id not known here is shown as it is.
[[nodiscard]] QString phaseText(const QString &phaseId);
/// With the step within the phase (JobSnapshot::step/stepCount): "… (2 of 3)"; steps 0 = none.
[[nodiscard]] QString phaseText(const QString &phaseId, int step, int steps);
/// "read" → "Read", "written" → "Written", "stripe-2" → "Stripe 2".
[[nodiscard]] QString seriesText(const QString &seriesId);
[[nodiscard]] QStringList seriesTexts(const QStringList &seriesIds);

} // namespace vds::ui
