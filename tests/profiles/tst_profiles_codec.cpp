// profiles_codec: profiles ↔ JSON ↔ command lines, every hostile input a clear error with its
// JSON path, schema migration, bundles, the store (mode, atomic saves, external edits) and
// imports with conflicts.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <vds/backup/commandline.h>
#include <vds/cmdline/vhdarguments.h>
#include <vds/profiles/bundle.h>
#include <vds/profiles/exports.h>
#include <vds/profiles/fromparams.h>
#include <vds/profiles/profilecodec.h>
#include <vds/profiles/profilestore.h>

using namespace vds::profiles;

namespace {

QByteArray json(const char *text)
{
    return QByteArray(text);
}

/// path → contents of every file under `dir`: "nothing changed on disk" is this being equal.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(path, f.readAll());
    }
    return files;
}

QStringList paths(const QList<Issue> &issues)
{
    QStringList p;
    for (const auto &i : issues)
        p << i.path;
    return p;
}

QString joined(const QList<Issue> &issues)
{
    return describe(QStringLiteral("x.vdsprofile"), issues).join(QLatin1Char('\n'));
}

} // namespace

class ProfilesCodec : public QObject {
    Q_OBJECT

private slots:
    void backupRoundTrip()
    {
        const QStringList args{QStringLiteral("--sim"),
                               QStringLiteral("--database"),
                               QStringLiteral("Sales"),
                               QStringLiteral("--database"),
                               QStringLiteral("HR"),
                               QStringLiteral("--to"),
                               QStringLiteral("/srv/backups"),
                               QStringLiteral("--type"),
                               QStringLiteral("diff"),
                               QStringLiteral("--stripes"),
                               QStringLiteral("4"),
                               QStringLiteral("--compress"),
                               QStringLiteral("zstd:5:2"),
                               QStringLiteral("--checksum"),
                               QStringLiteral("--password-env"),
                               QStringLiteral("VDS_PW")};
        auto p = profileFromArguments(Kind::Backup, QStringLiteral("nightly"), args);
        QVERIFY2(p, qPrintable(p ? QString() : joined(p.error())));
        QCOMPARE(p->params.value(QStringLiteral("stripes")).toInt(), 4);
        QCOMPARE(p->params.value(QStringLiteral("database")).toArray().size(), 2);
        QCOMPARE(p->params.value(QStringLiteral("password"))
                     .toObject()
                     .value(QStringLiteral("env"))
                     .toString(),
                 QStringLiteral("VDS_PW"));
        QVERIFY(p->params.value(QStringLiteral("checksum")).toBool());
        // JSON and back, then the command line parses into the same request.
        auto back = parseProfile(toJson(*p));
        QVERIFY2(back, qPrintable(back ? QString() : joined(back.error())));
        QCOMPARE(*back, *p);
        auto words = commandArguments(*back);
        QVERIFY(words);
        QCOMPARE(words->first(), QStringLiteral("backup"));
        QCommandLineParser a, b;
        a.addOptions(vds::backup::commandline::serverOptions() +
                     vds::backup::commandline::backupOptions());
        b.addOptions(vds::backup::commandline::serverOptions() +
                     vds::backup::commandline::backupOptions());
        QVERIFY(a.parse(QStringList{QStringLiteral("x")} + args));
        QVERIFY(b.parse(QStringList{QStringLiteral("x")} + words->mid(1)));
        auto ra = vds::backup::commandline::backupFrom(a);
        auto rb = vds::backup::commandline::backupFrom(b);
        QVERIFY(ra && rb);
        QCOMPARE(vds::backup::commandline::toArguments(*rb),
                 vds::backup::commandline::toArguments(*ra));
    }

