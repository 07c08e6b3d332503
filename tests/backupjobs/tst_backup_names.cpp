// backup_names: the rules core/backup owns without a server — set and device names, name
// patterns and the "stays inside --to" rule, stripe and manifest file names, relocation under
// a new name, STOPAT in the server's local time, and the command line ↔ Params mapping both
// ways (what profiles and the GUI's "show the command" rely on).
#include <QTest>
#include <QTimeZone>

#include <vds/backup/commandline.h>
#include <vds/backup/manifest.h>
#include <vds/backup/names.h>
#include <vds/backup/restorejob.h>

using namespace vds;
using namespace vds::backup;

namespace {

void fill(QCommandLineParser &p, const QList<QCommandLineOption> &options, QStringList args)
{
    p.addOptions(commandline::serverOptions());
    p.addOptions(options);
    args.prepend(QStringLiteral("vdsctl"));
    if (!p.parse(args))
        qWarning("parse: %s", qPrintable(p.errorText()));
}

Expected<commandline::BackupRequest> parseBackup(const QStringList &args)
{
    QCommandLineParser p;
    fill(p, commandline::backupOptions(), args);
    return commandline::backupFrom(p);
}

Expected<RestoreParams> parseRestore(const QStringList &args)
{
    QCommandLineParser p;
    fill(p, commandline::restoreOptions(), args);
    return commandline::restoreFrom(p);
}

} // namespace

class TestBackupNames : public QObject {
    Q_OBJECT
private slots:
    void setAndDeviceNames()
    {
        QCOMPARE(setName("Sales", "u1"), std::string("vdstudio-Sales-u1"));
        QCOMPARE(setName("a\\b/c", "u1"), std::string("vdstudio-a_b_c-u1"));
        const auto d = deviceNames("vdstudio-S-u", 3);
        QCOMPARE(d.size(), std::size_t{3});
        QCOMPARE(d[0], std::string("vdstudio-S-u")); // VDI: the first device is the set
        QCOMPARE(d[2], std::string("vdstudio-S-u-3"));
    }

    void patterns()
    {
        NameTokens t{"srv\\inst", "Sales", BackupType::Diff,
                     QDateTime(QDate(2026, 11, 30), QTime(14, 5, 6), QTimeZone::utc())};
        QCOMPARE(*expandPattern(kDefaultNamePattern, t),
                 std::string("srv_inst_Sales_diff_20261130T140506"));
        QCOMPARE(*expandPattern("{database}/{type}", t), std::string("Sales/diff"));
        for (const char *bad : {"../x", "/abs/{database}", "a/../../b", "{nope}", "{database"})
            QVERIFY2(!expandPattern(bad, t).has_value(), bad);
        QCOMPARE(expandPattern("../x", t).error().category, ErrorCategory::InvalidArgument);
        QCOMPARE(stripeFileName("b", 1, 1, Codec::None, Encryption::None), std::string("b.bak"));
        QCOMPARE(stripeFileName("b", 2, 3, Codec::Zstd, Encryption::AgeX25519),
                 std::string("b.2of3.bak.zst.age"));
        QCOMPARE(stripeFileName("b_{stripe}", 2, 3, Codec::None, Encryption::AgeScrypt),
                 std::string("b_2.bak.age"));
        QCOMPARE(manifestFileName("b"), std::string("b.manifest.json"));
        QCOMPARE(manifestFileName("b_{stripe}"), std::string("b.manifest.json"));
        QCOMPARE(rawStripeName("x.1of2.bak.zst.age"), std::string("x.1of2.bak"));
    }

    void relocation()
    {
        const std::vector<ManifestFile> files = {{"D", "rows", "/old/D.mdf", 1},
                                                 {"D2", "rows", "/old/D2.ndf", 1},
                                                 {"L", "log", "/old/D_log.ldf", 1}};
        const auto moves = relocatedFiles(files, "New", "/data", "/logs");
        QCOMPARE(moves.size(), std::size_t{3});
        QCOMPARE(moves[0].second, std::string("/data/New.mdf"));
        QCOMPARE(moves[1].second, std::string("/data/New_1.ndf"));
        QCOMPARE(moves[2].second, std::string("/logs/New_log.ldf"));
    }

    void stopAtInServerTime()
    {
        const QDateTime t(QDate(2026, 11, 30), QTime(14, 0, 0), QTimeZone(3600));
        QCOMPARE(serverLocalTime(t, 0), std::string("2026-11-30T13:00:00.000"));
        QCOMPARE(serverLocalTime(t, -5 * 3600), std::string("2026-11-30T08:00:00.000"));
        auto local = commandline::parseStopAt(QStringLiteral("2026-11-30T14:00:00"));
        QVERIFY(local.has_value());
        QCOMPARE(local->timeSpec(), Qt::LocalTime); // no offset: the client's local time
        QVERIFY(!commandline::parseStopAt(QStringLiteral("yesterday")).has_value());
    }

