#include <vds/util/win32.h>
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
    if (hresult == hr::kOk)
        return "NOERROR";
    const std::string_view name = win32::name(static_cast<std::uint32_t>(hresult));
    if (!name.empty())
        return std::string(name);
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(hresult));
    return text;
}

} // namespace vds::vdi
