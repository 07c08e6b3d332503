// ui_restore_errors: what goes wrong before a restore starts is said in people's words, and
// nothing is sent to the server: a wrong passphrase, an identity the backup was not encrypted
// for, a file that is not an identity, a chain with a gap (both backups and LSNs named), a
// folder of several databases, a server that cannot be reached.
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeWidget>

#include "restoretestutil.h"
#include "ui/jobs/jobtracker.h"
#include "ui/restore/restorepages.h"
#include <vds/backup/chain.h>

using namespace vds;
using namespace vds::test;
using namespace vds::ui;

class TestRestoreErrors : public QObject {
    Q_OBJECT
private:
    SimFixture m_sim;
    QTemporaryDir m_tmp;
    QString m_scrypt;  ///< a passphrase-encrypted backup of Sales
    QString m_x25519;  ///< a backup of Sales for identity A
    QString m_gap;     ///< Sales: full + log + log + log, the middle log's manifest taken away
    QString m_several; ///< backups of Sales and Stock side by side
    QString m_identityA, m_identityB;
    QStringList m_simFiles;
    QStringList m_databases;

    bool backup(const std::string &db, const QString &folder, backup::BackupType type,
                backup::EncryptionParams encryption = {})
    {
        auto p = backupParams(m_sim, db, folder);
        p.type = type;
        p.encryption = std::move(encryption);
        const JobRun run = runJob(std::make_unique<backup::BackupJob>(p));
        if (!run.result.succeeded())
            qWarning("backup failed: %s", run.result.error.toString().c_str());
        return run.result.succeeded();
    }

    QString keygen(const QString &name)
    {
        const QString file = m_tmp.filePath(name);
        runTool(QStringLiteral("age-keygen"), {QStringLiteral("-o"), file});
        return file;
    }

    QStringList databases()
    {
        auto c = m_sim.connect();
        if (!c)
            return {};
        auto r = c->query("SELECT name FROM sys.databases");
        QStringList out;
        if (r)
            for (const auto &row : r->rows)
                out << QString::fromStdString(row[0].value_or(""));
        out.sort();
        return out;
    }

    /// The server is as it was after the backups: no database, no file added.
    void serverUntouched()
    {
        QCOMPARE(filesIn(m_sim.dataDir()), m_simFiles);
        QCOMPARE(databases(), m_databases);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(m_sim.start({QStringLiteral("Sales=2M"), QStringLiteral("Stock=2M")}).has_value());
        m_identityA = keygen(QStringLiteral("a.txt"));
        m_identityB = keygen(QStringLiteral("b.txt"));
        QByteArray recipientA;
        QCOMPARE(
            runTool(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_identityA}, &recipientA),
            0);

        m_scrypt = m_tmp.filePath(QStringLiteral("scrypt"));
        backup::EncryptionParams scrypt;
        scrypt.kind = backup::Encryption::AgeScrypt;
        scrypt.passphrase = "correct horse battery staple";
        QVERIFY(backup("Sales", m_scrypt, backup::BackupType::Full, scrypt));

        m_x25519 = m_tmp.filePath(QStringLiteral("x25519"));
        backup::EncryptionParams x;
        x.kind = backup::Encryption::AgeX25519;
        x.recipients = {recipientA.trimmed().toStdString()};
        QVERIFY(backup("Sales", m_x25519, backup::BackupType::Full, x));

        m_gap = m_tmp.filePath(QStringLiteral("gap"));
        QVERIFY(backup("Sales", m_gap, backup::BackupType::Full));
        for (int i = 0; i < 3; ++i) {
            QThread::msleep(1100); // file names carry the time to the second
            QVERIFY(touchPages(m_sim.path(QStringLiteral("Sales.mdf")), {qint64(10 + i)}, 'g'));
            QVERIFY(backup("Sales", m_gap, backup::BackupType::Log));
        }
        auto all = backup::manifestsIn(m_gap.toStdString());
        QVERIFY(all && all->size() == 4);
        QVERIFY(QFile::rename(QString::fromStdString((*all)[2].path.string()),
                              m_tmp.filePath(QStringLiteral("hidden.json"))));

