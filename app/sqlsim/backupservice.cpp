#include "backupservice.h"

#include "backupengine.h"
#include "replystream.h"

namespace vds::sqlsim {

BackupService::BackupService(const SimOptions &options, DatabaseStore &store,
                             const std::atomic_bool &stop)
    : m_options(options), m_store(store), m_stop(stop)
{}

StatementOutcome BackupService::run(const BackupStatement &statement, const SessionInfo &session,
                                    ReplyStream &reply)
{
    StatementOutcome outcome = StatementOutcome::Failed;
    if (!session.sysadmin && statement.media == BackupStatement::Media::Disk) {
        // A file backup needs db_backupoperator (or sysadmin); the simulator's public logins
        // have neither.
        reply.info({statement.isBackup() ? 262 : 3110, 1, 14,
                    statement.isBackup() ? statement.verb() + " permission denied in database '" +
                                               statement.database + "'."
                                         : "User does not have permission to RESTORE database '" +
                                               statement.database + "'.",
                    1});
    } else if (!session.sysadmin) {
        // SQL Server checks the role before it touches the device set.
        reply.info({3265, 1, 16,
                    "The login has insufficient authority. Membership of the "
                    "sysadmin role is required to use VIRTUAL_DEVICE with BACKUP or "
                    "RESTORE operations.",
                    1});
    } else if (statement.isBackup()) {
        outcome = runBackup(m_options, m_store, m_stop, statement, session, reply);
    } else {
        outcome = runRestore(m_options, m_store, m_stop, statement, session, reply);
    }
    if (outcome == StatementOutcome::Failed)
        reply.info({3013, 1, 16, statement.verb() + " is terminating abnormally.", 1});
    return outcome;
}

} // namespace vds::sqlsim
