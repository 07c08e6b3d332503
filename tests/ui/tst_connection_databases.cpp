// ui_connection_databases: the Databases view against a real vds-sqlsim: every user database
// with state, recovery model, size and last backups from msdb; multi-select → backupRequested
// with the server, the resolved options and the chosen names; a refresh shows a new backup.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "connectiontestutil.h"
#include "simfixture.h"
#include "ui/connections/databasesview.h"

using namespace vds;
using namespace vds::test;

class TestConnectionDatabases : public QObject {
    Q_OBJECT
private slots:
    void listSelectAndRequestBackup()
    {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("Sales=2M"), QStringLiteral("Hr=1M"),
                            QStringLiteral("Inventory=1M")})
                     .has_value(),
                 qPrintable(sim.process().errorOutput()));
        ui::DatabasesView view;
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("databases"));
        auto *backupButton = view.findChild<QPushButton *>(QStringLiteral("backupButton"));
        auto *refresh = view.findChild<QPushButton *>(QStringLiteral("refreshButton"));

        backup::ServerRef ref;
        ref.kind = backup::ServerRef::Kind::Connection;
        ref.connection = "Sim";
        ref.login = "sa";
        sql::ConnectionOptions options = sim.options();
        QSignalSpy refreshed(&view, &ui::DatabasesView::refreshed);
        view.setConnection(ref, options);
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(refreshed.at(0).at(0).toBool(), true);

        const QStringList names = rowNames(tree);
        for (const char *n : {"Sales", "Hr", "Inventory", "master", "model", "msdb"})
            QVERIFY2(names.contains(QString::fromLatin1(n)), qPrintable(names.join(u',')));
        QVERIFY(!names.contains(QStringLiteral("tempdb")));
        QTreeWidgetItem *sales = tree->findItems(QStringLiteral("Sales"), Qt::MatchExactly)[0];
        QCOMPARE(sales->text(1), QStringLiteral("ONLINE"));
        QCOMPARE(sales->text(2), QStringLiteral("FULL"));
        QCOMPARE(sales->data(3, Qt::UserRole).toLongLong(), 3LL << 20); // 2 MiB + 1 MiB log
        QCOMPARE(sales->text(3), QStringLiteral("3.00 MiB"));
        QCOMPARE(sales->text(4), QStringLiteral("never"));
        QVERIFY(!backupButton->isEnabled()); // nothing selected yet

        // Select two with Ctrl+click, as a user would.
        for (const QString &n : {QStringLiteral("Sales"), QStringLiteral("Inventory")}) {
            QTreeWidgetItem *item = tree->findItems(n, Qt::MatchExactly)[0];
            const QRect r = tree->visualItemRect(item);
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier, r.center());
        }
        QVERIFY(backupButton->isEnabled());
        QSignalSpy spy(&view, &ui::DatabasesView::backupRequested);
        QTest::mouseClick(backupButton, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        const auto gotRef = spy.at(0).at(0).value<backup::ServerRef>();
        const auto gotOptions = spy.at(0).at(1).value<sql::ConnectionOptions>();
        QCOMPARE(gotRef.kind, backup::ServerRef::Kind::Connection);
        QCOMPARE(gotRef.connection, std::string("Sim"));
        QCOMPARE(gotOptions.port, sim.process().port());
        QCOMPARE(gotOptions.password, std::string(kSaPassword));
        QCOMPARE(spy.at(0).at(2).toStringList(),
                 QStringList({QStringLiteral("Inventory"), QStringLiteral("Sales")}));

        // A backup taken meanwhile (the server's own BACKUP … TO DISK) shows after Refresh,
        // and the selection survives it.
        auto c = sim.connect();
        QVERIFY(c.has_value());
        const std::string bak = sim.path(QStringLiteral("sales.bak")).toStdString();
        auto ran = c->execute("BACKUP DATABASE Sales TO DISK = '" + bak + "'");
        QVERIFY2(ran.has_value(), ran ? "" : ran.error().toString().c_str());
        refreshed.clear();
        QTest::mouseClick(refresh, Qt::LeftButton);
        QVERIFY(view.isRefreshing());
        QVERIFY(!refresh->isEnabled()); // one refresh at a time
        QVERIFY(refreshed.wait(30000));
        sales = tree->findItems(QStringLiteral("Sales"), Qt::MatchExactly)[0];
        QVERIFY2(sales->text(4).startsWith(QStringLiteral("20")), qPrintable(sales->text(4)));
        QCOMPARE(sales->text(6), QStringLiteral("never"));
        QCOMPARE(view.selectedDatabases(),
                 QStringList({QStringLiteral("Inventory"), QStringLiteral("Sales")}));
    }

    void whatWouldStopABackupIsShownAboveTheList()
    {
        SimFixture sim;
        QVERIFY(sim.start({QStringLiteral("Sales=1M")}).has_value());
        ui::DatabasesView view;
        view.show();
        auto *warnings = view.findChild<QLabel *>(QStringLiteral("serverWarnings"));
        backup::ServerRef ref;
        ref.kind = backup::ServerRef::Kind::Connection;
        ref.connection = "Reader";
        QSignalSpy refreshed(&view, &ui::DatabasesView::refreshed);
        // A public login lists the databases, and is told backups need sysadmin.
        view.setConnection(ref, sim.options("reader", "Read-1"));
        QVERIFY(refreshed.wait(30000));
        QVERIFY(rowNames(view.findChild<QTreeWidget *>(QStringLiteral("databases")))
                    .contains(QStringLiteral("Sales")));
        QVERIFY(warnings->isVisible());
        QVERIFY2(plain(warnings->text())
                     .contains(QStringLiteral(
                         "The login \"reader\" is not a member of the sysadmin role")),
                 qPrintable(warnings->text()));
        // The sysadmin sees no warning.
        refreshed.clear();
        view.setConnection(ref, sim.options());
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!warnings->isVisible());
    }

    void unreachableServerIsSaid()
    {
        ui::DatabasesView view;
        backup::ServerRef ref;
        ref.kind = backup::ServerRef::Kind::Host;
        ref.host = "127.0.0.1";
        ref.port = 1;
        sql::ConnectionOptions options;
        options.host = "127.0.0.1";
        options.port = 1;
        options.login = "sa";
        options.password = "x";
        QSignalSpy refreshed(&view, &ui::DatabasesView::refreshed);
        view.setConnection(ref, options);
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(refreshed.at(0).at(0).toBool(), false);
        auto *status = view.findChild<QLabel *>(QStringLiteral("databasesStatus"));
        QCOMPARE(status->text(), QStringLiteral("Nothing answered at 127.0.0.1:1."));
        QVERIFY(status->toolTip().contains(QStringLiteral("firewall")));
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("backupButton"))->isEnabled());
    }
};

QTEST_MAIN(TestConnectionDatabases)
#include "tst_connection_databases.moc"
