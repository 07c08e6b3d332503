#include "tokenwriter.h"

#include <vds/util/utf.h>

namespace vds::sqlsim {

namespace {
constexpr std::uint8_t kEnvChange = 0xE3;
constexpr std::uint8_t kLoginAck = 0xAD;
constexpr std::uint8_t kInfo = 0xAB;
constexpr std::uint8_t kError = 0xAA;
constexpr std::uint8_t kDone = 0xFD;
constexpr std::uint8_t kColMetadata = 0x81;
constexpr std::uint8_t kRow = 0xD1;
// SQL_Latin1_General_CP1_CI_AS: LCID 0x0409, flags 0xD0, sort id 0x34.
constexpr std::uint8_t kCollation[5] = {0x09, 0x04, 0xD0, 0x00, 0x34};

void typeInfo(ByteWriter &out, const Column &c)
{
    switch (c.type) {
    case ColumnType::NVarChar:
        out.u8(0xE7);
        out.u16le(static_cast<std::uint16_t>(c.maxChars * 2));
        out.bytes(kCollation);
        break;
    case ColumnType::Int:
        out.u8(0x26);
        out.u8(4);
        break;
    case ColumnType::BigInt:
        out.u8(0x26);
        out.u8(8);
        break;
    case ColumnType::Bit:
        out.u8(0x68);
        out.u8(1);
        break;
    case ColumnType::DateTime:
        out.u8(0x6F);
        out.u8(8);
        break;
    }
}

std::int64_t asInteger(const Value &v)
{
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto *b = std::get_if<bool>(&v))
        return *b ? 1 : 0;
    return 0;
}

void cell(ByteWriter &out, const Column &c, const Value &v)
{
    const bool isNull = std::holds_alternative<std::monostate>(v);
    switch (c.type) {
    case ColumnType::NVarChar: {
        if (isNull) {
            out.u16le(0xFFFF);
            break;
        }
        std::string text;
        if (const auto *s = std::get_if<std::string>(&v))
            text = *s;
        else
            text = std::to_string(asInteger(v));
        std::u16string w = utf::toUtf16(text);
        if (w.size() > c.maxChars)
            w.resize(c.maxChars);
        out.u16le(static_cast<std::uint16_t>(w.size() * 2));
        for (char16_t ch : w)
            out.u16le(static_cast<std::uint16_t>(ch));
        break;
    }
    case ColumnType::Int:
    case ColumnType::BigInt:
        if (isNull) {
            out.u8(0);
        } else if (c.type == ColumnType::Int) {
            out.u8(4);
            out.i32le(static_cast<std::int32_t>(asInteger(v)));
        } else {
            out.u8(8);
            out.u64le(static_cast<std::uint64_t>(asInteger(v)));
        }
        break;
    case ColumnType::Bit:
        if (isNull) {
            out.u8(0);
        } else {
            out.u8(1);
            out.u8(asInteger(v) != 0 ? 1 : 0);
        }
        break;
    case ColumnType::DateTime: {
        const auto *t = std::get_if<SimTime>(&v);
        if (!t) {
            out.u8(0);
            break;
        }
        // DATETIME: days since 1900-01-01 and 1/300 s ticks since midnight.
        using namespace std::chrono;
        const auto since = duration_cast<milliseconds>(*t - sys_days{year{1900} / 1 / 1});
        const auto days = floor<std::chrono::days>(since);
        const auto ms = (since - days).count();
        out.u8(8);
        out.i32le(static_cast<std::int32_t>(days.count()));
        out.u32le(static_cast<std::uint32_t>(ms * 3 / 10));
        break;
    }
    }
}
} // namespace

void TokenWriter::envChange(ByteWriter &out, std::uint8_t type, std::string_view newValue,
                            std::string_view oldValue) const
{
    ByteWriter body;
    body.u8(type);
    body.bVarchar(newValue);
    body.bVarchar(oldValue);
    out.u8(kEnvChange);
    out.u16le(static_cast<std::uint16_t>(body.size()));
    out.append(body);
}

void TokenWriter::envCollation(ByteWriter &out) const
{
    out.u8(kEnvChange);
    out.u16le(1 + 1 + sizeof kCollation + 1);
    out.u8(7);
    out.u8(sizeof kCollation);
    out.bytes(kCollation);
    out.u8(0);
}

void TokenWriter::loginAck(ByteWriter &out, std::uint32_t tdsVersion) const
{
    ByteWriter body;
    body.u8(1); // interface: SQL
    body.u32be(tdsVersion);
    body.bVarchar("Microsoft SQL Server");
    body.u8(16); // program version 16.0.4135 (a SQL Server 2022-shaped number)
    body.u8(0);
    body.u8(0x10);
    body.u8(0x27);
    out.u8(kLoginAck);
    out.u16le(static_cast<std::uint16_t>(body.size()));
    out.append(body);
}

void TokenWriter::message(ByteWriter &out, const ServerMessage &msg) const
{
    ByteWriter body;
    body.i32le(msg.number);
    body.u8(msg.state);
    body.u8(msg.severity);
    body.usVarchar(msg.text);
    body.bVarchar(m_serverName);
    body.bVarchar("");
    body.i32le(msg.line);
    out.u8(msg.severity > 10 ? kError : kInfo);
    out.u16le(static_cast<std::uint16_t>(body.size()));
    out.append(body);
}

void TokenWriter::done(ByteWriter &out, std::uint16_t status, std::uint64_t rows,
                       std::uint16_t curCmd) const
{
    out.u8(kDone);
    out.u16le(status);
    out.u16le(curCmd);
    out.u64le(rows);
}

void TokenWriter::resultSet(ByteWriter &out, const ResultSet &set, bool more) const
{
    out.u8(kColMetadata);
    out.u16le(static_cast<std::uint16_t>(set.columns.size()));
    for (const Column &c : set.columns) {
        out.u32le(0);      // user type
        out.u16le(0x0001); // nullable
        typeInfo(out, c);
        out.bVarchar(c.name);
    }
    for (const auto &row : set.rows) {
        out.u8(kRow);
        for (std::size_t i = 0; i < set.columns.size(); ++i)
            cell(out, set.columns[i], i < row.size() ? row[i] : Value{});
    }
    done(out, static_cast<std::uint16_t>(done::kCount | (more ? done::kMore : 0)), set.rows.size());
}

} // namespace vds::sqlsim
