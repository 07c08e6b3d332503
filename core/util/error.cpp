#include <vds/util/error.h>
#include <vds/util/win32.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace vds {

std::string_view categoryName(ErrorCategory category) noexcept
{
    switch (category) {
    case ErrorCategory::None: return "None";
    case ErrorCategory::InvalidArgument: return "InvalidArgument";
    case ErrorCategory::NotFound: return "NotFound";
    case ErrorCategory::Permission: return "Permission";
    case ErrorCategory::Io: return "Io";
    case ErrorCategory::DiskFull: return "DiskFull";
    case ErrorCategory::Format: return "Format";
    case ErrorCategory::Protocol: return "Protocol";
    case ErrorCategory::Timeout: return "Timeout";
    case ErrorCategory::Aborted: return "Aborted";
    case ErrorCategory::Cancelled: return "Cancelled";
    case ErrorCategory::Unsupported: return "Unsupported";
    case ErrorCategory::Sql: return "Sql";
    case ErrorCategory::Internal: return "Internal";
    }
    return "Unknown";
}

ErrorCategory categoryForErrno(int err) noexcept
{
    switch (err) {
    case 0: return ErrorCategory::None;
    case ENOENT:
    case ENODEV:
    case ENXIO: return ErrorCategory::NotFound;
    case EACCES:
    case EPERM:
    case EROFS: return ErrorCategory::Permission;
    case ENOSPC:
    case EDQUOT:
    case EFBIG: return ErrorCategory::DiskFull;
    case EINVAL:
    case ENAMETOOLONG:
    case EISDIR:
    case ENOTDIR:
    case EEXIST: return ErrorCategory::InvalidArgument;
    case ETIMEDOUT: return ErrorCategory::Timeout;
    case ECANCELED: return ErrorCategory::Cancelled;
    case ENOTSUP: return ErrorCategory::Unsupported;
    default: return ErrorCategory::Io;
    }
}

Error Error::make(ErrorCategory category, std::string message, std::string context)
{
    Error e;
    e.category = category;
    e.message = std::move(message);
    e.context = std::move(context);
    return e;
}

Error Error::fromErrno(int err, std::string context, std::string_view operation)
{
    Error e;
    e.category = categoryForErrno(err);
    e.native = {NativeKind::Errno, err, {}};
    e.context = std::move(context);
    std::string text = std::strerror(err);
    e.message = operation.empty() ? text : std::string(operation) + ": " + text;
    return e;
}

Error Error::fromHresult(std::int32_t hr, std::string message, std::string context)
{
    Error e = make(ErrorCategory::Internal, std::move(message), std::move(context));
    e.native = {NativeKind::Hresult, hr, {}};
    return e;
}

Error Error::fromWin32(std::uint32_t code, ErrorCategory category, std::string message,
                       std::string context)
{
    Error e = make(category, std::move(message), std::move(context));
    e.native = {NativeKind::Win32, static_cast<std::int64_t>(code), {}};
    return e;
}

std::string Error::toString() const
{
    std::string out(categoryName(category));
    out += ": ";
    if (!context.empty()) {
        out += '\'';
        out += context;
        out += "': ";
    }
    out += message;
    char code[64] = {};
    switch (native.kind) {
    case NativeKind::None: break;
    case NativeKind::Hresult:
    case NativeKind::Win32:
        // "[0x80770003 VD_E_TIMEOUT]", "[ERROR_DISK_FULL (112)]" (docs/architecture.md, Errors).
        out += " [" + win32::describe(static_cast<std::uint32_t>(native.value)) + "]";
        break;
    case NativeKind::Errno:
        std::snprintf(code, sizeof code, " [errno %lld]", static_cast<long long>(native.value));
        break;
    case NativeKind::Sqlstate:
        std::snprintf(code, sizeof code, " [SQLSTATE %s, Msg %lld]", native.sqlstate.c_str(),
                      static_cast<long long>(native.value));
        break;
    }
    out += code;
    return out;
}

} // namespace vds
