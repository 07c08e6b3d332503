#pragma once

#include <cstdint>
#include <string>
#include <string_view>

/// The Win32 codes the engines report, with Microsoft's values: VDI completion codes and the
/// virtual disk engine's results. The compat headers <vds/compat/vdi.h> and
/// <vds/compat/virtdisk.h> expose the same numbers under their Windows names (static_asserts in
/// vdi/compatset.cpp and vdisk/virtdisk.cpp keep them in step).
namespace vds::win32 {
inline constexpr std::uint32_t kSuccess = 0;
inline constexpr std::uint32_t kFileNotFound = 2;
inline constexpr std::uint32_t kPathNotFound = 3;
inline constexpr std::uint32_t kAccessDenied = 5;
inline constexpr std::uint32_t kInvalidHandle = 6;
inline constexpr std::uint32_t kArenaTrashed = 7;
inline constexpr std::uint32_t kNotEnoughMemory = 8;
inline constexpr std::uint32_t kWriteFault = 29;
inline constexpr std::uint32_t kReadFault = 30;
inline constexpr std::uint32_t kHandleEof = 38;
inline constexpr std::uint32_t kHandleDiskFull = 39;
inline constexpr std::uint32_t kNotSupported = 50;
inline constexpr std::uint32_t kFileExists = 80;
inline constexpr std::uint32_t kInvalidParameter = 87;
inline constexpr std::uint32_t kDiskFull = 112;
inline constexpr std::uint32_t kFileTooLarge = 223;
inline constexpr std::uint32_t kOperationAborted = 995;
inline constexpr std::uint32_t kIoPending = 997;
inline constexpr std::uint32_t kEndOfMedia = 1100;
inline constexpr std::uint32_t kFilemarkDetected = 1101;
inline constexpr std::uint32_t kNoDataDetected = 1104;
inline constexpr std::uint32_t kIoDevice = 1117;
inline constexpr std::uint32_t kEomOverflow = 1129;
inline constexpr std::uint32_t kInvalidSecurityDescriptor = 1338;
inline constexpr std::uint32_t kFileCorrupt = 1392;
inline constexpr std::uint32_t kNoSystemResources = 1450;
inline constexpr std::uint32_t kVhdInvalidSize = 0xC03A0012U;
inline constexpr std::uint32_t kVirtdiskProviderNotFound = 0xC03A0014U;
inline constexpr std::uint32_t kVirtdiskNotVirtualDisk = 0xC03A0015U;
inline constexpr std::uint32_t kVirtualDiskLimitation = 0xC03A001AU;
inline constexpr std::uint32_t kUnsupportedSectorSize = 0xC03A001DU;
inline constexpr std::uint32_t kDiskOnlineAndWritable = 0xC03A001FU;
inline constexpr std::uint32_t kVhdParentNotFound = 0xC03A000DU;
inline constexpr std::uint32_t kVhdChildParentIdMismatch = 0xC03A000EU;
inline constexpr std::uint32_t kVhdChildParentTimestampMismatch = 0xC03A000FU;
inline constexpr std::uint32_t kVhdChildParentSizeMismatch = 0xC03A0017U;

/// Microsoft's name of a code the engines report: the Win32 codes above ("ERROR_DISK_FULL"),
/// VDI's HRESULTs ("VD_E_TIMEOUT", "NOERROR" for 0 is ERROR_SUCCESS here). Empty when unknown.
[[nodiscard]] std::string_view name(std::uint32_t code) noexcept;

/// A code as messages show it: codes from 0x10000 up (HRESULTs, the VHD range) as
/// "0x%08X NAME", small Win32 codes as "NAME (decimal)"; without a known name just the number
/// ("0x80770042", "1234").
[[nodiscard]] std::string describe(std::uint32_t code);

} // namespace vds::win32
