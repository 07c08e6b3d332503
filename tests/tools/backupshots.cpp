// vds-backup-screenshots: the Backup dialog and a backup's live view, driven for real against
// a vds-sqlsim of its own (FreeTDS), saved as backup-dialog.png and backup-live.png.
//   xvfb-run -a -s '-screen 0 1280x900x24' build/bin/vds-backup-screenshots resources/screenshots
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

#include "jobfixture.h"
#include "ui/backup/backupdialog.h"
#include "ui/backup/backupqueue.h"
#include "ui/jobs/jobwindow.h"
#include "ui/mainwindow.h"
#include <vds/jobs/jobrunner.h>
#include <vds/settings/preferences.h>

using namespace vds;
using namespace vds::ui;

namespace {

int g_failures = 0;

void shoot(QWidget *w, const QString &path)
{
    QTest::qWait(400);
    if (!w->grab().save(path, "PNG")) {
        std::fprintf(stderr, "cannot save %s\n", qPrintable(path));
        ++g_failures;
    } else {
        std::printf("%s\n", qPrintable(path));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir xdg;
    for (const char *v : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
        qputenv(v, (xdg.path() + QLatin1Char('/') + QLatin1String(v)).toUtf8());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vdstudio"));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    settings::Preferences::backupsInParallel().set(true);

    QTemporaryDir backups;
    QTemporaryDir keys;
    vds::test::SimFixture sim;
    // slow: the server spends 60 ms per 1 MiB transfer, so the backup runs long enough to be
    // caught mid-way with every stripe moving.
    if (auto s = sim.start({QStringLiteral("Sales=512M"), QStringLiteral("Orders=64M")},
                           {QStringLiteral("slow:60")});
        !s) {
        std::fprintf(stderr, "vds-sqlsim: %s\n", s.error().toString().c_str());
        return 1;
    }
    const QString recipients = keys.filePath(QStringLiteral("team.age-recipients"));
    std::system(qPrintable(QStringLiteral("age-keygen -o '%1' 2>/dev/null && age-keygen -y '%1' "
                                          "> '%2'")
                               .arg(keys.filePath(QStringLiteral("key.txt")), recipients)));

    jobs::JobRunner runner;
    MainWindow window(runner, nullptr, QString());
    window.resize(1100, 700);
    window.show();
    backup::ServerRef server;
    server.kind = backup::ServerRef::Kind::Host;
    server.host = "127.0.0.1";
    server.port = sim.options().port;
    server.login = "sa";
    server.passwordEnv = "SQL_PASSWORD";
    auto *dialog =
        new BackupDialog(server, sim.options(), {QStringLiteral("Sales"), QStringLiteral("Orders")},
                         runner, &window);
    dialog->folderEdit()->setText(backups.path());
    dialog->stripesBox()->setValue(4);
    dialog->levelBox()->setValue(3);
    dialog->encryptionBox()->setCurrentIndex(1);
    dialog->addRecipientsFile(recipients);
    dialog->advancedBox()->setChecked(true);
    dialog->transferSizeBox()->setCurrentIndex(dialog->transferSizeBox()->findData(1024u * 1024u));
    dialog->show();
    shoot(dialog, out + QStringLiteral("/backup-dialog.png"));

    JobWindow *live = nullptr;
    QObject::connect(dialog, &BackupDialog::backupQueued, &window, [&](BackupQueue *q) {
        QObject::connect(q, &BackupQueue::liveViewOpened, &window, [&](jobs::JobId, JobWindow *w) {
            if (!live)
                live = w;
            else
                w->close(); // the second job stays in the Jobs panel
        });
    });
    dialog->backUpButton()->click();
    if (!live) {
        std::fprintf(stderr, "the backup did not start: %s\n", qPrintable(dialog->shownProblem()));
        return 1;
    }
    live->resize(760, 720);
    live->move(60, 40);
    QTest::qWait(6000); // mid-backup: a graph with history, the server's messages
    shoot(live, out + QStringLiteral("/backup-live.png"));
    runner.cancelAll();
    QTest::qWait(2000);
    return g_failures == 0 ? 0 : 1;
}
