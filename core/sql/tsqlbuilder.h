#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <vds/util/error.h>

namespace vds::sql {

/// `[name]` with every `]` doubled: an identifier that stays one identifier whatever it holds.
std::string quoteIdentifier(std::string_view name);
/// `N'text'` with every `'` doubled: a Unicode literal that stays one literal.
std::string quoteLiteral(std::string_view text);

/// What to back up and how. Plain value (a later BackupParams fills it).
struct BackupSpec {
    enum class Kind { Database, Log };
    Kind kind = Kind::Database;
    std::string database;
    std::vector<std::string> devices; ///< VIRTUAL_DEVICE names; the first is the set name
    /// TO DISK = N'…' files instead of devices: the by-hand variant a DBA runs on the server.
    std::vector<std::string> disks;
    bool differential = false;
    bool copyOnly = false;
    bool checksum = false;
    bool compression = false;
    std::optional<unsigned> stats;     ///< STATS = n (percent step)
    std::optional<unsigned> blockSize; ///< power of two, 512…65536
    std::optional<unsigned> bufferCount;
    std::optional<unsigned> maxTransferSize; ///< multiple of 64 KiB, ≤ 4 MiB
    std::string description;
};

/// What to restore (or inspect) and how.
struct RestoreSpec {
    enum class Kind { Database, Log, VerifyOnly, HeaderOnly, FileListOnly };
    Kind kind = Kind::Database;
    std::string database; ///< Database/Log only
    std::vector<std::string> devices;
    std::vector<std::pair<std::string, std::string>> moves; ///< logical name → physical path
    bool replace = false;
    bool norecovery = false;
    bool checksum = false;
    std::optional<std::string> stopAt; ///< e.g. "2026-11-22T02:00:00"
    std::optional<unsigned> stats;
    std::optional<unsigned> blockSize;
    std::optional<unsigned> bufferCount;
    std::optional<unsigned> maxTransferSize;
};

/// BACKUP DATABASE|LOG … TO VIRTUAL_DEVICE = N'…'[, …] WITH …; InvalidArgument when a name is
/// empty or holds NUL, no device is given, or an option is out of SQL Server's range.
Expected<std::string> buildBackup(const BackupSpec &spec);
/// RESTORE DATABASE|LOG|VERIFYONLY|HEADERONLY|FILELISTONLY … FROM VIRTUAL_DEVICE = … WITH …
Expected<std::string> buildRestore(const RestoreSpec &spec);

} // namespace vds::sql
