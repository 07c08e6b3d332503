#include <vds/backup/params.h>

#include <algorithm>

namespace vds::backup {

std::string typeName(BackupType type)
{
    switch (type) {
    case BackupType::Full: return "full";
    case BackupType::Diff: return "diff";
    case BackupType::Log: return "log";
    case BackupType::CopyOnly: return "copy-only";
    }
    return "full";
}

std::optional<BackupType> parseType(std::string_view text)
{
    if (text == "full")
        return BackupType::Full;
    if (text == "diff" || text == "differential")
        return BackupType::Diff;
    if (text == "log")
        return BackupType::Log;
    if (text == "copy-only")
        return BackupType::CopyOnly;
    return std::nullopt;
}

std::string ServerRef::display() const
{
    switch (kind) {
    case Kind::Sim: return "sim";
    case Kind::Connection: return "connection:" + connection;
    case Kind::Host: break;
    }
    return host + ":" + std::to_string(port);
}

unsigned defaultBufferCount(int stripes)
{
    return static_cast<unsigned>(std::max(6, 2 * stripes));
}

unsigned defaultMaxTransferSize(int stripes)
{
    return stripes <= 8 ? 4u * 1024 * 1024 : 1024u * 1024;
}

} // namespace vds::backup
