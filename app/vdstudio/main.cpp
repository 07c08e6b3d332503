// vdstudio: the GUI's composition root. Sets up logging, the job runner and the main window;
// owns them for the life of the process.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

#include "ui/history/historypage.h"
#include "ui/i18n.h"
#include "ui/mainwindow.h"
#include <vds/history/historyrecorder.h>
#include <vds/info/filekind.h>
#include <vds/info/versions.h>
#include <vds/jobs/jobrunner.h>
#include <vds/logging/log.h>
#include <vds/logging/logbridge.h>
#include <vds/logging/logsetup.h>
#include <vds/settings/preferences.h>
#include <vds/version.h>

#include <spdlog/logger.h>

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitNoDisplay = 1;

const char kNoDisplayAdvice[] =
    "vdstudio: cannot open a window: no display is available.\n"
    "  Start it from a desktop session (DISPLAY or WAYLAND_DISPLAY must be set), or run it on\n"
    "  a virtual display with 'xvfb-run -a vdstudio'. Everything it does is also available\n"
    "  without a display through 'vdsctl' (try 'vdsctl --help').\n";

/// Qt ends the process with abort() when the platform plugin cannot start (no X server, no
/// Wayland compositor). While QApplication starts, a fatal message becomes our advice and a
/// clean exit instead.
void startupMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fputs(kNoDisplayAdvice, stderr);
        std::fprintf(stderr, "  (Qt: %s)\n", qPrintable(message.section(QLatin1Char('\n'), 0, 0)));
        std::_Exit(kExitNoDisplay);
    }
    if (type != QtDebugMsg && type != QtInfoMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

/// True when Qt would pick a platform that needs a display server that is not there.
bool noDisplay()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return false; // offscreen, vnc, … chosen explicitly: Qt decides
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

/// Saves a picture of the window once it has been shown and laid out, then quits.
void scheduleScreenshot(QWidget *window, const QString &path, int delayMs)
{
    QTimer::singleShot(delayMs, window, [window, path] {
        const QPixmap shot = window->grab();
        const bool ok = !shot.isNull() && shot.save(path, "PNG");
        if (!ok)
            std::fprintf(stderr, "vdstudio: cannot save screenshot to %s\n", qPrintable(path));
        QApplication::exit(ok ? 0 : 1);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    // Parsed before QApplication exists, so --version, --help and usage errors work without a
    // display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Virtual Device Studio: SQL Server VDI backups and VHD/VHDX imaging."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("V"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Log debug detail (or set VDS_LOG_LEVEL)."));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QStringLiteral("Open on PAGE: backup, restore, virtual-disks, "
                                                 "profiles, history or log."),
                                  QStringLiteral("PAGE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window to FILE once it is shown, then exit."),
        QStringLiteral("FILE"));
    parser.addOptions({help, version, verbose, page, screenshot});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("A profile (*.vdsprofile), profile bundle (*.vdsbundle) or backup "
                       "manifest (*.manifest.json) to open on its page."),
        QStringLiteral("[FILE]"));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "vdstudio: %s (try 'vdstudio --help')\n",
                     qPrintable(parser.errorText()));
        return kExitUsage;
    }
    if (parser.isSet(version)) {
        std::printf("vdstudio %s\n", VDS_VERSION_STRING);
        return 0;
    }
    if (parser.isSet(help)) {
        // Without a QCoreApplication yet, Qt cannot name the program itself.
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                        QStringLiteral("vdstudio"))),
                   stdout);
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fprintf(stderr, "vdstudio: unexpected argument '%s' (try 'vdstudio --help')\n",
                     qPrintable(files.at(1)));
        return kExitUsage;
    }
    if (!files.isEmpty()) {
        // Refused before a window opens, so a file manager's mistake is a message, not an app.
        if (vds::info::fileKind(files.constFirst()) == vds::info::FileKind::Unknown) {
            std::fprintf(stderr,
                         "vdstudio: '%s' is not a file it opens: a profile (*.vdsprofile), a "
                         "bundle (*.vdsbundle) or a backup manifest (*.manifest.json)\n",
                         qPrintable(files.constFirst()));
            return kExitUsage;
        }
        if (!QFileInfo(files.constFirst()).isFile()) {
            std::fprintf(stderr, "vdstudio: '%s' does not exist or is not a file\n",
                         qPrintable(files.constFirst()));
            return kExitUsage;
        }
    }
    vds::ui::PageId startPage = vds::ui::PageId::Backup;
    if (parser.isSet(page) && !vds::ui::pageFromKey(parser.value(page), startPage)) {
        std::fprintf(stderr, "vdstudio: unknown page '%s' (try 'vdstudio --help')\n",
                     qPrintable(parser.value(page)));
        return kExitUsage;
    }

    if (noDisplay()) {
        std::fputs(kNoDisplayAdvice, stderr);
        return kExitNoDisplay;
    }
    const QtMessageHandler previous = qInstallMessageHandler(startupMessages);
    QApplication app(argc, argv);
    qInstallMessageHandler(previous);
    QApplication::setApplicationName(QStringLiteral("vdstudio"));
    QApplication::setOrganizationName(QStringLiteral("vdstudio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Virtual Device Studio"));
    QApplication::setApplicationVersion(QString::fromLatin1(VDS_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("vdstudio"));
    // Before any window exists: widgets take their texts when they are built.
    vds::ui::installTranslations(vds::settings::Preferences::language().get());

    // The bridge exists before the first line is logged, so the Log page shows start-up too.
    vds::log::LogBridge bridge;
    vds::log::addSink(bridge.sink());
    vds::log::Options logOptions;
    logOptions.applicationName = QStringLiteral("vdstudio");
    logOptions.verbose = parser.isSet(verbose);
    spdlog::level::level_enum preferred = spdlog::level::info;
    vds::log::parseLevel(vds::settings::Preferences::logLevel().get().toStdString(), preferred);
    logOptions.defaultLevel = preferred;
    const QString logFile = vds::log::initialise(logOptions);

    vds::jobs::JobRunner runner;
    runner.setStallTimeoutMs(vds::settings::Preferences::stallSeconds().get() * 1000);
    runner.setJobNice(vds::jobs::kGuiJobNice); // the window and the display server come first

    // Every finished job goes into the history file shared with vdsctl (the GUI shows it
    // later; a file it cannot write is a warning in the log, never a failed job).
    vds::history::HistoryRecorder history(runner);
    QObject::connect(&history, &vds::history::HistoryRecorder::recordFailed, &history,
                     [](vds::jobs::JobId, const QString &message) {
                         vds::log::get("app")->warn("job not recorded in the history: {}",
                                                    message.toStdString());
                     });

    vds::ui::MainWindow window(runner, &bridge, logFile);
    if (auto *historyPage =
            qobject_cast<vds::ui::HistoryPage *>(window.page(vds::ui::PageId::History)))
        QObject::connect(&history, &vds::history::HistoryRecorder::recorded, historyPage,
                         &vds::ui::HistoryPage::reload);
    window.showPage(startPage);
    window.show();
    if (!files.isEmpty())
        window.openPath(files.constFirst());
    vds::log::get("app")->info("Virtual Device Studio {} started", VDS_VERSION_STRING);

    if (parser.isSet(screenshot))
        scheduleScreenshot(&window, QFileInfo(parser.value(screenshot)).absoluteFilePath(), 800);

    const int rc = QApplication::exec();
    // Jobs still running are cancelled, and recorded in the history as such.
    runner.shutdown();
    return rc;
}
