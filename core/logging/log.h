#pragma once

#include <memory>
#include <string_view>

#include <spdlog/common.h>

namespace spdlog {
class logger;
namespace sinks {
class sink;
}
} // namespace spdlog

/// Per-module spdlog loggers that all write through one shared fan-out sink, so the app can
/// add or remove destinations (stderr, rotating file, UI bridge) at any time for every module.
/// Thread-safe: loggers may be fetched and used from any thread.
namespace vds::log {

/// The logger for a module ("vdi", "vdisk", "sql", "jobs", "ui", "app", "cli", …), created on
/// first use. Never null.
std::shared_ptr<spdlog::logger> get(std::string_view module);

/// Adds or removes a destination for every module's logger.
void addSink(const std::shared_ptr<spdlog::sinks::sink> &sink);
void removeSink(const std::shared_ptr<spdlog::sinks::sink> &sink);

/// Sets the level of every logger, present and future.
void setLevel(spdlog::level::level_enum level);
spdlog::level::level_enum level();

/// Parses "trace|debug|info|warn[ing]|err[or]|critical|off" (case-insensitive); false when unknown.
bool parseLevel(std::string_view text, spdlog::level::level_enum &out);

} // namespace vds::log
