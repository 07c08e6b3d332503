#include <vds/logging/logsetup.h>

#include <QDir>
#include <QStandardPaths>

#include <spdlog/logger.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <vds/logging/log.h>

namespace vds::log {

spdlog::level::level_enum effectiveLevel(const Options &options)
{
    const QByteArray env = qgetenv("VDS_LOG_LEVEL");
    spdlog::level::level_enum lvl = options.defaultLevel;
    if (!env.isEmpty() && parseLevel(env.toStdString(), lvl))
        return lvl;
    return options.verbose ? spdlog::level::debug : options.defaultLevel;
}

QString stateDirectory()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/vdstudio");
}

QString initialise(const Options &options)
{
    setLevel(effectiveLevel(options));
    if (options.toStderr) {
        auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        err->set_pattern("%^%l%$ [%n] %v");
        addSink(err);
    }
    if (!options.toFile)
        return {};
    const QString dir = stateDirectory();
    if (!QDir().mkpath(dir)) {
        fprintf(stderr, "warning: cannot create log directory %s\n", qPrintable(dir));
        return {};
    }
    const QString path = dir + QLatin1Char('/') + options.applicationName + QStringLiteral(".log");
    try {
        // 5 files of 2 MiB: enough for a long night of jobs, small enough to attach to a report.
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(),
                                                                           2 * 1024 * 1024, 5);
        file->set_pattern("%Y-%m-%dT%H:%M:%S.%e %l [%n] (%t) %v");
        addSink(file);
    } catch (const spdlog::spdlog_ex &e) {
        fprintf(stderr, "warning: cannot open log file %s: %s\n", qPrintable(path), e.what());
        return {};
    }
    get("app")->info("{} log started", options.applicationName.toStdString());
    return path;
}

} // namespace vds::log
