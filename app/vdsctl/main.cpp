// vdsctl: the command line. Global options, then a subcommand from the table in commands.cpp.
#include <QCoreApplication>

#include <cstdio>

#include "cli.h"
#include <vds/logging/logsetup.h>
#include <vds/version.h>

namespace {

void printHelp()
{
    std::printf("Usage: vdsctl [--verbose] <command> [options]\n"
                "   or: vdsctl --version | --help | <command> --help\n\n"
                "Virtual Device Studio on the command line: SQL Server VDI backups and\n"
                "VHD/VHDX virtual disks.\n\nCommands:\n");
    for (const auto &c : vds::cli::commands())
        std::printf("  %-12s %s\n", qPrintable(c.name), qPrintable(c.summary));
    std::printf("\nGlobal options:\n"
                "  -h, --help     Show this help.\n"
                "  -V, --version  Show the version.\n"
                "  -v, --verbose  Log debug detail to stderr (or set VDS_LOG_LEVEL).\n\n"
                "Exit codes: 0 success, 1 the job failed, 2 usage or invalid input, "
                "3 cancelled.\n"
                "Run 'vdsctl <command> --help' for a command's options.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    vds::cli::setRawArguments(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vdsctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("vdstudio"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(VDS_VERSION_STRING));

    QStringList args = QCoreApplication::arguments().mid(1);
    bool verbose = false;
    while (!args.isEmpty() && args.constFirst().startsWith(QLatin1Char('-'))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--version") || opt == QLatin1String("-V")) {
            std::printf("vdsctl %s\n", VDS_VERSION_STRING);
            return vds::cli::ExitOk;
        }
        if (opt == QLatin1String("--help") || opt == QLatin1String("-h")) {
            printHelp();
            return vds::cli::ExitOk;
        }
        if (opt == QLatin1String("--verbose") || opt == QLatin1String("-v")) {
            verbose = true;
            continue;
        }
        return vds::cli::usageError(QStringLiteral("unknown option '%1'").arg(opt));
    }
    if (args.isEmpty())
        return vds::cli::usageError(QStringLiteral("no command given"));

    const QString name = args.takeFirst();
    if (name == QLatin1String("help")) {
        if (args.isEmpty()) {
            printHelp();
            return vds::cli::ExitOk;
        }
        const QString topic = args.takeFirst();
        args = {QStringLiteral("--help")};
        for (const auto &c : vds::cli::commands())
            if (c.name == topic)
                return c.run(args);
        return vds::cli::usageError(QStringLiteral("unknown command '%1'").arg(topic));
    }
    for (const auto &c : vds::cli::commands()) {
        if (c.name != name)
            continue;
        vds::log::Options logOptions;
        logOptions.applicationName = QStringLiteral("vdsctl");
        logOptions.defaultLevel = spdlog::level::warn;
        logOptions.verbose = verbose;
        logOptions.toStderr = true;
        logOptions.toFile = false;
        vds::log::initialise(logOptions);
        return c.run(args);
    }
    return vds::cli::usageError(QStringLiteral("unknown command '%1'").arg(name));
}