    void manifestJsonRoundTrip()
    {
        Manifest m;
        m.database = "Sales";
        m.type = "log";
        m.firstLsn = "18446744073709551000"; // beyond 2^53: must stay a string
        m.lastLsn = "18446744073709551615";
        m.codec = "zstd";
        m.encryption = "none";
        m.stripes = {{"a.bak.zst", 10, std::string(64, 'a'), std::string(64, 'b')}};
        auto back = Manifest::fromJson(m.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->lastLsn, m.lastLsn);
        QCOMPARE(lsnValue(back->lastLsn), std::uint64_t{18446744073709551615ULL});
        QJsonObject broken = m.toJson();
        broken.remove(QStringLiteral("stripes"));
        QCOMPARE(Manifest::fromJson(broken).error().category, ErrorCategory::Format);
    }

    void commandLineBothWays()
    {
        const QStringList args = {QStringLiteral("--server"),
                                  QStringLiteral("db1:1444"),
                                  QStringLiteral("--login"),
                                  QStringLiteral("dba"),
                                  QStringLiteral("--password-env"),
                                  QStringLiteral("PW"),
                                  QStringLiteral("--database"),
                                  QStringLiteral("Sales"),
                                  QStringLiteral("--to"),
                                  QStringLiteral("/b"),
                                  QStringLiteral("--type"),
                                  QStringLiteral("log"),
                                  QStringLiteral("--stripes"),
                                  QStringLiteral("4"),
                                  QStringLiteral("--compress"),
                                  QStringLiteral("zstd:5:2"),
                                  QStringLiteral("--passphrase-env"),
                                  QStringLiteral("PP"),
                                  QStringLiteral("--checksum"),
                                  QStringLiteral("--max-transfer-size"),
                                  QStringLiteral("1M")};
        auto r = parseBackup(args);
        QVERIFY2(r.has_value(), r ? "" : r.error().message.c_str());
        QCOMPARE(r->params.server.host, std::string("db1"));
        QCOMPARE(r->params.server.port, std::uint16_t{1444});
        QCOMPARE(r->params.type, BackupType::Log);
        QCOMPARE(r->params.stripes, 4);
        QCOMPARE(r->params.zstdLevel, 5);
        QCOMPARE(r->params.encryption.kind, Encryption::AgeScrypt);
        QCOMPARE(r->params.maxTransferSize, 1024u * 1024u);
        // Params → arguments → Params gives the same value.
        auto again = parseBackup(commandline::toArguments(*r));
        QVERIFY(again.has_value());
        QCOMPARE(commandline::toArguments(*again), commandline::toArguments(*r));

        // The exclusions and ranges are refused as usage errors.
        auto refused = [](QStringList extra) {
            QStringList a = {QStringLiteral("--sim"), QStringLiteral("--database"),
                             QStringLiteral("D"), QStringLiteral("--to"), QStringLiteral("/b")};
            a << extra;
            auto x = parseBackup(a);
            return !x.has_value() && x.error().category == ErrorCategory::InvalidArgument;
        };
        QVERIFY(refused({QStringLiteral("--encrypt-to"), QStringLiteral("age1x"),
                         QStringLiteral("--passphrase-env"), QStringLiteral("P")}));
        QVERIFY(refused({QStringLiteral("--stripes"), QStringLiteral("0")}));
        QVERIFY(refused({QStringLiteral("--max-transfer-size"), QStringLiteral("100K")}));
        QVERIFY(refused({QStringLiteral("--name-pattern"), QStringLiteral("../up")}));
        QVERIFY(refused({QStringLiteral("--type"), QStringLiteral("weekly")}));

        const QStringList rargs = {
            QStringLiteral("--sim"),      QStringLiteral("--from"),
            QStringLiteral("/b"),         QStringLiteral("--database"),
            QStringLiteral("Copy"),       QStringLiteral("--move"),
            QStringLiteral("D=/x/d.mdf"), QStringLiteral("--norecovery"),
            QStringLiteral("--stop-at"),  QStringLiteral("2026-11-30T14:00:00+01:00")};
        auto rp = parseRestore(rargs);
        QVERIFY(rp.has_value());
        QCOMPARE(rp->moves.size(), std::size_t{1});
        QVERIFY(rp->norecovery);
        QCOMPARE(rp->stopAt->offsetFromUtc(), 3600);
        auto rp2 = parseRestore(commandline::toArguments(*rp));
        QVERIFY(rp2.has_value());
        QCOMPARE(commandline::toArguments(*rp2), commandline::toArguments(*rp));
    }
};

QTEST_GUILESS_MAIN(TestBackupNames)
#include "tst_backup_names.moc"
