#include <QJsonObject>

#include "cli.h"
#include <vds/info/versions.h>

namespace vds::cli {

int runAbout(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (const int rc = parse(parser, args, QStringLiteral("about"),
                             QStringLiteral("Show the version and the libraries in use."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()),
                          QStringLiteral("about"));

    const auto libs = info::libraryVersions();
    if (parser.isSet(json)) {
        QJsonObject libraries;
        for (const auto &[name, version] : libs)
            libraries.insert(name, version);
        printJson(QJsonObject{{QStringLiteral("version"), info::productVersion()},
                              {QStringLiteral("libraries"), libraries}});
        return ExitOk;
    }
    out(QStringLiteral("Virtual Device Studio %1").arg(info::productVersion()));
    for (const auto &[name, version] : libs)
        out(QStringLiteral("  %1 %2").arg(name + QLatin1Char(':'), -10).arg(version));
    return ExitOk;
}

} // namespace vds::cli
