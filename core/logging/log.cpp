#include <vds/logging/log.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <string>

#include <spdlog/logger.h>
#include <spdlog/sinks/dist_sink.h>

namespace vds::log {
namespace {

struct Registry {
    std::mutex mutex;
    std::shared_ptr<spdlog::sinks::dist_sink_mt> fanout =
        std::make_shared<spdlog::sinks::dist_sink_mt>();
    std::map<std::string, std::shared_ptr<spdlog::logger>, std::less<>> loggers;
    spdlog::level::level_enum level = spdlog::level::warn;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

std::shared_ptr<spdlog::logger> get(std::string_view module)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    if (auto it = r.loggers.find(module); it != r.loggers.end())
        return it->second;
    auto logger = std::make_shared<spdlog::logger>(std::string(module), r.fanout);
    logger->set_level(r.level);
    logger->flush_on(spdlog::level::warn);
    r.loggers.emplace(std::string(module), logger);
    return logger;
}

void addSink(const std::shared_ptr<spdlog::sinks::sink> &sink)
{
    registry().fanout->add_sink(sink);
}

void removeSink(const std::shared_ptr<spdlog::sinks::sink> &sink)
{
    registry().fanout->remove_sink(sink);
}

void setLevel(spdlog::level::level_enum level)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    r.level = level;
    for (auto &[name, logger] : r.loggers)
        logger->set_level(level);
}

spdlog::level::level_enum level()
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    return r.level;
}

bool parseLevel(std::string_view text, spdlog::level::level_enum &out)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // spdlog names them "warning" and "error"; people type "warn" and "err" too.
    if (lower == "warn")
        lower = "warning";
    else if (lower == "err")
        lower = "error";
    for (int i = spdlog::level::trace; i <= spdlog::level::off; ++i) {
        const auto lvl = static_cast<spdlog::level::level_enum>(i);
        const auto name = spdlog::level::to_string_view(lvl);
        if (lower == std::string_view(name.data(), name.size())) {
            out = lvl;
            return true;
        }
    }
    return false;
}

} // namespace vds::log
