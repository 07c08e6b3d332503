// restore_chain: full + diff + log backups with BackupJob, then RestoreJob --from DIR to the
// end of the chain and to a point in time; a chain with a gap is refused before any RESTORE,
// naming the gap, and leaves the server untouched.
#include <QDir>
#include <QFile>
#include <QTest>
#include <QThread>

#include "jobfixture.h"
#include <vds/backup/backupjob.h>
#include <vds/backup/chain.h>
#include <vds/backup/restorejob.h>
#include <vds/backup/verifyjob.h>

using namespace vds;
using namespace vds::test;

namespace {

void touchPages(const QString &path, const std::vector<qint64> &pages, char fill)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    for (qint64 p : pages) {
        QVERIFY(f.seek(p * 8192 + 100));
        QVERIFY(f.write(QByteArray(300, fill)) == 300);
    }
}

} // namespace

class TestRestoreChain : public QObject {
    Q_OBJECT
private:
    SimFixture m_sim;
    QTemporaryDir m_out;
    QString m_dir;
    QByteArray m_atLog1Mdf, m_atLog1Ldf;
    QDateTime m_between;

    JobRun backupOf(backup::BackupType type)
    {
        auto p = backupParams(m_sim, "Sales", m_dir);
        p.type = type;
        p.stripes = type == backup::BackupType::Full ? 3 : 1;
        p.codec = type == backup::BackupType::Log ? backup::Codec::Zstd : backup::Codec::None;
        return runJob(std::make_unique<backup::BackupJob>(p));
    }

    std::optional<std::string> stateOf(const std::string &db)
    {
        auto c = m_sim.connect();
        if (!c)
            return std::nullopt;
        auto r = c->query("SELECT state_desc FROM sys.databases WHERE name = N'" + db + "'");
        if (!r || r->rows.empty() || !r->rows[0][0])
            return std::nullopt;
        return *r->rows[0][0];
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        m_dir = m_out.filePath(QStringLiteral("chain"));
        QVERIFY(m_sim.start({QStringLiteral("Sales=4M")}).has_value());
        const QString mdf = m_sim.path(QStringLiteral("Sales.mdf"));
        const QString ldf = m_sim.path(QStringLiteral("Sales_log.ldf"));
        JobRun full = backupOf(backup::BackupType::Full);
        QVERIFY2(full.result.succeeded(), full.result.error.toString().c_str());
        touchPages(mdf, {3, 100, 200}, 'd');
        JobRun diff = backupOf(backup::BackupType::Diff);
        QVERIFY2(diff.result.succeeded(), diff.result.error.toString().c_str());
        touchPages(mdf, {100, 150}, 'l');
        touchPages(ldf, {0}, 'l');
        JobRun log1 = backupOf(backup::BackupType::Log);
        QVERIFY2(log1.result.succeeded(), log1.result.error.toString().c_str());
        m_atLog1Mdf = readFile(mdf);
        m_atLog1Ldf = readFile(ldf);
        QThread::msleep(1100);
        m_between = QDateTime::currentDateTime(); // local time, no offset: the CLI's default
        QThread::msleep(1100);
        touchPages(mdf, {5, 6, 300}, 'm');
        touchPages(ldf, {1}, 'm');
        JobRun log2 = backupOf(backup::BackupType::Log);
        QVERIFY2(log2.result.succeeded(), log2.result.error.toString().c_str());
        QCOMPARE(QDir(m_dir).entryList({QStringLiteral("*.manifest.json")}).size(), 4);
    }

