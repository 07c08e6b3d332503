// MainWindow::openPath: the one entry for files handed to the app from outside (command line,
// file manager). Kept apart from mainwindow.cpp so the dispatch stays small and readable.
#include "mainwindow.h"

#include <QFileInfo>
#include <QStatusBar>

#include <vds/info/filekind.h>

namespace vds::ui {

bool MainWindow::openPath(const QString &path)
{
    const QFileInfo file(path);
    const QString absolute = file.absoluteFilePath();
    const info::FileKind kind = info::fileKind(absolute);
    if (kind == info::FileKind::Unknown) {
        statusBar()->showMessage(
            tr("%1 is not a file Virtual Device Studio opens (profiles, bundles and backup "
               "manifests are).")
                .arg(file.fileName()));
        return false;
    }
    if (!file.isFile()) {
        statusBar()->showMessage(tr("%1 does not exist or is not a file.").arg(absolute));
        return false;
    }
    switch (kind) {
    case info::FileKind::Manifest:
        showPage(PageId::Restore);
        emit manifestOpenRequested(absolute);
        break;
    case info::FileKind::Profile:
    case info::FileKind::Bundle:
        showPage(PageId::Profiles);
        emit profileFileOpenRequested(absolute);
        break;
    case info::FileKind::Unknown: break;
    }
    return true;
}

} // namespace vds::ui
