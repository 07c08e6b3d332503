#include "backupservice.h"

#include "replystream.h"

namespace vds::sqlsim {

BackupService::BackupService(const SimOptions &options, DatabaseStore &store,
                             const std::atomic_bool &stop)
    : m_options(options), m_store(store), m_stop(stop)
{
}

StatementOutcome BackupService::run(const BackupStatement &statement, const SessionInfo &session,
                                    ReplyStream &reply)
{
    if (!session.sysadmin) {
        reply.info({3265, 1, 16, "The login has insufficient authority. Membership of the "
                                 "sysadmin role is required to use VIRTUAL_DEVICE with BACKUP or "
                                 "RESTORE operations.", 1});
        reply.info({3013, 1, 16, statement.verb() + " is terminating abnormally.", 1});
        return StatementOutcome::Failed;
    }
    reply.info({3201, 1, 16, "Cannot open backup device '" + statement.devices.front() +
                                 "'. Operating system error 0x80770002.", 1});
    reply.info({3013, 1, 16, statement.verb() + " is terminating abnormally.", 1});
    return StatementOutcome::Failed;
}

} // namespace vds::sqlsim
