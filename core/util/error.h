#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace vds {

/// What kind of failure this is, so the UI can put it into words without parsing text.
enum class ErrorCategory : std::uint8_t {
    None,
    InvalidArgument, ///< bad input from the caller or the user (a usage error)
    NotFound,        ///< a file, device, database or set that does not exist
    Permission,      ///< access denied by the OS or the server
    Io,              ///< read or write failed on a file or device
    DiskFull,        ///< no space left on the target
    Format,          ///< corrupt or unsupported on-disk or on-wire data
    Protocol,        ///< a peer broke (or we would break) a protocol's rules
    Timeout,         ///< a wait ran out
    Aborted,         ///< the operation was aborted by a peer (VDI abort, dropped connection)
    Cancelled,       ///< the user asked to stop
    Unsupported,     ///< valid but not supported here
    Sql,             ///< the SQL Server (or the ODBC driver) reported an error
    Internal,        ///< a bug: an invariant did not hold
};

/// Which numbering the native code belongs to.
enum class NativeKind : std::uint8_t { None, Hresult, Win32, Errno, Sqlstate };

/// The code the lower layer reported, kept as it was (HRESULT, Win32, errno, SQLSTATE + native).
struct NativeCode {
    NativeKind kind = NativeKind::None;
    std::int64_t value = 0; ///< HRESULT / Win32 / errno / SQL Server message number
    std::string sqlstate;   ///< five characters when kind == Sqlstate
};

/// A typed error. Core classifies; the UI words it. Value type, cheap to move, any thread.
struct Error {
    ErrorCategory category = ErrorCategory::None;
    NativeCode native;
    std::string context; ///< the thing involved: a path, a device, a database, a set name
    std::string message; ///< technical description, English, one sentence

    [[nodiscard]] bool isError() const noexcept { return category != ErrorCategory::None; }

    static Error make(ErrorCategory category, std::string message, std::string context = {});
    /// From an errno value; the category follows the errno (ENOSPC → DiskFull, EACCES →
    /// Permission…).
    static Error fromErrno(int err, std::string context, std::string_view operation = {});
    static Error fromHresult(std::int32_t hr, std::string message, std::string context = {});
    static Error fromWin32(std::uint32_t code, ErrorCategory category, std::string message,
                           std::string context = {});

    /// "Io: cannot write '/tmp/x.vhdx': No space left on device [errno 28]"
    [[nodiscard]] std::string toString() const;
};

[[nodiscard]] std::string_view categoryName(ErrorCategory category) noexcept;
[[nodiscard]] ErrorCategory categoryForErrno(int err) noexcept;

/// Fallible helpers return Expected<T>: a value or an Error.
template <class T> using Expected = std::expected<T, Error>;

/// Shorthand for returning an error from a function that returns Expected<T>.
[[nodiscard]] inline std::unexpected<Error> fail(ErrorCategory category, std::string message,
                                                 std::string context = {})
{
    return std::unexpected(Error::make(category, std::move(message), std::move(context)));
}
[[nodiscard]] inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected(std::move(error));
}

} // namespace vds
