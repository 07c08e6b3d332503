#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vds::sql {

/// The ODBC drivers registered with the driver manager (odbcinst.ini), by name: what
/// `odbcinst -q -d` lists. Empty when the driver manager has none. Any thread.
[[nodiscard]] std::vector<std::string> installedDrivers();

/// Whether `driver` can be loaded: a registered name (case-insensitive), or a path to a
/// library file that exists.
[[nodiscard]] bool driverAvailable(std::string_view driver);

} // namespace vds::sql