        m_several = m_tmp.filePath(QStringLiteral("several"));
        QVERIFY(backup("Sales", m_several, backup::BackupType::Full));
        QThread::msleep(1100);
        QVERIFY(backup("Stock", m_several, backup::BackupType::Full));
        m_simFiles = filesIn(m_sim.dataDir());
        m_databases = databases();
    }

    void wrongPassphrase()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        RestoreWizard w(tracker, simServer(m_sim), m_sim.options());
        w.show();
        w.sourcePage()->setSource(m_scrypt);
        QVERIFY(nextTo(w, RestoreWizard::Keys));
        QVERIFY(w.keysPage()->needsPassphrase());
        w.keysPage()->setPassphrase(QStringLiteral("correct horse battery stapler"));
        QVERIFY(clickNext(w));
        QTRY_VERIFY_WITH_TIMEOUT(!w.keysPage()->isChecking(), 30000);
        QCOMPARE(w.currentId(), int(RestoreWizard::Keys));
        const QString problem = w.keysPage()->problem();
        QVERIFY2(problem.startsWith(QStringLiteral("The passphrase does not open the backup ")),
                 qPrintable(problem));
        QVERIFY(problem.contains(QStringLiteral(".manifest.json")));
        QVERIFY(!problem.contains(QStringLiteral("Permission"))); // no category names
        // The right one passes.
        w.keysPage()->setPassphrase(QStringLiteral("correct horse battery staple"));
        QVERIFY(nextTo(w, RestoreWizard::Target));
        QCOMPARE(w.jobId(), jobs::JobId{0});
        serverUntouched();
    }

    void wrongIdentity()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        RestoreWizard w(tracker, simServer(m_sim), m_sim.options());
        w.show();
        w.sourcePage()->setSource(m_x25519);
        QVERIFY(nextTo(w, RestoreWizard::Keys));
        QVERIFY(w.keysPage()->needsIdentity());
        w.keysPage()->setIdentityFile(m_identityB);
        QVERIFY(clickNext(w));
        QTRY_VERIFY_WITH_TIMEOUT(!w.keysPage()->isChecking(), 30000);
        QCOMPARE(w.currentId(), int(RestoreWizard::Keys));
        QVERIFY2(w.keysPage()->problem().startsWith(
                     QStringLiteral("None of the keys in the identity file opens the backup ")),
                 qPrintable(w.keysPage()->problem()));
        // Not an identity file at all.
        const QString notKeys = m_tmp.filePath(QStringLiteral("notes.txt"));
        QFile f(notKeys);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("shopping list\n");
        f.close();
        w.keysPage()->setIdentityFile(notKeys);
        QVERIFY(clickNext(w));
        QTRY_VERIFY(!w.keysPage()->problem().isEmpty());
        QVERIFY2(w.keysPage()->problem().contains(QStringLiteral("is not an age identity file")),
                 qPrintable(w.keysPage()->problem()));
        QCOMPARE(w.currentId(), int(RestoreWizard::Keys));
        serverUntouched();
    }

    void chainWithAGap()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        RestoreWizard w(tracker, simServer(m_sim), m_sim.options());
        w.show();
        w.sourcePage()->setSource(m_gap);
        QVERIFY(!w.sourcePage()->isComplete());
        QVERIFY(!clickNext(w));
        const auto &in = w.sourcePage()->inspection();
        QVERIFY(in && in->gap);
        const QString problem = w.sourcePage()->problem();
        QVERIFY2(problem.startsWith(QStringLiteral("The backup chain has a gap")),
                 qPrintable(problem));
        // Both backups around the gap and both LSNs are named.
        QVERIFY(problem.contains(QString::fromStdString(in->gap->after.filename().string())));
        QVERIFY(problem.contains(QString::fromStdString(in->gap->next.filename().string())));
        QVERIFY(problem.contains(QString::fromStdString(in->gap->lsn)));
        QVERIFY(problem.contains(QString::fromStdString(in->gap->nextFirstLsn)));
        // The chain up to the gap is shown: the full and the first log.
        QCOMPARE(w.sourcePage()->chainView()->topLevelItemCount(), 2);
        QCOMPARE(w.jobId(), jobs::JobId{0});
        serverUntouched();
    }

    void severalDatabasesAskWhichOne()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        RestoreWizard w(tracker, simServer(m_sim), m_sim.options());
        w.show();
        w.sourcePage()->setSource(m_several);
        QVERIFY(!w.sourcePage()->isComplete());
        QVERIFY2(w.sourcePage()->problem().contains(QStringLiteral("several databases")),
                 qPrintable(w.sourcePage()->problem()));
        w.sourcePage()->setSourceDatabase(QStringLiteral("Stock"));
        QVERIFY2(w.sourcePage()->isComplete(), qPrintable(w.sourcePage()->problem()));
        QCOMPARE(w.params().sourceDatabase, std::string("Stock"));
        QVERIFY(nextTo(w, RestoreWizard::Target));
        QCOMPARE(w.targetPage()->name(), QStringLiteral("Stock"));
    }

    void unreachableServer()
    {
        jobs::JobRunner runner;
        JobTracker tracker(runner);
        auto options = m_sim.options();
        options.port = 1; // nothing listens there
        RestoreWizard w(tracker, simServer(m_sim), options);
        w.show();
        QVERIFY(waitForProbe(w));
        w.sourcePage()->setSource(m_several);
        w.sourcePage()->setSourceDatabase(QStringLiteral("Sales"));
        QVERIFY(nextTo(w, RestoreWizard::Target));
        w.targetPage()->setName(QStringLiteral("Elsewhere"));
        QVERIFY(!w.targetPage()->isComplete());
        QVERIFY2(w.targetPage()->problem().contains(QStringLiteral("could not be asked")),
                 qPrintable(w.targetPage()->problem()));
    }

    void cleanupTestCase() { m_sim.process().stop(); }
};

QTEST_MAIN(TestRestoreErrors)
#include "tst_restoreerrors.moc"
