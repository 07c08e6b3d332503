#pragma once

#include <atomic>

#include "backupstatement.h"
#include "databasestore.h"
#include "sessioninfo.h"
#include "simoptions.h"
#include "statementoutcome.h"

namespace vds::sqlsim {

class ReplyStream;

/// Executes BACKUP and RESTORE … VIRTUAL_DEVICE | DISK the way SQL Server does: opens the
/// client's device set as the VDI server (or the files), moves the backup stream with one
/// thread per device, and reports STATS progress, 4035/3014 or 3201/3013/3204… on the
/// connection.
/// Shared by all connections; each run() call is independent (databases are locked per run).
class BackupService final {
public:
    BackupService(const SimOptions &options, DatabaseStore &store, const std::atomic_bool &stop);

    /// Runs on the calling connection's thread until the transfer has ended.
    StatementOutcome run(const BackupStatement &statement, const SessionInfo &session,
                         ReplyStream &reply);

private:
    const SimOptions &m_options;
    DatabaseStore &m_store;
    const std::atomic_bool &m_stop;
};

} // namespace vds::sqlsim
