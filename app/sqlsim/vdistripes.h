#pragma once

#include <functional>
#include <memory>

#include "backupstatement.h"
#include "simerror.h"
#include "simoptions.h"
#include "stripedevice.h"

namespace vds::sqlsim {

struct TransferState;

/// BACKUP/RESTORE … VIRTUAL_DEVICE: opens the client's set like SQL Server (waits up to the
/// open timeout for it to appear, honours BLOCKSIZE/MAXTRANSFERSIZE/BUFFERCOUNT, opens every
/// device) and wraps each device as a StripeDevice that moves transfers through the set's
/// shared-memory buffers. A failure is the 3201/3261 message (the caller adds 3013). `giveUp`
/// is polled while waiting (attention, server stop). Connection thread.
SimResult<std::unique_ptr<StripeSet>> openVirtualDevices(const SimOptions &options,
                                                         const BackupStatement &statement,
                                                         bool backup, TransferState &state,
                                                         const std::function<bool()> &giveUp);

} // namespace vds::sqlsim
