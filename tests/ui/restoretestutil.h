#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

#include "jobfixture.h"
#include "ui/restore/restorewizard.h"
#include "ui/restore/serverprobe.h"
#include "wizardtestutil.h"
#include <vds/backup/backupjob.h>

/// Helpers of the ui_restore_* tests: backups made with BackupJob against the test's own
/// simulator, and the restore wizard driven as a user would.
namespace vds::test {

/// Overwrites a few pages of a simulator data file, as a workload between backups would.
inline bool touchPages(const QString &path, const std::vector<qint64> &pages, char fill)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    for (qint64 p : pages)
        if (!f.seek(p * 8192 + 100) || f.write(QByteArray(300, fill)) != 300)
            return false;
    return true;
}

/// The server as the wizard gets it from the connection chooser: the simulator's.
inline backup::ServerRef simServer(const SimFixture &sim)
{
    return backupParams(sim, "x", QString()).server;
}

/// Waits for the wizard's server probe to answer.
inline bool waitForProbe(ui::RestoreWizard &w)
{
    return QTest::qWaitFor([&] { return !w.probe().isRunning() && w.probe().result(); }, 30000);
}

/// Clicks Next and waits until the wizard shows `page` (false if Next is disabled or the page
/// never comes).
inline bool nextTo(ui::RestoreWizard &w, int page, int timeoutMs = 30000)
{
    if (!clickNext(w))
        return false;
    return QTest::qWaitFor([&] { return w.currentId() == page; }, timeoutMs);
}

/// Answers the next modal message box with `button`, recording its text.
inline void answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    QTimer::singleShot(50, qApp, [button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(button, text); // not open yet: look again
            return;
        }
        if (text)
            *text = box->text();
        box->button(button)->click();
    });
}

} // namespace vds::test
