#include "vdi/types.h"

#include <cerrno>
#include <cstdio>

namespace vds::vdi {

namespace {
ErrorCategory categoryFor(std::int32_t hresult)
{
    switch (hresult) {
    case hr::Timeout: return ErrorCategory::Timeout;
    case hr::Abort: return ErrorCategory::Aborted;
    case hr::Security: return ErrorCategory::Permission;
    case hr::Invalid:
    case hr::InstanceName: return ErrorCategory::InvalidArgument;
    case hr::NotSupported: return ErrorCategory::Unsupported;
    case hr::Memory: return ErrorCategory::Io;
    case hr::Unexpected: return ErrorCategory::Internal;
    case hr::IoError: return ErrorCategory::Io;
    default: return ErrorCategory::Protocol;
    }
}
} // namespace

Error vdiError(std::int32_t hresult, std::string message, std::string context)
{
    Error e = Error::fromHresult(hresult, std::move(message), std::move(context));
    e.category = categoryFor(hresult);
    return e;
}

std::unexpected<Error> vdiFail(std::int32_t hresult, std::string message, std::string context)
{
    return std::unexpected(vdiError(hresult, std::move(message), std::move(context)));
}

std::int32_t hresultOf(const Error &error) noexcept
{
    if (error.native.kind == NativeKind::Hresult)
        return static_cast<std::int32_t>(error.native.value);
    if (error.native.kind == NativeKind::Errno && error.native.value == ENOMEM)
        return hr::Memory;
    if (error.category == ErrorCategory::Permission)
        return hr::Security;
    if (error.category == ErrorCategory::NotFound)
        return hr::Invalid;
    return hr::Unexpected;
}

std::string hresultName(std::int32_t hresult)
{
    switch (hresult) {
    case hr::Ok: return "NOERROR";
    case hr::NotOpen: return "VD_E_NOTOPEN";
    case hr::Timeout: return "VD_E_TIMEOUT";
    case hr::Abort: return "VD_E_ABORT";
    case hr::Security: return "VD_E_SECURITY";
    case hr::Invalid: return "VD_E_INVALID";
    case hr::InstanceName: return "VD_E_INSTANCE_NAME";
    case hr::NotSupported: return "VD_E_NOTSUPPORTED";
    case hr::Memory: return "VD_E_MEMORY";
    case hr::Unexpected: return "VD_E_UNEXPECTED";
    case hr::Protocol: return "VD_E_PROTOCOL";
    case hr::Open: return "VD_E_OPEN";
    case hr::Close: return "VD_E_CLOSE";
    case hr::Busy: return "VD_E_BUSY";
    case hr::QueueFull: return "VD_E_QUEUE_FULL";
    case hr::IoError: return "VD_E_IO_ERROR";
    default: break;
    }
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(hresult));
    return text;
}

} // namespace vds::vdi
