#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"
#include "ui/vhd/commonpages.h"
#include "ui/vhd/newdiskpages.h"
#include "ui/vhd/newdiskwizard.h"
#include "ui/widgets/throughputgraph.h"
#include "ui/widgets/throughputpanel.h"
#include "wizardtestutil.h"
#include <vds/jobs/jobrunner.h>

using namespace vds;
using namespace vds::ui;
using namespace vds::ui::vhd;
using vds::test::clickNext;
using vds::test::runPeer;

class TestWizardNewDisk : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_runner = std::make_unique<jobs::JobRunner>();
        m_runner->setSampleIntervalMs(50);
        m_tracker = std::make_unique<JobTracker>(*m_runner);
    }
    void cleanup()
    {
        m_tracker.reset();
        m_runner.reset();
    }

    void dynamicVhdxEndToEnd()
    {
        NewDiskWizard w(*m_tracker, m_dir.path());
        w.setConfirmCancel(false);
        w.show();
        QCOMPARE(w.currentId(), int(NewDiskWizard::Format));
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(NewDiskWizard::Type));
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(NewDiskWizard::Size)); // not differencing: no parent page

        SizePage *size = w.sizePage();
        // Below the 3 MB minimum: refused, with the reason on the page.
        size->setSize(QStringLiteral("2"), 2); // MiB
        QVERIFY(!size->isComplete());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        auto *error = size->findChild<QLabel *>(QStringLiteral("error"));
        QVERIFY2(error->text().contains(QStringLiteral("3 MiB")), qPrintable(error->text()));
        // Not a whole number of sectors.
        size->setSize(QStringLiteral("67108865"), 0); // bytes
        QVERIFY(!size->isComplete());
        QVERIFY2(error->text().contains(QStringLiteral("multiple of the sector size")),
                 qPrintable(error->text()));
        // Not a number at all.
        size->setSize(QStringLiteral("lots"), 3);
        QVERIFY(!size->isComplete());
        // Above the VHDX maximum.
        size->setSize(QStringLiteral("65"), 4); // TiB
        QVERIFY2(error->text().contains(QStringLiteral("64 TiB")), qPrintable(error->text()));
        size->setSize(QStringLiteral("64"), 2); // 64 MiB
        QVERIFY2(size->isComplete(), qPrintable(error->text()));
        QVERIFY(clickNext(w));

        QCOMPARE(w.currentId(), int(NewDiskWizard::Location));
        auto *pathEdit = w.locationPage()->findChild<QLineEdit *>();
        QCOMPARE(pathEdit->text(), m_dir.filePath(QStringLiteral("disk.vhdx")));
        // Overwrite protection.
        QFile existing(m_dir.filePath(QStringLiteral("taken.vhdx")));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        pathEdit->setText(existing.fileName());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(w.locationPage()->problem().contains(QStringLiteral("already exists")));
        pathEdit->setText(m_dir.filePath(QStringLiteral("nope/x.vhdx")));
        QVERIFY(w.locationPage()->problem().contains(QStringLiteral("does not exist")));
        const QString target = m_dir.filePath(QStringLiteral("new disk.vhdx"));
        pathEdit->setText(target);
        QVERIFY(clickNext(w));

        QCOMPARE(w.currentId(), int(NewDiskWizard::Summary));
        QCOMPARE(w.summaryPage()->commandLine(),
                 QStringLiteral("vdsctl vhd create '%1' --size 64M --format vhdx --type dynamic")
                     .arg(target));
        QVERIFY(clickNext(w)); // Start
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(NewDiskWizard::Result), 30000);
        const TrackedJob *j = m_tracker->job(w.jobId());
        QVERIFY(j && j->result);
        QCOMPARE(j->result->status, jobs::JobStatus::Succeeded);
        QVERIFY(w.resultPage()->view()->resultHeadline().contains(QStringLiteral("Finished")));
        QVERIFY(w.progressPage()->view()->throughput()->graph()->sampleCount() >= 1);
        QCOMPARE(w.resultPage()->view()->outputPath(), target);

        const auto check = runPeer(QStringLiteral("qemu-img"), {QStringLiteral("check"), target});
        QVERIFY2(check.code == 0, qPrintable(check.out));
        const auto info =
            runPeer(QStringLiteral("qemu-img"),
                    {QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("vhdx"), target});
        QVERIFY2(info.out.contains(QStringLiteral("(67108864 bytes)")), qPrintable(info.out));
    }

    void vhdLimitAndDifferencingBranch()
    {
        // A parent to difference against.
        const QString parent = m_dir.filePath(QStringLiteral("parent.vhd"));
        {
            NewDiskWizard w(*m_tracker, m_dir.path());
            w.formatPage()->setFormat(vdisk::DiskFormat::Vhd);
            w.show();
            QVERIFY(clickNext(w));
            w.typePage()->setType(vdisk::DiskType::Fixed);
            QVERIFY(clickNext(w));
            w.sizePage()->setSize(QStringLiteral("2041"), 3); // GiB: above VHD's 2040 GiB
            auto *error = w.sizePage()->findChild<QLabel *>(QStringLiteral("error"));
            QVERIFY2(error->text().contains(QStringLiteral("2040 GiB")), qPrintable(error->text()));
            // VHD offers only 512-byte logical sectors.
            QCOMPARE(w.sizePage()->logicalCombo()->count(), 1);
            w.sizePage()->setSize(QStringLiteral("8"), 2);
            QVERIFY(clickNext(w));
            w.locationPage()->findChild<QLineEdit *>()->setText(parent);
            QVERIFY(clickNext(w));
            QVERIFY(w.summaryPage()->commandLine().contains(
                QStringLiteral("--format vhd --type fixed")));
            QVERIFY(clickNext(w));
            QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(NewDiskWizard::Result), 30000);
            QCOMPARE(m_tracker->job(w.jobId())->result->status, jobs::JobStatus::Succeeded);
        }
        NewDiskWizard w(*m_tracker, m_dir.path());
        w.formatPage()->setFormat(vdisk::DiskFormat::Vhd);
        w.show();
        QVERIFY(clickNext(w));
        w.typePage()->setType(vdisk::DiskType::Differencing);
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(NewDiskWizard::Parent));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        // A file that is not a VHD is refused with the reason.
        const QString bogus = m_dir.filePath(QStringLiteral("notadisk.vhdx"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4 << 20, 'x'));
        f.close();
        QSignalSpy probed(w.parentPage(), &ParentPage::probed);
        w.parentPage()->setParentPath(bogus);
        QVERIFY(!w.parentPage()->isComplete()); // still reading, off the GUI thread
        QTRY_COMPARE(probed.count(), 1);
        QVERIFY(!w.parentPage()->isComplete());
        QVERIFY2(w.parentPage()->problem().contains(QStringLiteral("not a VHD")),
                 qPrintable(w.parentPage()->problem()));
        w.parentPage()->setParentPath(parent);
        QTRY_COMPARE(probed.count(), 2);
        QVERIFY2(w.parentPage()->isComplete(), qPrintable(w.parentPage()->problem()));
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(NewDiskWizard::Location)); // size comes from the parent
        const QString child = m_dir.filePath(QStringLiteral("child.vhd"));
        w.locationPage()->findChild<QLineEdit *>()->setText(child);
        QVERIFY(clickNext(w));
        QVERIFY(w.summaryPage()->commandLine().contains(
            QStringLiteral("--type differencing --parent")));
        QVERIFY(clickNext(w));
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(NewDiskWizard::Result), 30000);
        QCOMPARE(m_tracker->job(w.jobId())->result->status, jobs::JobStatus::Succeeded);
        // QEMU's VHD driver does not follow parents; vhdiinfo shows the linkage.
        auto field = [](const QString &text, const QString &name) {
            for (const QString &line : text.split(QLatin1Char('\n')))
                if (line.trimmed().startsWith(name))
                    return line.section(QLatin1Char(':'), 1).trimmed();
            return QString();
        };
        const auto childInfo = runPeer(QStringLiteral("vhdiinfo"), {child});
        const auto parentInfo = runPeer(QStringLiteral("vhdiinfo"), {parent});
        QCOMPARE(childInfo.code, 0);
        QCOMPARE(field(childInfo.out, QStringLiteral("Disk type")), QStringLiteral("Differential"));
        QCOMPARE(field(childInfo.out, QStringLiteral("Parent identifier")),
                 field(parentInfo.out, QStringLiteral("Identifier")));
        QVERIFY(field(childInfo.out, QStringLiteral("Parent filename"))
                    .endsWith(QStringLiteral("parent.vhd")));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<jobs::JobRunner> m_runner;
    std::unique_ptr<JobTracker> m_tracker;
};

QTEST_MAIN(TestWizardNewDisk)
#include "tst_wizard_newdisk.moc"