    void vhdRoundTrip()
    {
        vds::vdisk::CreateParams c;
        c.sourcePath = "/tmp/source.img";
        c.path = "/tmp/out.vhdx";
        c.format = vds::vdisk::DiskFormat::Vhdx;
        c.type = vds::vdisk::DiskType::Dynamic;
        c.blockSize = 2 * 1024 * 1024;
        c.verify = true;
        const QStringList words = vds::cmdline::vhdArguments(c);
        auto p = profileFromArguments(Kind::VhdConvert, QStringLiteral("disk"), words.mid(2));
        QVERIFY2(p, qPrintable(p ? QString() : joined(p.error())));
        QCOMPARE(p->params.value(QStringLiteral("source")).toString(),
                 QStringLiteral("/tmp/source.img"));
        QCOMPARE(p->params.value(QStringLiteral("block-size")).toString(), QStringLiteral("2M"));
        auto args = commandArguments(*p);
        QVERIFY(args);
        auto parsed = vds::cmdline::parseVhdArguments(args->mid(1));
        QVERIFY(parsed);
        QCOMPARE(vds::cmdline::vhdArguments(*parsed), words);
    }

    /// The seam for the backup dialog and the restore wizard: their Params become a profile
    /// whose command line parses back into the same Params.
    void dialogParamsRoundTrip()
    {
        namespace cl = vds::backup::commandline;
        vds::backup::BackupParams b;
        b.server.kind = vds::backup::ServerRef::Kind::Sim;
        b.database = "Sales";
        b.directory = "/srv/b";
        b.type = vds::backup::BackupType::Log;
        b.stripes = 3;
        b.codec = vds::backup::Codec::Zstd;
        b.zstdLevel = 7;
        b.encryption.kind = vds::backup::Encryption::AgeScrypt;
        b.encryption.passphraseEnv = "VDS_PASS";
        b.encryption.passphrase = "resolved secret";
        auto p = profileFor(b, QStringLiteral("from dialog"));
        QVERIFY2(p, qPrintable(p ? QString() : joined(p.error())));
        QVERIFY(!toJson(*p).contains("resolved secret")); // only the reference is kept
        auto words = commandArguments(*p);
        QVERIFY(words);
        QCommandLineParser parser;
        parser.addOptions(cl::serverOptions() + cl::backupOptions());
        QVERIFY(parser.parse(QStringList{QStringLiteral("x")} + words->mid(1)));
        auto back = cl::backupFrom(parser);
        QVERIFY(back);
        QCOMPARE(back->databases, std::vector<std::string>{"Sales"});
        cl::BackupRequest original; // the same request as the command line states it
        original.params = b;
        original.params.database.clear();
        original.databases = {"Sales"};
        QCOMPARE(cl::toArguments(*back), cl::toArguments(original));

        vds::backup::RestoreParams r;
        r.server.kind = vds::backup::ServerRef::Kind::Host;
        r.server.host = "db1";
        r.server.port = 1500;
        r.server.login = "sa";
        r.server.passwordFile = "/etc/pw";
        r.from = "/srv/b/x.manifest.json";
        r.database = "Sales_copy";
        r.norecovery = true;
        r.moves = {{"Sales", "/data/s.mdf"}, {"Sales_log", "/data/s.ldf"}};
        auto rp = profileFor(r, QStringLiteral("restore"));
        QVERIFY2(rp, qPrintable(rp ? QString() : joined(rp.error())));
        QCOMPARE(rp->params.value(QStringLiteral("password"))
                     .toObject()
                     .value(QStringLiteral("file"))
                     .toString(),
                 QStringLiteral("/etc/pw"));
        auto rw = commandArguments(*rp);
        QVERIFY(rw);
        QCommandLineParser rparser;
        rparser.addOptions(cl::serverOptions() + cl::restoreOptions());
        QVERIFY(rparser.parse(QStringList{QStringLiteral("x")} + rw->mid(1)));
        auto rback = cl::restoreFrom(rparser);
        QVERIFY(rback);
        QCOMPARE(cl::toArguments(*rback), cl::toArguments(r));
    }

