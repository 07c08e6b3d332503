#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <unistd.h>

#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"
#include "ui/vhd/commonpages.h"
#include "ui/vhd/convertpages.h"
#include "ui/vhd/convertwizard.h"
#include "ui/widgets/throughputgraph.h"
#include "ui/widgets/throughputpanel.h"
#include "wizardtestutil.h"
#include <vds/cmdline/vhdarguments.h>
#include <vds/jobs/jobrunner.h>

using namespace vds;
using namespace vds::ui;
using namespace vds::ui::vhd;
using vds::test::clickNext;
using vds::test::runPeer;
using vds::test::writePatternImage;

namespace {

void put(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text + '\n');
}

/// sda holds "/", sdb is mounted read-write at /mnt/data, sdc is idle and readable here,
/// sdd is idle but its device node cannot be opened directly.
disks::DiskEnumerator::Roots fakeTree(const QString &root, const QString &sdcBacking)
{
    const QString sys = root + QStringLiteral("/sys/block");
    const struct {
        const char *name, *dev, *size;
    } all[] = {{"sda", "8:0", "204800"},
               {"sdb", "8:16", "204800"},
               {"sdc", "8:32", "131072"},
               {"sdd", "8:48", "131072"}};
    for (const auto &d : all) {
        const QString base = sys + QLatin1Char('/') + QLatin1String(d.name);
        put(base + QStringLiteral("/size"), d.size);
        put(base + QStringLiteral("/dev"), d.dev);
        put(base + QStringLiteral("/queue/logical_block_size"), "512");
        put(base + QStringLiteral("/queue/physical_block_size"), "512");
        put(base + QStringLiteral("/device/model"), QByteArray("Test disk ") + d.name);
    }
    put(root + QStringLiteral("/mountinfo"),
        "24 1 8:0 / / rw,relatime shared:3 - ext4 /dev/sda rw\n"
        "25 1 8:16 / /mnt/data rw,relatime shared:4 - ext4 /dev/sdb rw");
    QDir().mkpath(root + QStringLiteral("/dev"));
    QFile::link(sdcBacking, root + QStringLiteral("/dev/sdc"));
    disks::DiskEnumerator::Roots roots;
    roots.sysBlock = sys;
    roots.mountInfo = root + QStringLiteral("/mountinfo");
    roots.devDir = root + QStringLiteral("/dev");
    return roots;
}

/// How many of this process's descriptors are open on `path`.
int descriptorsOn(const QString &path)
{
    const QString wanted = QFileInfo(path).canonicalFilePath();
    int n = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System))
        if (QFileInfo(fds.filePath(fd)).symLinkTarget() == wanted)
            ++n;
    return n;
}

bool runTo(QWizard &w, int page)
{
    while (w.currentId() != page)
        if (!clickNext(w))
            return false;
    return true;
}

} // namespace

class TestWizardConvert : public QObject {
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
    void cleanupTestCase()
    {
        m_standin.kill();
        m_standin.waitForFinished();
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void diskWarningsConfirmationAndPrivilegedAccess()
    {
        const QString backing = m_dir.filePath(QStringLiteral("sdc.raw"));
        QVERIFY(writePatternImage(backing, 64));
        ConvertWizard w(*m_tracker, m_dir.path());
        w.sourcePage()->setDiskRoots(fakeTree(m_dir.filePath(QStringLiteral("fake")), backing));
        QSignalSpy listed(w.sourcePage(), &SourcePage::disksListed);
        w.show();
        QTRY_COMPARE(listed.count(), 1); // listed off the GUI thread, then shown
        QCOMPARE(listed.at(0).at(0).toInt(), 4);
        SourcePage *src = w.sourcePage();
        QTreeWidget *list = src->diskList();
        QCOMPARE(list->topLevelItemCount(), 4);
        QCOMPARE(list->topLevelItem(0)->text(5), QStringLiteral("System disk"));
        QCOMPARE(list->topLevelItem(1)->text(4), QStringLiteral("/mnt/data"));

        QVERIFY(src->selectDisk(m_dir.filePath(QStringLiteral("fake/dev/sda"))));
        QVERIFY(src->warningText().contains(QStringLiteral("running system")));
        QVERIFY(src->confirmBox()->isVisible());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // needs the explicit confirmation
        src->confirmBox()->setChecked(true);
        QVERIFY(src->udisksBox()->isVisible()); // the fake node cannot be opened directly
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());

        QVERIFY(src->selectDisk(m_dir.filePath(QStringLiteral("fake/dev/sdb"))));
        QVERIFY(!src->confirmBox()->isChecked()); // a new disk needs its own confirmation
        QVERIFY(src->warningText().contains(QStringLiteral("/mnt/data")));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());

