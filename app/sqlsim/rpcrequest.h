#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sqllexer.h"
#include "tokenwriter.h"

namespace vds::sqlsim {

/// Well-known procedure ids an RPC request may name instead of a procedure name
/// (MS-TDS 2.2.6.6).
namespace procid {
inline constexpr std::uint16_t kExecuteSql = 10, kPrepare = 11, kExecute = 12, kPrepExec = 13,
                               kUnprepare = 15;
} // namespace procid

/// One RPC parameter with its value as a T-SQL literal token (Number, String or the word NULL),
/// which is how the simulator substitutes parameters into the statement text.
struct RpcParam {
    std::string name; ///< "@p1", or empty for a positional parameter
    bool output = false;
    std::uint8_t type = 0; ///< TDS type byte
    bool isNull = true;
    SqlToken literal;                    ///< the value as T-SQL
    std::optional<std::int64_t> integer; ///< integer types
    std::string text;                    ///< character types (UTF-8)
};

/// A decoded RPC request (the first of a batch of them): the procedure and its parameters.
struct RpcRequest {
    std::string procName;     ///< lower-cased name, or the name of the well-known id
    std::uint16_t procId = 0; ///< 0 when sent by name
    std::vector<RpcParam> params;
};

/// Decodes an RPC payload (ALL_HEADERS, procedure, parameters). On a malformed stream or a
/// parameter type the simulator cannot turn into T-SQL returns nullopt with SQL Server's error
/// (8009 and friends) in `error`.
std::optional<RpcRequest> parseRpc(std::span<const std::uint8_t> payload, ServerMessage &error);

/// Names declared in an sp_executesql / sp_prepare parameter list ("@a int, @b nvarchar(10)").
std::vector<std::string> declaredParameters(const std::string &definition);

} // namespace vds::sqlsim
