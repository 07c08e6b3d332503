// ui_backup_errors: what the Backup dialog says when a backup cannot start or cannot finish,
// worded for people, against a real vds-sqlsim. Before start (nothing reaches the runner): a
// destination that cannot be written (a read-only mount), a file instead of a folder, a
// pattern that leaves the folder, an empty or mistyped passphrase, recipients files that are
// missing or hold no key. While running: a disk that fills up (a 3 MiB tmpfs) fails the job
// with the disk named and no file left behind.
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

#include "backupuitest.h"
#include "ui/backup/backupqueue.h"
#include "ui/jobs/jobview.h"
#include "ui/jobs/jobwindow.h"
#include <vds/settings/preferences.h>

using namespace vds;
using namespace vds::test;
using namespace vds::ui;

namespace {

/// A small tmpfs mounted for the test (the tests run as root here and in CI), unmounted at the
/// end. `options` e.g. "size=3m" or "ro".
class TmpfsMount {
public:
    explicit TmpfsMount(const QString &options)
    {
        m_ok = shell(QStringLiteral("mount -t tmpfs -o '%1' vds-test '%2'")
                         .arg(options, m_dir.path())) == 0;
    }
    ~TmpfsMount()
    {
        if (m_ok)
            shell(QStringLiteral("umount '%1'").arg(m_dir.path()));
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

} // namespace

class TestBackupErrors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        settings::Preferences::confirmCancel().set(false);
        QVERIFY(m_sim.start({QStringLiteral("Sales=24M")}).has_value());
    }
    void destinationNotWritable();
    void destinationIsAFile();
    void patternLeavesTheFolder();
    void passphraseProblems();
    void recipientsProblems();
    void diskFull();

private:
    /// Clicks Back up and expects it refused with a message containing every `words`.
    void expectRefused(BackupDialog &dialog, const QStringList &words)
    {
        QSignalSpy queued(&dialog, &BackupDialog::backupQueued);
        QVERIFY(queued.isValid());
        dialog.backUpButton()->click();
        QCOMPARE(queued.size(), 0);
        QCOMPARE(m_runner.runningCount(), 0);
        QVERIFY(dialog.isVisible());
        const QString shown = dialog.shownProblem();
        for (const QString &w : words)
            QVERIFY2(shown.contains(w), qPrintable(shown + QStringLiteral(" ≠ ") + w));
    }
    std::unique_ptr<BackupDialog> dialog()
    {
        auto d = std::make_unique<BackupDialog>(simServer(m_sim), m_sim.options(),
                                                QStringList{QStringLiteral("Sales")}, m_runner);
        d->folderEdit()->setText(m_out.path());
        d->show();
        return d;
    }

    SimFixture m_sim;
    jobs::JobRunner m_runner;
    QTemporaryDir m_out;
};

void TestBackupErrors::destinationNotWritable()
{
    TmpfsMount ro(QStringLiteral("ro,size=1m"));
    QVERIFY2(ro.ok() || geteuid() != 0, "root can mount a tmpfs");
    QString folder = ro.path();
    if (!ro.ok()) { // not root: permissions are enough
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }
    auto d = dialog();
    d->folderEdit()->setText(folder);
    expectRefused(*d, {QStringLiteral("You cannot write to"), folder});
    // A folder still to be made under it: the nearest existing one is named.
    d->folderEdit()->setText(folder + QStringLiteral("/new/backups"));
    expectRefused(*d, {QStringLiteral("cannot be made"), folder});
    // Fixed, it starts.
    d->folderEdit()->setText(m_out.path());
    QCOMPARE(d->problem(), QString());
}