    void wholeChainRestores()
    {
        auto chain = backup::assembleChain(m_dir.toStdString(), "", std::nullopt);
        QVERIFY(chain.has_value());
        QCOMPARE(chain->steps.size(), std::size_t{4});
        QCOMPARE(chain->steps[0].type + chain->steps[1].type + chain->steps[2].type +
                     chain->steps[3].type,
                 std::string("fulldiffloglog"));
        auto r = restoreParams(m_sim, m_dir, "Whole");
        const JobRun run = runJob(std::make_unique<backup::RestoreJob>(r));
        QVERIFY2(run.result.succeeded(), run.result.error.toString().c_str());
        QCOMPARE(run.result.stats.extra.value(QStringLiteral("steps")).toStringList().size(), 4);
        QVERIFY(readFile(m_sim.path(QStringLiteral("Sales.mdf"))) ==
                readFile(m_sim.path(QStringLiteral("Whole.mdf"))));
        QVERIFY(readFile(m_sim.path(QStringLiteral("Sales_log.ldf"))) ==
                readFile(m_sim.path(QStringLiteral("Whole_log.ldf"))));
        QCOMPARE(stateOf("Whole"), std::optional<std::string>("ONLINE"));
    }

    void pointInTimeRestores()
    {
        auto r = restoreParams(m_sim, m_dir, "AtT");
        r.stopAt = m_between;
        const JobRun run = runJob(std::make_unique<backup::RestoreJob>(r));
        QVERIFY2(run.result.succeeded(), run.result.error.toString().c_str());
        // full + diff + the first log: the database as it was at the last backup before T.
        QCOMPARE(run.result.stats.extra.value(QStringLiteral("steps")).toStringList().size(), 3);
        QVERIFY(m_atLog1Mdf == readFile(m_sim.path(QStringLiteral("AtT.mdf"))));
        QVERIFY(m_atLog1Ldf == readFile(m_sim.path(QStringLiteral("AtT_log.ldf"))));
        QVERIFY(m_atLog1Mdf != readFile(m_sim.path(QStringLiteral("Sales.mdf"))));
    }

    void offlineVerifyOfTheChain()
    {
        backup::VerifyParams v;
        v.from = m_dir.toStdString();
        const JobRun run = runJob(std::make_unique<backup::VerifyJob>(v));
        QVERIFY2(run.result.succeeded(), run.result.error.toString().c_str());
        QCOMPARE(run.result.stats.extra.value(QStringLiteral("backups")).toStringList().size(), 4);
    }

    void serverVerifyOnly()
    {
        backup::VerifyParams v;
        v.from = m_dir.toStdString();
        v.server = backup::ServerRef{};
        v.connection = m_sim.options();
        const JobRun run = runJob(std::make_unique<backup::VerifyJob>(v));
        QVERIFY2(run.result.succeeded(), run.result.error.toString().c_str());
        QVERIFY(run.result.stats.extra.value(QStringLiteral("serverVerified")).toBool());
    }

    void gapIsRefusedBeforeTheServer()
    {
        // Take the first log's manifest away: the second log no longer continues the chain.
        const QStringList logs = QDir(m_dir).entryList({QStringLiteral("*_log_*.manifest.json")},
                                                       QDir::Files, QDir::Name);
        QCOMPARE(logs.size(), 2);
        const QString hidden = m_out.filePath(QStringLiteral("hidden.json"));
        QVERIFY(QFile::rename(m_dir + QLatin1Char('/') + logs[0], hidden));
        auto r = restoreParams(m_sim, m_dir, "Gap");
        const JobRun run = runJob(std::make_unique<backup::RestoreJob>(r));
        QVERIFY(QFile::rename(hidden, m_dir + QLatin1Char('/') + logs[0]));
        QCOMPARE(run.result.status, jobs::JobStatus::Failed);
        QCOMPARE(run.result.error.category, ErrorCategory::InvalidArgument);
        QVERIFY2(QString::fromStdString(run.result.error.message).contains(QStringLiteral("gap")),
                 run.result.error.message.c_str());
        QVERIFY(run.result.stats.extra.value(QStringLiteral("beforeServer")).toBool());
        QCOMPARE(stateOf("Gap"), std::nullopt);
        QVERIFY(!QFile::exists(m_sim.path(QStringLiteral("Gap.mdf"))));
    }

    void cleanupTestCase() { m_sim.process().stop(); }
};

QTEST_GUILESS_MAIN(TestRestoreChain)
#include "tst_restore_chain.moc"
