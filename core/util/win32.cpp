#include <vds/util/win32.h>

#include <cstdio>

namespace vds::win32 {

std::string_view name(std::uint32_t code) noexcept
{
    switch (code) {
    case kSuccess: return "ERROR_SUCCESS";
    case kFileNotFound: return "ERROR_FILE_NOT_FOUND";
    case kPathNotFound: return "ERROR_PATH_NOT_FOUND";
    case kAccessDenied: return "ERROR_ACCESS_DENIED";
    case kInvalidHandle: return "ERROR_INVALID_HANDLE";
    case kArenaTrashed: return "ERROR_ARENA_TRASHED";
    case kNotEnoughMemory: return "ERROR_NOT_ENOUGH_MEMORY";
    case kWriteFault: return "ERROR_WRITE_FAULT";
    case kReadFault: return "ERROR_READ_FAULT";
    case kHandleEof: return "ERROR_HANDLE_EOF";
    case kHandleDiskFull: return "ERROR_HANDLE_DISK_FULL";
    case kNotSupported: return "ERROR_NOT_SUPPORTED";
    case kFileExists: return "ERROR_FILE_EXISTS";
    case kInvalidParameter: return "ERROR_INVALID_PARAMETER";
    case kDiskFull: return "ERROR_DISK_FULL";
    case kFileTooLarge: return "ERROR_FILE_TOO_LARGE";
    case kOperationAborted: return "ERROR_OPERATION_ABORTED";
    case kIoPending: return "ERROR_IO_PENDING";
    case kEndOfMedia: return "ERROR_END_OF_MEDIA";
    case kFilemarkDetected: return "ERROR_FILEMARK_DETECTED";
    case kNoDataDetected: return "ERROR_NO_DATA_DETECTED";
    case kIoDevice: return "ERROR_IO_DEVICE";
    case kEomOverflow: return "ERROR_EOM_OVERFLOW";
    case kInvalidSecurityDescriptor: return "ERROR_INVALID_SECURITY_DESCR";
    case kFileCorrupt: return "ERROR_FILE_CORRUPT";
    case kNoSystemResources: return "ERROR_NO_SYSTEM_RESOURCES";
    case kVhdParentNotFound: return "ERROR_VHD_PARENT_VHD_NOT_FOUND";
    case kVhdChildParentIdMismatch: return "ERROR_VHD_CHILD_PARENT_ID_MISMATCH";
    case kVhdChildParentTimestampMismatch: return "ERROR_VHD_CHILD_PARENT_TIMESTAMP_MISMATCH";
    case kVhdInvalidSize: return "ERROR_VHD_INVALID_SIZE";
    case kVirtdiskProviderNotFound: return "ERROR_VIRTDISK_PROVIDER_NOT_FOUND";
    case kVirtdiskNotVirtualDisk: return "ERROR_VIRTDISK_NOT_VIRTUAL_DISK";
    case kVhdChildParentSizeMismatch: return "ERROR_VHD_CHILD_PARENT_SIZE_MISMATCH";
    case kVirtualDiskLimitation: return "ERROR_VIRTUAL_DISK_LIMITATION";
    case kUnsupportedSectorSize: return "ERROR_VIRTDISK_UNSUPPORTED_DISK_SECTOR_SIZE";
    case kDiskOnlineAndWritable: return "ERROR_VIRTDISK_DISK_ONLINE_AND_WRITABLE";
    // VDI's HRESULTs (FACILITY_ITF 0x77).
    case 0x80770002U: return "VD_E_NOTOPEN";
    case 0x80770003U: return "VD_E_TIMEOUT";
    case 0x80770004U: return "VD_E_ABORT";
    case 0x80770005U: return "VD_E_SECURITY";
    case 0x80770006U: return "VD_E_INVALID";
    case 0x80770007U: return "VD_E_INSTANCE_NAME";
    case 0x80770009U: return "VD_E_NOTSUPPORTED";
    case 0x8077000AU: return "VD_E_MEMORY";
    case 0x8077000BU: return "VD_E_UNEXPECTED";
    case 0x8077000CU: return "VD_E_PROTOCOL";
    case 0x8077000DU: return "VD_E_OPEN";
    case 0x8077000EU: return "VD_E_CLOSE";
    case 0x8077000FU: return "VD_E_BUSY";
    case 0x80770010U: return "VD_E_QUEUE_FULL";
    case 0x80770011U: return "VD_E_IO_ERROR";
    default: return {};
    }
}

std::string describe(std::uint32_t code)
{
    const std::string_view n = name(code);
    char text[96];
    if (code >= 0x10000U)
        std::snprintf(text, sizeof text, n.empty() ? "0x%08X" : "0x%08X %.*s", code,
                      static_cast<int>(n.size()), n.data());
    else if (n.empty())
        std::snprintf(text, sizeof text, "%u", code);
    else
        std::snprintf(text, sizeof text, "%.*s (%u)", static_cast<int>(n.size()), n.data(), code);
    return text;
}

} // namespace vds::win32
