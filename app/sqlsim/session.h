#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <span>

#include "servercontext.h"
#include "sessioninfo.h"
#include "tdschannel.h"
#include "tokenwriter.h"

namespace vds::sqlsim {

class ReplyStream;

/// One client connection: PRELOGIN, LOGIN7, then SQL batches until the client leaves or the
/// server stops. Runs entirely on its own thread (one thread per connection, as SQL Server's
/// scheduler gives each session a worker); owns its socket through the channel.
class Session final {
public:
    Session(int fd, std::uint16_t spid, ServerContext &context);
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    void run();
    /// Answers PRELOGIN and LOGIN7 with error 17809 (too many connections) and ends: the
    /// server is at --max-connections.
    void refuseBusy(unsigned maxConnections);

private:
    bool login();
    void batch(const std::vector<std::uint8_t> &payload);
    /// Splits lexed T-SQL at top-level ';' and runs each statement; false after a failure.
    bool runStatements(const std::vector<struct SqlToken> &tokens, ReplyStream &reply);
    /// An RPC request (sp_executesql, sp_prepare, sp_execute, sp_prepexec, sp_unprepare);
    /// in sessionrpc.cpp.
    void rpc(const std::vector<std::uint8_t> &payload);
    /// Runs `sql` with `@name` parameters replaced by the literals of `values` (named ones by
    /// name, positional ones in the order of `declared`); false when it failed.
    bool runParameterized(const std::string &sql, const std::vector<std::string> &declared,
                          std::span<const struct RpcParam> values, ReplyStream &reply);
    /// One statement; false when the batch must stop (error or attention).
    bool statement(const std::vector<struct SqlToken> &tokens, ReplyStream &reply, bool last);
    bool waitFor(class SqlCursor &c, ReplyStream &reply);
    void error(ReplyStream &reply, const ServerMessage &msg);

    ServerContext &m_ctx;
    TdsChannel m_channel;
    TokenWriter m_tokens;
    SessionInfo m_info;
    /// Inside an RPC every statement's DONE carries MORE: the DONEPROC ends the reply.
    bool m_inRpc = false;
    bool m_cancelled = false; ///< the last statement ended with DONE(ATTN)
    struct Prepared {
        std::string sql;
        std::vector<std::string> declared;
    };
    std::map<std::int32_t, Prepared> m_prepared; ///< sp_prepare handles of this connection
    std::int32_t m_nextHandle = 1;
};

} // namespace vds::sqlsim
