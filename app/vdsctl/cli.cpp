#include "cli.h"

#include <vds/cmdline/sizeargument.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <limits>
#include <unistd.h>
#include <vector>

namespace vds::cli {

namespace {
std::vector<std::string> &rawArguments()
{
    static std::vector<std::string> args;
    return args;
}
} // namespace

void setRawArguments(int argc, char **argv)
{
    rawArguments().assign(argv, argv + argc);
}

std::string nativePath(const QString &arg)
{
    for (const std::string &raw : rawArguments())
        if (QString::fromLocal8Bit(raw.data(), qsizetype(raw.size())) == arg)
            return raw;
    const QByteArray local = arg.toLocal8Bit();
    return {local.constData(), std::size_t(local.size())};
}

int usageError(const QString &message, const QString &command)
{
    const QString who =
        command.isEmpty() ? QStringLiteral("vdsctl") : QStringLiteral("vdsctl ") + command;
    std::fprintf(stderr, "%s: %s (try '%s --help')\n", qPrintable(who), qPrintable(message),
                 qPrintable(who));
    return ExitUsage;
}

int parse(QCommandLineParser &parser, const QStringList &args, const QString &command,
          const QString &description)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList argv = args;
    argv.prepend(QStringLiteral("vdsctl ") + command);
    if (!parser.parse(argv))
        return usageError(parser.errorText(), command);
    if (parser.isSet(help)) {
        // Qt names the program as it was started (a path); the usage line names the command.
        QString text = parser.helpText();
        const QString started = QCoreApplication::arguments().value(0);
        const QString usage = QStringLiteral("Usage: ");
        if (!started.isEmpty() && text.startsWith(usage + started))
            text.replace(usage.size(), started.size(), QStringLiteral("vdsctl ") + command);
        std::fputs(qPrintable(text), stdout);
        return ExitOk;
    }
    return -1;
}

void printJson(const QJsonValue &value)
{
    QByteArray bytes;
    if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void out(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
}

void err(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

bool wantProgress(bool forced)
{
    return forced || ::isatty(STDERR_FILENO) == 1;
}

bool parseSize(const QString &text, quint64 &bytes)
{
    const auto v = cmdline::parseSize(text);
    if (v)
        bytes = *v;
    return v.has_value();
}

} // namespace vds::cli
