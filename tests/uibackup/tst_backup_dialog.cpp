// ui_backup_dialog: the Backup dialog against a real vds-sqlsim (FreeTDS). Two databases,
// 3 stripes + zstd + an age recipient from a file: two jobs, each with its live view in which
// progress arrives per stripe and SQL Server's messages as they come; one is cancelled
// mid-run (Cancelled, nothing kept), the other succeeds and `age -d | zstd -d` gives back its
// raw stream. The T-SQL preview is what the job executed; the vdsctl line, read back by bash
// and vdsctl's own parser, gives the same request. Queued mode runs one job after the other.
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

#include "backupuitest.h"
#include "ui/backup/backupqueue.h"
#include "ui/jobs/jobspanel.h"
#include "ui/jobs/jobview.h"
#include "ui/jobs/jobwindow.h"
#include "ui/jobs/serverprogress.h"
#include "ui/mainwindow.h"
#include "ui/widgets/throughputgraph.h"
#include "ui/widgets/throughputpanel.h"
#include <vds/backup/commandline.h>
#include <vds/backup/statements.h>
#include <vds/settings/preferences.h>

using namespace vds;
using namespace vds::test;
using namespace vds::ui;

namespace {

/// The request a vdsctl command line gives, read as bash splits it and as vdsctl parses it.
Expected<backup::commandline::BackupRequest> parseLine(const QString &line, QString *why)
{
    QByteArray out;
    // bash itself splits the line (quotes, escapes); printf gives the words back NUL-separated.
    const QString script = QStringLiteral("set -- %1; printf '%s\\0' \"$@\"").arg(line);
    if (shell(script, &out) != 0) {
        *why = QStringLiteral("bash could not read the line");
        return fail(ErrorCategory::InvalidArgument, "bash");
    }
    QStringList words;
    for (const QByteArray &w : out.split('\0'))
        if (!w.isEmpty())
            words << QString::fromUtf8(w);
    if (words.size() < 2 || words[0] != QLatin1String("vdsctl") ||
        words[1] != QLatin1String("backup")) {
        *why = words.join(u' ');
        return fail(ErrorCategory::InvalidArgument, "not vdsctl backup");
    }
    QCommandLineParser parser;
    parser.addOptions(backup::commandline::serverOptions());
    parser.addOptions(backup::commandline::backupOptions());
    QStringList argv = words.mid(1);
    if (!parser.parse(argv)) {
        *why = parser.errorText();
        return fail(ErrorCategory::InvalidArgument, "parse");
    }
    return backup::commandline::backupFrom(parser);
}

QString recipientFile(const QString &dir, QString *identity)
{
    *identity = dir + QStringLiteral("/key.txt");
    const QString recipients = dir + QStringLiteral("/recipients.txt");
    if (shell(QStringLiteral("age-keygen -o '%1' 2>/dev/null && age-keygen -y '%1' > '%2'")
                  .arg(*identity, recipients)) != 0)
        return {};
    return recipients;
}

} // namespace

class TestBackupDialog : public QObject {
    Q_OBJECT
private slots:
    void twoDatabasesOneCancelled();
    void queuedOneAfterAnother();
};

