// vds-screenshots-connections: connection.png and databases.png, from the real Backup page and
// connection dialog talking to a real vds-sqlsim (FreeTDS). Run under a real X server:
//   xvfb-run -a -s '-screen 0 1280x900x24' build/bin/vds-screenshots-connections DIR
// (DIR: resources/screenshots). The README's shots were made with a keyring, as on a desktop:
//   bash tests/ui/with_keyring.sh xvfb-run -a … build/bin/vds-screenshots-connections DIR
// Uses a private XDG_CONFIG_HOME/XDG_DATA_HOME, so nothing of the user's is read or written.
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cstdio>

#include "ui/backup/backuppage.h"
#include "ui/connections/connectiondialog.h"
#include "ui/connections/databasesview.h"
#include "ui/jobs/jobtracker.h"
#include "ui/mainwindow.h"
#include "ui/pages/pageid.h"
#include <vds/jobs/jobrunner.h>
#include <vds/sql/sqlconnection.h>
#include <vds/sql/sqlsimprocess.h>

using namespace vds;
using namespace vds::ui;

namespace {

QString g_out;
int g_failures = 0;

void shoot(QWidget *w, const QString &name)
{
    QTest::qWait(400);
    const QString path = g_out + QLatin1Char('/') + name;
    if (!w->grab().save(path, "PNG")) {
        std::fprintf(stderr, "cannot save %s\n", qPrintable(path));
        ++g_failures;
    } else {
        std::printf("%s\n", qPrintable(path));
    }
}

bool waitFor(const std::function<bool()> &done, int ms = 30000)
{
    for (int waited = 0; waited < ms; waited += 50) {
        if (done())
            return true;
        QTest::qWait(50);
    }
    std::fprintf(stderr, "timed out\n");
    ++g_failures;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vdstudio"));
    g_out = QDir(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".")).absolutePath();
    QDir().mkpath(g_out);

    // A simulator with a few databases, some already backed up (the server's own BACKUP TO
    // DISK), so the view shows real last-backup times.
    sql::SqlSimProcess sim;
    sql::SqlSimProcess::Options so;
    so.dataDir = home.filePath(QStringLiteral("sim"));
    QDir().mkpath(so.dataDir);
    so.logins = {QStringLiteral("sa:Shots-Pw-1:sysadmin")};
    so.seeds = {QStringLiteral("Sales=48M"), QStringLiteral("Inventory=16M"),
                QStringLiteral("HumanResources=8M"), QStringLiteral("Reporting=24M")};
    if (auto started = sim.start(so); !started) {
        std::fprintf(stderr, "vds-sqlsim: %s\n", started.error().toString().c_str());
        return 1;
    }
    {
        sql::ConnectionOptions o;
        o.port = sim.port();
        o.login = "sa";
        o.password = "Shots-Pw-1";
        auto c = sql::SqlConnection::connect(o);
        if (!c) {
            std::fprintf(stderr, "connect: %s\n", c.error().toString().c_str());
            return 1;
        }
        for (const char *db : {"Sales", "Inventory"}) {
            const std::string bak = so.dataDir.toStdString() + "/" + db + ".bak";
            (void)c->execute(std::string("BACKUP DATABASE ") + db + " TO DISK = '" + bak + "'");
        }
        (void)c->execute("BACKUP DATABASE Sales TO DISK = '" + so.dataDir.toStdString() +
                         "/Sales_diff.bak' WITH DIFFERENTIAL");
        (void)c->execute("BACKUP LOG Sales TO DISK = '" + so.dataDir.toStdString() +
                         "/Sales_log.trn'");
    }

    jobs::JobRunner runner;
    MainWindow window(runner, nullptr, QString());
    window.resize(1240, 720);
    window.show();
    window.showPage(PageId::Backup);
    auto *page = window.findChild<BackupPage *>();
    QTest::qWait(300);

    // The connection dialog after a successful test.
    page->addConnection();
    ConnectionDialog *d = page->openDialog();
    d->findChild<QLineEdit *>(QStringLiteral("name"))
        ->setText(QStringLiteral("Local (vds-sqlsim)"));
    d->findChild<QLineEdit *>(QStringLiteral("host"))->setText(QStringLiteral("127.0.0.1"));
    d->findChild<QSpinBox *>(QStringLiteral("port"))->setValue(sim.port());
    d->findChild<QLineEdit *>(QStringLiteral("login"))->setText(QStringLiteral("sa"));
    d->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("Shots-Pw-1"));
    d->runTest();
    waitFor([d] { return d->lastCheck().has_value(); });
    shoot(d, QStringLiteral("connection.png"));
    d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    waitFor([page] { return page->openDialog() == nullptr; });

    // The Databases view with two databases chosen for a backup.
    auto *tree = page->databasesView()->findChild<QTreeWidget *>(QStringLiteral("databases"));
    waitFor([tree] { return tree->topLevelItemCount() > 4; });
    for (const QString &n : {QStringLiteral("Sales"), QStringLiteral("Inventory")})
        for (QTreeWidgetItem *i : tree->findItems(n, Qt::MatchExactly))
            i->setSelected(true);
    shoot(&window, QStringLiteral("databases.png"));

    window.close();
    sim.stop();
    return g_failures == 0 ? 0 : 1;
}
