// backup_roundtrip: BackupJob → RestoreJob through FreeTDS and vds-sqlsim, for every codec and
// encryption, with 1, 3 and 8 stripes; the restored database is byte-identical to its source.
// The zstd and age tools read our stripes, and stripes they made restore.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include "jobfixture.h"
#include <vds/backup/backupjob.h>
#include <vds/backup/manifest.h>
#include <vds/backup/restorejob.h>
#include <vds/backup/stripe.h>

using namespace vds;
using namespace vds::test;

Q_DECLARE_METATYPE(vds::backup::Codec)
Q_DECLARE_METATYPE(vds::backup::Encryption)

class TestBackupRoundTrip : public QObject {
    Q_OBJECT
private:
    SimFixture m_sim;
    QTemporaryDir m_out;
    QString m_identityFile;
    std::string m_recipient;

    void checkSameDatabase(const QString &source, const QString &copy)
    {
        const QByteArray a = readFile(m_sim.path(source + QStringLiteral(".mdf")));
        QVERIFY(!a.isEmpty());
        QVERIFY2(a == readFile(m_sim.path(copy + QStringLiteral(".mdf"))),
                 qPrintable(copy + QStringLiteral(".mdf differs from its source")));
        QVERIFY(readFile(m_sim.path(source + QStringLiteral("_log.ldf"))) ==
                readFile(m_sim.path(copy + QStringLiteral("_log.ldf"))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        auto started = m_sim.start({QStringLiteral("Sales=6M")});
        QVERIFY2(started.has_value(), started ? "" : started.error().toString().c_str());
        m_identityFile = m_out.filePath(QStringLiteral("key.txt"));
        QCOMPARE(runTool(QStringLiteral("age-keygen"), {QStringLiteral("-o"), m_identityFile}), 0);
        auto ids = backup::age::readIdentityFile(m_identityFile.toStdString());
        QVERIFY(ids.has_value() && ids->size() == 1);
        auto rcp = backup::age::recipientOf(ids->front());
        QVERIFY(rcp.has_value());
        m_recipient = *rcp;
        // The recipient age-keygen prints must be the one we derive.
        QFile key(m_identityFile);
        QVERIFY(key.open(QIODevice::ReadOnly));
        QVERIFY(key.readAll().contains(QByteArray::fromStdString(m_recipient)));
    }

    void roundTrip_data()
    {
        QTest::addColumn<backup::Codec>("codec");
        QTest::addColumn<backup::Encryption>("encryption");
        QTest::addColumn<int>("stripes");
        using C = backup::Codec;
        using E = backup::Encryption;
        QTest::newRow("raw-1") << C::None << E::None << 1;
        QTest::newRow("raw-3") << C::None << E::None << 3;
        QTest::newRow("raw-8") << C::None << E::None << 8;
        QTest::newRow("zstd-1") << C::Zstd << E::None << 1;
        QTest::newRow("zstd-3") << C::Zstd << E::None << 3;
        QTest::newRow("age-recipient-3") << C::None << E::AgeX25519 << 3;
        QTest::newRow("age-passphrase-1") << C::None << E::AgeScrypt << 1;
        QTest::newRow("zstd-age-8") << C::Zstd << E::AgeX25519 << 8;
        QTest::newRow("zstd-passphrase-3") << C::Zstd << E::AgeScrypt << 3;
    }

    void roundTrip()
    {
        QFETCH(backup::Codec, codec);
        QFETCH(backup::Encryption, encryption);
        QFETCH(int, stripes);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString folder = m_out.filePath(tag);
        auto p = backupParams(m_sim, "Sales", folder);
        p.stripes = stripes;
        p.codec = codec;
        p.zstdLevel = 3;
        p.zstdThreads = 2;
        p.encryption.kind = encryption;
        if (encryption == backup::Encryption::AgeX25519)
            p.encryption.recipients = {m_recipient};
        if (encryption == backup::Encryption::AgeScrypt) {
            p.encryption.passphrase = "correct horse battery staple";
        }
        p.checksum = true;
        p.maxTransferSize = 256 * 1024;
        const JobRun b = runJob(std::make_unique<backup::BackupJob>(p));
        QCOMPARE(b.finishedSignals, 1);
        QVERIFY2(b.result.succeeded(), b.result.error.toString().c_str());

        // The manifest: the keys of docs/cli.md, LSNs as decimal strings, one entry per stripe.
        const QString manifestPath = manifestOf(b);
        QVERIFY(manifestPath.endsWith(QStringLiteral(".manifest.json")));
        QFile mf(manifestPath);
        QVERIFY(mf.open(QIODevice::ReadOnly));
        const QJsonObject mo = QJsonDocument::fromJson(mf.readAll()).object();
        for (const char *key :
             {"schemaVersion", "tool", "server", "serverVersion", "database", "type", "startedAt",
              "finishedAt", "firstLsn", "lastLsn", "databaseBackupLsn", "differentialBaseLsn",
              "codec", "encryption", "stripes", "files"})
            QVERIFY2(mo.contains(QLatin1String(key)), key);
        QVERIFY(mo.value(QStringLiteral("lastLsn")).isString());
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9]+$"))
                    .match(mo.value(QStringLiteral("lastLsn")).toString())
                    .hasMatch());
        auto m = backup::Manifest::load(manifestPath.toStdString());
        QVERIFY(m.has_value());
        QCOMPARE(int(m->stripes.size()), stripes);
        QCOMPARE(m->type, std::string("full"));
        QCOMPARE(m->files.size(), std::size_t{2});
        // Nothing but the stripes and the manifest in the folder (no .partial left).
        QCOMPARE(filesIn(folder).size(), stripes + 1);
        const QString suffix = QString::fromStdString(
            std::string(".bak") + (codec == backup::Codec::Zstd ? ".zst" : "") +
            (encryption != backup::Encryption::None ? ".age" : ""));
        for (const auto &s : m->stripes) {
            QVERIFY2(QString::fromStdString(s.file).endsWith(suffix), s.file.c_str());
            if (stripes > 1)
                QVERIFY(QString::fromStdString(s.file).contains(
                    QStringLiteral("of%1.bak").arg(stripes)));
        }

        auto r = restoreParams(m_sim, manifestPath, ("R_" + tag.toStdString()).c_str());
        std::replace(r.database.begin(), r.database.end(), '-', '_');
        if (encryption == backup::Encryption::AgeX25519) {
            auto ids = backup::age::readIdentityFile(m_identityFile.toStdString());
            r.identities = *ids;
        }
        if (encryption == backup::Encryption::AgeScrypt)
            r.passphrase = "correct horse battery staple";
        const JobRun rr = runJob(std::make_unique<backup::RestoreJob>(r));
        QCOMPARE(rr.finishedSignals, 1);
        QVERIFY2(rr.result.succeeded(), rr.result.error.toString().c_str());
        // Restored under a new name: relocated to <NAME>.mdf / <NAME>_log.ldf.
        checkSameDatabase(QStringLiteral("Sales"), QString::fromStdString(r.database));
    }

