#pragma once

#include <QString>

namespace vds::ui {

/// Installs the GUI's translations for `language` ("de", "en", or empty for the system's
/// locale) on the application: ours (compiled into the program from
/// resources/translations/*.ts) and Qt's own for standard dialogs when installed. Replaces
/// what an earlier call installed. Call on the GUI thread before building windows: widgets
/// take their texts when they are built. Returns the language now in use ("en" when none of
/// ours matches).
QString installTranslations(const QString &language);

} // namespace vds::ui
