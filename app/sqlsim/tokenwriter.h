#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tdsbytes.h"

namespace vds::sqlsim {

/// DONE status bits (MS-TDS 2.2.7.6).
namespace done {
inline constexpr std::uint16_t kFinal = 0x0000;
inline constexpr std::uint16_t kMore = 0x0001;
inline constexpr std::uint16_t kError = 0x0002;
inline constexpr std::uint16_t kCount = 0x0010;
inline constexpr std::uint16_t kAttention = 0x0020;
} // namespace done

using SimTime = std::chrono::system_clock::time_point;

/// The column types the simulator answers with (what a real server uses for these catalogs).
enum class ColumnType { NVarChar, Int, BigInt, Bit, DateTime };

struct Column {
    std::string name;
    ColumnType type = ColumnType::NVarChar;
    std::uint16_t maxChars = 128; ///< NVARCHAR only (sysname = 128)
};

/// One cell: NULL, text, integer, bit or datetime.
using Value = std::variant<std::monostate, std::string, std::int64_t, bool, SimTime>;

/// A typed result set, built by the query engine and written by TokenWriter. Plain value.
struct ResultSet {
    std::vector<Column> columns;
    std::vector<std::vector<Value>> rows;
};

/// A server message (INFO or ERROR token): SQL Server's number, state, class and text.
struct ServerMessage {
    std::int32_t number = 0;
    std::uint8_t state = 1;
    std::uint8_t severity = 0; ///< ≤10 informational, ≥11 error (FreeTDS classifies by this)
    std::string text;
    std::int32_t line = 1;
};

/// Appends TDS tokens to a reply buffer: ENVCHANGE, LOGINACK, INFO/ERROR, DONE, COLMETADATA and
/// ROW. Stateless apart from the server name put into messages; one thread at a time.
class TokenWriter {
public:
    explicit TokenWriter(std::string serverName) : m_serverName(std::move(serverName)) {}

    void envChange(ByteWriter &out, std::uint8_t type, std::string_view newValue,
                   std::string_view oldValue) const;
    void envCollation(ByteWriter &out) const;
    void loginAck(ByteWriter &out, std::uint32_t tdsVersion) const;
    void message(ByteWriter &out, const ServerMessage &msg) const;
    void done(ByteWriter &out, std::uint16_t status, std::uint64_t rows = 0,
              std::uint16_t curCmd = 0xC1) const;
    /// COLMETADATA + ROWs + DONE(COUNT [| MORE]).
    void resultSet(ByteWriter &out, const ResultSet &set, bool more) const;

private:
    std::string m_serverName;
};

} // namespace vds::sqlsim
