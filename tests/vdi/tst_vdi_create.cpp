// vdi_create: CreateEx, configuration validation, instance and set names, concurrency,
// access rights and the client state machine before data flows (docs/vdi-protocol.md,
// "Client states").
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>

#include <thread>

#include "vditest.h"
#include <vds/vdi/serverset.h>

using namespace vds::vdi;
using namespace vdstest;

class TestVdiCreate : public QObject {
    Q_OBJECT
private slots:
    void createOnceThenProtocolThenAgainAfterClose();
    void invalidConfig_data();
    void invalidConfig();
    void validBoundaries();
    void instanceNames();
    void twoInstancesTwoNamespaces();
    void setNames_data();
    void setNames();
    void namesAreCaseSensitive();
    void concurrentCreateOneWinnerPerName();
    void concurrentCreateOnOneObject();
    void modeAndGroupSurviveUmask();
    void otherUidIsRefused();
    void serverGroupMemberMayOpen();
    void stateMachineBeforeData();
    void getConfigurationTimeouts();
    void cleanupTestCase();
};

void TestVdiCreate::createOnceThenProtocolThenAgainAfterClose()
{
    const std::string inst = uniqueInstance('A');
    const std::string name = uniqueName("once");
    auto set = newClient();
    QVERIFY(set);
    Config cfg;
    QVERIFY(set->create(inst, name, cfg).has_value());
    QCOMPARE(code(set->create(inst, name, cfg)), hr::kProtocol);
    QCOMPARE(code(set->create(inst, uniqueName("other"), cfg)), hr::kProtocol);
    auto second = newClient();
    QCOMPARE(code(second->create(inst, name, cfg)), hr::kProtocol); // the name is taken
    QVERIFY(set->close().has_value());
    QVERIFY(set->create(inst, name, cfg).has_value()); // same object, same name, again
    QVERIFY(set->close().has_value());
    QVERIFY(second->create(inst, name, cfg).has_value()); // and a new object once it is free
    QVERIFY(second->close().has_value());
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiCreate::invalidConfig_data()
{
    QTest::addColumn<quint32>("deviceCount");
    QTest::addColumn<quint32>("features");
    QTest::addColumn<quint32>("alignment");
    QTest::addColumn<quint32>("softFileMark");
    QTest::newRow("0 devices") << 0u << 0u << 0u << 0u;
    QTest::newRow("65 devices") << 65u << 0u << 0u << 0u;
    QTest::newRow("unknown feature 0x4") << 1u << 0x4u << 0u << 0u;
    QTest::newRow("unknown feature 0x100000") << 1u << 0x100000u << 0u << 0u;
    QTest::newRow("server-only WriteMedia") << 1u << 0x10000u << 0u << 0u;
    QTest::newRow("alignment 3") << 1u << 0u << 3u << 0u;
    QTest::newRow("alignment 1000") << 1u << 0u << 1000u << 0u;
    QTest::newRow("alignment 128K") << 1u << 0u << 131072u << 0u;
    QTest::newRow("soft filemarks without VDF_FileMarks") << 1u << 0u << 0u << 512u;
}

void TestVdiCreate::invalidConfig()
{
    QFETCH(quint32, deviceCount);
    QFETCH(quint32, features);
    QFETCH(quint32, alignment);
    QFETCH(quint32, softFileMark);
    const std::string inst = uniqueInstance('B');
    auto set = newClient();
    Config cfg;
    cfg.deviceCount = deviceCount;
    cfg.features = features;
    cfg.alignment = alignment;
    cfg.softFileMarkBlockSize = softFileMark;
    QCOMPARE(code(set->create(inst, uniqueName("bad"), cfg)), hr::kNotSupported);
    // Nothing was created: the object is still usable with a good configuration.
    QVERIFY(set->create(inst, uniqueName("good"), Config{}).has_value());
    QVERIFY(set->close().has_value());
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiCreate::validBoundaries()
{
    const std::string inst = uniqueInstance('B');
    auto set = newClient();
    Config cfg;
    cfg.deviceCount = 64;
    cfg.alignment = 65536;
    cfg.features = feature::kRequestComplete | feature::kFileMarks;
    cfg.softFileMarkBlockSize = 512;
    QVERIFY(set->create(inst, uniqueName("edge"), cfg).has_value());
    QVERIFY(set->close().has_value());
}

void TestVdiCreate::instanceNames()
{
    const std::string name = uniqueName("inst");
    auto set = newClient();
    QVERIFY(set->create("", name, Config{}).has_value()); // null/empty = default instance
    ServerSet server;
    QVERIFY(server.open("MSSQLSERVER", name).has_value()); // the default instance, by name
    QVERIFY(server.close().has_value() || true);
    QVERIFY(set->close().has_value() || true);
    auto bad = newClient();
    QCOMPARE(code(bad->create("MACHINE\\" + uniqueInstance('C'), uniqueName("x"), Config{})),
             hr::kInstanceName);
    QCOMPARE(code(bad->create("has space", uniqueName("x"), Config{})), hr::kInstanceName);
    QCOMPARE(code(bad->create("ABCDEFGHIJKLMNOPQ", uniqueName("x"), Config{})), hr::kInstanceName);
    QCOMPARE(code(bad->openInSecondary("MACHINE\\X", "x")), hr::kInstanceName);
    // Instance names are case-insensitive, as in SQL Server.
    const std::string inst = uniqueInstance('c');
    QVERIFY(bad->create(inst, name, Config{}).has_value());
    ServerSet upper;
    QVERIFY(upper.open(QString::fromStdString(inst).toUpper().toStdString(), name).has_value());
    (void)upper.close();
    (void)bad->close();
}

void TestVdiCreate::twoInstancesTwoNamespaces()
{
    const std::string a = uniqueInstance('D'), b = uniqueInstance('E');
    const std::string name = uniqueName("same");
    auto sa = newClient(), sb = newClient();
    Config ca, cb;
    ca.deviceCount = 3;
    cb.deviceCount = 7;
    QVERIFY(sa->create(a, name, ca).has_value());
    QVERIFY(sb->create(b, name, cb).has_value()); // same set name, other instance: no clash
    ServerSet server;
    QVERIFY(server.open(b, name).has_value());
    QCOMPARE(server.clientConfiguration()->deviceCount, 7u);
    (void)server.close();
    ServerSet other;
    QVERIFY(other.open(a, name).has_value());
    QCOMPARE(other.clientConfiguration()->deviceCount, 3u);
    (void)other.close();
    ServerSet none;
    QVERIFY(!none.open(uniqueInstance('F'), name).has_value());
    (void)sa->close();
    (void)sb->close();
    QVERIFY(shmObjects(a).isEmpty());
    QVERIFY(shmObjects(b).isEmpty());
}

void TestVdiCreate::setNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("slash") << QStringLiteral("db/backup/one") << true;
    QTest::newRow("spaces") << QStringLiteral("my backup set") << true;
    QTest::newRow("non-ascii") << QStringLiteral("sauvegarde-été-☃-名前-🙂") << true;
    QTest::newRow("punctuation") << QStringLiteral("a:b*c?d\"e<f>g|h.%$#") << true;
    QTest::newRow("long 1000") << QString(1000, QLatin1Char('L')) << true;
    QTest::newRow("long non-ascii") << QString(600, QChar(0x00E9)) << true;
    QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestVdiCreate::setNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const std::string inst = uniqueInstance('G');
    const std::string utf8 =
        (name.isEmpty() ? name : name + QString::number(::getpid())).toStdString();
    auto set = newClient();
    Config cfg;
    cfg.deviceCount = 2;
    const auto created = set->create(inst, utf8, cfg);
    if (!valid) {
        QCOMPARE(code(created), hr::kInvalid);
        return;
    }
    QVERIFY2(created.has_value(), created ? "" : created.error().toString().c_str());
    ServerSet server;
    QVERIFY(server.open(inst, utf8).has_value());
    QCOMPARE(server.clientConfiguration()->deviceCount, 2u);
    QVERIFY(server.beginConfiguration({0, 0, 512, 65536}).has_value());
    QVERIFY(server.requestBuffers(65536, 0, 2).has_value());
    QVERIFY(server.endConfiguration().has_value());
    QVERIFY(set->getConfiguration(5000).has_value());
    QVERIFY(server.openDevice(utf8).has_value()); // device 1 carries the set's name
    QVERIFY(set->openDevice(utf8).has_value());
    (void)set->close();
    (void)server.close();
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiCreate::namesAreCaseSensitive()
{
    const std::string inst = uniqueInstance('H');
    const std::string name = uniqueName("CaseName");
    std::string lower = name;
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto set = newClient();
    QVERIFY(set->create(inst, name, Config{}).has_value());
    ServerSet server;
    QCOMPARE(code(server.open(inst, lower)), hr::kInvalid);
    auto other = newClient();
    QVERIFY(other->create(inst, lower, Config{}).has_value()); // a different set
    const auto opened = server.open(inst, name);
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().toString().c_str());
    (void)server.close();
    (void)set->close();
    (void)other->close();
}

void TestVdiCreate::concurrentCreateOneWinnerPerName()
{
    const std::string inst = uniqueInstance('I');
    for (int round = 0; round < 5; ++round) {
        const std::string name = uniqueName("race");
        constexpr int kThreads = 16;
        std::vector<std::unique_ptr<ClientSet>> sets;
        for (int i = 0; i < kThreads; ++i)
            sets.push_back(newClient());
        std::atomic<int> go{0}, winners{0}, protocol{0}, winner{-1};
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back([&, i] {
                while (go.load() == 0)
                    std::this_thread::yield();
                Config cfg;
                cfg.deviceCount = static_cast<std::uint32_t>(i + 1);
                auto r = sets[static_cast<std::size_t>(i)]->create(inst, name, cfg);
                if (r) {
                    ++winners;
                    winner = i;
                } else if (code(r) == hr::kProtocol) {
                    ++protocol;
                }
            });
        go = 1;
        for (auto &t : threads)
            t.join();
        QCOMPARE(winners.load(), 1);
        QCOMPARE(protocol.load(), kThreads - 1);
        // No torn state: the set holds exactly the winner's configuration and name.
        ServerSet server;
        QVERIFY(server.open(inst, name).has_value());
        QCOMPARE(server.clientConfiguration()->deviceCount,
                 static_cast<std::uint32_t>(winner.load() + 1));
        (void)server.close();
        for (auto &s : sets)
            (void)s->close();
    }
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiCreate::concurrentCreateOnOneObject()
{
    const std::string inst = uniqueInstance('J');
    auto set = newClient();
    std::atomic<int> ok{0}, protocol{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 12; ++i)
        threads.emplace_back([&, i] {
            auto r = set->create(inst, uniqueName("obj" + std::to_string(i)), Config{});
            (r ? ok : protocol) += (r || code(r) == hr::kProtocol) ? 1 : 0;
        });
    for (auto &t : threads)
        t.join();
    QCOMPARE(ok.load(), 1);
    QCOMPARE(protocol.load(), 11);
    QCOMPARE(shmObjects(inst).size(), 1);
    (void)set->close();
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiCreate::modeAndGroupSurviveUmask()
{
    const std::string inst = uniqueInstance('K');
    const mode_t old = ::umask(077);
    ClientOptions o;
    o.serverGroup = "nogroup";
    auto set = newClient(o);
    const auto r = set->create(inst, uniqueName("mode"), Config{});
    ::umask(old);
    QVERIFY(r.has_value());
    const QStringList objects = shmObjects(inst);
    QCOMPARE(objects.size(), 1);
    struct stat st {};
    QCOMPARE(::stat(("/dev/shm/" + objects[0].toStdString()).c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0660u);
    QCOMPARE(st.st_uid, ::geteuid());
    QCOMPARE(st.st_gid, ::getgrnam("nogroup")->gr_gid);
    (void)set->close();
}

namespace {
/// A copy of the helper and of libvdsbase in a folder every user can read: the build tree may
/// sit in a place another uid cannot enter (root's home, mode 0700), and the helper must still
/// start there. The copy finds the library through LD_LIBRARY_PATH, which the loader searches
/// before the build tree's run path.
class StagedHelper {
public:
    StagedHelper()
    {
        m_dir.setAutoRemove(true);
        const QString dir = m_dir.path();
        m_ok = QFile::copy(helperPath(), dir + QStringLiteral("/vdi_helper")) &&
               QFile::copy(QStringLiteral(VDSBASE_PATH),
                           dir + QStringLiteral("/") + QStringLiteral(VDSBASE_SONAME));
        const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                              QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                              QFile::ExeOther;
        m_ok = m_ok && QFile::setPermissions(dir, readable) &&
               QFile::setPermissions(dir + QStringLiteral("/vdi_helper"), readable) &&
               QFile::setPermissions(dir + QStringLiteral("/") + QStringLiteral(VDSBASE_SONAME),
                                     readable);
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] QString path() const { return m_dir.path() + QStringLiteral("/vdi_helper"); }
    [[nodiscard]] QString dir() const { return m_dir.path(); }

private:
    // Under /tmp (not TMPDIR): a folder other users can reach.
    QTemporaryDir m_dir{QStringLiteral("/tmp/vds-vdi-helper-XXXXXX")};
    bool m_ok = false;
};

/// Runs the helper's try-open as user nobody (setpriv drops every group it does not name).
QString tryOpenAsNobody(const std::string &inst, const std::string &name, const QString &group)
{
    StagedHelper helper;
    if (!helper.ok())
        return QStringLiteral("cannot stage the helper in /tmp");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_LIBRARY_PATH"), helper.dir());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("setpriv"),
            {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=") + group,
             QStringLiteral("--clear-groups"), helper.path(), QStringLiteral("try-open"),
             QString::fromStdString(inst), QString::fromStdString(name)});
    p.waitForFinished(20000);
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}
} // namespace

void TestVdiCreate::otherUidIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run a process as another uid");
    const std::string inst = uniqueInstance('L');
    const std::string name = uniqueName("private");
    ClientOptions o;
    o.serverGroup = "root";
    auto set = newClient(o);
    QVERIFY(set->create(inst, name, Config{}).has_value());
    const QString out = tryOpenAsNobody(inst, name, QStringLiteral("nogroup"));
    QVERIFY2(out.contains(QStringLiteral("SECONDARY VD_E_SECURITY")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("SERVER VD_E_SECURITY")), qPrintable(out));
    (void)set->close();
}

void TestVdiCreate::serverGroupMemberMayOpen()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run a process as another uid");
    const std::string inst = uniqueInstance('M');
    const std::string name = uniqueName("shared");
    ClientOptions o;
    o.serverGroup = "nogroup";
    auto set = newClient(o);
    QVERIFY(set->create(inst, name, Config{}).has_value());
    // nobody in the server group reaches the set: the server end opens it, and the secondary
    // is refused only for protocol reasons (the primary has not read the configuration).
    const QString out = tryOpenAsNobody(inst, name, QStringLiteral("nogroup"));
    QVERIFY2(out.contains(QStringLiteral("SERVER NOERROR")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("SECONDARY VD_E_PROTOCOL")), qPrintable(out));
    (void)set->close();
}

void TestVdiCreate::stateMachineBeforeData()
{
    const std::string inst = uniqueInstance('N');
    const std::string name = uniqueName("states");
    auto set = newClient();
    // DNE: everything but Create (and OpenInSecondary) is a protocol error.
    QCOMPARE(code(set->getConfiguration(0)), hr::kProtocol);
    QCOMPARE(code(set->openDevice(name)), hr::kProtocol);
    QCOMPARE(code(set->close()), hr::kProtocol);
    QCOMPARE(code(set->signalAbort()), hr::kProtocol);
    QCOMPARE(code(set->mapBufferHandle(0)), hr::kProtocol);
    Config cfg;
    cfg.deviceCount = 2;
    QVERIFY(set->create(inst, name, cfg).has_value());
    QCOMPARE(code(set->openDevice(name)), hr::kProtocol); // Configurable: not yet
    ServerSet server;
    QVERIFY(server.open(inst, name).has_value());
    QCOMPARE(code(server.openDevice(name)), hr::kProtocol);
    QCOMPARE(code(server.beginConfiguration({0, 0, 1000, 65536})), hr::kNotSupported);
    QCOMPARE(code(server.beginConfiguration({0, 256, 512, 65536})), hr::kNotSupported);
    QCOMPARE(code(server.beginConfiguration({0, 0, 512, 65536 + 512})), hr::kNotSupported);
    QVERIFY(server.beginConfiguration({feature::kWriteMedia, 0, 512, 1 << 20}).has_value());
    QVERIFY(server.requestBuffers(1 << 20, 0, 4).has_value());
    QVERIFY(server.endConfiguration().has_value());
    auto got = set->getConfiguration(5000);
    QVERIFY(got.has_value());
    QCOMPARE(got->features, feature::kWriteMedia);
    QCOMPARE(got->blockSize, 512u);
    QCOMPARE(got->maxTransferSize, 1u << 20);
    QCOMPARE(got->maxIoDepth, 4u);
    QVERIFY(got->bufferAreaSize >= 4u << 20);
    QVERIFY(set->getConfiguration(0).has_value()); // still callable while Initializing
    QVERIFY(server.openDevice(name).has_value());
    QCOMPARE(code(server.openDevice(name)), hr::kInvalid); // duplicate name
    QVERIFY(server.openDevice(name + "#1").has_value());
    QCOMPARE(code(server.openDevice(name + "#2")), hr::kOpen); // all devices open
    auto dev = set->openDevice(name);
    QVERIFY(dev.has_value());
    QCOMPARE(code(set->openDevice(name)), hr::kProtocol); // already open
    QCOMPARE(code(set->openDevice("no such device")), hr::kInvalid);
    QVERIFY(set->openDevice(name + "#1").has_value());
    QCOMPARE(code(set->openDevice(name + "#1")), hr::kOpen); // every device is open
    QCOMPARE(code((*dev)->getCommand(0)), hr::kTimeout);     // 0 polls
    QVERIFY(set->signalAbort().has_value());
    QCOMPARE(code((*dev)->getCommand(kInfinite)), hr::kAbort);
    QCOMPARE(code(set->getConfiguration(0)), hr::kAbort);
    QCOMPARE(code(set->openDevice(name)), hr::kAbort);
    QVERIFY(server.aborted());
    (void)server.close();
    QCOMPARE(code(set->close()), hr::kOpen); // devices still open: closed anyway
    QCOMPARE(code(set->close()), hr::kProtocol);
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiCreate::getConfigurationTimeouts()
{
    const std::string inst = uniqueInstance('O');
    auto set = newClient();
    QVERIFY(set->create(inst, uniqueName("wait"), Config{}).has_value());
    QElapsedTimer t;
    t.start();
    QCOMPARE(code(set->getConfiguration(0)), hr::kTimeout);
    QVERIFY(t.elapsed() < 50);
    t.restart();
    QCOMPARE(code(set->getConfiguration(150)), hr::kTimeout);
    QVERIFY(t.elapsed() >= 145);
    QVERIFY(t.elapsed() < 1000);
    // A negative timeout waits until something happens: here an abort from another thread.
    std::thread aborter([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        (void)set->signalAbort();
    });
    t.restart();
    QCOMPARE(code(set->getConfiguration(-5)), hr::kAbort);
    QVERIFY(t.elapsed() >= 190);
    aborter.join();
    (void)set->close();
}

void TestVdiCreate::cleanupTestCase()
{
    for (char tag : std::string("ABCcDEFGHIJKLMNO"))
        QVERIFY2(shmObjects(uniqueInstance(tag)).isEmpty(), "a test left shared memory behind");
}

QTEST_GUILESS_MAIN(TestVdiCreate)
#include "tst_vdi_create.moc"
