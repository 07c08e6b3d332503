#pragma once

// Plain value types shared by both sides of the VDI layer (std only). The numeric values are
// Microsoft's (specs/vdi.md §2-4) so the compat headers can convert by copying fields.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/error.h"

namespace vds::vdi {

/// Timeout meaning "wait forever". Any negative value means the same (Linux VDI rule); 0 polls.
inline constexpr std::int64_t kInfinite = -1;

/// Most devices a set may have (VDConfig.deviceCount is 1..64).
inline constexpr std::uint32_t kMaxDevices = 64;

/// The set configuration: the same eleven 32-bit fields, in the same order, as VDConfig.
/// The client fills the first seven; the server fills features (out), blockSize, maxIODepth,
/// maxTransferSize and bufferAreaSize.
struct Config {
    std::uint32_t deviceCount = 1;
    std::uint32_t features = 0;
    std::uint32_t prefixZoneSize = 0;
    std::uint32_t alignment = 0;
    std::uint32_t softFileMarkBlockSize = 0;
    std::uint32_t eomWarningSize = 0;
    std::uint32_t serverTimeOut = 0;
    std::uint32_t blockSize = 0;
    std::uint32_t maxIoDepth = 0;
    std::uint32_t maxTransferSize = 0;
    std::uint32_t bufferAreaSize = 0;
};
static_assert(sizeof(Config) == 44);

/// A command as the client sees it (the shape of VDC_Command). `buffer` points into the
/// shared buffer area mapped in the calling process; it is null for commands without data.
struct Command {
    std::uint32_t commandCode = 0;
    std::uint32_t size = 0;
    std::uint64_t position = 0;
    std::byte *buffer = nullptr;
};

/// Feature bits (VDF_*).
namespace feature {
inline constexpr std::uint32_t Removable = 0x1, Rewind = 0x2, Position = 0x10, SkipBlocks = 0x20,
                               ReversePosition = 0x40, Discard = 0x80, FileMarks = 0x100,
                               RandomAccess = 0x200, SnapshotPrepare = 0x400,
                               EnumFrozenFiles = 0x800, VssWriter = 0x1000,
                               RequestComplete = 0x2000, WriteMedia = 0x10000, ReadMedia = 0x20000,
                               CompleteEnabled = 0x40000, LatchStats = 0x80000000u;
/// Bits a client may request in CreateEx; anything else is VD_E_NOTSUPPORTED.
inline constexpr std::uint32_t ClientMask = 0x3FF3 | LatchStats;
} // namespace feature

/// Command codes (VDC_*).
namespace command {
inline constexpr std::uint32_t Read = 1, Write = 2, ClearError = 3, Rewind = 4, WriteMark = 5,
                               SkipMarks = 6, SkipBlocks = 7, Load = 8, GetPosition = 9,
                               SetPosition = 10, Discard = 11, Flush = 12, Snapshot = 13,
                               MountSnapshot = 14, PrepareToFreeze = 15, FileInfoBegin = 16,
                               FileInfoEnd = 17, GetError = 18, Complete = 19;
} // namespace command

/// Win32 completion codes used by VDI.
namespace win32 {
inline constexpr std::uint32_t Success = 0, InvalidHandle = 6, ArenaTrashed = 7, HandleEof = 38,
                               HandleDiskFull = 39, NotSupported = 50, DiskFull = 112,
                               OperationAborted = 995, EndOfMedia = 1100, FilemarkDetected = 1101,
                               NoDataDetected = 1104, IoDevice = 1117, EomOverflow = 1129,
                               NoSystemResources = 1450;
} // namespace win32

/// VD_E_* result codes (HRESULTs, facility 0x77). QueueFull and IoError are named by the server
/// documentation without a published value; ours follow VD_E_BUSY.
namespace hr {
inline constexpr std::int32_t Ok = 0;
inline constexpr std::int32_t NotOpen = static_cast<std::int32_t>(0x80770002u),
                              Timeout = static_cast<std::int32_t>(0x80770003u),
                              Abort = static_cast<std::int32_t>(0x80770004u),
                              Security = static_cast<std::int32_t>(0x80770005u),
                              Invalid = static_cast<std::int32_t>(0x80770006u),
                              InstanceName = static_cast<std::int32_t>(0x80770007u),
                              NotSupported = static_cast<std::int32_t>(0x80770009u),
                              Memory = static_cast<std::int32_t>(0x8077000au),
                              Unexpected = static_cast<std::int32_t>(0x8077000bu),
                              Protocol = static_cast<std::int32_t>(0x8077000cu),
                              Open = static_cast<std::int32_t>(0x8077000du),
                              Close = static_cast<std::int32_t>(0x8077000eu),
                              Busy = static_cast<std::int32_t>(0x8077000fu),
                              QueueFull = static_cast<std::int32_t>(0x80770010u),
                              IoError = static_cast<std::int32_t>(0x80770011u);
} // namespace hr

/// A VDI error: the category follows the code (Timeout, Aborted, Protocol…), the HRESULT is
/// kept as the native code so the compat layer can hand it back unchanged.
[[nodiscard]] Error vdiError(std::int32_t hresult, std::string message, std::string context = {});
[[nodiscard]] std::unexpected<Error> vdiFail(std::int32_t hresult, std::string message,
                                             std::string context = {});

/// The HRESULT an error carries: its native code when it is one, else VD_E_UNEXPECTED
/// (VD_E_SECURITY for permission errors, VD_E_MEMORY for ENOMEM).
[[nodiscard]] std::int32_t hresultOf(const Error &error) noexcept;

/// "VD_E_ABORT", "VD_E_PROTOCOL", … ("0x80770042" for codes without a name).
[[nodiscard]] std::string hresultName(std::int32_t hresult);

} // namespace vds::vdi
