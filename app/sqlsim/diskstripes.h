#pragma once

#include <memory>

#include "backupstatement.h"
#include "simerror.h"
#include "simoptions.h"
#include "stripedevice.h"

namespace vds::sqlsim {

struct TransferState;

/// BACKUP … TO DISK / RESTORE … FROM DISK: the server's own file backup, one file per DISK
/// clause, on the simulator's machine (a relative path is taken from the data directory, the
/// server's default backup directory). A backup writes `.NAME.sqlsim-partial` beside each
/// target and renames every stripe into place only once the whole statement succeeded, so a
/// failed or cancelled backup leaves neither a file that looks complete nor a damaged older
/// one. Files that cannot be opened fail with 3201 and the operating system error, as SQL
/// Server words it. Connection thread.
SimResult<std::unique_ptr<StripeSet>> openDiskFiles(const SimOptions &options,
                                                    const BackupStatement &statement, bool backup,
                                                    TransferState &state);

} // namespace vds::sqlsim
