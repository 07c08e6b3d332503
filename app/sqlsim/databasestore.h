#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "simerror.h"
#include "tokenwriter.h"

namespace vds::sqlsim {

inline constexpr std::uint32_t kPageSize = 8192;

struct SimFile {
    std::string logicalName;
    std::filesystem::path path;
    bool log = false;
};

/// A database as the catalog knows it. Snapshot value; the store keeps the truth.
struct SimDatabase {
    std::string name;
    int id = 0;
    std::string state = "ONLINE"; ///< ONLINE or RESTORING
    std::string recoveryModel = "FULL";
    SimTime created{};
    std::vector<SimFile> files;
    std::uint64_t fullBaseLsn = 0; ///< last full backup (differential base); 0 = none
    std::uint64_t logBaseLsn = 0;  ///< last backup in the chain a log backup continues from
    std::uint64_t restoredLsn = 0; ///< while RESTORING: the last LSN restored
    std::uint64_t restoredFullLsn = 0;
    /// While RESTORING: when the last restored backup ended (ms since the epoch); a STOPAT
    /// before it is too early (4335).
    std::int64_t restoredAtMs = 0;
};

/// One msdb.dbo.backupset row.
struct BackupRecord {
    std::string database;
    char type = 'D'; ///< D full, I differential, L log
    SimTime started{};
    SimTime finished{};
    std::uint64_t firstLsn = 0;
    std::uint64_t lastLsn = 0;
    std::uint64_t databaseBackupLsn = 0;
    std::uint64_t differentialBaseLsn = 0; ///< differentials only (NULL otherwise)
    std::uint64_t bytes = 0;
    bool copyOnly = false;
    std::string description;
};

/// Page hashes per file: what the change map compares against.
using PageMap = std::vector<std::vector<std::uint64_t>>;

/// The simulator's catalog: databases as files in the data directory, their backup history
/// and change maps, persisted under DIR/.sqlsim so a restart sees the same server. Thread-safe
/// (one mutex); connection and device threads share one instance owned by the server.
class DatabaseStore final {
public:
    explicit DatabaseStore(std::filesystem::path dataDir);
    DatabaseStore(const DatabaseStore &) = delete;
    DatabaseStore &operator=(const DatabaseStore &) = delete;

    /// Loads the catalog, then registers any DIR/NAME.mdf it does not know yet.
    SimResult<void> open();
    /// Creates NAME with deterministic pseudo-random pages unless it exists.
    SimResult<void> seed(const std::string &name, std::uint64_t size);

    [[nodiscard]] std::vector<SimDatabase> databases() const;
    [[nodiscard]] std::optional<SimDatabase> find(std::string_view name) const;
    [[nodiscard]] std::vector<BackupRecord> history() const;
    [[nodiscard]] const std::filesystem::path &dataDir() const { return m_dir; }

    /// Marks a database busy for one BACKUP/RESTORE (SQL Server serialises them: 3023).
    bool tryLock(std::string_view name);
    void unlock(std::string_view name);

    [[nodiscard]] std::uint64_t nextLsn();
    /// Reads the saved page map of a database ("full" or "log").
    [[nodiscard]] PageMap loadMap(int id, std::string_view kind) const;
    void saveMap(int id, std::string_view kind, const PageMap &map) const;
    /// After a successful backup: history row, and the bases it moves.
    void recordBackup(const BackupRecord &record, bool movesFullBase, bool movesLogBase);
    /// Replaces or adds a database entry after a restore step (files already written).
    void putDatabase(SimDatabase db);
    /// Which database (other than `except`) already owns `path`, if any.
    [[nodiscard]] std::optional<std::string> fileOwner(const std::filesystem::path &path,
                                                       std::string_view except) const;

    /// Reads the page hashes of every file of `db` (pageHash per 8 KiB page).
    static SimResult<PageMap> hashPages(const SimDatabase &db);
    /// One page's change-map hash (64-bit, word-wise; `n` < 8 KiB at a file's end). Saved
    /// maps from an older hash only make the next differential or log larger, never wrong.
    static std::uint64_t pageHash(const std::uint8_t *page, std::size_t n);
    static bool sameName(std::string_view a, std::string_view b);

private:
    void saveLocked() const;
    SimDatabase *findLocked(std::string_view name);

    std::filesystem::path m_dir;
    mutable std::mutex m_mutex;
    std::vector<SimDatabase> m_databases;
    std::vector<BackupRecord> m_history;
    std::vector<std::string> m_busy;
    std::uint64_t m_lsn = 37000000001000001ull;
    int m_nextId = 5;
};

} // namespace vds::sqlsim