void TestBackupErrors::destinationIsAFile()
{
    const QString file = m_out.filePath(QStringLiteral("plain-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    auto d = dialog();
    d->folderEdit()->setText(file);
    expectRefused(*d, {QStringLiteral("is a file, not a folder")});
    d->folderEdit()->setText(QStringLiteral("relative/folder"));
    expectRefused(*d, {QStringLiteral("not a full path")});
    QFile::remove(file);
}

void TestBackupErrors::patternLeavesTheFolder()
{
    auto d = dialog();
    d->patternEdit()->setText(QStringLiteral("../{database}_{date}"));
    expectRefused(*d, {QStringLiteral("file-name pattern"), QStringLiteral("..")});
    d->patternEdit()->setText(QStringLiteral("{database}_{nosuchtoken}"));
    expectRefused(*d, {QStringLiteral("file-name pattern")});
    d->patternEdit()->setText(QStringLiteral("{server}/{database}/{type}_{date}"));
    QCOMPARE(d->problem(), QString());
}

void TestBackupErrors::passphraseProblems()
{
    auto d = dialog();
    d->encryptionBox()->setCurrentIndex(2);
    expectRefused(*d, {QStringLiteral("Enter a passphrase")});
    d->passphraseEdit()->setText(QStringLiteral("correct horse"));
    d->passphraseRepeatEdit()->setText(QStringLiteral("correct hose"));
    expectRefused(*d, {QStringLiteral("passphrases differ")});
    d->passphraseRepeatEdit()->setText(QStringLiteral("correct horse"));
    QCOMPARE(d->problem(), QString());
    // The passphrase never shows in the command line: a reference to a variable does.
    QVERIFY(!d->commandLine().contains(QStringLiteral("horse")));
    QVERIFY(d->commandLine().contains(QLatin1String(BackupDialog::kPassphraseEnv)));
    QVERIFY(d->params().encryption.passphrase.empty());
}

void TestBackupErrors::recipientsProblems()
{
    auto d = dialog();
    d->encryptionBox()->setCurrentIndex(1);
    expectRefused(*d, {QStringLiteral("Add a file of age recipients")});
    const QString missing = m_out.filePath(QStringLiteral("no-such-recipients.txt"));
    d->addRecipientsFile(missing);
    expectRefused(*d, {QStringLiteral("cannot be read"), missing});
    QTemporaryDir keys;
    const QString junk = keys.filePath(QStringLiteral("junk.txt"));
    QFile j(junk);
    QVERIFY(j.open(QIODevice::WriteOnly));
    j.write("# not a key\nhello world\n");
    j.close();
    d->recipientFiles()->clear();
    d->addRecipientsFile(junk);
    expectRefused(*d, {QStringLiteral("holds no valid age recipient"), junk});
}

void TestBackupErrors::diskFull()
{
    TmpfsMount small(QStringLiteral("size=3m"));
    rlimit saved{};
    if (!small.ok()) {
        // Not root: a file-size limit on this process gives the job the same EFBIG/ENOSPC
        // path (the simulator, started before, is not limited).
        QVERIFY2(geteuid() != 0, "root can mount a tmpfs");
        std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit lim = saved;
        lim.rlim_cur = 3 * 1024 * 1024;
        setrlimit(RLIMIT_FSIZE, &lim);
    }
    auto d = dialog();
    d->folderEdit()->setText(small.path());
    d->compressionBox()->setCurrentIndex(0); // raw: 24 MiB into 3 MiB
    d->stripesBox()->setValue(2);
    QCOMPARE(d->problem(), QString()); // the folder is writable; only the size is wrong
    JobWindow *view = nullptr;
    connect(d.get(), &BackupDialog::backupQueued, this, [&](BackupQueue *q) {
        connect(q, &BackupQueue::liveViewOpened, this,
                [&](jobs::JobId, JobWindow *w) { view = w; });
    });
    QSignalSpy finished(&m_runner, &jobs::JobRunner::finished);
    d->backUpButton()->click();
    QVERIFY(view);
    QVERIFY(finished.wait(120000));
    if (!small.ok())
        setrlimit(RLIMIT_FSIZE, &saved);
    const auto r = finished.at(0).at(1).value<jobs::JobResult>();
    QCOMPARE(r.status, jobs::JobStatus::Failed);
    QVERIFY2(r.error.category == ErrorCategory::DiskFull, r.error.toString().c_str());
    qInfo("%s", r.error.toString().c_str());
    QTRY_VERIFY(!view->view()->resultHeadline().isEmpty());
    const QString headline = view->view()->resultHeadline();
    QVERIFY2(headline.contains(QStringLiteral("no room left on the disk")), qPrintable(headline));
    // Nothing that looks like a backup, nothing half-written.
    QCOMPARE(filesIn(small.path()), QStringList());
    view->close();
}

VDS_UI_BACKUP_TEST_MAIN(TestBackupErrors)
#include "tst_backup_errors.moc"
