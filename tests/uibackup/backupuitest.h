#pragma once

// Helpers shared by the ui_backup_* tests: an isolated XDG home per run, a simulator of the
// test's own (SimFixture: a real vds-sqlsim spoken to through FreeTDS), the backup dialog
// aimed at it.
#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "jobfixture.h"
#include "ui/backup/backupdialog.h"
#include <vds/backup/params.h>

namespace vds::test {

/// The ServerRef the Backup page would hand over for the fixture's simulator.
inline backup::ServerRef simServer(const SimFixture &sim)
{
    backup::ServerRef s;
    s.kind = backup::ServerRef::Kind::Host;
    s.host = "127.0.0.1";
    s.port = sim.options().port;
    s.login = "sa";
    s.passwordEnv = "VDS_TEST_PASSWORD"; // a reference, as a stored connection would give
    return s;
}

/// Runs a command through bash and returns its exit code; stdout in `out`.
inline int shell(const QString &command, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("bash"), {QStringLiteral("-c"), command});
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitCode();
}

} // namespace vds::test

/// main() with XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_STATE_HOME in a fresh temporary folder,
/// so preferences set by a test never leak into another run.
#define VDS_UI_BACKUP_TEST_MAIN(TestClass)                                                         \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        QTemporaryDir xdg;                                                                         \
        for (const char *v : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})               \
            qputenv(v, (xdg.path() + QLatin1Char('/') + QLatin1String(v)).toUtf8());               \
        QApplication app(argc, argv);                                                              \
        QApplication::setApplicationName(QStringLiteral("vdstudio-test"));                         \
        TestClass t;                                                                               \
        return QTest::qExec(&t, argc, argv);                                                       \
    }
