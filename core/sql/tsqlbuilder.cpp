#include <vds/sql/tsqlbuilder.h>

namespace vds::sql {

std::string quoteIdentifier(std::string_view name)
{
    std::string out = "[";
    for (char c : name) {
        out.push_back(c);
        if (c == ']')
            out.push_back(']');
    }
    out.push_back(']');
    return out;
}

std::string quoteLiteral(std::string_view text)
{
    std::string out = "N'";
    for (char c : text) {
        out.push_back(c);
        if (c == '\'')
            out.push_back('\'');
    }
    out.push_back('\'');
    return out;
}

namespace {

// NUL cannot travel in a T-SQL batch; everything else can, once quoted.
Expected<void> checkName(std::string_view what, std::string_view name)
{
    if (name.empty())
        return fail(ErrorCategory::InvalidArgument, std::string(what) + " is empty");
    if (name.find('\0') != std::string_view::npos)
        return fail(ErrorCategory::InvalidArgument, std::string(what) + " contains a NUL character",
                    std::string(name.substr(0, name.find('\0'))));
    if (name.size() > 4000)
        return fail(ErrorCategory::InvalidArgument, std::string(what) + " is too long");
    return {};
}

Expected<std::string> devicesClause(const std::vector<std::string> &devices,
                                    std::string_view kind = "VIRTUAL_DEVICE")
{
    if (devices.empty())
        return fail(ErrorCategory::InvalidArgument, "no virtual device given");
    if (devices.size() > 64)
        return fail(ErrorCategory::InvalidArgument, "at most 64 virtual devices are allowed");
    std::string out;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        if (auto r = checkName("device name", devices[i]); !r)
            return fail(r.error());
        if (i)
            out += ", ";
        out += std::string(kind) + " = " + quoteLiteral(devices[i]);
    }
    return out;
}

Expected<void> transferOptions(std::vector<std::string> &with, std::optional<unsigned> stats,
                               std::optional<unsigned> blockSize,
                               std::optional<unsigned> bufferCount,
                               std::optional<unsigned> maxTransferSize)
{
    if (blockSize) {
        const unsigned b = *blockSize;
        if (b < 512 || b > 65536 || (b & (b - 1)))
            return fail(ErrorCategory::InvalidArgument,
                        "BLOCKSIZE must be a power of two from 512 to 65536");
        with.push_back("BLOCKSIZE = " + std::to_string(b));
    }
    if (bufferCount) {
        if (*bufferCount == 0 || *bufferCount > 4096)
            return fail(ErrorCategory::InvalidArgument, "BUFFERCOUNT must be between 1 and 4096");
        with.push_back("BUFFERCOUNT = " + std::to_string(*bufferCount));
    }
    if (maxTransferSize) {
        const unsigned m = *maxTransferSize;
        if (m < 65536 || m > 4194304 || m % 65536)
            return fail(ErrorCategory::InvalidArgument,
                        "MAXTRANSFERSIZE must be a multiple of 64 KiB from 64 KiB to 4 MiB");
        with.push_back("MAXTRANSFERSIZE = " + std::to_string(m));
    }
    if (stats) {
        if (*stats == 0 || *stats > 100)
            return fail(ErrorCategory::InvalidArgument, "STATS must be between 1 and 100");
        with.push_back("STATS = " + std::to_string(*stats));
    }
    return {};
}

std::string join(const std::vector<std::string> &with)
{
    std::string out;
    for (std::size_t i = 0; i < with.size(); ++i)
        out += (i ? ", " : " WITH ") + with[i];
    return out;
}

} // namespace

Expected<std::string> buildBackup(const BackupSpec &s)
{
    if (auto r = checkName("database name", s.database); !r)
        return fail(r.error());
    auto devices = s.disks.empty() ? devicesClause(s.devices) : devicesClause(s.disks, "DISK");
    if (!devices)
        return fail(devices.error());
    if (s.differential && s.kind == BackupSpec::Kind::Log)
        return fail(ErrorCategory::InvalidArgument, "a log backup cannot be differential");
    if (s.differential && s.copyOnly)
        return fail(ErrorCategory::InvalidArgument,
                    "COPY_ONLY cannot be combined with DIFFERENTIAL");
    std::vector<std::string> with;
    if (s.differential)
        with.emplace_back("DIFFERENTIAL");
    if (s.copyOnly)
        with.emplace_back("COPY_ONLY");
    with.emplace_back(s.checksum ? "CHECKSUM" : "NO_CHECKSUM");
    // VIRTUAL_DEVICE backups ignore the server's compression default: say it either way.
    with.emplace_back(s.compression ? "COMPRESSION" : "NO_COMPRESSION");
    if (!s.description.empty()) {
        if (auto r = checkName("description", s.description); !r)
            return fail(r.error());
        with.push_back("DESCRIPTION = " + quoteLiteral(s.description.substr(0, 255)));
    }
    if (auto r = transferOptions(with, s.stats, s.blockSize, s.bufferCount, s.maxTransferSize); !r)
        return fail(r.error());
    return std::string(s.kind == BackupSpec::Kind::Log ? "BACKUP LOG " : "BACKUP DATABASE ") +
           quoteIdentifier(s.database) + " TO " + *devices + join(with);
}

Expected<std::string> buildRestore(const RestoreSpec &s)
{
    std::string head;
    const bool named = s.kind == RestoreSpec::Kind::Database || s.kind == RestoreSpec::Kind::Log;
    switch (s.kind) {
    case RestoreSpec::Kind::Database: head = "RESTORE DATABASE "; break;
    case RestoreSpec::Kind::Log: head = "RESTORE LOG "; break;
    case RestoreSpec::Kind::VerifyOnly: head = "RESTORE VERIFYONLY"; break;
    case RestoreSpec::Kind::HeaderOnly: head = "RESTORE HEADERONLY"; break;
    case RestoreSpec::Kind::FileListOnly: head = "RESTORE FILELISTONLY"; break;
    }
    if (named) {
        if (auto r = checkName("database name", s.database); !r)
            return fail(r.error());
        head += quoteIdentifier(s.database);
    }
    auto devices = devicesClause(s.devices);
    if (!devices)
        return fail(devices.error());
    std::vector<std::string> with;
    if (named) {
        for (const auto &[logical, path] : s.moves) {
            if (auto r = checkName("logical file name", logical); !r)
                return fail(r.error());
            if (auto r = checkName("file path", path); !r)
                return fail(r.error());
            with.push_back("MOVE " + quoteLiteral(logical) + " TO " + quoteLiteral(path));
        }
        if (s.replace)
            with.emplace_back("REPLACE");
        with.emplace_back(s.norecovery ? "NORECOVERY" : "RECOVERY");
        if (s.stopAt) {
            if (auto r = checkName("STOPAT time", *s.stopAt); !r)
                return fail(r.error());
            with.push_back("STOPAT = " + quoteLiteral(*s.stopAt));
        }
    } else if (!s.moves.empty() || s.replace || s.norecovery || s.stopAt) {
        return fail(ErrorCategory::InvalidArgument,
                    "MOVE, REPLACE, NORECOVERY and STOPAT apply to RESTORE DATABASE/LOG only");
    }
    if (s.checksum)
        with.emplace_back("CHECKSUM");
    if (auto r = transferOptions(with, s.stats, s.blockSize, s.bufferCount, s.maxTransferSize); !r)
        return fail(r.error());
    return head + " FROM " + *devices + join(with);
}

} // namespace vds::sql
