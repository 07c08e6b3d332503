#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <vds/version.h>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

const QString vdsctl = QStringLiteral(VDSCTL_PATH);
const QString vdstudio = QStringLiteral(VDSTUDIO_PATH);

} // namespace

class TestVdsctl : public QObject {
    Q_OBJECT
private slots:
    void versionsAgree()
    {
        const Run a = run(vdsctl, {QStringLiteral("--version")});
        const Run b = run(vdstudio, {QStringLiteral("--version")});
        QCOMPARE(a.code, 0);
        QCOMPARE(b.code, 0);
        QCOMPARE(a.out.trimmed(), QStringLiteral("vdsctl " VDS_VERSION_STRING));
        QCOMPARE(b.out.trimmed(), QStringLiteral("vdstudio " VDS_VERSION_STRING));
    }
    void helpListsCommandsAndExitCodes()
    {
        const Run r = run(vdsctl, {QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Commands:")));
        QVERIFY(r.out.contains(QStringLiteral("  about ")));
        QVERIFY(r.out.contains(QStringLiteral("2 usage or invalid input")));
    }
    void badOptionExitsTwoWithOneLineHint_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("global") << vdsctl << QStringList{QStringLiteral("--bogus")};
        QTest::newRow("command") << vdsctl
                                 << QStringList{QStringLiteral("about"), QStringLiteral("--bogus")};
        QTest::newRow("unknown command") << vdsctl << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("no command") << vdsctl << QStringList{};
        QTest::newRow("gui") << vdstudio << QStringList{QStringLiteral("--bogus")};
        QTest::newRow("gui page") << vdstudio
                                  << QStringList{QStringLiteral("--page"),
                                                 QStringLiteral("nowhere")};
    }
    void badOptionExitsTwoWithOneLineHint()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        const Run r = run(program, args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.err.contains(QStringLiteral("--help')")), qPrintable(r.err));
    }
    void commandHelp()
    {
        const Run r = run(vdsctl, {QStringLiteral("about"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--json")));
        const Run h = run(vdsctl, {QStringLiteral("help"), QStringLiteral("about")});
        QCOMPARE(h.code, 0);
        QCOMPARE(h.out, r.out);
    }
    void aboutJson()
    {
        const Run r = run(vdsctl, {QStringLiteral("about"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonParseError e{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("version")).toString(),
                 QStringLiteral(VDS_VERSION_STRING));
        const QJsonObject libs = doc.object().value(QStringLiteral("libraries")).toObject();
        QVERIFY(libs.value(QStringLiteral("Qt")).toString().startsWith(QStringLiteral("6.")));
        QVERIFY(!libs.value(QStringLiteral("zstd")).toString().isEmpty());
    }
    void serverWithTheSimulator()
    {
        const Run r = run(
            vdsctl, {QStringLiteral("server"), QStringLiteral("--sim"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(o.value(QStringLiteral("simulator")).toBool());
        QVERIFY(o.value(QStringLiteral("isSysadmin")).toBool());
        QVERIFY(
            o.value(QStringLiteral("productVersion")).toString().startsWith(QStringLiteral("16.")));
        bool demo = false;
        for (const auto &d : o.value(QStringLiteral("databases")).toArray())
            demo = demo || (d.toObject().value(QStringLiteral("name")).toString() ==
                                QStringLiteral("Demo") &&
                            d.toObject().value(QStringLiteral("sizeBytes")).toInteger() > 0);
        QVERIFY(demo);
    }
    void serverUsageAndUnreachable()
    {
        QCOMPARE(run(vdsctl, {QStringLiteral("server")}).code, 2);
        QCOMPARE(run(vdsctl, {QStringLiteral("server"), QStringLiteral("--sim"),
                              QStringLiteral("--server"), QStringLiteral("x")})
                     .code,
                 2);
        QCOMPARE(run(vdsctl,
                     {QStringLiteral("server"), QStringLiteral("--server"),
                      QStringLiteral("h:99999"), QStringLiteral("--login"), QStringLiteral("sa")})
                     .code,
                 2);
        // Nothing listens on port 1: the job fails (exit 1) with one clear line, no hang.
        // SQL Server's own spelling HOST,PORT means the same.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VDS_TEST_PW"), QStringLiteral("x"));
        for (const QString &where :
             {QStringLiteral("127.0.0.1:1"), QStringLiteral("127.0.0.1,1")}) {
            const Run r = run(vdsctl,
                              {QStringLiteral("server"), QStringLiteral("--server"), where,
                               QStringLiteral("--login"), QStringLiteral("sa"),
                               QStringLiteral("--password-env"), QStringLiteral("VDS_TEST_PW")},
                              env);
            QCOMPARE(r.code, 1);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.startsWith(QStringLiteral("vdsctl server: ")), qPrintable(r.err));
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // the message once, no log line before
        }
    }
    void serverNeverTriesAnEmptyPassword()
    {
        // No password option and no terminal: exit 2 with the way out, never a login attempt.
        const Run r = run(vdsctl, {QStringLiteral("server"), QStringLiteral("--server"),
                                   QStringLiteral("127.0.0.1:1"), QStringLiteral("--login"),
                                   QStringLiteral("sa")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--password-env")), qPrintable(r.err));
    }
    void serverNamesAMissingDriver()
    {
        const Run r = run(vdsctl, {QStringLiteral("server"), QStringLiteral("--sim"),
                                   QStringLiteral("--driver"), QStringLiteral("No Such Driver 9")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'No Such Driver 9' is not installed")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("FreeTDS")), qPrintable(r.err)); // odbcinst's list
    }
    void simulatorKeepsItsDataInTheDataHome()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
        const Run r = run(vdsctl, {QStringLiteral("server"), QStringLiteral("--sim")}, env);
        QCOMPARE(r.code, 0);
        const QString dir = data.filePath(QStringLiteral("vdstudio/sim"));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/Demo.mdf")));
        QCOMPARE(QFileInfo(dir).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        // Killed hard (SIGKILL) while the simulator runs: nothing temporary to leave behind,
        // and the next run uses the same folder.
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(vdsctl, {QStringLiteral("server"), QStringLiteral("--sim")});
        QVERIFY(p.waitForStarted());
        QTest::qWait(100);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            QVERIFY(p.waitForFinished());
        }
        QDir top(data.path());
        QCOMPARE(top.entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("vdstudio")});
        QCOMPARE(run(vdsctl, {QStringLiteral("server"), QStringLiteral("--sim")}, env).code, 0);
    }
    void guiHelpAndNoDisplay()
    {
        const Run help = run(vdstudio, {QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: vdstudio ")), qPrintable(help.out));
        // No display at all: our advice and exit 1, not Qt's abort (134).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        Run r = run(vdstudio, {}, env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("xvfb-run")), qPrintable(r.err));
        // A display that is not there: Qt's fatal message becomes the same advice.
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":97"));
        r = run(vdstudio, {}, env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("xvfb-run")), qPrintable(r.err));
    }
    void vhdCreateAndConvertMessages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString parent = dir.filePath(QStringLiteral("p.vhdx"));
        // A fixed disk with a parent: the real reason, not "--size is required".
        Run r = run(vdsctl, {QStringLiteral("vhd"), QStringLiteral("create"),
                             dir.filePath(QStringLiteral("c.vhdx")), QStringLiteral("--parent"),
                             parent, QStringLiteral("--type"), QStringLiteral("fixed")});
        QCOMPARE(r.code, 2);
        QVERIFY2(!r.err.contains(QStringLiteral("--size")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("cannot be fixed")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("ERROR_INVALID_PARAMETER (87)")), qPrintable(r.err));
        // Without a size and a parent the size is what is missing.
        r = run(vdsctl, {QStringLiteral("vhd"), QStringLiteral("create"),
                         dir.filePath(QStringLiteral("c.vhdx"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--size is required")), qPrintable(r.err));
        // A missing parent: the job ran and failed (1), the message once.
        r = run(vdsctl,
                {QStringLiteral("vhd"), QStringLiteral("create"),
                 dir.filePath(QStringLiteral("c.vhdx")), QStringLiteral("--parent"), parent});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        // Large codes in hex with their name.
        r = run(vdsctl, {QStringLiteral("vhd"), QStringLiteral("create"),
                         dir.filePath(QStringLiteral("big.vhd")), QStringLiteral("--size"),
                         QStringLiteral("2041G")});
        QVERIFY2(r.err.contains(QStringLiteral("0xC03A0012 ERROR_VHD_INVALID_SIZE")),
                 qPrintable(r.err));
        // convert offers only what it accepts.
        r = run(vdsctl,
                {QStringLiteral("vhd"), QStringLiteral("convert"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(
            r.out.startsWith(QStringLiteral("Usage: vdsctl vhd convert [options] SOURCE TARGET")),
            qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("differencing")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--sparse")));
    }
    void guiWritesItsLogToTheStateDirectory()
    {
        QTemporaryDir state;
        QVERIFY(state.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_STATE_HOME"), state.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("VDS_LOG_LEVEL"), QStringLiteral("debug"));
        const QString shot = state.filePath(QStringLiteral("shot.png"));
        const Run r = run(
            vdstudio,
            {QStringLiteral("--page"), QStringLiteral("log"), QStringLiteral("--screenshot"), shot},
            env);
        QCOMPARE(r.code, 0);
        QVERIFY(QFileInfo(shot).size() > 1000);
        QFile log(state.filePath(QStringLiteral("vdstudio/vdstudio.log")));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY(
            text.contains(QStringLiteral("Virtual Device Studio " VDS_VERSION_STRING " started")));
    }
};

QTEST_GUILESS_MAIN(TestVdsctl)
#include "tst_vdsctl.moc"
