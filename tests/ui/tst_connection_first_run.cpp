// ui_connection_first_run: a newcomer with nothing configured (fresh XDG_CONFIG_HOME and
// XDG_DATA_HOME) presses "Try the built-in simulator": vds-sqlsim starts with its Demo
// database, a "Built-in simulator" connection is stored, and the databases are listed.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "connectiontestutil.h"
#include "ui/backup/backuppage.h"
#include "ui/connections/databasesview.h"
#include <vds/backup/localsim.h>

using namespace vds;
using namespace vds::test;

class TestConnectionFirstRun : public QObject {
    Q_OBJECT
private slots:
    void trySimulatorListsDemo()
    {
        IsolatedHome home;
        qputenv("VDS_SQLSIM", QByteArrayLiteral(VDS_SQLSIM_PATH));
        {
            ui::BackupPage page;
            page.resize(900, 600);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            auto *simButton = page.findChild<QPushButton *>(QStringLiteral("simulatorButton"));
            QVERIFY(simButton && simButton->isVisible());
            // Starting the simulator (seeding Demo the first time) happens on the GUI thread:
            // say how long the window waited, so a slow start shows in the log.
            QElapsedTimer clock;
            clock.start();
            QTest::mouseClick(simButton, Qt::LeftButton);
            qInfo("the simulator started in %lld ms (GUI thread)", clock.elapsed());

            auto *tree =
                page.databasesView()->findChild<QTreeWidget *>(QStringLiteral("databases"));
            QTRY_VERIFY_WITH_TIMEOUT(rowNames(tree).contains(QStringLiteral("Demo")), 30000);
            QVERIFY(tree->isVisible());
            // Demo: ONLINE, FULL recovery, 64 MiB of data plus its log, never backed up.
            QTreeWidgetItem *demo = tree->findItems(QStringLiteral("Demo"), Qt::MatchExactly)[0];
            QCOMPARE(demo->text(1), QStringLiteral("ONLINE"));
            QCOMPARE(demo->text(2), QStringLiteral("FULL"));
            QVERIFY(demo->data(3, Qt::UserRole).toLongLong() >= 64LL << 20);
            QCOMPARE(demo->text(4), QStringLiteral("never"));

            auto *list = page.findChild<QListWidget *>(QStringLiteral("connections"));
            QCOMPARE(list->count(), 1);
            QCOMPARE(list->currentItem()->text(), QStringLiteral("Built-in simulator"));

            // Its data lives where vdsctl --sim keeps it, in the isolated data folder.
            QVERIFY(backup::LocalSimulator::dataDir().startsWith(home.path()));
            QVERIFY(QFile::exists(backup::LocalSimulator::dataDir() + QStringLiteral("/Demo.mdf")));

            // "Back up…" hands over the simulator with its resolved login.
            tree->selectAll();
            QSignalSpy spy(&page, &ui::BackupPage::backupRequested);
            QTest::mouseClick(
                page.databasesView()->findChild<QPushButton *>(QStringLiteral("backupButton")),
                Qt::LeftButton);
            QCOMPARE(spy.count(), 1);
            const auto ref = spy.at(0).at(0).value<backup::ServerRef>();
            const auto options = spy.at(0).at(1).value<sql::ConnectionOptions>();
            QCOMPARE(ref.kind, backup::ServerRef::Kind::Sim);
            QVERIFY(!options.password.empty());
            QVERIFY(options.port != 0);
            QVERIFY(spy.at(0).at(2).toStringList().contains(QStringLiteral("Demo")));
        }
        // Stored as the simulator: no host, no port, no password in the file.
        const QJsonObject root = QJsonDocument::fromJson(connectionsFile()).object();
        const QJsonObject stored =
            root.value(QStringLiteral("connections")).toArray().at(0).toObject();
        QCOMPARE(stored.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Built-in simulator"));
        QCOMPARE(stored.value(QStringLiteral("kind")).toString(), QStringLiteral("simulator"));
        QVERIFY(!stored.contains(QStringLiteral("password")));

        // A second start of the page goes straight to the list and the same simulator data.
        ui::BackupPage again;
        again.show();
        auto *tree = again.databasesView()->findChild<QTreeWidget *>(QStringLiteral("databases"));
        auto *status =
            again.databasesView()->findChild<QLabel *>(QStringLiteral("databasesStatus"));
        QTRY_VERIFY2_WITH_TIMEOUT(rowNames(tree).contains(QStringLiteral("Demo")),
                                  qPrintable(status->text() + QLatin1Char(' ') + status->toolTip()),
                                  30000);
        QVERIFY(!again.findChild<QPushButton *>(QStringLiteral("simulatorButton"))->isVisible());
    }
};

QTEST_MAIN(TestConnectionFirstRun)
#include "tst_connection_first_run.moc"
