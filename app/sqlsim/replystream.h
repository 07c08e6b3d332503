#pragma once

#include "tdschannel.h"
#include "tokenwriter.h"

namespace vds::sqlsim {

/// The reply to one batch as it is being built: tokens collect in a buffer and go out in one
/// message at the end, except progress, which is flushed at once as INFO + DONE(MORE) so that
/// FreeTDS hands each message to the application as it happens (docs/tds-subset.md,
/// "Progress").
/// Belongs to the connection's thread, like the channel it writes to.
class ReplyStream final {
public:
    ReplyStream(TdsChannel &channel, const TokenWriter &tokens)
        : m_channel(channel), m_tokens(tokens)
    {}

    ByteWriter &buffer() { return m_pending; }
    const TokenWriter &tokens() const { return m_tokens; }

    void info(const ServerMessage &msg) { m_tokens.message(m_pending, msg); }
    /// INFO + DONE(MORE), sent now in its own packet (EOM clear).
    bool progress(const ServerMessage &msg);
    /// Non-blocking: the client asked to cancel.
    bool attention() { return m_channel.attentionPending(); }
    void clearAttention() { m_channel.clearAttention(); }
    [[nodiscard]] bool peerGone() const { return m_channel.peerClosed(); }
    /// Sends what is pending with EOM.
    bool finish();
    /// Cuts the connection (drop-connection fault).
    void drop() { m_channel.drop(); }

private:
    TdsChannel &m_channel;
    const TokenWriter &m_tokens;
    ByteWriter m_pending;
};

} // namespace vds::sqlsim
