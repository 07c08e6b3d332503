// Session's RPC requests: the procedures ODBC drivers and sqlcmd send for parameterized and
// prepared execution. Parameters become T-SQL literals substituted into the statement, which
// then runs through the same statement path as a batch.
#include <algorithm>

#include "replystream.h"
#include "rpcrequest.h"
#include "session.h"
#include "sqllexer.h"
#include "tdsbytes.h"

namespace vds::sqlsim {

namespace {
constexpr std::uint8_t kReturnStatus = 0x79;
constexpr std::uint8_t kReturnValue = 0xAC;
constexpr std::uint8_t kDoneProc = 0xFE;

void doneProc(ByteWriter &out, std::uint16_t status)
{
    out.u8(kDoneProc);
    out.u16le(status);
    out.u16le(0xE0); // current command: EXECUTE
    out.u64le(0);
}

void returnStatus(ByteWriter &out, std::int32_t status)
{
    out.u8(kReturnStatus);
    out.i32le(status);
}

/// RETURNVALUE for an int OUTPUT parameter (the handle sp_prepare / sp_prepexec give back).
void returnInt(ByteWriter &out, std::uint16_t ordinal, const std::string &name, std::int32_t v)
{
    out.u8(kReturnValue);
    out.u16le(ordinal);
    out.bVarchar(name);
    out.u8(0x01); // output parameter
    out.u32le(0); // user type
    out.u16le(0); // flags
    out.u8(0x26); // INTN
    out.u8(4);    // max length
    out.u8(4);    // length
    out.i32le(v);
}
} // namespace

bool Session::runParameterized(const std::string &sql, const std::vector<std::string> &declared,
                               std::span<const RpcParam> values, ReplyStream &reply)
{
    std::map<std::string, SqlToken> bound;
    std::size_t position = 0;
    for (const RpcParam &v : values) {
        if (!v.name.empty()) {
            bound[upper(v.name)] = v.literal;
        } else if (position < declared.size()) {
            bound[upper(declared[position])] = v.literal;
        }
        ++position;
    }
    const SqlLexResult lex = lexSql(sql);
    if (!lex.ok) {
        error(reply,
              {105, 1, 15,
               "Unclosed quotation mark after the character string '" + lex.badText + "'.", 1});
        m_tokens.done(reply.buffer(), static_cast<std::uint16_t>(done::kError | done::kMore));
        return false;
    }
    std::vector<SqlToken> tokens;
    tokens.reserve(lex.tokens.size());
    for (const SqlToken &t : lex.tokens) {
        if (t.kind == SqlToken::Kind::Variable && !t.text.starts_with("@@")) {
            const auto it = bound.find(t.text);
            if (it == bound.end()) {
                error(reply,
                      {137, 2, 15, "Must declare the scalar variable \"" + t.text + "\".", 1});
                m_tokens.done(reply.buffer(),
                              static_cast<std::uint16_t>(done::kError | done::kMore));
                return false;
            }
            tokens.push_back(it->second);
        } else {
            tokens.push_back(t);
        }
    }
    return runStatements(tokens, reply);
}

void Session::rpc(const std::vector<std::uint8_t> &payload)
{
    ReplyStream reply(m_channel, m_tokens);
    ByteWriter &out = reply.buffer();
    m_inRpc = true;
    m_cancelled = false;
    ServerMessage parseError;
    const auto req = parseRpc(payload, parseError);
    bool ok = true;
    std::optional<std::pair<std::uint16_t, std::string>> handleParam;
    std::int32_t handle = 0;
    auto fail = [&](const ServerMessage &msg) {
        error(reply, msg);
        ok = false;
    };
    auto text = [&](std::size_t i) -> std::string {
        return i < req->params.size() ? req->params[i].text : std::string();
    };
    auto integer = [&](std::size_t i) -> std::optional<std::int64_t> {
        return i < req->params.size() ? req->params[i].integer : std::nullopt;
    };
    const std::string name = req ? req->procName : std::string();
    const std::size_t count = req ? req->params.size() : 0;

    if (!req) {
        fail(parseError);
    } else if (name == "sp_executesql") {
        if (count < 1 || req->params[0].isNull)
            fail({214, 2, 16,
                  "Procedure expects parameter '@statement' of type 'ntext/nchar/nvarchar'.", 1});
        else
            ok = runParameterized(text(0), declaredParameters(text(1)),
                                  std::span(req->params).subspan(std::min<std::size_t>(2, count)),
                                  reply);
    } else if (name == "sp_prepare" || name == "sp_prepexec") {
        if (count < 3 || req->params[2].isNull) {
            fail({8144, 2, 16,
                  "Procedure or function " + name + " has too many arguments specified.", 1});
        } else {
            handle = m_nextHandle++;
            m_prepared[handle] = {text(2), declaredParameters(text(1))};
            handleParam = {1, req->params[0].name};
            if (name == "sp_prepexec")
                ok = runParameterized(text(2), m_prepared[handle].declared,
                                      std::span(req->params).subspan(3), reply);
        }
    } else if (name == "sp_execute") {
        const auto h = integer(0);
        const auto it = h ? m_prepared.find(static_cast<std::int32_t>(*h)) : m_prepared.end();
        if (it == m_prepared.end())
            fail({8179, 4, 16,
                  "Could not find prepared statement with handle " +
                      (h ? std::to_string(*h) : std::string("NULL")) + ".",
                  1});
        else
            ok = runParameterized(it->second.sql, it->second.declared,
                                  std::span(req->params).subspan(1), reply);
    } else if (name == "sp_unprepare") {
        const auto h = integer(0);
        if (!h || m_prepared.erase(static_cast<std::int32_t>(*h)) == 0)
            fail({8179, 4, 16,
                  "Could not find prepared statement with handle " +
                      (h ? std::to_string(*h) : std::string("NULL")) + ".",
                  1});
    } else if (name.starts_with("sp_cursor")) {
        fail({16999, 1, 16,
              "vds-sqlsim does not support server cursors (" + name + "); use default result sets.",
              1});
    } else {
        fail({2812, 62, 16,
              "Could not find stored procedure '" + (name.empty() ? std::string("?") : name) + "'.",
              1});
    }
    m_inRpc = false;
    if (m_channel.peerClosed())
        return;
    if (!m_cancelled) {
        returnStatus(out, ok ? 0 : 1);
        if (handleParam)
            returnInt(out, handleParam->first, handleParam->second, handle);
        doneProc(out, ok ? done::kFinal : done::kError);
    }
    reply.finish();
}

} // namespace vds::sqlsim
