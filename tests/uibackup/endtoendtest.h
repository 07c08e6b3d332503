#pragma once

// Helpers of the end-to-end tests (ui_backup_end_to_end, ui_backup_first_run): the real
// MainWindow with the app's history recorder beside it, as app/vdstudio/main.cpp composes
// them, in a fresh home of its own.
#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include "ui/history/historypage.h"
#include "ui/mainwindow.h"
#include <vds/history/historyrecorder.h>
#include <vds/jobs/jobrunner.h>

namespace vds::test {

/// The app as main() builds it: one runner, the history recorder writing every finished job
/// to the default history file, the main window whose History page reloads on each record.
struct App {
    jobs::JobRunner runner;
    history::HistoryRecorder recorder{runner};
    ui::MainWindow window{runner, nullptr, QString()};

    App()
    {
        if (auto *page = historyPage())
            QObject::connect(&recorder, &history::HistoryRecorder::recorded, page,
                             &ui::HistoryPage::reload);
    }
    [[nodiscard]] ui::HistoryPage *historyPage() const
    {
        return qobject_cast<ui::HistoryPage *>(window.page(ui::PageId::History));
    }
};

} // namespace vds::test

/// main() for a newcomer's machine: HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_STATE_HOME in
/// a fresh temporary folder (nothing configured, no history, ~/Backups empty), and no session
/// bus, so no Secret Service: the keyring answer never depends on the machine running the
/// test (the session-only fallback, which the app must word).
#define VDS_UI_FRESH_HOME_TEST_MAIN(TestClass)                                                     \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        QTemporaryDir home;                                                                        \
        qputenv("HOME", home.path().toUtf8());                                                     \
        for (const char *v : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})               \
            qputenv(v, (home.path() + QLatin1Char('/') + QLatin1String(v)).toUtf8());              \
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");                                                     \
        QApplication app(argc, argv);                                                              \
        QApplication::setApplicationName(QStringLiteral("vdstudio-test"));                         \
        TestClass t;                                                                               \
        return QTest::qExec(&t, argc, argv);                                                       \
    }