        QVERIFY(src->selectDisk(m_dir.filePath(QStringLiteral("fake/dev/sdc"))));
        QVERIFY(src->warningText().isEmpty());
        QVERIFY(!src->needsUdisks());
        QVERIFY(!src->udisksBox()->isVisible());
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());

        QVERIFY(src->selectDisk(m_dir.filePath(QStringLiteral("fake/dev/sdd"))));
        QVERIFY(src->needsUdisks());
        QVERIFY(src->udisksBox()->isVisible());
        src->udisksBox()->setChecked(false);
        QVERIFY(src->problem().contains(QStringLiteral("UDisks2")));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        src->udisksBox()->setChecked(true);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
    }

    /// A private bus with the UDisks2 stand-in handing out sdd's "device" (a file); started once.
    bool startStandIn(QString &address, QString &backing)
    {
        backing = m_dir.filePath(QStringLiteral("sdd.raw"));
        if (m_busAddress.isEmpty()) {
            m_bus.start(QStringLiteral("dbus-daemon"),
                        {QStringLiteral("--session"), QStringLiteral("--nofork"),
                         QStringLiteral("--print-address")});
            if (!m_bus.waitForReadyRead(10000))
                return false;
            m_busAddress = QString::fromLatin1(m_bus.readLine()).trimmed();
            if (!writePatternImage(backing, 64))
                return false;
            m_standin.start(QStringLiteral(STANDIN_PATH),
                            {QStringLiteral("--address"), m_busAddress, QStringLiteral("--device"),
                             QStringLiteral("sdd=") + backing});
            if (!m_standin.waitForReadyRead(10000) || m_standin.readLine().trimmed() != "ready")
                return false;
        }
        address = m_busAddress;
        return true;
    }

    void capturesThroughUdisksStandIn()
    {
        QString address, backing;
        QVERIFY(startStandIn(address, backing));
        ConvertWizard w(*m_tracker, m_dir.path());
        w.setConfirmCancel(false);
        w.setUdisksBusAddress(address);
        w.sourcePage()->setDiskRoots(fakeTree(m_dir.filePath(QStringLiteral("fake2")), backing));
        QSignalSpy listed(w.sourcePage(), &SourcePage::disksListed);
        w.show();
        QTRY_COMPARE(listed.count(), 1);
        QVERIFY(w.sourcePage()->selectDisk(m_dir.filePath(QStringLiteral("fake2/dev/sdd"))));
        QVERIFY(w.sourcePage()->needsUdisks());
        QVERIFY(clickNext(w));
        QVERIFY(clickNext(w)); // target: VHDX dynamic
        QVERIFY(clickNext(w)); // options
        const QString target = m_dir.filePath(QStringLiteral("from-udisks.vhdx"));
        w.locationPage()->findChild<QLineEdit *>()->setText(target);
        QVERIFY(runTo(w, ConvertWizard::Summary));
        QVERIFY(clickNext(w));
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ConvertWizard::Result), 60000);
        const TrackedJob *j = m_tracker->job(w.jobId());
        QVERIFY(j && j->result);
        QVERIFY2(j->result->succeeded(), j->result->error.toString().c_str());
        const auto cmp =
            runPeer(QStringLiteral("qemu-img"),
                    {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                     QStringLiteral("-F"), QStringLiteral("vhdx"), backing, target});
        QVERIFY2(cmp.code == 0, qPrintable(cmp.out));
    }

    /// The job reads from its own duplicate of the UDisks2 descriptor: the wizard closes its
    /// own at Start and is itself closed and deleted right away; the job still completes.
    void closeRightAfterStartJobCompletes()
    {
        QString address, backing;
        QVERIFY(startStandIn(address, backing));
        auto *w = new ConvertWizard(*m_tracker, m_dir.path());
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->setConfirmCancel(false);
        w->setUdisksBusAddress(address);
        w->sourcePage()->setDiskRoots(fakeTree(m_dir.filePath(QStringLiteral("fake3")), backing));
        QSignalSpy listed(w->sourcePage(), &SourcePage::disksListed);
        w->show();
        QTRY_COMPARE(listed.count(), 1);
        QVERIFY(w->sourcePage()->selectDisk(m_dir.filePath(QStringLiteral("fake3/dev/sdd"))));
        QVERIFY(w->sourcePage()->needsUdisks());
        const QString target = m_dir.filePath(QStringLiteral("closed-early.vhdx"));
        QVERIFY(clickNext(*w));
        QVERIFY(clickNext(*w));
        QVERIFY(clickNext(*w));
        w->locationPage()->findChild<QLineEdit *>()->setText(target);
        QVERIFY(runTo(*w, ConvertWizard::Summary));
        jobs::JobId id = 0;
        int openAtStart = 0;
        QPointer<ConvertWizard> alive(w);
        connect(w, &VhdWizard::jobStarted, w, [&, w](jobs::JobId started) {
            id = started;
            // The job took its own descriptor when it was constructed: the wizard's and the
            // job's are open now, before the job's thread has done anything.
            openAtStart = descriptorsOn(backing);
            w->close(); // WA_DeleteOnClose: gone at the next event loop turn
        });
        QVERIFY(clickNext(*w)); // Start
        QTRY_VERIFY_WITH_TIMEOUT(id != 0, 20000);
        QVERIFY2(openAtStart >= 2, qPrintable(QString::number(openAtStart)));
        QTRY_VERIFY(alive.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(m_tracker->job(id) && m_tracker->job(id)->result, 60000);
        const TrackedJob *j = m_tracker->job(id);
        QVERIFY2(j->result->succeeded(), j->result->error.toString().c_str());
        const auto cmp =
            runPeer(QStringLiteral("qemu-img"),
                    {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                     QStringLiteral("-F"), QStringLiteral("vhdx"), backing, target});
        QVERIFY2(cmp.code == 0, qPrintable(cmp.out));
        QTRY_COMPARE(descriptorsOn(backing), 0); // the job closed its own: nothing leaks
    }

    /// The summary shows the job that runs: its command, split as a shell splits it and parsed
    /// by vdsctl's parser, gives the wizard's parameters back (a sparse fixed conversion once
    /// lost --sparse).
    void summaryCommandIsTheJob()
    {
        const QString source = m_dir.filePath(QStringLiteral("it's a source.img"));
        QVERIFY(writePatternImage(source, 8));
        ConvertWizard w(*m_tracker, m_dir.path());
        w.show();
        w.sourcePage()->imageEdit()->setText(source);
        QTRY_VERIFY(w.sourcePage()->isComplete()); // headers read off the GUI thread
        QVERIFY(clickNext(w));
        w.targetPage()->setFormat(vdisk::DiskFormat::Vhdx);
        w.targetPage()->setType(vdisk::DiskType::Fixed);
        QVERIFY(clickNext(w));
        w.optionsPage()->skipZeroBox()->setChecked(true);
        QVERIFY(w.optionsPage()->sparse());
        QVERIFY(clickNext(w));
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(ConvertWizard::Summary));
        const QString line = w.summaryPage()->commandLine();
        QVERIFY2(line.contains(QStringLiteral(" --sparse")), qPrintable(line));
        // bash splits the line; we parse the words after "vdsctl" as vdsctl does.
        QProcess sh;
        sh.start(
            QStringLiteral("bash"),
            {QStringLiteral("-c"), QStringLiteral("set -- %1; printf '%s\\0' \"$@\"").arg(line)});
        QVERIFY(sh.waitForFinished(10000));
        QStringList words;
        for (const QByteArray &w8 : sh.readAllStandardOutput().split('\0'))
            if (!w8.isEmpty())
                words << QString::fromUtf8(w8);
        QCOMPARE(words.value(0), QStringLiteral("vdsctl"));
        QCOMPARE(words.value(1), QStringLiteral("vhd"));
        const auto parsed = cmdline::parseVhdArguments(words.mid(2));
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
        const vdisk::CreateParams p = w.params();
        QCOMPARE(parsed->sourcePath, p.sourcePath);
        QCOMPARE(parsed->path, p.path);
        QCOMPARE(parsed->format, p.format);
        QCOMPARE(parsed->type, p.type);
        QCOMPARE(parsed->blockSize, p.blockSize);
        QCOMPARE(parsed->maximumSize, p.maximumSize);
        QCOMPARE(parsed->sparseFile, true);
        QCOMPARE(parsed->sparseFile, p.sparseFile);
        QCOMPARE(parsed->verify, p.verify);
        QCOMPARE(parsed->preventWritesToSource, p.preventWritesToSource);
        QCOMPARE(cmdline::vhdArguments(*parsed), cmdline::vhdArguments(p));
    }

    void imageFileToVhdxVerified()
    {
        const QString source = m_dir.filePath(QStringLiteral("source.img"));
        QVERIFY(writePatternImage(source, 96));
        ConvertWizard w(*m_tracker, m_dir.path());
        w.show();
        w.sourcePage()->imageEdit()->setText(source);
        QTRY_VERIFY(w.sourcePage()->isComplete()); // headers read off the GUI thread
        QVERIFY(w.sourcePage()->imageChoice()->isChecked());
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(ConvertWizard::Target));
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(ConvertWizard::Options));
        QVERIFY(w.optionsPage()->verify());
        QVERIFY(clickNext(w));
        auto *path = w.locationPage()->findChild<QLineEdit *>();
        QCOMPARE(path->text(), m_dir.filePath(QStringLiteral("source.vhdx")));
        QVERIFY(clickNext(w));
        QCOMPARE(w.summaryPage()->commandLine(),
                 QStringLiteral("vdsctl vhd convert %1 %2 --format vhdx --type dynamic --verify")
                     .arg(source, m_dir.filePath(QStringLiteral("source.vhdx"))));
        QVERIFY(clickNext(w));
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ConvertWizard::Result), 60000);
        const TrackedJob *j = m_tracker->job(w.jobId());
        QVERIFY2(j->result->succeeded(), j->result->error.toString().c_str());
        QVERIFY(j->result->stats.extra.value(QStringLiteral("verified")).toBool());
        // The graph's second and third series: bytes read from the source, bytes written.
        QCOMPARE(j->seriesNames, (QStringList{QStringLiteral("read"), QStringLiteral("written")}));
        QCOMPARE(w.progressPage()->view()->throughput()->graph()->seriesNames(),
                 (QStringList{QStringLiteral("Read"), QStringLiteral("Written")}));
        // The graph draws the tracker's own history, not a copy of it.
        QCOMPARE(&w.progressPage()->view()->throughput()->graph()->history(), &j->history);
        QCOMPARE(j->history.seriesCount(), 3);
        QVERIFY(j->history.peak(1) > 0);
        QVERIFY(j->history.peak(2) > 0);
        const QString out = m_dir.filePath(QStringLiteral("source.vhdx"));
        QCOMPARE(runPeer(QStringLiteral("qemu-img"), {QStringLiteral("check"), out}).code, 0);
        const auto cmp =
            runPeer(QStringLiteral("qemu-img"), {QStringLiteral("compare"), source, out});
        QVERIFY2(cmp.code == 0, qPrintable(cmp.out));
    }

    void loopDeviceToVhd()
    {
        if (::geteuid() != 0)
            QSKIP("attaching a loop device needs root");
        const QString backing = m_dir.filePath(QStringLiteral("loop.raw"));
        QVERIFY(writePatternImage(backing, 64));
        const auto attach = runPeer(QStringLiteral("losetup"),
                                    {QStringLiteral("--find"), QStringLiteral("--show"), backing});
        QCOMPARE(attach.code, 0);
        const QString loop = attach.out.trimmed();
        auto detach = qScopeGuard([loop] {
            runPeer(QStringLiteral("losetup"), {QStringLiteral("-d"), loop});
        });

        ConvertWizard w(*m_tracker, m_dir.path());
        QSignalSpy listed(w.sourcePage(), &SourcePage::disksListed);
        w.show();
        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, 10000);
        QVERIFY2(w.sourcePage()->selectDisk(loop), qPrintable(loop));
        QVERIFY(w.sourcePage()->warningText().isEmpty());
        QVERIFY(clickNext(w));
        w.targetPage()->setFormat(vdisk::DiskFormat::Vhd);
        QVERIFY(clickNext(w));
        QVERIFY(w.optionsPage()->preventWrites()); // a disk not in use is kept read-only
        QVERIFY(clickNext(w));
        const QString target = m_dir.filePath(QStringLiteral("loop.vhd"));
        w.locationPage()->findChild<QLineEdit *>()->setText(target);
        QVERIFY(clickNext(w));
        QVERIFY(
            w.summaryPage()->commandLine().contains(QStringLiteral("--prevent-writes-to-source")));
        QVERIFY(clickNext(w));
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ConvertWizard::Result), 60000);
        const TrackedJob *j = m_tracker->job(w.jobId());
        QVERIFY2(j->result->succeeded(), j->result->error.toString().c_str());
        const auto cmp =
            runPeer(QStringLiteral("qemu-img"),
                    {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                     QStringLiteral("-F"), QStringLiteral("vpc"), loop, target});
        QVERIFY2(cmp.code == 0, qPrintable(cmp.out));
        // The read-only flag set for the run was restored.
        QCOMPARE(
            runPeer(QStringLiteral("blockdev"), {QStringLiteral("--getro"), loop}).out.trimmed(),
            QStringLiteral("0"));
    }

    void cancelMidRunLeavesNoOutput()
    {
        const QString source = m_dir.filePath(QStringLiteral("big.img"));
        QVERIFY(writePatternImage(source, 1024));
        ConvertWizard w(*m_tracker, m_dir.path());
        w.setConfirmCancel(false);
        w.show();
        w.sourcePage()->imageEdit()->setText(source);
        QTRY_VERIFY(w.sourcePage()->isComplete()); // headers read off the GUI thread
        QVERIFY(clickNext(w));
        w.targetPage()->setType(vdisk::DiskType::Fixed);
        QVERIFY(runTo(w, ConvertWizard::Location));
        const QString target = m_dir.filePath(QStringLiteral("cancelled.vhdx"));
        w.locationPage()->findChild<QLineEdit *>()->setText(target);
        QVERIFY(runTo(w, ConvertWizard::Summary));
        QVERIFY(clickNext(w));
        QCOMPARE(w.currentId(), int(ConvertWizard::Progress));
        QTRY_VERIFY(w.jobId() != 0 && m_tracker->job(w.jobId())->done > 0);
        JobView *view = w.progressPage()->view();
        QVERIFY(view->cancelButton()->isEnabled());
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ConvertWizard::Result), 30000);
        QCOMPARE(m_tracker->job(w.jobId())->result->status, jobs::JobStatus::Cancelled);
        QVERIFY(view->throughput()->graph()->sampleCount() >= 1);
        QVERIFY(!QFileInfo::exists(target));
        const QStringList leftovers =
            QDir(m_dir.path())
                .entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
        QVERIFY(w.resultPage()->view()->resultHeadline().contains(QStringLiteral("Cancelled")));
    }

    /// A raw source cut short while it is copied: the job fails with a reason naming the
    /// truncation, the application carries on (a memory-mapped reader would die of SIGBUS).
    void truncatedSourceFailsTheJob()
    {
        const QString source = m_dir.filePath(QStringLiteral("shrinking.img"));
        QVERIFY(writePatternImage(source, 1024));
        ConvertWizard w(*m_tracker, m_dir.path());
        w.setConfirmCancel(false);
        w.show();
        w.sourcePage()->imageEdit()->setText(source);
        QTRY_VERIFY(w.sourcePage()->isComplete());
        QVERIFY(clickNext(w));
        QVERIFY(runTo(w, ConvertWizard::Location));
        const QString target = m_dir.filePath(QStringLiteral("shrinking.vhdx"));
        w.locationPage()->findChild<QLineEdit *>()->setText(target);
        QVERIFY(runTo(w, ConvertWizard::Summary));
        QVERIFY(clickNext(w));
        QTRY_VERIFY(w.jobId() != 0 && m_tracker->job(w.jobId())->done > 0);
        QVERIFY(QFile::resize(source, 1 << 20));
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ConvertWizard::Result), 60000);
        const TrackedJob *j = m_tracker->job(w.jobId());
        QCOMPARE(j->result->status, jobs::JobStatus::Failed);
        QVERIFY2(QString::fromStdString(j->result->error.toString())
                     .contains(QStringLiteral("truncated or removed")),
                 j->result->error.toString().c_str());
        QVERIFY(!QFileInfo::exists(target));
        const QString headline = w.resultPage()->view()->resultHeadline();
        QVERIFY2(headline.contains(QStringLiteral("failed"), Qt::CaseInsensitive),
                 qPrintable(headline));
    }

    void closingTheWizardKeepsTheJobRunning()
    {
        const QString source = m_dir.filePath(QStringLiteral("keep.img"));
        QVERIFY(writePatternImage(source, 512));
        const QString target = m_dir.filePath(QStringLiteral("kept.vhdx"));
        jobs::JobId id = 0;
        {
            auto *w = new ConvertWizard(*m_tracker, m_dir.path());
            w->setAttribute(Qt::WA_DeleteOnClose);
            w->show();
            w->sourcePage()->imageEdit()->setText(source);
            QTRY_VERIFY(w->sourcePage()->isComplete());
            QVERIFY(runTo(*w, ConvertWizard::Location));
            w->locationPage()->findChild<QLineEdit *>()->setText(target);
            QVERIFY(runTo(*w, ConvertWizard::Summary));
            QVERIFY(clickNext(*w));
            QTRY_VERIFY(w->jobId() != 0);
            id = w->jobId();
            QPointer<ConvertWizard> guard(w);
            w->close(); // the user closes the window mid-run
            QTRY_VERIFY(guard.isNull());
        }
        // The job carries on, tracked for the Jobs panel, and completes.
        QVERIFY(m_tracker->job(id));
        QTRY_VERIFY_WITH_TIMEOUT(!m_tracker->job(id)->running, 60000);
        QVERIFY2(m_tracker->job(id)->result->succeeded(),
                 m_tracker->job(id)->result->error.toString().c_str());
        QVERIFY(QFileInfo::exists(target));
    }

private:
    QTemporaryDir m_dir;
    QProcess m_bus, m_standin;
    QString m_busAddress;
    std::unique_ptr<jobs::JobRunner> m_runner;
    std::unique_ptr<JobTracker> m_tracker;
};

QTEST_MAIN(TestWizardConvert)
#include "tst_wizard_convert.moc"
