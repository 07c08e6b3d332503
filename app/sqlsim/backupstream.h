#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vds::sqlsim {

/// One database file as a backup describes it.
struct StreamFile {
    std::string logicalName;
    std::string physicalName;
    bool log = false;
    std::uint64_t sizeBytes = 0;
};

/// The self-describing header at the start of every stripe: who, what, which LSNs, which
/// files. Identical in all stripes of one backup except stripeIndex.
struct StripeHeader {
    std::uint64_t backupId = 0;
    std::uint8_t type = 1; ///< 1 full, 2 differential, 3 log
    bool copyOnly = false;
    bool checksum = false;
    std::uint16_t stripeIndex = 0;
    std::uint16_t stripeCount = 1;
    std::uint64_t firstLsn = 0;
    std::uint64_t lastLsn = 0;
    std::uint64_t databaseBackupLsn = 0;
    std::int64_t startedMs = 0;
    std::uint64_t totalPages = 0; ///< pages in the whole backup (all stripes)
    std::uint32_t pageSize = 8192;
    std::string database;
    std::string description;
    std::string serverName;
    std::vector<StreamFile> files;
};

/// Appends the stripe format to a byte buffer: header (CRC-32C protected), page records (each
/// with its own CRC-32C), an end record, then zero padding to the block size. Stateless
/// functions, any thread.
namespace backupformat {
inline constexpr std::uint8_t kPageRecord = 0x50; // 'P'
inline constexpr std::uint8_t kEndRecord = 0x45;  // 'E'

/// CRC-32C (Castagnoli): hardware-assisted where the CPU offers it.
std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t seed = 0);
void writeHeader(std::vector<std::uint8_t> &out, const StripeHeader &header);
void writePage(std::vector<std::uint8_t> &out, std::uint16_t file, std::uint64_t page,
               std::span<const std::uint8_t> data);
void writeEnd(std::vector<std::uint8_t> &out, std::uint64_t pages, std::int64_t finishedMs);
} // namespace backupformat

/// Parses one stripe incrementally, however the bytes are chunked by the transfers. Owned by
/// one device thread.
class StripeReader final {
public:
    enum class State { NeedHeader, Pages, Ended, Corrupt };
    struct Page {
        std::uint16_t file = 0;
        std::uint64_t page = 0;
        std::span<const std::uint8_t> data;
    };

    /// Consumes bytes; calls onPage for each complete, checksum-valid page record. Returns the
    /// new state; Corrupt carries a reason in error().
    State feed(std::span<const std::uint8_t> bytes,
               const std::function<bool(const Page &)> &onPage);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const std::optional<StripeHeader> &header() const { return m_header; }
    [[nodiscard]] const std::string &error() const { return m_error; }
    [[nodiscard]] std::uint64_t pages() const { return m_pages; }
    [[nodiscard]] std::int64_t finishedMs() const { return m_finishedMs; }

private:
    bool parseHeader();
    State corrupt(std::string why);

    State m_state = State::NeedHeader;
    std::vector<std::uint8_t> m_buf;
    std::size_t m_pos = 0;
    std::optional<StripeHeader> m_header;
    std::uint64_t m_pages = 0;
    std::int64_t m_finishedMs = 0;
    std::string m_error;
};

} // namespace vds::sqlsim
