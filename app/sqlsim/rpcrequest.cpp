#include "rpcrequest.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "bytereader.h"
#include "tdsbytes.h"

namespace vds::sqlsim {

namespace {

// DECIMAL magnitudes are up to 128 bits (GCC extension, hence __extension__).
__extension__ typedef unsigned __int128 Uint128;

const char *wellKnownName(std::uint16_t id)
{
    switch (id) {
    case 1: return "sp_cursor";
    case 2: return "sp_cursoropen";
    case 3: return "sp_cursorprepare";
    case 4: return "sp_cursorexecute";
    case 5: return "sp_cursorprepexec";
    case 6: return "sp_cursorunprepare";
    case 7: return "sp_cursorfetch";
    case 8: return "sp_cursoroption";
    case 9: return "sp_cursorclose";
    case procid::kExecuteSql: return "sp_executesql";
    case procid::kPrepare: return "sp_prepare";
    case procid::kExecute: return "sp_execute";
    case procid::kPrepExec: return "sp_prepexec";
    case 14: return "sp_prepexecrpc";
    case procid::kUnprepare: return "sp_unprepare";
    default: return "";
    }
}

std::string readUtf16(ByteReader &r, std::span<const std::uint8_t> all, std::size_t chars)
{
    const std::size_t at = r.pos();
    r.skip(chars * 2);
    return r.ok() ? fromUtf16le(all.subspan(at, chars * 2)) : std::string();
}

std::uint64_t readLe(ByteReader &r, std::size_t n)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= static_cast<std::uint64_t>(r.u8()) << (8 * i);
    return v;
}

void setInteger(RpcParam &p, std::int64_t v)
{
    p.isNull = false;
    p.integer = v;
    p.literal = {SqlToken::Kind::Number, std::to_string(v)};
}

void setNumber(RpcParam &p, std::string text)
{
    p.isNull = false;
    p.literal = {SqlToken::Kind::Number, std::move(text)};
}

void setText(RpcParam &p, std::string text)
{
    p.isNull = false;
    p.text = text;
    p.literal = {SqlToken::Kind::String, std::move(text)};
}

std::string formatDouble(double d)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
}

/// Reads a PLP value (varchar(max) and friends): total length, then chunks until a 0 chunk.
bool readPlp(ByteReader &r, std::vector<std::uint8_t> &out, bool &isNull)
{
    const std::uint64_t total = readLe(r, 8);
    if (total == ~std::uint64_t{0}) {
        isNull = true;
        return r.ok();
    }
    isNull = false;
    for (;;) {
        const std::uint32_t chunk = r.u32le();
        if (!r.ok())
            return false;
        if (chunk == 0)
            return true;
        if (chunk > r.remaining())
            return false;
        for (std::uint32_t i = 0; i < chunk; ++i)
            out.push_back(r.u8());
    }
}

