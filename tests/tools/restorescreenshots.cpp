// vds-screenshots-restore: the restore wizard on a real chain and the History page with real
// jobs, for restore-wizard.png and history.png. Everything is made in this run: a private
// vds-sqlsim, backups (3 stripes, zstd + age), restores, a verify, a cancelled backup and a
// new virtual disk, recorded by the same HistoryRecorder vdstudio uses. Run from the
// repository root under a real X server:
//   xvfb-run -a -s '-screen 0 1280x900x24' build/bin/vds-screenshots-restore resources/screenshots
#include <QApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

#include <cstdio>

#include "jobfixture.h"
#include "ui/history/historypage.h"
#include "ui/jobs/jobtracker.h"
#include "ui/mainwindow.h"
#include "ui/restore/restorepages.h"
#include "ui/restore/restorewizard.h"
#include "ui/restore/serverprobe.h"
#include <vds/backup/backupjob.h>
#include <vds/backup/restorejob.h>
#include <vds/backup/verifyjob.h>
#include <vds/history/historyrecorder.h>
#include <vds/jobs/virtualdiskjob.h>

using namespace vds;
using namespace vds::test;

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

/// Runs a job on `runner` and waits for its end and its history row.
bool run(jobs::JobRunner &runner, history::HistoryRecorder &recorder,
         std::unique_ptr<jobs::Job> job, bool cancelSoon = false)
{
    bool done = false;
    bool ok = false;
    auto c = QObject::connect(&runner, &jobs::JobRunner::finished, &runner,
                              [&](jobs::JobId, const jobs::JobResult &r) {
                                  done = true;
                                  ok = r.succeeded();
                              });
    const jobs::JobId id = runner.start(std::move(job));
    if (cancelSoon) // as a user would: once the first bytes have moved
        QObject::connect(&runner, &jobs::JobRunner::progress, &runner,
                         [&runner, id](jobs::JobId which, quint64 bytes, quint64) {
                             if (which == id && bytes > 0)
                                 runner.cancel(id);
                         });
    if (!QTest::qWaitFor([&] { return done; }, 300000))
        return false;
    QObject::disconnect(c);
    recorder.waitForIdle();
    return ok;
}

void touch(const QString &path, qint64 page, char fill)
{
    QFile f(path);
    if (f.open(QIODevice::ReadWrite) && f.seek(page * 8192 + 100))
        f.write(QByteArray(300, fill));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: vds-screenshots-restore OUTPUT_FOLDER\n");
        return 2;
    }
    // A private history file: the History page shows only this run's jobs.
    QTemporaryDir xdg;
    qputenv("XDG_DATA_HOME", xdg.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", xdg.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_STATE_HOME", xdg.filePath(QStringLiteral("state")).toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vdstudio"));
    const QString out = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();

    SimFixture sim;
    if (auto s = sim.start({QStringLiteral("Sales=96M"), QStringLiteral("Inventory=320M")}); !s) {
        std::fprintf(stderr, "simulator: %s\n", s.error().toString().c_str());
        return 1;
    }
    QTemporaryDir work;
    const QString identity = work.filePath(QStringLiteral("restore-key.txt"));
    QByteArray recipient;
    if (runTool(QStringLiteral("age-keygen"), {QStringLiteral("-o"), identity}) != 0 ||
        runTool(QStringLiteral("age-keygen"), {QStringLiteral("-y"), identity}, &recipient) != 0) {
        std::fprintf(stderr, "age-keygen failed\n");
        return 1;
    }
    const QString backups = work.filePath(QStringLiteral("backups/Sales"));
    QDir().mkpath(backups);

    jobs::JobRunner runner;
    history::HistoryRecorder recorder(runner);
    auto backupOf = [&](const std::string &db, backup::BackupType type, int stripes) {
        auto p = backupParams(sim, db, backups);
        p.type = type;
        p.stripes = stripes;
        p.codec = backup::Codec::Zstd;
        p.zstdLevel = 3;
        p.encryption.kind = backup::Encryption::AgeX25519;
        p.encryption.recipients = {recipient.trimmed().toStdString()};
        return p;
    };
    const QString mdf = sim.path(QStringLiteral("Sales.mdf"));
    const QString ldf = sim.path(QStringLiteral("Sales_log.ldf"));
    bool ok =
        run(runner, recorder,
            std::make_unique<backup::BackupJob>(backupOf("Sales", backup::BackupType::Full, 3)));
    touch(mdf, 40, 'd');
    QThread::msleep(1100);
    ok = ok &&
         run(runner, recorder,
             std::make_unique<backup::BackupJob>(backupOf("Sales", backup::BackupType::Diff, 2)));
    for (int i = 0; i < 2; ++i) {
        touch(mdf, 60 + i, 'l');
        touch(ldf, i, 'l');
        QThread::msleep(1100);
        ok =
            ok &&
            run(runner, recorder,
                std::make_unique<backup::BackupJob>(backupOf("Sales", backup::BackupType::Log, 1)));
    }
    // A backup cancelled mid-run, a restore without the key (refused before the server), a
    // restore under a new name, an offline verify and a new virtual disk.
    auto slow = backupParams(sim, "Inventory", work.filePath(QStringLiteral("backups")));
    slow.stripes = 2;
    run(runner, recorder, std::make_unique<backup::BackupJob>(slow), true);
    run(runner, recorder,
        std::make_unique<backup::RestoreJob>(restoreParams(sim, backups, "SalesTest")));
    auto restore = restoreParams(sim, backups, "SalesCopy");
    restore.identityFile = identity.toStdString();
    auto ids = backup::age::readIdentityFile(restore.identityFile);
    if (ids)
        restore.identities = *ids;
    ok = ok && run(runner, recorder, std::make_unique<backup::RestoreJob>(restore));
    backup::VerifyParams verify;
    verify.from = backups.toStdString();
    verify.identityFile = restore.identityFile;
    verify.identities = restore.identities;
    ok = ok && run(runner, recorder, std::make_unique<backup::VerifyJob>(verify));
    vdisk::CreateParams disk;
    disk.path = work.filePath(QStringLiteral("scratch.vhdx")).toStdString();
    disk.maximumSize = 8ull << 30;
    ok = ok && run(runner, recorder, std::make_unique<jobs::VirtualDiskJob>(disk));
    if (!ok) {
        std::fprintf(stderr, "a job that should have succeeded failed\n");
        return 1;
    }

    // The wizard on the chain page.
    {
        ui::JobTracker tracker(runner);
        ui::RestoreWizard w(tracker, backupParams(sim, "x", QString()).server, sim.options());
        w.resize(980, 640);
        w.show();
        if (!QTest::qWaitFor([&] { return !w.probe().isRunning() && w.probe().result(); }, 30000))
            ++g_failures;
        w.sourcePage()->setSource(backups);
        shoot(&w, out + QStringLiteral("/restore-wizard.png"));
    }

    // The History page in the main window, the successful restore selected.
    ui::MainWindow window(runner, nullptr, QString());
    window.resize(1280, 800);
    window.showPage(ui::PageId::History);
    window.show();
    auto *page = qobject_cast<ui::HistoryPage *>(window.page(ui::PageId::History));
    if (!QTest::qWaitFor([&] { return page && !page->isLoading() && !page->entries().isEmpty(); },
                         10000))
        ++g_failures;
    for (const auto &e : page->entries())
        if (e.kind == QLatin1String("restore") && e.status == jobs::JobStatus::Succeeded)
            page->select(e.id);
    shoot(&window, out + QStringLiteral("/history.png"));
    sim.process().stop();
    return g_failures == 0 ? 0 : 1;
}
