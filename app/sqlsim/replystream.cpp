#include "replystream.h"

namespace vds::sqlsim {

bool ReplyStream::progress(const ServerMessage &msg)
{
    m_tokens.message(m_pending, msg);
    m_tokens.done(m_pending, done::kMore, 0, 0);
    const auto bytes = m_pending.take();
    m_pending = ByteWriter();
    return m_channel.send(bytes, false);
}

bool ReplyStream::finish()
{
    const auto bytes = m_pending.take();
    m_pending = ByteWriter();
    return m_channel.send(bytes, true);
}

} // namespace vds::sqlsim
