// ui_connection_keyring: with a real Secret Service (gnome-keyring on a private bus, see
// with_keyring.sh) the dialog's Save puts the password in the keyring — no session-only notice
// — and `vdsctl backup --connection NAME`, given no password option and no terminal, takes it
// from there and backs up; once the entry is gone vdsctl exits 2 instead of sending nothing.
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "connectiontestutil.h"
#include "simfixture.h"
#include "ui/backup/backuppage.h"

using namespace vds;
using namespace vds::test;

class TestConnectionKeyring : public QObject {
    Q_OBJECT
private slots:
    void keyringHoldsThePasswordForBothPrograms()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run through with_keyring.sh");
        IsolatedHome home(IsolatedHome::Bus::Keep);
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("Shop=2M")}).has_value(),
                 qPrintable(sim.process().errorOutput()));

        ui::BackupPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.addConnection();
        ui::ConnectionDialog *dialog = page.openDialog();
        QVERIFY(dialog);
        fillDialog(*dialog, QStringLiteral("Keyring sim"), sim.process().port(),
                   QStringLiteral("sa"), QString::fromUtf8(kSaPassword));
        QSignalSpy saved(dialog, &ui::ConnectionDialog::saved);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.at(0).at(1).value<connections::PasswordStorage>(),
                 connections::PasswordStorage::Keyring);
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("keyringNotice"))->isVisible());
        QVERIFY(!connectionsFile().contains(kSaPassword));

        // vdsctl, another process, reads the same entry.
        const QString out = home.path() + QStringLiteral("/out");
        QProcess vdsctl;
        vdsctl.start(QStringLiteral(VDSCTL_PATH),
                     {QStringLiteral("backup"), QStringLiteral("--connection"),
                      QStringLiteral("Keyring sim"), QStringLiteral("--database"),
                      QStringLiteral("Shop"), QStringLiteral("--to"), out,
                      QStringLiteral("--json")});
        vdsctl.closeWriteChannel(); // stdin is not a terminal: no prompt possible
        QVERIFY(vdsctl.waitForFinished(120000));
        QVERIFY2(vdsctl.exitCode() == 0, vdsctl.readAllStandardError().constData());
        const QJsonObject result = QJsonDocument::fromJson(vdsctl.readAllStandardOutput()).object();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));

        // Forget the entry: vdsctl has no password left and refuses before asking the server.
        bool removed = false;
        page.vault().remove("Keyring sim", &page, [&] { removed = true; });
        QTRY_VERIFY(removed);
        vdsctl.start(QStringLiteral(VDSCTL_PATH),
                     {QStringLiteral("backup"), QStringLiteral("--connection"),
                      QStringLiteral("Keyring sim"), QStringLiteral("--database"),
                      QStringLiteral("Shop"), QStringLiteral("--to"), out + QStringLiteral("2")});
        vdsctl.closeWriteChannel();
        QVERIFY(vdsctl.waitForFinished(60000));
        QCOMPARE(vdsctl.exitCode(), 2);
        QVERIFY(vdsctl.readAllStandardError().contains("no password for the connection"));
    }
};

QTEST_MAIN(TestConnectionKeyring)
#include "tst_connection_keyring.moc"
