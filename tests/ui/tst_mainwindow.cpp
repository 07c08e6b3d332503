#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QListWidget>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

#include <spdlog/logger.h>

#include "ui/mainwindow.h"
#include "ui/pages/logpage.h"
#include <vds/jobs/jobrunner.h>
#include <vds/logging/log.h>
#include <vds/logging/logbridge.h>

using namespace vds;
using namespace vds::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void visitsEveryPageFromTheSidebar()
    {
        jobs::JobRunner runner;
        log::LogBridge bridge;
        MainWindow w(runner, &bridge, QString());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *sidebar = w.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        QCOMPARE(sidebar->count(), allPages().size());
        for (int row = 0; row < sidebar->count(); ++row) {
            const PageId id = allPages().at(row);
            QCOMPARE(sidebar->item(row)->text(), pageTitle(id));
            // Click the item as a user would.
            const QRect r = sidebar->visualItemRect(sidebar->item(row));
            QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, r.center());
            QCOMPARE(w.currentPage(), id);
            QWidget *page = w.page(id);
            QVERIFY(page);
            QVERIFY(page->isVisible());
            QCOMPARE(page->objectName(), pageKey(id));
        }
    }

    void keyboardShortcutsSwitchPages()
    {
        jobs::JobRunner runner;
        MainWindow w(runner, nullptr, QString());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(w.currentPage(), PageId::VirtualDisks);
        QTest::keyClick(&w, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(w.currentPage(), PageId::Log);
    }

    void logPageShowsLinesFromWorkerThreads()
    {
        jobs::JobRunner runner;
        log::LogBridge bridge;
        log::addSink(bridge.sink());
        log::setLevel(spdlog::level::info);
        MainWindow w(runner, &bridge, QStringLiteral("/tmp/vdstudio-test.log"));
        w.showPage(PageId::Log);
        auto *logPage = qobject_cast<LogPage *>(w.page(PageId::Log));
        QVERIFY(logPage);
        const int before = logPage->lineCount();
        std::thread t([] { log::get("vdisk")->warn("from a worker thread"); });
        t.join();
        QTRY_COMPARE(logPage->lineCount(), before + 1);
        log::removeSink(bridge.sink());
    }

    void pageKeysRoundTrip()
    {
        for (PageId id : allPages()) {
            PageId back{};
            QVERIFY(pageFromKey(pageKey(id), back));
            QCOMPARE(back, id);
        }
        PageId unused{};
        QVERIFY(!pageFromKey(QStringLiteral("nonsense"), unused));
    }

    void aboutAndPreferencesOpenAndClose()
    {
        jobs::JobRunner runner;
        MainWindow w(runner, nullptr, QString());
        w.show();
        int seen = 0;
        auto closeActive = [&seen] {
            if (auto *d = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                ++seen;
                d->reject();
            }
        };
        QTimer::singleShot(200, &w, closeActive);
        w.showAbout();
        QTimer::singleShot(200, &w, closeActive);
        w.showPreferences();
        QCOMPARE(seen, 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
