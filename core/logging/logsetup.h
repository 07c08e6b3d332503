#pragma once

#include <QString>

#include <spdlog/common.h>

/// Process-wide logging set-up shared by vdstudio and vdsctl.
namespace vds::log {

struct Options {
    /// Level when neither --verbose nor VDS_LOG_LEVEL says otherwise.
    spdlog::level::level_enum defaultLevel = spdlog::level::info;
    bool verbose = false;    ///< --verbose: debug level
    bool toStderr = false;   ///< also print to stderr (the CLI does, the GUI does not)
    bool toFile = true;      ///< rotating file in the XDG state directory
    QString applicationName; ///< "vdstudio" or "vdsctl": the file's name
};

/// Effective level: VDS_LOG_LEVEL wins, then --verbose, then the default.
spdlog::level::level_enum effectiveLevel(const Options &options);

/// $XDG_STATE_HOME/vdstudio (default ~/.local/state/vdstudio), created if missing.
QString stateDirectory();

/// Installs the sinks. Returns the log file's path, or an empty string when there is none
/// (not wanted, or the directory could not be created: then a warning goes to stderr).
QString initialise(const Options &options);

} // namespace vds::log
