// ui_connection_errors: what the connection test says when it cannot be used, each against
// something real where this machine can provide it (a closed port, vds-sqlsim refusing a
// password, a public login), worded for people with its fix. The VDI prerequisites that need
// a real SQL Server install (libsqlvdi.so, the mssql group) are checked through their rule.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <chrono>

#include "connectiontestutil.h"
#include "simfixture.h"
#include "ui/connections/connectiontext.h"

using namespace vds;
using namespace vds::test;
using connections::CheckReason;

class TestConnectionErrors : public QObject {
    Q_OBJECT
    std::unique_ptr<IsolatedHome> m_home;
    std::unique_ptr<SimFixture> m_sim;
    connections::PasswordVault m_vault;

    /// Runs the dialog's Test with these values; returns the result and the worded text. The
    /// GUI thread keeps turning while it runs (a timer ticks every 10 ms; the longest gap is
    /// returned too).
    struct Outcome {
        connections::CheckResult result;
        QString text;
        std::chrono::milliseconds longestGap{0};
    };
    Outcome test(quint16 port, const QString &login, const QString &password,
                 const QString &driver = QStringLiteral("FreeTDS"))
    {
        ui::ConnectionDialog d(m_vault, std::nullopt);
        fillDialog(d, QStringLiteral("x"), port, login, password);
        d.findChild<QComboBox *>(QStringLiteral("driver"))->setCurrentText(driver);
        QSignalSpy done(&d, &ui::ConnectionDialog::testFinished);
        QTimer tick;
        auto last = std::chrono::steady_clock::now();
        std::chrono::milliseconds longest{0};
        connect(&tick, &QTimer::timeout, &tick, [&] {
            const auto now = std::chrono::steady_clock::now();
            longest = std::max(longest,
                               std::chrono::duration_cast<std::chrono::milliseconds>(now - last));
            last = now;
        });
        tick.start(10);
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        if (!done.wait(30000))
            return {};
        return {*d.lastCheck(), plain(d.findChild<QLabel *>(QStringLiteral("testResult"))->text()),
                longest};
    }

private slots:
    void initTestCase()
    {
        m_home = std::make_unique<IsolatedHome>();
        m_sim = std::make_unique<SimFixture>();
        QVERIFY2(m_sim->start({QStringLiteral("Sales=1M")}).has_value(),
                 qPrintable(m_sim->process().errorOutput()));
    }
    void cleanupTestCase() { m_sim.reset(); }

