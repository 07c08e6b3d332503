// vds-screenshots: drives the real windows and wizards and saves the PNGs the README shows.
// Run under a real X server (xvfb-run), from the repository root:
//   xvfb-run -a -s '-screen 0 1280x900x24' build/bin/vds-screenshots resources/screenshots
// Needs a scratch folder with ~10 GiB free (TMPDIR) for the conversion caught mid-run.
#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <cstdio>

#include "ui/jobs/jobtracker.h"
#include "ui/mainwindow.h"
#include "ui/vhd/commonpages.h"
#include "ui/vhd/convertpages.h"
#include "ui/vhd/convertwizard.h"
#include "ui/vhd/newdiskpages.h"
#include "ui/vhd/newdiskwizard.h"
#include <vds/jobs/jobrunner.h>

using namespace vds;
using namespace vds::ui;

namespace {

QString g_out;
int g_failures = 0;

void settle(int ms = 300)
{
    QTest::qWait(ms);
}

void shoot(QWidget *w, const QString &name)
{
    settle();
    const QString path = g_out + QLatin1Char('/') + name;
    if (!w->grab().save(path, "PNG")) {
        std::fprintf(stderr, "cannot save %s\n", qPrintable(path));
        ++g_failures;
    } else {
        std::printf("%s\n", qPrintable(path));
    }
}

bool next(QWizard &w)
{
    QAbstractButton *b = w.button(QWizard::CommitButton);
    if (!b || !b->isVisible())
        b = w.button(QWizard::NextButton);
    if (!b->isEnabled()) {
        std::fprintf(stderr, "Next is disabled on page %d\n", w.currentId());
        ++g_failures;
        return false;
    }
    b->click();
    settle(100);
    return true;
}

bool writeImage(const QString &path, qint64 mib)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk(1 << 20, '\0');
    for (qint64 i = 0; i < mib; ++i) {
        if (i % 4 != 3)
            for (int j = 0; j < chunk.size(); j += 64)
                chunk[j] = char((i * 131 + j) | 1);
        else
            chunk.fill('\0');
        if (f.write(chunk) != chunk.size())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vdstudio"));
    g_out = QDir(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".")).absolutePath();
    QDir().mkpath(g_out);
    QTemporaryDir scratch;

    jobs::JobRunner runner;
    MainWindow window(runner, nullptr, QString());
    window.resize(1100, 720);
    window.show();
    window.showPage(PageId::VirtualDisks);
    settle(500);

    // New virtual disk wizard, page by page.
    const QString parent = scratch.filePath(QStringLiteral("base.vhdx"));
    {
        auto *w = new vhd::NewDiskWizard(window.tracker(), scratch.path(), &window);
        w->show();
        shoot(w, QStringLiteral("vhd-wizard-format.png"));
        next(*w);
        shoot(w, QStringLiteral("vhd-wizard-type.png"));
        next(*w);
        w->sizePage()->setSize(QStringLiteral("2"), 2);
        w->sizePage()->findChild<QToolButton *>()->setChecked(true);
        shoot(w, QStringLiteral("vhd-wizard-size-invalid.png"));
        w->sizePage()->setSize(QStringLiteral("40"), 3);
        shoot(w, QStringLiteral("vhd-wizard-size.png"));
        next(*w);
        w->locationPage()->findChild<QLineEdit *>()->setText(parent);
        shoot(w, QStringLiteral("vhd-wizard-location.png"));
        next(*w);
        shoot(w, QStringLiteral("vhd-wizard-summary.png"));
        next(*w);
        for (int i = 0; i < 100 && w->currentId() != vhd::NewDiskWizard::Result; ++i)
            settle(100);
        shoot(w, QStringLiteral("vhd-wizard-result.png"));
        w->close();
    }
    {
        auto *w = new vhd::NewDiskWizard(window.tracker(), scratch.path(), &window);
        w->show();
        next(*w);
        w->typePage()->setType(vdisk::DiskType::Differencing);
        next(*w);
        w->parentPage()->setParentPath(parent);
        shoot(w, QStringLiteral("vhd-wizard-parent.png"));
        w->close();
    }

    // Convert / capture wizard; the disk list is this machine's.
    const QString source = scratch.filePath(QStringLiteral("server-disk.img"));
    if (!writeImage(source, 6144)) {
        std::fprintf(stderr, "cannot write the 6 GiB source image in %s\n",
                     qPrintable(scratch.path()));
        return 1;
    }
    auto *w = new vhd::ConvertWizard(window.tracker(), scratch.path(), &window);
    w->setConfirmCancel(false);
    w->show();
    for (int i = 0; i < 50 && w->sourcePage()->diskList()->topLevelItemCount() == 0; ++i)
        settle(100);
    settle(500);
    QTreeWidget *disks = w->sourcePage()->diskList();
    for (int i = 0; i < disks->topLevelItemCount(); ++i)
        if (disks->topLevelItem(i)->text(5).contains(QStringLiteral("System"))) {
            disks->setCurrentItem(disks->topLevelItem(i));
            break;
        }
    shoot(w, QStringLiteral("vhd-wizard-source-disk.png"));
    w->sourcePage()->imageEdit()->setText(source);
    shoot(w, QStringLiteral("vhd-wizard-source.png"));
    next(*w);
    shoot(w, QStringLiteral("vhd-wizard-target.png"));
    next(*w);
    shoot(w, QStringLiteral("vhd-wizard-options.png"));
    next(*w);
    w->locationPage()->findChild<QLineEdit *>()->setText(
        scratch.filePath(QStringLiteral("server-disk.vhdx")));
    next(*w);
    shoot(w, QStringLiteral("vhd-wizard-convert-summary.png"));
    next(*w);
    settle(3500); // mid-run
    if (w->currentId() != vhd::ConvertWizard::Progress) {
        std::fprintf(stderr, "the conversion ended before the mid-run screenshot\n");
        ++g_failures;
    }
    shoot(&window, QStringLiteral("main-window.png"));
    shoot(w, QStringLiteral("vhd-progress.png"));
    for (int i = 0; i < 600 && w->currentId() != vhd::ConvertWizard::Result; ++i)
        settle(100);
    shoot(w, QStringLiteral("vhd-wizard-convert-result.png"));
    w->close();
    return g_failures == 0 ? 0 : 1;
}
