#include <vds/vdi/types.h>

#include <cerrno>
#include <cstdio>

namespace vds::vdi {

namespace {
ErrorCategory categoryFor(std::int32_t hresult)
{
    switch (hresult) {
    case hr::kTimeout: return ErrorCategory::Timeout;
    case hr::kAbort: return ErrorCategory::Aborted;
    case hr::kSecurity: return ErrorCategory::Permission;
    case hr::kInvalid:
    case hr::kInstanceName: return ErrorCategory::InvalidArgument;
    case hr::kNotSupported: return ErrorCategory::Unsupported;
    case hr::kMemory: return ErrorCategory::Io;
    case hr::kUnexpected: return ErrorCategory::Internal;
    case hr::kIoError: return ErrorCategory::Io;
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
        return hr::kMemory;
    if (error.category == ErrorCategory::Permission)
        return hr::kSecurity;
    if (error.category == ErrorCategory::NotFound)
        return hr::kInvalid;
    return hr::kUnexpected;
}

std::string hresultName(std::int32_t hresult)
{
    switch (hresult) {
    case hr::kOk: return "NOERROR";
    case hr::kNotOpen: return "VD_E_NOTOPEN";
    case hr::kTimeout: return "VD_E_TIMEOUT";
    case hr::kAbort: return "VD_E_ABORT";
    case hr::kSecurity: return "VD_E_SECURITY";
    case hr::kInvalid: return "VD_E_INVALID";
    case hr::kInstanceName: return "VD_E_INSTANCE_NAME";
    case hr::kNotSupported: return "VD_E_NOTSUPPORTED";
    case hr::kMemory: return "VD_E_MEMORY";
    case hr::kUnexpected: return "VD_E_UNEXPECTED";
    case hr::kProtocol: return "VD_E_PROTOCOL";
    case hr::kOpen: return "VD_E_OPEN";
    case hr::kClose: return "VD_E_CLOSE";
    case hr::kBusy: return "VD_E_BUSY";
    case hr::kQueueFull: return "VD_E_QUEUE_FULL";
    case hr::kIoError: return "VD_E_IO_ERROR";
    default: break;
    }
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(hresult));
    return text;
}

} // namespace vds::vdi