    void toolsReadOurStripes_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("zstd") << false;
        QTest::newRow("zstd+age") << true;
    }

    /// zstd -d and age -d turn our stripes back into the raw stream the manifest hashes.
    void toolsReadOurStripes()
    {
        QFETCH(bool, encrypted);
        const QString folder =
            m_out.filePath(encrypted ? QStringLiteral("tools-age") : QStringLiteral("tools"));
        auto p = backupParams(m_sim, "Sales", folder);
        p.stripes = 2;
        p.codec = backup::Codec::Zstd;
        p.zstdLevel = 1;
        if (encrypted) {
            p.encryption.kind = backup::Encryption::AgeX25519;
            p.encryption.recipients = {m_recipient};
        }
        const JobRun b = runJob(std::make_unique<backup::BackupJob>(p));
        QVERIFY2(b.result.succeeded(), b.result.error.toString().c_str());
        auto m = backup::Manifest::load(manifestOf(b).toStdString());
        QVERIFY(m.has_value());
        for (const auto &s : m->stripes) {
            const QString path = folder + QLatin1Char('/') + QString::fromStdString(s.file);
            QByteArray zst = readFile(path);
            if (encrypted)
                QCOMPARE(runTool(QStringLiteral("age"),
                                 {QStringLiteral("-d"), QStringLiteral("-i"), m_identityFile, path},
                                 &zst),
                         0);
            QByteArray raw;
            QCOMPARE(runTool(QStringLiteral("zstd"), {QStringLiteral("-d"), QStringLiteral("-c")},
                             &raw, zst),
                     0);
            QCOMPARE(quint64(raw.size()), quint64(s.bytes));
            QCOMPARE(sha256(raw), QString::fromStdString(s.sha256));
            QCOMPARE(sha256(readFile(path)), QString::fromStdString(s.fileSha256));
        }
    }

    /// Stripes written raw, then compressed by the zstd tool and encrypted by the age tool,
    /// restore (the codec comes from each file's suffix; the raw sha256 is still checked).
    void stripesMadeByTheToolsRestore()
    {
        const QString folder = m_out.filePath(QStringLiteral("bytools"));
        auto p = backupParams(m_sim, "Sales", folder);
        p.stripes = 3;
        const JobRun b = runJob(std::make_unique<backup::BackupJob>(p));
        QVERIFY2(b.result.succeeded(), b.result.error.toString().c_str());
        auto m = backup::Manifest::load(manifestOf(b).toStdString());
        QVERIFY(m.has_value());
        const QString s1 = folder + QLatin1Char('/') + QString::fromStdString(m->stripes[0].file);
        const QString s2 = folder + QLatin1Char('/') + QString::fromStdString(m->stripes[1].file);
        const QString s3 = folder + QLatin1Char('/') + QString::fromStdString(m->stripes[2].file);
        QCOMPARE(
            runTool(QStringLiteral("zstd"), {QStringLiteral("-q"), QStringLiteral("--rm"), s1}), 0);
        QCOMPARE(runTool(QStringLiteral("age"),
                         {QStringLiteral("-r"), QString::fromStdString(m_recipient),
                          QStringLiteral("-o"), s2 + QStringLiteral(".age"), s2}),
                 0);
        QVERIFY(QFile::remove(s2));
        QCOMPARE(
            runTool(QStringLiteral("zstd"), {QStringLiteral("-q"), QStringLiteral("--rm"), s3}), 0);
        QCOMPARE(runTool(QStringLiteral("age"),
                         {QStringLiteral("-r"), QString::fromStdString(m_recipient),
                          QStringLiteral("-o"), s3 + QStringLiteral(".zst.age"),
                          s3 + QStringLiteral(".zst")}),
                 0);
        QVERIFY(QFile::remove(s3 + QStringLiteral(".zst")));
        auto r = restoreParams(m_sim, manifestOf(b), "ByTools");
        r.identities = *backup::age::readIdentityFile(m_identityFile.toStdString());
        const JobRun rr = runJob(std::make_unique<backup::RestoreJob>(r));
        QVERIFY2(rr.result.succeeded(), rr.result.error.toString().c_str());
        checkSameDatabase(QStringLiteral("Sales"), QStringLiteral("ByTools"));
    }

    void cleanupTestCase() { m_sim.process().stop(); }
};

QTEST_GUILESS_MAIN(TestBackupRoundTrip)
#include "tst_backup_roundtrip.moc"
