#include "backupstatement.h"

#include <charconv>

namespace vds::sqlsim {

std::string BackupStatement::verb() const
{
    switch (action) {
    case Action::BackupDatabase:
        return differential ? "BACKUP DATABASE WITH DIFFERENTIAL" : "BACKUP DATABASE";
    case Action::BackupLog: return "BACKUP LOG";
    case Action::RestoreDatabase: return "RESTORE DATABASE";
    case Action::RestoreLog: return "RESTORE LOG";
    case Action::VerifyOnly: return "VERIFY DATABASE";
    case Action::HeaderOnly: return "RESTORE HEADERONLY";
    case Action::FileListOnly: return "RESTORE FILELIST";
    }
    return "BACKUP";
}

namespace {

std::optional<unsigned> number(const SqlToken &t)
{
    unsigned v = 0;
    auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (ec != std::errc{} || p != t.text.data() + t.text.size())
        return std::nullopt;
    return v;
}

} // namespace

SimResult<BackupStatement> parseBackupStatement(SqlCursor &c, bool backup)
{
    auto syntax = [&]() { return sqlError(102, "Incorrect syntax near '" + c.nearText() + "'."); };
    BackupStatement s;
    if (backup) {
        if (c.acceptKeyword("DATABASE"))
            s.action = BackupStatement::Action::BackupDatabase;
        else if (c.acceptKeyword("LOG"))
            s.action = BackupStatement::Action::BackupLog;
        else
            return syntax();
    } else {
        if (c.acceptKeyword("DATABASE"))
            s.action = BackupStatement::Action::RestoreDatabase;
        else if (c.acceptKeyword("LOG"))
            s.action = BackupStatement::Action::RestoreLog;
        else if (c.acceptKeyword("VERIFYONLY"))
            s.action = BackupStatement::Action::VerifyOnly;
        else if (c.acceptKeyword("HEADERONLY"))
            s.action = BackupStatement::Action::HeaderOnly;
        else if (c.acceptKeyword("FILELISTONLY"))
            s.action = BackupStatement::Action::FileListOnly;
        else
            return syntax();
    }
    const bool named = s.action == BackupStatement::Action::BackupDatabase ||
                       s.action == BackupStatement::Action::BackupLog ||
                       s.action == BackupStatement::Action::RestoreDatabase ||
                       s.action == BackupStatement::Action::RestoreLog;
    if (named) {
        if (!c.peek().isName())
            return syntax();
        s.database = c.next().text;
    }
    if (!(backup ? c.acceptKeyword("TO") : c.acceptKeyword("FROM")))
        return syntax();
    do {
        const SqlToken kind = c.next();
        if (!c.acceptPunct('='))
            return syntax();
        const SqlToken name = c.next();
        if (name.kind != SqlToken::Kind::String && !name.isName())
            return syntax();
        const bool disk = kind.isKeyword("DISK");
        if (!kind.isKeyword("VIRTUAL_DEVICE") && !disk)
            return sqlError(3201, "Cannot open backup device '" + name.text +
                                      "'. Operating system error 50(The request is not "
                                      "supported.). vds-sqlsim backs up to VIRTUAL_DEVICE and "
                                      "DISK only.");
        const auto media =
            disk ? BackupStatement::Media::Disk : BackupStatement::Media::VirtualDevice;
        if (!s.devices.empty() && media != s.media)
            return sqlError(3201, "Cannot open backup device '" + name.text +
                                      "'. Operating system error 50(The request is not "
                                      "supported.). All devices of one media set must be of "
                                      "the same type.");
        if (disk && name.text.empty())
            return sqlError(3201, "Cannot open backup device ''. Operating system error "
                                  "3(The system cannot find the path specified.).");
        s.media = media;
        s.devices.push_back(name.text);
    } while (c.acceptPunct(','));
    if (s.devices.size() > 64)
        return sqlError(3205, "Too many backup devices specified for backup or restore; only 64 "
                              "are allowed.");

    if (c.acceptKeyword("WITH")) {
        do {
            const SqlToken opt = c.next();
            const std::string o = upper(opt.text);
            auto numericValue = [&](unsigned &out) -> bool {
                if (!c.acceptPunct('='))
                    return false;
                const auto v = number(c.next());
                if (!v)
                    return false;
                out = *v;
                return true;
            };
            auto stringValue = [&](std::string &out) -> bool {
                if (!c.acceptPunct('='))
                    return false;
                const SqlToken v = c.next();
                if (v.kind != SqlToken::Kind::String)
                    return false;
                out = v.text;
                return true;
            };
            std::string text;
            if (o == "DIFFERENTIAL") {
                s.differential = true;
            } else if (o == "COPY_ONLY") {
                s.copyOnly = true;
            } else if (o == "CHECKSUM") {
                s.checksum = true;
            } else if (o == "NO_CHECKSUM" || o == "NO_COMPRESSION" || o == "INIT" ||
                       o == "NOINIT" || o == "FORMAT" || o == "NOFORMAT" || o == "SKIP" ||
                       o == "NOSKIP" || o == "REWIND" || o == "NOREWIND" || o == "UNLOAD" ||
                       o == "NOUNLOAD" || o == "RECOVERY" || o == "CONTINUE_AFTER_ERROR" ||
                       o == "STOP_ON_ERROR") {
            } else if (o == "COMPRESSION") {
                s.compression = true;
            } else if (o == "REPLACE") {
                s.replace = true;
            } else if (o == "NORECOVERY") {
                s.norecovery = true;
            } else if (o == "STATS") {
                s.stats = 10;
                if (c.peek().isPunct('=') && !numericValue(s.stats))
                    return syntax();
                if (s.stats == 0 || s.stats > 100)
                    return sqlError(3263, "STATS must be between 1 and 100.");
            } else if (o == "BLOCKSIZE") {
                if (!numericValue(s.blockSize))
                    return syntax();
                if (s.blockSize < 512 || s.blockSize > 65536 || (s.blockSize & (s.blockSize - 1)))
                    return sqlError(3252, "The block size parameter must supply a value that is a "
                                          "power of 2 between 512 and 65536.");
            } else if (o == "BUFFERCOUNT") {
                if (!numericValue(s.bufferCount) || s.bufferCount == 0)
                    return syntax();
            } else if (o == "MAXTRANSFERSIZE") {
                if (!numericValue(s.maxTransferSize))
                    return syntax();
                if (s.maxTransferSize < 65536 || s.maxTransferSize > 4194304 ||
                    s.maxTransferSize % 65536)
                    return sqlError(3261,
                                    "SQL Server cannot use the virtual device configuration: "
                                    "MAXTRANSFERSIZE must be a multiple of 64 KB between 64 KB "
                                    "and 4 MB.");
            } else if (o == "DESCRIPTION" || o == "NAME" || o == "MEDIANAME" ||
                       o == "MEDIADESCRIPTION") {
                if (!stringValue(text))
                    return syntax();
                if (o == "DESCRIPTION")
                    s.description = text;
            } else if (o == "FILE") {
                unsigned file = 0;
                if (!numericValue(file))
                    return syntax();
                if (file != 1)
                    return sqlError(4038, "Cannot find file ID " + std::to_string(file) +
                                              " on device '" + s.devices.front() + "'.");
            } else if (o == "MOVE") {
                const SqlToken logical = c.next();
                if (logical.kind != SqlToken::Kind::String || !c.acceptKeyword("TO"))
                    return syntax();
                const SqlToken path = c.next();
                if (path.kind != SqlToken::Kind::String)
                    return syntax();
                s.moves.emplace_back(logical.text, path.text);
            } else if (o == "STOPAT") {
                if (!stringValue(text))
                    return syntax();
                s.stopAt = text;
            } else {
                return sqlError(102, "Incorrect syntax near '" + opt.text + "'.");
            }
        } while (c.acceptPunct(','));
    }
    c.acceptPunct(';');
    if (!c.atEnd())
        return syntax();
    if (s.differential && s.action != BackupStatement::Action::BackupDatabase)
        return syntax();
    return s;
}

} // namespace vds::sqlsim
