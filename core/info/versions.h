#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace vds::info {

/// The product version and the versions of the libraries it runs with (as loaded at run time
/// where the library can tell, else as compiled against). For About boxes and bug reports.
[[nodiscard]] QString productVersion();
[[nodiscard]] QList<QPair<QString, QString>> libraryVersions();

} // namespace vds::info
