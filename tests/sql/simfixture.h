#pragma once

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <vector>

#include "vdiclientpump.h"
#include <vds/sql/sqlconnection.h>
#include <vds/sql/sqlsimprocess.h>
#include <vds/sql/sqlstatementrunner.h>
#include <vds/sql/tsqlbuilder.h>

namespace vds::test {

inline const char *const kSaPassword = "Secret-1!x";

/// One vds-sqlsim per test: a temporary data directory, a random port, a sysadmin login
/// (sa) and a public one (reader). Owned by the test function that created it.
class SimFixture final {
public:
    SimFixture();
    Expected<void> start(const QStringList &seeds, const QStringList &faults = {},
                         const QStringList &extra = {});
    /// Stops the simulator and starts it again on the same data directory with other faults.
    Expected<void> restart(const QStringList &faults, const QStringList &extra = {});
    [[nodiscard]] sql::ConnectionOptions options(const std::string &login = "sa",
                                                 const std::string &password = kSaPassword) const;
    Expected<sql::SqlConnection> connect(const std::string &login = "sa",
                                         const std::string &password = kSaPassword) const;
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }
    [[nodiscard]] QString path(const QString &file) const { return m_dir.filePath(file); }
    sql::SqlSimProcess &process() { return m_sim; }

    /// Threads of the simulator process (/proc/PID/task).
    [[nodiscard]] int simThreads() const;
    /// Waits until the simulator is back to its main thread only (all sessions gone).
    bool waitForIdle(int timeoutMs = 3000) const;

private:
    QTemporaryDir m_dir;
    sql::SqlSimProcess m_sim;
};

/// Everything one BACKUP/RESTORE run produced, on both sides.
struct OperationRun {
    std::optional<Expected<sql::SqlStatementOutcome>> outcome;
    std::vector<sql::SqlProgressEvent> events;
    std::vector<sql::SqlDiagnostic> diagnostics; ///< every record, also of a failed statement
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point ended;
    std::vector<VdiClientPump::DeviceResult> devices;
    bool configured = false;
    vdi::Config config;
    std::optional<Expected<void>> closed;
    std::string setName;
};

/// Creates a set, sends the statement built from `spec` (devices filled in) on its own
/// connection, services the devices and collects both sides' results.
OperationRun runBackup(const SimFixture &sim, sql::BackupSpec spec, VdiClientPump::Options pump);
OperationRun runRestore(const SimFixture &sim, sql::RestoreSpec spec, VdiClientPump::Options pump);

/// True when no shared-memory object of the set is left under /dev/shm.
bool setObjectsGone(const std::string &setName, const std::string &instance = "MSSQLSERVER");
QByteArray readFile(const QString &path);
/// Concatenated stripes → per-device inputs for a restore.
std::vector<std::vector<std::byte>> stripesOf(const OperationRun &run);

} // namespace vds::test
