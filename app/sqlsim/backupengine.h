#pragma once

#include <atomic>

#include "backupstatement.h"
#include "databasestore.h"
#include "sessioninfo.h"
#include "simoptions.h"
#include "statementoutcome.h"

namespace vds::sqlsim {

class ReplyStream;

/// BACKUP DATABASE|LOG … TO VIRTUAL_DEVICE: works out which pages go (all, or the change map's
/// difference for DIFFERENTIAL and LOG), streams them across the devices with one thread per
/// device, and on success records the backup and moves the change-map bases. Runs on the
/// connection's thread; failures are written to `reply` (without the final 3013).
StatementOutcome runBackup(const SimOptions &options, DatabaseStore &store,
                           const std::atomic_bool &stop, const BackupStatement &statement,
                           const SessionInfo &session, ReplyStream &reply);

/// RESTORE DATABASE|LOG|VERIFYONLY|HEADERONLY|FILELISTONLY … FROM VIRTUAL_DEVICE.
StatementOutcome runRestore(const SimOptions &options, DatabaseStore &store,
                            const std::atomic_bool &stop, const BackupStatement &statement,
                            const SessionInfo &session, ReplyStream &reply);

} // namespace vds::sqlsim
