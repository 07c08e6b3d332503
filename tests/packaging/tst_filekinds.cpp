// Our own files as the desktop sees them: vds::info::fileKind names the kinds, the installed
// MIME XML (run through update-mime-database into a scratch XDG data dir, read back by
// QMimeDatabase) gives the same names the same types, the .desktop entry and the metainfo
// list exactly those types, `vdstudio FILE` refuses what is not ours, and MainWindow::openPath
// sends each kind to its page.
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ui/mainwindow.h"
#include <vds/info/filekind.h>
#include <vds/jobs/jobrunner.h>

using vds::info::FileKind;

namespace {

QSet<QString> allTypes()
{
    return {vds::info::mimeTypeName(FileKind::Profile), vds::info::mimeTypeName(FileKind::Bundle),
            vds::info::mimeTypeName(FileKind::Manifest)};
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestFileKinds : public QObject {
    Q_OBJECT
    QTemporaryDir m_xdg;

private slots:
    void initTestCase()
    {
        // QMimeDatabase reads XDG_DATA_DIRS once, on first use: point it at a scratch tree
        // holding only the system types plus ours.
        QVERIFY(m_xdg.isValid());
        const QString packages = m_xdg.filePath(QStringLiteral("mime/packages"));
        QVERIFY(QDir().mkpath(packages));
        QVERIFY(QFile::copy(QStringLiteral(RESOURCES_DIR "/vdstudio-mime.xml"),
                            packages + QStringLiteral("/vdstudio.xml")));
        QVERIFY(QFile::copy(QStringLiteral("/usr/share/mime/packages/freedesktop.org.xml"),
                            packages + QStringLiteral("/freedesktop.org.xml")));
        QProcess update;
        update.start(QStringLiteral("update-mime-database"),
                     {m_xdg.filePath(QStringLiteral("mime"))});
        QVERIFY(update.waitForFinished(60000));
        QCOMPARE(update.exitCode(), 0);
        qputenv("XDG_DATA_DIRS", m_xdg.path().toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_xdg.filePath(QStringLiteral("home")).toLocal8Bit());
    }

    void kinds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<FileKind>("kind");
        QTest::newRow("profile") << "/x/nightly.vdsprofile" << FileKind::Profile;
        QTest::newRow("profile upper") << "NIGHTLY.VDSPROFILE" << FileKind::Profile;
        QTest::newRow("bundle") << "all.vdsbundle" << FileKind::Bundle;
        QTest::newRow("manifest") << "srv_Demo_full_20261130T080000.manifest.json"
                                  << FileKind::Manifest;
        QTest::newRow("plain json") << "settings.json" << FileKind::Unknown;
        QTest::newRow("manifest without json") << "x.manifest" << FileKind::Unknown;
        QTest::newRow("backup stripe") << "x.bak.zst" << FileKind::Unknown;
        QTest::newRow("suffix in a folder") << "/a.vdsprofile/readme.txt" << FileKind::Unknown;
    }
    void kinds()
    {
        QFETCH(QString, name);
        QFETCH(FileKind, kind);
        QCOMPARE(vds::info::fileKind(name), kind);
        // The desktop's MIME database agrees, name for name.
        const QMimeType type = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension);
        if (kind == FileKind::Unknown) {
            QVERIFY2(!allTypes().contains(type.name()), qPrintable(type.name()));
        } else {
            QCOMPARE(type.name(), vds::info::mimeTypeName(kind));
            QVERIFY(type.inherits(QStringLiteral("application/json")));
            QVERIFY(!type.comment().isEmpty());
        }
    }

    void desktopEntryAndMetainfoListOurTypes()
    {
        const QString desktop = readText(QStringLiteral(RESOURCES_DIR "/vdstudio.desktop"));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^MimeType=(.*)$"),
                                                             QRegularExpression::MultilineOption)
                                              .match(desktop);
        QVERIFY(m.hasMatch());
        const QStringList listed = m.captured(1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        QCOMPARE(QSet<QString>(listed.begin(), listed.end()), allTypes());
        QVERIFY2(desktop.contains(QStringLiteral("\nExec=vdstudio %f\n")), "Exec passes the file");

        const QString metainfo =
            readText(QStringLiteral(RESOURCES_DIR "/io.github.vdstudio.metainfo.xml"));
        QSet<QString> media;
        auto it = QRegularExpression(QStringLiteral("<mediatype>([^<]+)</mediatype>"))
                      .globalMatch(metainfo);
        while (it.hasNext())
            media.insert(it.next().captured(1));
        QCOMPARE(media, allTypes());
    }

    void openPathSendsEachKindToItsPage()
    {
        QTemporaryDir dir;
        const auto make = [&](const QString &name) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{}");
        };
        make(QStringLiteral("n.vdsprofile"));
        make(QStringLiteral("b.vdsbundle"));
        make(QStringLiteral("s_D_full_1.manifest.json"));
        make(QStringLiteral("notes.txt"));

        vds::jobs::JobRunner runner;
        vds::ui::MainWindow w(runner, nullptr, QString());
        QSignalSpy manifests(&w, &vds::ui::MainWindow::manifestOpenRequested);
        QSignalSpy profiles(&w, &vds::ui::MainWindow::profileFileOpenRequested);

        QVERIFY(w.openPath(dir.filePath(QStringLiteral("s_D_full_1.manifest.json"))));
        QCOMPARE(w.currentPage(), vds::ui::PageId::Restore);
        QCOMPARE(manifests.size(), 1);
        QCOMPARE(manifests.at(0).at(0).toString(),
                 dir.filePath(QStringLiteral("s_D_full_1.manifest.json")));

        w.showPage(vds::ui::PageId::Log);
        QVERIFY(w.openPath(dir.filePath(QStringLiteral("n.vdsprofile"))));
        QCOMPARE(w.currentPage(), vds::ui::PageId::Profiles);
        QVERIFY(w.openPath(dir.filePath(QStringLiteral("b.vdsbundle"))));
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(1).at(0).toString(), dir.filePath(QStringLiteral("b.vdsbundle")));

        w.showPage(vds::ui::PageId::Log);
        QVERIFY(!w.openPath(dir.filePath(QStringLiteral("notes.txt"))));
        QVERIFY(!w.openPath(dir.filePath(QStringLiteral("gone.vdsprofile"))));
        QCOMPARE(w.currentPage(), vds::ui::PageId::Log);
        QCOMPARE(manifests.size() + profiles.size(), 3);
    }

    void commandLineRefusesOtherFiles()
    {
        QTemporaryDir dir;
        QFile txt(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(txt.open(QIODevice::WriteOnly));
        txt.close();
        for (const QString &arg :
             {txt.fileName(), dir.filePath(QStringLiteral("gone.vdsprofile"))}) {
            QProcess p;
            p.start(QStringLiteral(VDSTUDIO_PATH), {arg});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 2);
            QVERIFY2(p.readAllStandardError().contains("vdstudio: '"), qPrintable(arg));
        }
    }
};

QTEST_MAIN(TestFileKinds)
#include "tst_filekinds.moc"