    void unreachableHost()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        const Outcome o = test(1, QStringLiteral("sa"), QStringLiteral("x"));
        QVERIFY(!o.result.connected);
        QVERIFY(o.result.has(CheckReason::HostUnreachable));
        QVERIFY2(o.text.contains(QStringLiteral("Nothing answered at 127.0.0.1:1")),
                 qPrintable(o.text));
        QVERIFY(o.text.contains(QStringLiteral("firewall")));
        QVERIFY2(o.longestGap < std::chrono::milliseconds(500),
                 qPrintable(QString::number(o.longestGap.count())));
    }

    void wrongPassword()
    {
        const Outcome o =
            test(m_sim->process().port(), QStringLiteral("sa"), QStringLiteral("not-the-password"));
        QVERIFY(!o.result.connected);
        QVERIFY2(o.result.has(CheckReason::LoginFailed), qPrintable(o.text));
        QCOMPARE(o.result.findings.front().error.native.value, 18456);
        QVERIFY(o.text.contains(QStringLiteral("SQL Server refused the login \"sa\"")));
        QVERIFY(o.text.contains(QStringLiteral("case-sensitive")));
    }

    void notSysadmin()
    {
        // The fixture's "reader" login is public: it connects, but VIRTUAL_DEVICE needs more.
        const Outcome o =
            test(m_sim->process().port(), QStringLiteral("reader"), QStringLiteral("Read-1"));
        QVERIFY(o.result.connected);
        QVERIFY(o.result.has(CheckReason::NotSysadmin));
        QCOMPARE(o.result.findings.size(), std::size_t(1)); // the simulator needs no VDI set-up
        QVERIFY2(o.text.contains(QStringLiteral("not a member of the sysadmin role")),
                 qPrintable(o.text));
        QVERIFY(o.text.contains(QStringLiteral("ALTER SERVER ROLE sysadmin ADD MEMBER [reader]")));
    }

    void noDriver()
    {
        const Outcome o =
            test(m_sim->process().port(), QStringLiteral("sa"), QString::fromUtf8(kSaPassword),
                 QStringLiteral("ODBC Driver 99 for SQL Server"));
        QVERIFY(!o.result.connected);
        QVERIFY(o.result.has(CheckReason::NoDriver));
        QVERIFY2(o.text.contains(QStringLiteral(
                     "The ODBC driver \"ODBC Driver 99 for SQL Server\" is not installed")),
                 qPrintable(o.text));
        QVERIFY(o.text.contains(QStringLiteral("apt install tdsodbc")));
    }

    void driverRulesShapeTheChoices()
    {
        // Kerberos where the driver can; TDS 8 strict encryption with Microsoft's 18 only.
        ui::ConnectionDialog d(m_vault, std::nullopt);
        auto *driver = d.findChild<QComboBox *>(QStringLiteral("driver"));
        auto *auth = d.findChild<QComboBox *>(QStringLiteral("auth"));
        auto *encryption = d.findChild<QComboBox *>(QStringLiteral("encryption"));
        auto enabled = [](QComboBox *box, int row) {
            return box->model()->flags(box->model()->index(row, 0)).testFlag(Qt::ItemIsEnabled);
        };
        driver->setCurrentText(QStringLiteral("FreeTDS"));
        QVERIFY(enabled(auth, 1));
        QVERIFY(!enabled(encryption, 3));
        driver->setCurrentText(QStringLiteral("ODBC Driver 18 for SQL Server"));
        QVERIFY(enabled(auth, 1));
        QVERIFY(enabled(encryption, 3));
        encryption->setCurrentIndex(3);
        auth->setCurrentIndex(1);
        QVERIFY(!d.findChild<QLineEdit *>(QStringLiteral("password"))->isEnabled());
        QCOMPARE(d.connection().auth, sql::AuthKind::Kerberos);
        QVERIFY(d.connection().login.empty());
        // An unknown driver: neither is assumed; the choices fall back to what it surely has.
        driver->setCurrentText(QStringLiteral("/opt/vendor/libodbc-other.so"));
        QVERIFY(!enabled(auth, 1));
        QVERIFY(!enabled(encryption, 3));
        QCOMPARE(d.connection().auth, sql::AuthKind::SqlLogin);
        QCOMPARE(d.connection().encryption, sql::Encryption::Required);
    }

    void vdiPrerequisites()
    {

        // Another machine: nothing else matters, VDI cannot reach it.
        connections::VdiFacts remote;
        remote.serverIsLocal = false;
        auto f = connections::vdiFindings(remote, "db.example.com");
        QCOMPARE(f.size(), std::size_t(1));
        QCOMPARE(f[0].reason, CheckReason::ServerNotLocal);
        QVERIFY(ui::describe(f[0]).headline.contains(QStringLiteral("db.example.com")));
        QVERIFY(ui::describe(f[0]).fix.contains(QStringLiteral("only work where SQL Server runs")));

        // A real SQL Server here, without Microsoft's library and without the group.
        connections::VdiFacts local;
        local.serverIsLocal = true;
        local.sqlvdiPath = "/opt/mssql/lib/libsqlvdi.so";
        local.sqlvdiPresent = false;
        local.userName = "dba";
        local.serviceGroup = "mssql";
        local.groupsShared = false;
        f = connections::vdiFindings(local, "localhost");
        QCOMPARE(f.size(), std::size_t(2));
        QCOMPARE(f[0].reason, CheckReason::SqlVdiMissing);
        QVERIFY(
            ui::describe(f[0]).headline.contains(QStringLiteral("/opt/mssql/lib/libsqlvdi.so")));
        QVERIFY(ui::describe(f[0]).fix.contains(QStringLiteral("VDS_SQLVDI_PATH")));
        QCOMPARE(f[1].reason, CheckReason::MssqlGroupMissing);
        QVERIFY(ui::describe(f[1]).headline.contains(QStringLiteral("\"dba\"")));
        QVERIFY(ui::describe(f[1]).fix.contains(QStringLiteral("sudo vdsctl setup-vdi --apply")));
        // All in place: nothing to say. The simulator never needs either.
        local.sqlvdiPresent = true;
        local.groupsShared = true;
        QVERIFY(connections::vdiFindings(local, "localhost").empty());
        connections::VdiFacts sim;
        sim.serverIsLocal = true;
        sim.isSimulator = true;
        QVERIFY(connections::vdiFindings(sim, "127.0.0.1").empty());

        // The probe reads VDS_SQLVDI_PATH for the library's place; loopback is this machine,
        // a documentation address is not.
        qputenv("VDS_SQLVDI_PATH", "/nonexistent/libsqlvdi.so");
        const connections::VdiFacts probed = connections::probeVdi("127.0.0.1", false);
        qunsetenv("VDS_SQLVDI_PATH");
        QCOMPARE(probed.sqlvdiPath, std::string("/nonexistent/libsqlvdi.so"));
        QVERIFY(!probed.sqlvdiPresent);
        QVERIFY(probed.serverIsLocal);
        QVERIFY(!connections::probeVdi("192.0.2.1", false).serverIsLocal);
    }
};

QTEST_MAIN(TestConnectionErrors)
#include "tst_connection_errors.moc"