std::string hexLiteral(const std::vector<std::uint8_t> &bytes)
{
    static const char *digits = "0123456789ABCDEF";
    std::string s = "0x";
    for (const std::uint8_t b : bytes) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

bool readValue(ByteReader &r, std::span<const std::uint8_t> all, RpcParam &p)
{
    const std::uint8_t t = p.type;
    switch (t) {
    case 0x1F: return true; // NULLTYPE
    case 0x30: setInteger(p, r.u8()); return r.ok();
    case 0x32: setInteger(p, r.u8() ? 1 : 0); return r.ok();
    case 0x34: setInteger(p, static_cast<std::int16_t>(r.u16le())); return r.ok();
    case 0x38: setInteger(p, static_cast<std::int32_t>(r.u32le())); return r.ok();
    case 0x7F: setInteger(p, static_cast<std::int64_t>(readLe(r, 8))); return r.ok();
    case 0x3B: {
        const std::uint32_t bits = r.u32le();
        float f;
        std::memcpy(&f, &bits, 4);
        setNumber(p, formatDouble(f));
        return r.ok();
    }
    case 0x3E: {
        const std::uint64_t bits = readLe(r, 8);
        double d;
        std::memcpy(&d, &bits, 8);
        setNumber(p, formatDouble(d));
        return r.ok();
    }
    case 0x26:   // INTN
    case 0x68:   // BITN
    case 0x6D: { // FLTN
        const std::uint8_t maxLen = r.u8();
        (void)maxLen;
        const std::uint8_t len = r.u8();
        if (!r.ok() || len == 0)
            return r.ok();
        if (t == 0x6D) {
            if (len == 4) {
                const std::uint32_t bits = r.u32le();
                float f;
                std::memcpy(&f, &bits, 4);
                setNumber(p, formatDouble(f));
            } else {
                const std::uint64_t bits = readLe(r, 8);
                double d;
                std::memcpy(&d, &bits, 8);
                setNumber(p, formatDouble(d));
            }
            return r.ok();
        }
        const std::uint64_t raw = readLe(r, len);
        std::int64_t v = static_cast<std::int64_t>(raw);
        if (len == 1)
            v = t == 0x68 ? (raw ? 1 : 0) : static_cast<std::int64_t>(raw);
        else if (len == 2)
            v = static_cast<std::int16_t>(raw);
        else if (len == 4)
            v = static_cast<std::int32_t>(raw);
        setInteger(p, v);
        return r.ok();
    }
    case 0x6A:   // DECIMALN
    case 0x6C: { // NUMERICN
        r.u8();  // max length
        r.u8();  // precision
        const std::uint8_t scale = r.u8();
        const std::uint8_t len = r.u8();
        if (!r.ok() || len == 0)
            return r.ok();
        const bool positive = r.u8() == 1;
        Uint128 magnitude = 0;
        for (std::uint8_t i = 0; i + 1 < len; ++i)
            magnitude |= static_cast<Uint128>(r.u8()) << (8 * i);
        std::string digits;
        do {
            digits.insert(digits.begin(),
                          static_cast<char>('0' + static_cast<int>(magnitude % 10)));
            magnitude /= 10;
        } while (magnitude != 0);
        if (scale > 0) {
            while (digits.size() <= scale)
                digits.insert(digits.begin(), '0');
            digits.insert(digits.end() - scale, '.');
        }
        setNumber(p, (positive ? "" : "-") + digits);
        return r.ok();
    }
    case 0xA7:   // BIGVARCHAR
    case 0xAF:   // BIGCHAR
    case 0xE7:   // NVARCHAR
    case 0xEF:   // NCHAR
    case 0xA5:   // BIGVARBINARY
    case 0xAD: { // BIGBINARY
        const std::uint16_t maxLen = r.u16le();
        const bool character = t != 0xA5 && t != 0xAD;
        if (character)
            r.skip(5); // collation
        std::vector<std::uint8_t> bytes;
        bool isNull = false;
        if (maxLen == 0xFFFF) {
            if (!readPlp(r, bytes, isNull))
                return false;
        } else {
            const std::uint16_t len = r.u16le();
            if (len == 0xFFFF) {
                isNull = true;
            } else {
                if (len > r.remaining())
                    return false;
                for (std::uint16_t i = 0; i < len; ++i)
                    bytes.push_back(r.u8());
            }
        }
        if (!r.ok())
            return false;
        if (isNull)
            return true;
        if (!character)
            setNumber(p, hexLiteral(bytes));
        else if (t == 0xE7 || t == 0xEF)
            setText(p, fromUtf16le(bytes));
        else
            setText(p, std::string(bytes.begin(), bytes.end()));
        return true;
    }
    case 0x23:     // TEXT
    case 0x63: {   // NTEXT
        r.u32le(); // max length
        r.skip(5); // collation
        const std::uint32_t len = r.u32le();
        if (!r.ok() || len == 0xFFFFFFFFu)
            return r.ok();
        if (len > r.remaining())
            return false;
        if (t == 0x63) {
            setText(p, readUtf16(r, all, len / 2));
        } else {
            std::string s;
            for (std::uint32_t i = 0; i < len; ++i)
                s += static_cast<char>(r.u8());
            setText(p, std::move(s));
        }
        return r.ok();
    }
    default: return false;
    }
}

bool knownType(std::uint8_t t)
{
    static const std::uint8_t known[] = {0x1F, 0x30, 0x32, 0x34, 0x38, 0x7F, 0x3B,
                                         0x3E, 0x26, 0x68, 0x6D, 0x6A, 0x6C, 0xA7,
                                         0xAF, 0xE7, 0xEF, 0xA5, 0xAD, 0x23, 0x63};
    for (const std::uint8_t k : known)
        if (k == t)
            return true;
    return false;
}

} // namespace

std::optional<RpcRequest> parseRpc(std::span<const std::uint8_t> payload, ServerMessage &error)
{
    auto malformed = [&](const std::string &what) {
        error = {8009, 1, 16,
                 "The incoming tabular data stream (TDS) remote procedure call (RPC) protocol "
                 "stream is incorrect. " +
                     what,
                 1};
        return std::nullopt;
    };
    ByteReader r(payload);
    const std::uint32_t headers = r.u32le();
    if (!r.ok() || headers < 4 || headers > payload.size())
        return malformed("The ALL_HEADERS section is invalid.");
    r.seek(headers);
    RpcRequest req;
    const std::uint16_t nameLen = r.u16le();
    if (nameLen == 0xFFFF) {
        req.procId = r.u16le();
        req.procName = wellKnownName(req.procId);
    } else {
        req.procName = upper(readUtf16(r, payload, nameLen));
        for (char &c : req.procName)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    r.u16le(); // option flags (WITH RECOMPILE, no metadata): nothing to change here
    if (!r.ok())
        return malformed("The procedure name is invalid.");
    while (r.remaining() > 0) {
        const std::size_t at = r.pos();
        const std::uint8_t first = r.u8();
        if (first == 0xFF || first == 0xFE || first == 0x80) { // next request of a batch
            (void)at;
            break;
        }
        RpcParam p;
        p.name = readUtf16(r, payload, first);
        p.output = (r.u8() & 0x01) != 0;
        p.type = r.u8();
        if (!r.ok())
            return malformed("Parameter " + std::to_string(req.params.size() + 1) +
                             " is truncated.");
        p.literal = {SqlToken::Kind::Word, "NULL"};
        const std::string label =
            "Parameter " + std::to_string(req.params.size() + 1) + " (\"" + p.name + "\")";
        if (!knownType(p.type)) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", p.type);
            return malformed(label + ": Data type " + hex + " is unknown.");
        }
        if (!readValue(r, payload, p) || !r.ok())
            return malformed(label + ": The value is invalid.");
        req.params.push_back(std::move(p));
    }
    return req;
}

std::vector<std::string> declaredParameters(const std::string &definition)
{
    std::vector<std::string> names;
    const SqlLexResult lex = lexSql(definition);
    bool expectName = true;
    int depth = 0;
    for (const SqlToken &t : lex.tokens) {
        if (t.isPunct('('))
            ++depth;
        else if (t.isPunct(')'))
            --depth;
        else if (t.isPunct(',') && depth == 0)
            expectName = true;
        else if (t.kind == SqlToken::Kind::Variable && expectName) {
            names.push_back(t.text);
            expectName = false;
        }
    }
    return names;
}

} // namespace vds::sqlsim
