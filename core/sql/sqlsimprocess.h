#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <vds/util/error.h>

namespace vds::sql {

/// Internal to this project's programs (not installed). Starts and stops a local `vds-sqlsim` ("try
/// without a server", and the tests' peer): finds the executable (VDS_SQLSIM, next to the running
/// program, then PATH), reads the port from its first stdout line, and stops it with SIGTERM. Owns
/// the child process; lives on the thread that created it (QProcess affinity). The destructor stops
/// a running simulator.
class SqlSimProcess final {
    Q_DISABLE_COPY_MOVE(SqlSimProcess)
public:
    struct Options {
        QString dataDir;
        QStringList logins = {QStringLiteral("sa:sa:sysadmin")}; ///< USER:PASSWORD[:role]
        QStringList seeds;                                       ///< NAME=SIZE
        QStringList faults;                                      ///< KIND[:value]
        QString instance;
        QStringList extraArguments;
    };

    SqlSimProcess() = default;
    ~SqlSimProcess();

    /// The executable to run, or empty when none is found.
    static QString findExecutable();

    /// Starts it and waits (up to `timeoutMs`) for "listening on 127.0.0.1:PORT".
    Expected<void> start(const Options &options, int timeoutMs = 15000);
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }
    /// SIGTERM, then waits; true when it exited cleanly with status 0.
    bool stop(int timeoutMs = 10000);
    /// What the simulator wrote on stderr so far (for test failure messages).
    QString errorOutput();

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_stderr;
};

} // namespace vds::sql
