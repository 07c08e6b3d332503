#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "simerror.h"
#include "sqlcursor.h"
#include "sqllexer.h"

namespace vds::sqlsim {

/// A parsed BACKUP or RESTORE statement. Plain value.
struct BackupStatement {
    enum class Action {
        BackupDatabase,
        BackupLog,
        RestoreDatabase,
        RestoreLog,
        VerifyOnly,
        HeaderOnly,
        FileListOnly
    };
    Action action = Action::BackupDatabase;
    std::string database;             ///< empty for VERIFYONLY/HEADERONLY/FILELISTONLY
    std::vector<std::string> devices; ///< VIRTUAL_DEVICE names (first = the set name) or paths
    /// VIRTUAL_DEVICE: the client's VDI set; DISK: files on the simulator's machine. One
    /// statement uses one kind.
    enum class Media { VirtualDevice, Disk };
    Media media = Media::VirtualDevice;
    bool differential = false;
    bool copyOnly = false;
    bool checksum = false;
    bool compression = false;
    bool replace = false;
    bool norecovery = false;
    unsigned stats = 0;           ///< 0 = no progress messages
    unsigned blockSize = 0;       ///< 0 = VDI default (512)
    unsigned bufferCount = 0;     ///< 0 = default
    unsigned maxTransferSize = 0; ///< 0 = VDI default (64 KiB)
    std::string description;
    std::vector<std::pair<std::string, std::string>> moves; ///< logical name → new path
    std::optional<std::string> stopAt;

    [[nodiscard]] bool isBackup() const
    {
        return action == Action::BackupDatabase || action == Action::BackupLog;
    }
    /// "BACKUP DATABASE", "RESTORE LOG", "VERIFY DATABASE"… as SQL Server words its messages.
    [[nodiscard]] std::string verb() const;
};

/// Parses what follows BACKUP (`backup` true) or RESTORE. VIRTUAL_DEVICE and DISK targets are
/// accepted (not mixed); URL/TAPE are refused with 3201, options out of range with SQL
/// Server's numbers.
SimResult<BackupStatement> parseBackupStatement(SqlCursor &c, bool backup);

} // namespace vds::sqlsim