    void nameRefusals()
    {
        QCOMPARE(nameRefusal(QStringLiteral("Nightly Sales")), NameRefusal::None);
        QCOMPARE(nameRefusal(QStringLiteral("  ")), NameRefusal::Empty);
        QCOMPARE(nameRefusal(QString(kMaxNameLength + 1, QLatin1Char('x'))), NameRefusal::TooLong);
        QCOMPARE(nameRefusal(QStringLiteral(".hidden")), NameRefusal::LeadingDot);
        QCOMPARE(nameRefusal(QStringLiteral("Nightly ")), NameRefusal::EdgeSpace);
        QCOMPARE(nameRefusal(QStringLiteral("../x")), NameRefusal::LeadingDot);
        QCOMPARE(nameRefusal(QStringLiteral("a/b")), NameRefusal::BadCharacter);
        QCOMPARE(nameRefusal(QStringLiteral("a\tb")), NameRefusal::BadCharacter);
        // Files and the command line get the same reason in words.
        QVERIFY(nameProblem(QStringLiteral("Nightly Sales")).isEmpty());
        QCOMPARE(nameProblem(QStringLiteral("a/b")),
                 QStringLiteral("must not hold '/', '\\' or control characters"));
    }

    void everyErrorWithItsPath()
    {
        auto p = parseProfile(json(R"({"schemaVersion": 1, "kind": "backup", "name": "nightly",
            "backup": {"sim": true, "database": ["a"], "to": "/b", "stripes": 0,
                       "checksum": "yes", "colour": "red", "compress": "lz4"}})"));
        QVERIFY(!p);
        const QString text = joined(p.error());
        QVERIFY2(paths(p.error()).contains(QStringLiteral("backup.stripes")), qPrintable(text));
        QVERIFY2(paths(p.error()).contains(QStringLiteral("backup.checksum")), qPrintable(text));
        QVERIFY2(paths(p.error()).contains(QStringLiteral("backup.colour")), qPrintable(text));
        QVERIFY2(paths(p.error()).contains(QStringLiteral("backup.compress")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(
                     "x.vdsprofile: backup.stripes: takes a number from 1 to 64, got 0")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("backup.colour: unknown field")), qPrintable(text));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("words");
        QTest::newRow("invalid JSON") << json(R"({"schemaVersion": 1, "kind": )") << QString()
                                      << QStringLiteral("invalid JSON");
        QTest::newRow("not an object")
            << json("[1, 2]") << QString() << QStringLiteral("JSON object");
        QTest::newRow("wrong type")
            << json(R"({"schemaVersion": 1, "kind": "vhd-create", "name": "d",
            "vhd-create": {"path": "/tmp/a.vhdx", "size": true}})")
            << QStringLiteral("vhd-create.size") << QStringLiteral("must be a size");
        QTest::newRow("unknown top field")
            << json(R"({"schemaVersion": 1, "kind": "verify", "name": "v",
            "verify": {"from": "/b"}, "extra": 1})")
            << QStringLiteral("extra") << QStringLiteral("unknown field");
        QTest::newRow("future version")
            << json(R"({"schemaVersion": 7, "kind": "verify", "name": "v",
            "verify": {"from": "/b"}})")
            << QStringLiteral("schemaVersion") << QStringLiteral("needs schema version 7");
        QTest::newRow("no version")
            << json(R"({"kind": "verify", "name": "v", "verify": {"from": "/b"}})")
            << QStringLiteral("schemaVersion") << QStringLiteral("is required");
        QTest::newRow("escaping pattern")
            << json(R"({"schemaVersion": 1, "kind": "backup", "name": "n",
            "backup": {"sim": true, "database": ["a"], "to": "/b", "name-pattern": "../{database}"}})")
            << QStringLiteral("backup.name-pattern") << QStringLiteral("leaves the --to folder");
        QTest::newRow("inline password")
            << json(R"({"schemaVersion": 1, "kind": "restore", "name": "r",
            "restore": {"server": "db1", "login": "sa", "password": "hunter2", "from": "/b", "database": "x"}})")
            << QStringLiteral("restore.password") << QStringLiteral("never stored");
        QTest::newRow("inline passphrase")
            << json(R"({"schemaVersion": 1, "kind": "backup", "name": "n",
            "backup": {"sim": true, "database": ["a"], "to": "/b", "passphrase": "hunter2"}})")
            << QStringLiteral("backup.passphrase") << QStringLiteral("never stored");
        QTest::newRow("keyring of another connection")
            << json(R"({"schemaVersion": 1, "kind": "backup", "name": "n",
            "backup": {"sim": true, "database": ["a"], "to": "/b", "password": {"keyring": "prod"}}})")
            << QStringLiteral("backup.password.keyring") << QStringLiteral("stored connection");
        QTest::newRow("bad kind") << json(R"({"schemaVersion": 1, "kind": "defrag", "name": "n"})")
                                  << QStringLiteral("kind") << QStringLiteral("must be one of");
        QTest::newRow("bad name") << json(
                                         R"({"schemaVersion": 1, "kind": "verify", "name": "../etc",
            "verify": {"from": "/b"}})")
                                  << QStringLiteral("name") << QStringLiteral("must not");
        QTest::newRow("missing positional")
            << json(R"({"schemaVersion": 1, "kind": "vhd-convert", "name": "c",
            "vhd-convert": {"source": "/dev/sda"}})")
            << QStringLiteral("vhd-convert.target") << QStringLiteral("is required");
        QTest::newRow("engine rule")
            << json(R"({"schemaVersion": 1, "kind": "vhd-create", "name": "c",
            "vhd-create": {"path": "/tmp/x.vhd", "size": "1G", "format": "vhd", "block-size": "8M"}})")
            << QStringLiteral("vhd-create.block-size") << QStringLiteral("block");
        QTest::newRow("list of numbers")
            << json(R"({"schemaVersion": 1, "kind": "backup", "name": "n",
            "backup": {"sim": true, "database": [1], "to": "/b"}})")
            << QStringLiteral("backup.database[0]") << QStringLiteral("non-empty string");
    }

    void hostile()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, path);
        QFETCH(QString, words);
        auto p = parseProfile(document);
        QVERIFY(!p);
        const QString text = joined(p.error());
        QVERIFY2(paths(p.error()).contains(path), qPrintable(text));
        QVERIFY2(text.contains(words), qPrintable(text));
    }

    void migratesVersion0()
    {
        auto p = parseProfile(json(R"({"schemaVersion": 0, "kind": "verify", "name": "old",
            "params": {"from": "/srv/b"}})"));
        QVERIFY2(p, qPrintable(p ? QString() : joined(p.error())));
        QCOMPARE(p->schemaVersion, kSchemaVersion);
        QCOMPARE(p->params.value(QStringLiteral("from")).toString(), QStringLiteral("/srv/b"));
        QVERIFY(toJson(*p).contains("\"verify\""));
    }

    void hugeFileRefusedUnread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.vdsprofile"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(50LL * 1024 * 1024)); // sparse: 50 MB that cost nothing to make
        f.close();
        auto p = loadProfile(path);
        QVERIFY(!p);
        QVERIFY2(joined(p.error()).contains(QStringLiteral("52428800 bytes")),
                 qPrintable(joined(p.error())));
        auto b = loadBundle(path);
        QVERIFY(!b);
        // A FIFO would block a reader forever: refused without opening it.
        const QString fifo = dir.filePath(QStringLiteral("pipe.vdsprofile"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        auto piped = loadProfile(fifo);
        QVERIFY(!piped);
        QVERIFY(joined(piped.error()).contains(QStringLiteral("not a regular file")));
    }

    void bundleDuplicates()
    {
        Profile a{kSchemaVersion,
                  Kind::Verify,
                  QStringLiteral("same"),
                  {},
                  QJsonObject{{QStringLiteral("from"), QStringLiteral("/a")}}};
        Profile b = a;
        b.params.insert(QStringLiteral("from"), QStringLiteral("/b"));
        auto r = parseBundle(bundleJson({a, b}));
        QVERIFY(!r);
        QCOMPARE(paths(r.error()), QStringList{QStringLiteral("[1].name")});
        b.name = QStringLiteral("other");
        auto ok = parseBundle(bundleJson({a, b}));
        QVERIFY(ok);
        QCOMPARE(ok->size(), 2);
        // Errors inside a bundle carry the element's index.
        QJsonArray broken = QJsonDocument::fromJson(bundleJson({a, b})).array();
        QJsonObject second = broken[1].toObject();
        second.insert(QStringLiteral("verify"), QJsonObject{{QStringLiteral("from"), 3}});
        broken[1] = second;
        auto bad = parseBundle(QJsonDocument(broken).toJson());
        QVERIFY(!bad);
        QCOMPARE(paths(bad.error()), QStringList{QStringLiteral("[1].verify.from")});
    }

    void storeModeAtomicWatch()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles")));
        Profile p{kSchemaVersion,
                  Kind::Verify,
                  QStringLiteral("weekly check"),
                  {},
                  QJsonObject{{QStringLiteral("from"), QStringLiteral("/a")}}};
        QVERIFY(store.save(p));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(store.pathFor(p.name)).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(!store.save(p, false)); // no overwrite asked: refused
        auto loaded = store.load(p.name);
        QVERIFY(loaded);
        QCOMPARE(*loaded, p);
        QCOMPARE(store.freeName(p.name), QStringLiteral("weekly check (2)"));

        store.watch();
        QSignalSpy changed(&store, &ProfileStore::changed);
        QFile f(store.pathFor(QStringLiteral("outside")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        Profile o = p;
        o.name = QStringLiteral("outside");
        f.write(toJson(o));
        f.close();
        QTRY_VERIFY(changed.count() > 0);
        QCOMPARE(store.list().size(), 2);

        QVERIFY(store.rename(QStringLiteral("outside"), QStringLiteral("renamed")));
        QVERIFY(!store.contains(QStringLiteral("outside")));
        QCOMPARE(store.load(QStringLiteral("renamed"))->name, QStringLiteral("renamed"));
        QVERIFY(store.remove(QStringLiteral("renamed")));
        QCOMPARE(store.list().size(), 1);
    }

    void importConflicts()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles")));
        Profile a{kSchemaVersion,
                  Kind::Verify,
                  QStringLiteral("a"),
                  {},
                  QJsonObject{{QStringLiteral("from"), QStringLiteral("/old")}}};
        QVERIFY(store.save(a));
        Profile incoming = a;
        incoming.params.insert(QStringLiteral("from"), QStringLiteral("/new"));
        Profile fresh{kSchemaVersion,
                      Kind::Verify,
                      QStringLiteral("b"),
                      {},
                      QJsonObject{{QStringLiteral("from"), QStringLiteral("/b")}}};

        const auto before = snapshot(dir.path());
        auto skip = previewImport(store, {incoming, fresh}, Conflict::Skip);
        QCOMPARE(snapshot(dir.path()), before); // a preview changes nothing
        QCOMPARE(skip[0].action, ImportStep::Action::Skip);
        QCOMPARE(skip[1].action, ImportStep::Action::Add);

        auto both = previewImport(store, {incoming}, Conflict::KeepBoth);
        QCOMPARE(both[0].profile.name, QStringLiteral("a (2)"));
        QVERIFY(applyImport(store, both));
        QCOMPARE(store.load(QStringLiteral("a"))->params.value(QStringLiteral("from")).toString(),
                 QStringLiteral("/old"));
        QCOMPARE(
            store.load(QStringLiteral("a (2)"))->params.value(QStringLiteral("from")).toString(),
            QStringLiteral("/new"));

        QVERIFY(applyImport(store, previewImport(store, {incoming}, Conflict::Replace)));
        QCOMPARE(store.load(QStringLiteral("a"))->params.value(QStringLiteral("from")).toString(),
                 QStringLiteral("/new"));
    }

    void brokenFilesChangeNothing()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles")));
        Profile a{kSchemaVersion,
                  Kind::Verify,
                  QStringLiteral("a"),
                  {},
                  QJsonObject{{QStringLiteral("from"), QStringLiteral("/a")}}};
        QVERIFY(store.save(a));
        QFile bad(dir.filePath(QStringLiteral("bad.vdsbundle")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(bundleJson({a, a}));
        bad.close();
        const auto before = snapshot(dir.path());
        QVERIFY(!loadBundle(bad.fileName()));
        Profile invalid = a;
        invalid.name = QStringLiteral("../escape");
        QVERIFY(!store.save(invalid));
        QCOMPARE(snapshot(dir.path()), before);
    }

    void exportsCommandLineAndUnits()
    {
        auto p = profileFromArguments(
            Kind::Backup, QStringLiteral("nightly sales"),
            {QStringLiteral("--server"), QStringLiteral("db1:1433"), QStringLiteral("--login"),
             QStringLiteral("backup"), QStringLiteral("--password-file"),
             QStringLiteral("/home/u/.pw"), QStringLiteral("--database"),
             QStringLiteral("Sales 100%"), QStringLiteral("--to"), QStringLiteral("/srv/b")});
        QVERIFY2(p, qPrintable(p ? QString() : joined(p.error())));
        auto line = commandLine(*p);
        QVERIFY(line);
        QCOMPARE(*line,
                 QStringLiteral("vdsctl backup --server db1:1433 --login backup --password-file "
                                "/home/u/.pw --database 'Sales 100%' --to /srv/b"));
        SystemdOptions o{
            QStringLiteral("/usr/bin/vdsctl"), QStringLiteral("Mon..Fri 02:00"), {}, {}};
        auto units = systemdUnits(*p, o);
        QVERIFY2(units, qPrintable(units ? QString() : joined(units.error())));
        QCOMPARE(units->baseName, QStringLiteral("vdstudio-nightly-sales"));
        QVERIFY(units->service.contains(QStringLiteral("LoadCredential=password:/home/u/.pw\n")));
        QVERIFY(units->service.contains(QStringLiteral("--password-file %d/password")));
        QVERIFY(units->service.contains(QStringLiteral("\"Sales 100%%\"")));
        QVERIFY(!units->service.contains(QStringLiteral("/home/u/.pw --")));
        QVERIFY(units->timer.contains(QStringLiteral("OnCalendar=Mon..Fri 02:00\n")));
        auto t = tsql(*p);
        QVERIFY(t);
        QCOMPARE(t->virtualDevice.size(), 1);
        QVERIFY2(
            t->virtualDevice[0].startsWith(QStringLiteral(
                "BACKUP DATABASE [Sales 100%] TO VIRTUAL_DEVICE = N'vdstudio-Sales 100%-{uuid}'")),
            qPrintable(t->virtualDevice[0]));
        QVERIFY2(
            t->toDisk[0].contains(QStringLiteral("TO DISK = N'/srv/b/db1_1433_Sales 100%_full_")),
            qPrintable(t->toDisk[0]));
        // An environment password cannot reach a timer without a file named for it.
        auto env = profileFromArguments(Kind::Verify, QStringLiteral("v"),
                                        {QStringLiteral("--from"), QStringLiteral("/b"),
                                         QStringLiteral("--server"), QStringLiteral("db1"),
                                         QStringLiteral("--login"), QStringLiteral("sa"),
                                         QStringLiteral("--password-env"), QStringLiteral("PW")});
        QVERIFY(env);
        QVERIFY(!systemdUnits(*env, o));
        o.passwordFile = QStringLiteral("/etc/pw");
        auto withFile = systemdUnits(*env, o);
        QVERIFY(withFile);
        QVERIFY(withFile->service.contains(QStringLiteral("LoadCredential=password:/etc/pw")));
        QVERIFY(!withFile->service.contains(QStringLiteral("PW")) ||
                !withFile->service.contains(QStringLiteral("password-env")));
    }
};

QTEST_GUILESS_MAIN(ProfilesCodec)
#include "tst_profiles_codec.moc"
