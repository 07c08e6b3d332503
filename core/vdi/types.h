#pragma once

// Plain value types shared by both sides of the VDI layer (std only). The numeric values are
// Microsoft's (docs/vdi-protocol.md: "Configuration", "Commands", "VD_E codes") so the compat
// headers can convert by copying fields.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <vds/util/error.h>
#include <vds/util/win32.h>

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
inline constexpr std::uint32_t kRemovable = 0x1, kRewind = 0x2, kPosition = 0x10,
                               kSkipBlocks = 0x20, kReversePosition = 0x40, kDiscard = 0x80,
                               kFileMarks = 0x100, kRandomAccess = 0x200, kSnapshotPrepare = 0x400,
                               kEnumFrozenFiles = 0x800, kVssWriter = 0x1000,
                               kRequestComplete = 0x2000, kWriteMedia = 0x10000,
                               kReadMedia = 0x20000, kCompleteEnabled = 0x40000,
                               kLatchStats = 0x80000000u;
/// Bits a client may request in CreateEx; anything else is VD_E_NOTSUPPORTED.
inline constexpr std::uint32_t kClientMask = 0x3FF3 | kLatchStats;
} // namespace feature

/// Command codes (VDC_*).
namespace command {
inline constexpr std::uint32_t kRead = 1, kWrite = 2, kClearError = 3, kRewind = 4, kWriteMark = 5,
                               kSkipMarks = 6, kSkipBlocks = 7, kLoad = 8, kGetPosition = 9,
                               kSetPosition = 10, kDiscard = 11, kFlush = 12, kSnapshot = 13,
                               kMountSnapshot = 14, kPrepareToFreeze = 15, kFileInfoBegin = 16,
                               kFileInfoEnd = 17, kGetError = 18, kComplete = 19;
} // namespace command

/// VD_E_* result codes (HRESULTs, facility 0x77). QueueFull and IoError are named by the server
/// documentation without a published value; ours follow VD_E_BUSY.
namespace hr {
inline constexpr std::int32_t kOk = 0;
inline constexpr std::int32_t kNotOpen = static_cast<std::int32_t>(0x80770002u),
                              kTimeout = static_cast<std::int32_t>(0x80770003u),
                              kAbort = static_cast<std::int32_t>(0x80770004u),
                              kSecurity = static_cast<std::int32_t>(0x80770005u),
                              kInvalid = static_cast<std::int32_t>(0x80770006u),
                              kInstanceName = static_cast<std::int32_t>(0x80770007u),
                              kNotSupported = static_cast<std::int32_t>(0x80770009u),
                              kMemory = static_cast<std::int32_t>(0x8077000au),
                              kUnexpected = static_cast<std::int32_t>(0x8077000bu),
                              kProtocol = static_cast<std::int32_t>(0x8077000cu),
                              kOpen = static_cast<std::int32_t>(0x8077000du),
                              kClose = static_cast<std::int32_t>(0x8077000eu),
                              kBusy = static_cast<std::int32_t>(0x8077000fu),
                              kQueueFull = static_cast<std::int32_t>(0x80770010u),
                              kIoError = static_cast<std::int32_t>(0x80770011u);
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
