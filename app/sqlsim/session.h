#pragma once

#include <cstdint>
#include <vector>

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

private:
    bool login();
    void batch(const std::vector<std::uint8_t> &payload);
    /// One statement; false when the batch must stop (error or attention).
    bool statement(const std::vector<struct SqlToken> &tokens, ReplyStream &reply, bool last);
    bool waitFor(class SqlCursor &c, ReplyStream &reply);
    void error(ReplyStream &reply, const ServerMessage &msg);

    ServerContext &m_ctx;
    TdsChannel m_channel;
    TokenWriter m_tokens;
    SessionInfo m_info;
};

} // namespace vds::sqlsim
