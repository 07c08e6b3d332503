// The German translation end to end: Preferences offers the language, the choice is stored by
// core/settings, the start-up step (installTranslations, as vdstudio's main runs it) loads the
// translation compiled into the program, and a main window built afterwards shows German; the
// system language again gives English. The committed .ts has no unfinished entry.
#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>

#include "ui/dialogs/preferencesdialog.h"
#include "ui/i18n.h"
#include "ui/jobs/jobtext.h"
#include "ui/mainwindow.h"
#include "ui/pages/pageid.h"
#include <vds/jobs/jobrunner.h>
#include <vds/settings/preferences.h>

namespace {

QStringList menuTitles(const vds::ui::MainWindow &w)
{
    QStringList out;
    for (QAction *a : w.menuBar()->actions())
        out << a->text();
    return out;
}

void chooseLanguage(const QString &code)
{
    vds::ui::PreferencesDialog dialog;
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("language"));
    QVERIFY(combo);
    const int index = combo->findData(code);
    QVERIFY2(index >= 0, qPrintable(code));
    combo->setCurrentIndex(index);
    dialog.accept();
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("vdstudio-test-translation"));
        QCoreApplication::setApplicationName(QStringLiteral("vdstudio-test-translation"));
        vds::settings::Preferences::language().reset();
    }

    void preferencesOffersEachLanguageByItsOwnName()
    {
        vds::ui::PreferencesDialog dialog;
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 1 + vds::settings::Preferences::uiLanguages().size());
        QCOMPARE(combo->itemData(combo->findText(QStringLiteral("Deutsch"))).toString(),
                 QStringLiteral("de"));
        QCOMPARE(combo->currentData().toString(), QString()); // the system's, by default
    }

    void germanAfterSwitching()
    {
        chooseLanguage(QStringLiteral("de"));
        QCOMPARE(vds::settings::Preferences::language().get(), QStringLiteral("de"));
        QVERIFY(vds::ui::installTranslations(vds::settings::Preferences::language().get())
                    .startsWith(QLatin1String("de")));

        vds::jobs::JobRunner runner;
        vds::ui::MainWindow w(runner, nullptr, QString());
        QCOMPARE(vds::ui::pageTitle(vds::ui::PageId::VirtualDisks),
                 QStringLiteral("Virtuelle Datenträger"));
        QCOMPARE(menuTitles(w).mid(0, 4),
                 (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                              QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
        auto *sidebar = w.findChild<QListWidget *>();
        QVERIFY(sidebar);
        QStringList items;
        for (int i = 0; i < sidebar->count(); ++i)
            items << sidebar->item(i)->text();
        QVERIFY2(items.contains(QStringLiteral("Sicherung")), qPrintable(items.join(u',')));
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Bereit"));

        // The Backup page's first-run choice, and a text from a free function (its lookup
        // context must be the one lupdate files it under, the enclosing namespace).
        auto *simulator = w.findChild<QPushButton *>(QStringLiteral("simulatorButton"));
        QVERIFY(simulator);
        QCOMPARE(simulator->text(), QStringLiteral("Den eingebauten Simulator ausprobieren"));
        QCOMPARE(vds::ui::phaseText(QStringLiteral("connect")),
                 QStringLiteral("Verbindung wird hergestellt"));

        // The dialog itself, built after the switch, is German too.
        vds::ui::PreferencesDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
    }

    void englishAgainWithTheSystemLanguage()
    {
        chooseLanguage(QString());
        QCOMPARE(vds::settings::Preferences::language().get(), QString());
        // "Follow the system": English here unless this machine's locale is German.
        const QString used =
            vds::ui::installTranslations(vds::settings::Preferences::language().get());
        const bool german = used.startsWith(QLatin1String("de"));
        QCOMPARE(german, QLocale::system().language() == QLocale::German);
        vds::jobs::JobRunner runner;
        vds::ui::MainWindow w(runner, nullptr, QString());
        QCOMPARE(menuTitles(w).constFirst(),
                 german ? QStringLiteral("&Datei") : QStringLiteral("&File"));
        QCOMPARE(vds::ui::pageTitle(vds::ui::PageId::VirtualDisks),
                 german ? QStringLiteral("Virtuelle Datenträger")
                        : QStringLiteral("Virtual disks"));
    }

    void committedTranslationIsComplete()
    {
        QFile ts(QStringLiteral(TS_FILE));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray text = ts.readAll();
        QVERIFY(text.contains("language=\"de"));
        const int messages = int(text.count("<message"));
        QVERIFY2(messages > 100, "the .ts holds the GUI's strings");
        QCOMPARE(int(text.count("type=\"unfinished\"")), 0);
        QCOMPARE(int(text.count("<translation></translation>")), 0);
        qInfo("%d strings translated", messages);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
