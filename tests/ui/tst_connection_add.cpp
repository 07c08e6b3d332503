// ui_connection_add: a connection added through the Backup page's dialog against a real
// vds-sqlsim (FreeTDS): the test reaches the server, Save writes connections.json (mode 0600,
// no password in it) and hands the password to the keyring, or keeps it for the session and
// says so; the page then lists the server's databases.
#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

#include "connectiontestutil.h"
#include "simfixture.h"
#include "ui/backup/backuppage.h"
#include "ui/connections/databasesview.h"

using namespace vds;
using namespace vds::test;

class TestConnectionAdd : public QObject {
    Q_OBJECT
private slots:
    void addTestSaveAndList()
    {
        IsolatedHome home;
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("Sales=2M"), QStringLiteral("Hr=1M")}).has_value(),
                 qPrintable(sim.process().errorOutput()));

        ui::BackupPage page;
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // First run: nothing stored, the two ways in are offered.
        auto *connectButton = page.findChild<QPushButton *>(QStringLiteral("connectButton"));
        QVERIFY(connectButton && connectButton->isVisible());
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("simulatorButton"))->isVisible());
        QTest::mouseClick(connectButton, Qt::LeftButton);
        ui::ConnectionDialog *dialog = page.openDialog();
        QVERIFY(dialog && dialog->isVisible());
        // The drivers on the system are offered; FreeTDS is the one this machine has.
        auto *driver = dialog->findChild<QComboBox *>(QStringLiteral("driver"));
        QVERIFY(driver->findText(QStringLiteral("FreeTDS")) >= 0);

        fillDialog(*dialog, QStringLiteral("Local sim"), sim.process().port(), QStringLiteral("sa"),
                   QString::fromUtf8(kSaPassword));
        QSignalSpy tested(dialog, &ui::ConnectionDialog::testFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testButton")),
                          Qt::LeftButton);
        // The test runs off the GUI thread: the event loop keeps turning meanwhile.
        QVERIFY(tested.wait(30000));
        QVERIFY(dialog->lastCheck().has_value());
        const connections::CheckResult &check = *dialog->lastCheck();
        QVERIFY(check.connected);
        QVERIFY(check.isSimulator);
        QVERIFY2(check.ok(),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("testResult"))->text()));
        const QString resultText =
            dialog->findChild<QLabel *>(QStringLiteral("testResult"))->text();
        QVERIFY2(resultText.contains(QStringLiteral("Connected")), qPrintable(resultText));
        QVERIFY(resultText.contains(QStringLiteral("Ready for backups")));

        QSignalSpy saved(dialog, &ui::ConnectionDialog::saved);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
        QVERIFY(saved.wait(30000));
        const auto storage = saved.at(0).at(1).value<connections::PasswordStorage>();
        QTRY_VERIFY(!page.openDialog());

        // connections.json: the connection, owner-only, and never the password.
        const QByteArray file = connectionsFile();
        QVERIFY(!file.isEmpty());
        QVERIFY(!file.contains(kSaPassword));
        const QJsonObject root = QJsonDocument::fromJson(file).object();
        QCOMPARE(root.value(QStringLiteral("schemaVersion")).toInt(), 1);
        const QJsonObject stored =
            root.value(QStringLiteral("connections")).toArray().at(0).toObject();
        QCOMPARE(stored.value(QStringLiteral("name")).toString(), QStringLiteral("Local sim"));
        QCOMPARE(stored.value(QStringLiteral("port")).toInt(), int(sim.process().port()));
        QCOMPARE(stored.value(QStringLiteral("login")).toString(), QStringLiteral("sa"));
        QCOMPARE(stored.value(QStringLiteral("driver")).toString(), QStringLiteral("FreeTDS"));
        QVERIFY(!stored.contains(QStringLiteral("password")));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(connections::ConnectionStore::path()).constData(), &st),
                 0);
        QCOMPARE(st.st_mode & 0777, 0600u);

        // No session bus here, so no Secret Service: the password is kept for the session
        // and the page says so.
        QCOMPARE(storage, connections::PasswordStorage::SessionOnly);
        auto *notice = page.findChild<QLabel *>(QStringLiteral("keyringNotice"));
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("No keyring: the password is kept for "
                                                        "this session only")),
                 qPrintable(notice->text()));
        // Either way the password comes back for this connection.
        std::optional<std::string> back;
        bool answered = false;
        page.vault().fetch("Local sim", &page,
                           [&](const std::optional<std::string> &pw, connections::PasswordStorage) {
                               back = pw;
                               answered = true;
                           });
        QTRY_VERIFY(answered);
        QCOMPARE(back.value_or(""), std::string(kSaPassword));

        // The page switched to the list and shows the server's databases.
        auto *list = page.findChild<QListWidget *>(QStringLiteral("connections"));
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Local sim"));
        auto *tree = page.databasesView()->findChild<QTreeWidget *>(QStringLiteral("databases"));
        QTRY_VERIFY_WITH_TIMEOUT(rowNames(tree).contains(QStringLiteral("Sales")), 30000);
        QVERIFY(rowNames(tree).contains(QStringLiteral("Hr")));
        QVERIFY(!rowNames(tree).contains(QStringLiteral("tempdb")));

        // Edit: the dialog comes back filled in, the password from the vault; a rename keeps
        // the password under the new name only.
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("editConnection")),
                          Qt::LeftButton);
        dialog = page.openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("host"))->text(),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("port"))->value(),
                 int(sim.process().port()));
        auto *passwordField = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        QTRY_COMPARE(passwordField->text(), QString::fromUtf8(kSaPassword));
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Renamed"));
        QSignalSpy savedAgain(dialog, &ui::ConnectionDialog::saved);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QVERIFY(savedAgain.wait(30000));
        QTRY_VERIFY(!page.openDialog());
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Renamed"));
        auto fetchNow = [&page](const std::string &name) {
            std::optional<std::string> pw;
            bool done = false;
            page.vault().fetch(
                name, &page,
                [&](const std::optional<std::string> &p, connections::PasswordStorage) {
                    pw = p;
                    done = true;
                });
            while (!done)
                QTest::qWait(10);
            return pw;
        };
        QCOMPARE(fetchNow("Renamed").value_or(""), std::string(kSaPassword));
        QVERIFY(!fetchNow("Local sim").has_value());
        QTRY_VERIFY_WITH_TIMEOUT(rowNames(tree).contains(QStringLiteral("Sales")), 30000);

        // Remove (after the confirmation): the file is empty again, the password forgotten,
        // and the page is back to its first-run offer.
        QTimer::singleShot(200, &page, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("removeConnection")),
                          Qt::LeftButton);
        QTRY_VERIFY(connectButton->isVisible());
        auto left = connections::ConnectionStore::load();
        QVERIFY(left.has_value() && left->empty());
        QTRY_VERIFY(!fetchNow("Renamed").has_value());
    }

    void storeRefusesDuplicatesAndCorruptFiles()
    {
        IsolatedHome home;
        connections::Connection a;
        a.name = "A";
        a.host = "db1";
        a.login = "sa";
        QVERIFY(connections::ConnectionStore::put(a).has_value());
        connections::Connection b = a;
        b.name = "B";
        QVERIFY(connections::ConnectionStore::put(b).has_value());
        // Renaming B to A would lose A: refused.
        connections::Connection clash = b;
        clash.name = "A";
        auto refused = connections::ConnectionStore::put(clash, "B");
        QVERIFY(!refused);
        QCOMPARE(refused.error().category, ErrorCategory::InvalidArgument);
        // A rename proper keeps the order and the other fields.
        connections::Connection renamed = b;
        renamed.name = "C";
        QVERIFY(connections::ConnectionStore::put(renamed, "B").has_value());
        auto list = connections::ConnectionStore::load();
        QVERIFY(list.has_value());
        QCOMPARE(list->size(), std::size_t(2));
        QCOMPARE(list->at(1).name, std::string("C"));
        QCOMPARE(list->at(1).host, std::string("db1"));
        // A damaged file is reported, not silently replaced.
        QFile f(connections::ConnectionStore::path());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ not json");
        f.close();
        auto bad = connections::ConnectionStore::load();
        QVERIFY(!bad);
        QCOMPARE(bad.error().category, ErrorCategory::Format);
        QVERIFY(!connections::ConnectionStore::put(a).has_value());
        QCOMPARE(connectionsFile(), QByteArray("{ not json"));
    }
};

QTEST_MAIN(TestConnectionAdd)
#include "tst_connection_add.moc"
