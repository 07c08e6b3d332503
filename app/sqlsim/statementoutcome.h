#pragma once

namespace vds::sqlsim {

/// How a statement ended, so the session knows which DONE closes it.
enum class StatementOutcome {
    Done,        ///< succeeded; the session appends DONE
    DoneWritten, ///< succeeded and already wrote its own DONE (a result set)
    Failed,      ///< an ERROR token was written; the session appends DONE(ERROR)
    Attention,   ///< the client cancelled; the session appends DONE(ATTN)
    Dropped,     ///< the connection is gone; nothing more is sent
};

} // namespace vds::sqlsim
