#include "session.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include "backupservice.h"
#include "backupstatement.h"
#include "bytereader.h"
#include "databasestore.h"
#include "queryengine.h"
#include "replystream.h"
#include "simoptions.h"
#include "sqlcursor.h"
#include "sqllexer.h"
#include "statementoutcome.h"
#include "tdsbytes.h"
#include "tdslogin.h"

namespace vds::sqlsim {

Session::Session(int fd, std::uint16_t spid, ServerContext &context)
    : m_ctx(context), m_channel(fd, context.stop), m_tokens(context.serverName)
{
    m_info.spid = spid;
    m_channel.setSpid(spid);
}

void Session::run()
{
    if (!login())
        return;
    TdsChannel::Message msg;
    while (m_channel.read(msg) == TdsChannel::ReadResult::Ok) {
        ReplyStream reply(m_channel, m_tokens);
        switch (msg.type) {
        case packet::kSqlBatch: batch(msg.payload); break;
        case packet::kAttention:
            // The statement had already finished: still confirm the cancel
            // (docs/tds-subset.md, "Attention").
            m_tokens.done(reply.buffer(), done::kAttention, 0, 0);
            reply.finish();
            break;
        default:
            error(reply, {0, 1, 16,
                          "vds-sqlsim understands SQL batches only (TDS packet type " +
                              std::to_string(msg.type) + " is not supported).",
                          1});
            m_tokens.done(reply.buffer(), done::kError, 0, 0);
            reply.finish();
            break;
        }
        if (m_channel.peerClosed())
            break;
    }
}

bool Session::login()
{
    TdsChannel::Message msg;
    if (m_channel.read(msg) != TdsChannel::ReadResult::Ok)
        return false;
    if (msg.type == packet::kPrelogin) {
        if (!m_channel.send(preloginReply()))
            return false;
        if (m_channel.read(msg) != TdsChannel::ReadResult::Ok)
            return false;
    }
    if (msg.type != packet::kLogin7)
        return false;
    const auto req = parseLogin7(msg.payload);
    ReplyStream reply(m_channel, m_tokens);
    ByteWriter &out = reply.buffer();
    auto refuse = [&](const std::string &user) {
        m_tokens.message(out, {18456, 1, 14, "Login failed for user '" + user + "'.", 1});
        m_tokens.done(out, done::kError, 0, 0);
        reply.finish();
        return false;
    };
    if (!req)
        return refuse("");
    const LoginSpec *spec = m_ctx.options.findLogin(req->userName);
    if (!spec || spec->password != req->password)
        return refuse(req->userName);
    std::string database = req->database.empty() ? "master" : req->database;
    if (upper(database) != "MASTER" && upper(database) != "MSDB") {
        const auto db = m_ctx.store.find(database);
        if (!db || db->state != "ONLINE") {
            m_tokens.message(out, {4060, 1, 11,
                                   "Cannot open database \"" + database +
                                       "\" requested by the login. The login failed.",
                                   1});
            return refuse(req->userName);
        }
        database = db->name;
    }
    m_info.user = spec->user;
    m_info.sysadmin = spec->sysadmin;
    m_info.database = database;
    m_info.hostName = req->hostName;
    m_info.appName = req->appName;
    if (req->packetSize >= 512 && req->packetSize <= 32767)
        m_channel.setPacketSize(req->packetSize);

    m_tokens.envChange(out, 1, database, "master");
    m_tokens.message(out, {5701, 2, 0, "Changed database context to '" + database + "'.", 1});
    m_tokens.envCollation(out);
    m_tokens.envChange(out, 2, "us_english", "");
    m_tokens.message(out, {5703, 1, 0, "Changed language setting to us_english.", 1});
    const std::uint32_t version = req->tdsVersion >= 0x74000004 ? 0x74000004 : req->tdsVersion;
    m_tokens.loginAck(out, version);
    m_tokens.envChange(out, 4, std::to_string(req->packetSize >= 512 ? req->packetSize : 4096),
                       "4096");
    m_tokens.done(out, done::kFinal, 0, 0);
    return reply.finish();
}

void Session::error(ReplyStream &reply, const ServerMessage &msg)
{
    m_tokens.message(reply.buffer(), msg);
}

void Session::batch(const std::vector<std::uint8_t> &payload)
{
    ReplyStream reply(m_channel, m_tokens);
    ByteReader r(payload);
    // TDS 7.2+: ALL_HEADERS first, its u32 total length counting itself.
    const std::uint32_t headers = r.u32le();
    if (!r.ok() || headers < 4 || headers > payload.size()) {
        error(reply, {102, 1, 15, "Incorrect syntax near ''.", 1});
        m_tokens.done(reply.buffer(), done::kError, 0, 0);
        reply.finish();
        return;
    }
    const std::string sql = fromUtf16le(std::span(payload).subspan(headers));
    const SqlLexResult lex = lexSql(sql);
    if (!lex.ok) {
        error(reply,
              {105, 1, 15,
               "Unclosed quotation mark after the character string '" + lex.badText + "'.", 1});
        m_tokens.done(reply.buffer(), done::kError, 0, 0);
        reply.finish();
        return;
    }
    // Split at top-level ';' into statements.
    std::vector<std::vector<SqlToken>> statements(1);
    for (const SqlToken &t : lex.tokens) {
        if (t.kind == SqlToken::Kind::End)
            break;
        if (t.isPunct(';')) {
            if (!statements.back().empty())
                statements.emplace_back();
            continue;
        }
        statements.back().push_back(t);
    }
    if (statements.back().empty() && statements.size() > 1)
        statements.pop_back();
    for (std::size_t i = 0; i < statements.size(); ++i) {
        statements[i].push_back({SqlToken::Kind::End, {}});
        if (!statement(statements[i], reply, i + 1 == statements.size()))
            break;
    }
    if (!m_channel.peerClosed())
        reply.finish();
}

bool Session::waitFor(SqlCursor &c, ReplyStream &reply)
{
    // WAITFOR DELAY 'hh:mm:ss[.fff]': lets tests exercise cancel without a backup.
    if (!c.acceptKeyword("DELAY") || c.peek().kind != SqlToken::Kind::String)
        return false;
    const std::string t = c.next().text;
    unsigned h = 0, m = 0;
    double s = 0;
    if (std::sscanf(t.c_str(), "%u:%u:%lf", &h, &m, &s) != 3)
        return false;
    const auto until =
        std::chrono::steady_clock::now() +
        std::chrono::milliseconds(static_cast<long long>((h * 3600.0 + m * 60.0 + s) * 1000));
    while (std::chrono::steady_clock::now() < until) {
        if (reply.attention() || m_ctx.stop.load() || reply.peerGone())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

bool Session::statement(const std::vector<SqlToken> &tokens, ReplyStream &reply, bool last)
{
    SqlCursor c(tokens);
    ByteWriter &out = reply.buffer();
    const std::uint16_t more = last ? 0 : done::kMore;
    StatementOutcome outcome = StatementOutcome::Done;
    auto fail = [&](const ServerMessage &msg) {
        error(reply, msg);
        outcome = StatementOutcome::Failed;
    };
    if (c.acceptKeyword("SELECT")) {
        auto rs = m_ctx.engine.select(c, m_info);
        if (rs) {
            m_tokens.resultSet(out, *rs, !last);
            outcome = StatementOutcome::DoneWritten;
        } else {
            fail(rs.error());
        }
    } else if (c.acceptKeyword("SET")) {
        // Session options (NOCOUNT, TEXTSIZE, isolation level…) are accepted and have no effect.
        if (c.atEnd())
            fail({102, 1, 15, "Incorrect syntax near 'SET'.", 1});
    } else if (c.acceptKeyword("USE")) {
        const SqlToken name = c.next();
        const auto db = m_ctx.store.find(name.text);
        const bool system = upper(name.text) == "MASTER" || upper(name.text) == "MSDB" ||
                            upper(name.text) == "TEMPDB" || upper(name.text) == "MODEL";
        if (!name.isName()) {
            fail({102, 1, 15, "Incorrect syntax near 'USE'.", 1});
        } else if (!db && !system) {
            fail({911, 1, 16,
                  "Database '" + name.text +
                      "' does not exist. Make sure that the name is entered correctly.",
                  1});
        } else {
            const std::string now = db ? db->name : name.text;
            m_tokens.envChange(out, 1, now, m_info.database);
            m_tokens.message(out, {5701, 1, 0, "Changed database context to '" + now + "'.", 1});
            m_info.database = now;
        }
    } else if (c.acceptKeyword("WAITFOR")) {
        if (!waitFor(c, reply))
            fail({102, 1, 15, "Incorrect syntax near 'WAITFOR'.", 1});
        else if (reply.peerGone())
            outcome = StatementOutcome::Dropped;
        else if (reply.attention())
            outcome = StatementOutcome::Attention;
    } else if (c.peek().isKeyword("BACKUP") || c.peek().isKeyword("RESTORE")) {
        const bool backup = c.next().isKeyword("BACKUP");
        auto stmt = parseBackupStatement(c, backup);
        if (!stmt)
            fail(stmt.error());
        else
            outcome = m_ctx.backups.run(*stmt, m_info, reply);
    } else {
        const SqlToken &t = c.peek();
        const std::string word = upper(t.text);
        if (word == "EXEC" || word == "EXECUTE")
            fail({2812, 62, 16, "Could not find stored procedure '" + c.peek(1).text + "'.", 1});
        else if (word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "DROP" ||
                 word == "CREATE" || word == "ALTER" || word == "TRUNCATE")
            fail({208, 1, 16,
                  "Invalid object name '" + c.peek(1).text +
                      "' (vds-sqlsim answers catalog queries, BACKUP and RESTORE only).",
                  1});
        else
            fail({102, 1, 15, "Incorrect syntax near '" + c.nearText() + "'.", 1});
    }

    switch (outcome) {
    case StatementOutcome::Done: m_tokens.done(out, more, 0, 0); return true;
    case StatementOutcome::DoneWritten: return true;
    case StatementOutcome::Failed: m_tokens.done(out, done::kError, 0, 0); return false;
    case StatementOutcome::Attention:
        reply.clearAttention();
        m_tokens.done(out, done::kAttention, 0, 0);
        return false;
    case StatementOutcome::Dropped: return false;
    }
    return false;
}

} // namespace vds::sqlsim
