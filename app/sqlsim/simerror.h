#pragma once

#include <expected>

#include "tokenwriter.h"

namespace vds::sqlsim {

/// The simulator's failures are SQL Server messages: they go to the client as ERROR tokens.
template <class T> using SimResult = std::expected<T, ServerMessage>;

/// A severity-16 error with SQL Server's number and text.
inline std::unexpected<ServerMessage> sqlError(std::int32_t number, std::string text,
                                               std::uint8_t severity = 16)
{
    return std::unexpected(ServerMessage{number, 1, severity, std::move(text), 1});
}

} // namespace vds::sqlsim