void TestBackupDialog::twoDatabasesOneCancelled()
{
    settings::Preferences::backupsInParallel().set(true);
    settings::Preferences::confirmCancel().set(false);
    QTemporaryDir out;
    QTemporaryDir keys;
    SimFixture sim;
    // slow: each transfer takes 25 ms on the server, so a 24 MiB database in 64 KiB transfers
    // runs for seconds: long enough to watch and to cancel.
    QVERIFY(sim.start({QStringLiteral("Sales=24M"), QStringLiteral("HR=24M")},
                      {QStringLiteral("slow:25")})
                .has_value());
    QString identity;
    const QString recipients = recipientFile(keys.path(), &identity);
    QVERIFY2(!recipients.isEmpty(), "age-keygen made a key pair");

    jobs::JobRunner runner;
    MainWindow window(runner, nullptr, QString()); // its Jobs panel follows every job
    window.show();
    const QStringList databases{QStringLiteral("Sales"), QStringLiteral("HR")};
    auto *dialog = new BackupDialog(simServer(sim), sim.options(), databases, runner, &window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->stripesBox()->setValue(3);
    dialog->folderEdit()->setText(out.path());
    dialog->compressionBox()->setCurrentIndex(
        dialog->compressionBox()->findData(QStringLiteral("zstd")));
    dialog->levelBox()->setValue(3);
    dialog->encryptionBox()->setCurrentIndex(1); // age recipients
    dialog->addRecipientsFile(recipients);
    dialog->checksumBox()->setChecked(true);
    dialog->advancedBox()->setChecked(true);
    dialog->transferSizeBox()->setCurrentIndex(dialog->transferSizeBox()->findData(64u * 1024u));
    QCOMPARE(dialog->problem(), QString());

    // params(): what a profile would save — references, never secrets.
    const backup::BackupParams p = dialog->params();
    QCOMPARE(p.database, std::string("Sales"));
    QCOMPARE(p.stripes, 3);
    QCOMPARE(p.codec, backup::Codec::Zstd);
    QCOMPARE(p.zstdLevel, 3);
    QCOMPARE(p.encryption.kind, backup::Encryption::AgeX25519);
    QCOMPARE(p.encryption.recipientFiles, std::vector<std::string>{recipients.toStdString()});
    QVERIFY(p.encryption.recipients.empty());
    QCOMPARE(p.maxTransferSize, 64u * 1024u);
    QVERIFY(p.checksum);
    QVERIFY(p.connection.password.empty());

    // The vdsctl line, split by bash and parsed by vdsctl's parser, is the same request.
    const QString line = dialog->commandLine();
    QString why;
    auto parsed = parseLine(line, &why);
    QVERIFY2(parsed.has_value(), qPrintable(why + QStringLiteral(" — ") + line));
    QCOMPARE(backup::commandline::toArguments(*parsed),
             backup::commandline::toArguments(dialog->request()));
    QCOMPARE(parsed->databases, (std::vector<std::string>{"Sales", "HR"}));
    QCOMPARE(parsed->params.stripes, 3);
    QCOMPARE(parsed->params.codec, backup::Codec::Zstd);
    QCOMPARE(parsed->params.encryption.recipientFiles, p.encryption.recipientFiles);
    QCOMPARE(parsed->params.maxTransferSize, p.maxTransferSize);
    QCOMPARE(parsed->parallel, 2);

    const QString preview = dialog->tsqlPreview();
    QVERIFY(preview.contains(QStringLiteral("BACKUP DATABASE [Sales]")));
    QVERIFY(preview.contains(QStringLiteral("BACKUP DATABASE [HR]")));

    // Back up: two jobs at once, each with its live view.
    QList<JobWindow *> views;
    QList<jobs::JobId> ids;
    connect(dialog, &BackupDialog::backupQueued, this, [&](BackupQueue *queue) {
        connect(queue, &BackupQueue::liveViewOpened, this, [&](jobs::JobId id, JobWindow *w) {
            ids << id;
            views << w;
        });
    });
    QSignalSpy finished(&runner, &jobs::JobRunner::finished);
    dialog->backUpButton()->click();
    QCOMPARE(ids.size(), 2);
    QCOMPARE(runner.runningCount(), 2);
    QCOMPARE(window.jobsPanel()->rowCount(), 2);

    // Progress arrives per stripe in both live views, and SQL Server's messages as they come.
    auto stripesMoved = [](JobWindow *w) {
        const ThroughputHistory &h = w->view()->throughput()->graph()->history();
        if (h.seriesCount() != 4)
            return false;
        for (int s = 1; s <= 3; ++s)
            if (h.peak(s) <= 0)
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(stripesMoved(views[0]) && stripesMoved(views[1]), 60000);
    for (JobWindow *w : views) {
        QCOMPARE(w->view()->throughput()->graph()->seriesNames(),
                 QStringList({QStringLiteral("Stripe 1"), QStringLiteral("Stripe 2"),
                              QStringLiteral("Stripe 3")}));
        QTRY_VERIFY_WITH_TIMEOUT(w->view()->serverProgress()->messageLines() > 0, 30000);
        QVERIFY(w->view()->serverProgress()->messagesText().contains(
            QStringLiteral("percent processed")));
        QVERIFY(w->view()->phaseText().contains(QStringLiteral("Backing up")));
    }
    QVERIFY(runner.isRunning(ids[0]) && runner.isRunning(ids[1]));

    // Cancel the first (Sales) from its live view, mid-run; close the second's view: its job
    // goes on in the Jobs panel.
    views[0]->view()->cancelButton()->click();
    const jobs::JobId other = ids[1];
    views[1]->close();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    QCOMPARE(window.jobsPanel()->rowCount(), 2);
    jobs::JobResult cancelled, succeeded;
    for (const auto &f : finished)
        (f.at(0).value<jobs::JobId>() == other ? succeeded : cancelled) =
            f.at(1).value<jobs::JobResult>();
    QCOMPARE(cancelled.status, jobs::JobStatus::Cancelled);
    QVERIFY2(succeeded.succeeded(), succeeded.error.toString().c_str());
    QVERIFY(views[0]->view()->resultHeadline().contains(QStringLiteral("Cancelled")));

    // The HR backup: manifest, three stripes, nothing of Sales left.
    const QString manifest = succeeded.stats.extra.value(QStringLiteral("manifest")).toString();
    QVERIFY(QFile::exists(manifest));
    const QStringList files = filesIn(out.path());
    QCOMPARE(files.size(), 4);
    for (const QString &f : files) {
        QVERIFY2(f.contains(QStringLiteral("_HR_")), qPrintable(f));
        QVERIFY(f.endsWith(QStringLiteral(".bak.zst.age")) ||
                f.endsWith(QStringLiteral(".manifest.json")));
    }
    // The tools read it: age -d with the key, zstd -d, then the raw stream's hash.
    QFile mf(manifest);
    QVERIFY(mf.open(QIODevice::ReadOnly));
    const QJsonObject m = QJsonDocument::fromJson(mf.readAll()).object();
    const QJsonObject stripe1 = m.value(QStringLiteral("stripes")).toArray().at(0).toObject();
    QByteArray hash;
    QCOMPARE(shell(QStringLiteral("age -d -i '%1' '%2/%3' | zstd -dc | sha256sum | cut -c1-64")
                       .arg(identity, out.path(), stripe1.value(QStringLiteral("file")).toString()),
                   &hash),
             0);
    QCOMPARE(QString::fromLatin1(hash.trimmed()),
             stripe1.value(QStringLiteral("sha256")).toString());

    // The T-SQL preview is what the job sent (the set name's uuid aside).
    const QString set = succeeded.stats.extra.value(QStringLiteral("setName")).toString();
    const QString uuid = set.mid(QStringLiteral("vdstudio-HR-").size());
    QCOMPARE(uuid.size(), 36);
    QString hrPreview = preview.split(QStringLiteral("\n\n")).at(1);
    hrPreview.replace(QLatin1String(backup::kUuidPlaceholder), uuid);
    QVERIFY2(succeeded.report.toText().contains(QStringLiteral("Statement: ") + hrPreview),
             qPrintable(hrPreview + QStringLiteral("\n---\n") + succeeded.report.toText()));
    for (JobWindow *w : views.mid(0, 1))
        w->close();
}

void TestBackupDialog::queuedOneAfterAnother()
{
    settings::Preferences::backupsInParallel().set(false);
    QTemporaryDir out;
    SimFixture sim;
    QVERIFY(sim.start({QStringLiteral("A=4M"), QStringLiteral("B=4M")}).has_value());
    jobs::JobRunner runner;
    BackupDialog dialog(simServer(sim), sim.options(), {QStringLiteral("A"), QStringLiteral("B")},
                        runner);
    dialog.setOpenLiveViews(false);
    dialog.folderEdit()->setText(out.path());
    dialog.compressionBox()->setCurrentIndex(0);
    QCOMPARE(dialog.request().parallel, 1);
    QStringList events;
    connect(&runner, &jobs::JobRunner::started, this,
            [&](jobs::JobId, const QString &title) { events << QStringLiteral("start ") + title; });
    connect(&runner, &jobs::JobRunner::finished, this, [&](jobs::JobId, const jobs::JobResult &r) {
        events << QStringLiteral("end %1").arg(r.succeeded());
    });
    dialog.backUpButton()->click();
    QCOMPARE(runner.runningCount(), 1); // the second waits
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, 60000);
    QCOMPARE(events, QStringList({QStringLiteral("start Back up A"), QStringLiteral("end 1"),
                                  QStringLiteral("start Back up B"), QStringLiteral("end 1")}));
    QCOMPARE(filesIn(out.path()).size(), 4); // two .bak, two manifests
}

VDS_UI_BACKUP_TEST_MAIN(TestBackupDialog)
#include "tst_backup_dialog.moc"
