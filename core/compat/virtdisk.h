/* Microsoft's CreateVirtualDisk (virtdisk.h) on Linux: names, types and values as in the
 * Windows SDK, implemented by libvdsbase (core/vdisk). Self-contained: needs only the C++
 * standard library and compiles with -std=c++20. It also compiles together with unixODBC's
 * <sql.h>/<sqlext.h> in either include order: where both define a Windows name the
 * definitions agree, and struct fields use fixed-width types (docs/vhd-formats.md,
 * "CreateVirtualDisk on Linux").
 *
 * Strings are UTF-16: PCWSTR is const char16_t*, so u"..." literals work; a const WCHAR*
 * (unixODBC's WCHAR is unsigned short) is accepted by the inline overloads below. */
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>

/* ---- Windows base types (guarded; agree with unixODBC's sqltypes.h) -------------------- */
#if !defined(__SQLTYPES_H) || defined(ALREADY_HAVE_WINDOWS_TYPE)
#ifndef BOOL
typedef int BOOL;
#endif
#if ULONG_MAX == 0xffffffffUL
typedef unsigned long DWORD;
#else
typedef unsigned int DWORD;
#endif
typedef unsigned short WORD;
typedef unsigned char BYTE;
typedef unsigned long ULONG;
typedef unsigned short WCHAR;
typedef const WCHAR *LPCWSTR;
#endif
typedef unsigned long long ULONGLONG;
typedef std::uintptr_t ULONG_PTR;
typedef void *PVOID;
typedef void *HANDLE;
typedef HANDLE *PHANDLE;
typedef const char16_t *PCWSTR;
typedef void *PSECURITY_DESCRIPTOR;

#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    std::uint32_t Data1;
    std::uint16_t Data2;
    std::uint16_t Data3;
    std::uint8_t Data4[8];
} GUID;
#endif

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE (reinterpret_cast<HANDLE>(static_cast<std::intptr_t>(-1)))
#endif

/* ---- Win32 error codes (winerror.h values) --------------------------------------------- */
#ifndef ERROR_SUCCESS
#define ERROR_SUCCESS 0L
#endif
#ifndef ERROR_FILE_NOT_FOUND
#define ERROR_FILE_NOT_FOUND 2L
#endif
#ifndef ERROR_PATH_NOT_FOUND
#define ERROR_PATH_NOT_FOUND 3L
#endif
#ifndef ERROR_ACCESS_DENIED
#define ERROR_ACCESS_DENIED 5L
#endif
#ifndef ERROR_INVALID_HANDLE
#define ERROR_INVALID_HANDLE 6L
#endif
#ifndef ERROR_NOT_ENOUGH_MEMORY
#define ERROR_NOT_ENOUGH_MEMORY 8L
#endif
#ifndef ERROR_WRITE_FAULT
#define ERROR_WRITE_FAULT 29L
#endif
#ifndef ERROR_READ_FAULT
#define ERROR_READ_FAULT 30L
#endif
#ifndef ERROR_NOT_SUPPORTED
#define ERROR_NOT_SUPPORTED 50L
#endif
#ifndef ERROR_FILE_EXISTS
#define ERROR_FILE_EXISTS 80L
#endif
#ifndef ERROR_INVALID_PARAMETER
#define ERROR_INVALID_PARAMETER 87L
#endif
#ifndef ERROR_DISK_FULL
#define ERROR_DISK_FULL 112L
#endif
#ifndef ERROR_FILE_TOO_LARGE
#define ERROR_FILE_TOO_LARGE 223L
#endif
#ifndef ERROR_OPERATION_ABORTED
#define ERROR_OPERATION_ABORTED 995L
#endif
#ifndef ERROR_IO_INCOMPLETE
#define ERROR_IO_INCOMPLETE 996L
#endif
#ifndef ERROR_IO_PENDING
#define ERROR_IO_PENDING 997L
#endif
#ifndef ERROR_IO_DEVICE
#define ERROR_IO_DEVICE 1117L
#endif
#ifndef ERROR_INVALID_SECURITY_DESCR
#define ERROR_INVALID_SECURITY_DESCR 1338L
#endif
#ifndef ERROR_FILE_CORRUPT
#define ERROR_FILE_CORRUPT 1392L
#endif
#ifndef ERROR_VHD_PARENT_VHD_NOT_FOUND
#define ERROR_VHD_PARENT_VHD_NOT_FOUND 0xC03A000DL
#endif
#ifndef ERROR_VHD_CHILD_PARENT_ID_MISMATCH
#define ERROR_VHD_CHILD_PARENT_ID_MISMATCH 0xC03A000EL
#endif
#ifndef ERROR_VHD_INVALID_SIZE
#define ERROR_VHD_INVALID_SIZE 0xC03A0012L
#endif
#ifndef ERROR_VIRTDISK_PROVIDER_NOT_FOUND
#define ERROR_VIRTDISK_PROVIDER_NOT_FOUND 0xC03A0014L
#endif
#ifndef ERROR_VIRTDISK_NOT_VIRTUAL_DISK
#define ERROR_VIRTDISK_NOT_VIRTUAL_DISK 0xC03A0015L
#endif
#ifndef ERROR_VHD_CHILD_PARENT_SIZE_MISMATCH
#define ERROR_VHD_CHILD_PARENT_SIZE_MISMATCH 0xC03A0017L
#endif
#ifndef ERROR_VIRTUAL_DISK_LIMITATION
#define ERROR_VIRTUAL_DISK_LIMITATION 0xC03A001AL
#endif
#ifndef ERROR_VIRTDISK_UNSUPPORTED_DISK_SECTOR_SIZE
#define ERROR_VIRTDISK_UNSUPPORTED_DISK_SECTOR_SIZE 0xC03A001DL
#endif
#ifndef ERROR_VIRTDISK_DISK_ONLINE_AND_WRITABLE
#define ERROR_VIRTDISK_DISK_ONLINE_AND_WRITABLE 0xC03A001FL
#endif

/* ---- OVERLAPPED: a plain struct the caller zero-fills ---------------------------------- */
typedef struct _OVERLAPPED {
    ULONG_PTR Internal;     /* status: ERROR_IO_PENDING while running, then the result */
    ULONG_PTR InternalHigh; /* bytes done */
    std::uint32_t Offset;   /* (Windows overlays these with a Pointer; unused here) */
    std::uint32_t OffsetHigh;
    HANDLE hEvent; /* unused on Linux: poll GetVirtualDiskOperationProgress */
} OVERLAPPED, *LPOVERLAPPED;

/* ---- VIRTUAL_STORAGE_TYPE ------------------------------------------------------------- */
typedef struct _VIRTUAL_STORAGE_TYPE {
    std::uint32_t DeviceId;
    GUID VendorId;
} VIRTUAL_STORAGE_TYPE, *PVIRTUAL_STORAGE_TYPE;

#define VIRTUAL_STORAGE_TYPE_DEVICE_UNKNOWN 0
#define VIRTUAL_STORAGE_TYPE_DEVICE_ISO 1
#define VIRTUAL_STORAGE_TYPE_DEVICE_VHD 2
#define VIRTUAL_STORAGE_TYPE_DEVICE_VHDX 3
#define VIRTUAL_STORAGE_TYPE_DEVICE_VHDSET 4

/* EC984AEC-A0F9-47E9-901F-71415A66345B */
inline constexpr GUID VIRTUAL_STORAGE_TYPE_VENDOR_MICROSOFT = {
    0xEC984AECU, 0xA0F9U, 0x47E9U, {0x90, 0x1F, 0x71, 0x41, 0x5A, 0x66, 0x34, 0x5B}};
inline constexpr GUID VIRTUAL_STORAGE_TYPE_VENDOR_UNKNOWN = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};

/* ---- VIRTUAL_DISK_ACCESS_MASK --------------------------------------------------------- */
typedef enum _VIRTUAL_DISK_ACCESS_MASK : std::uint32_t {
    VIRTUAL_DISK_ACCESS_NONE = 0x00000000,
    VIRTUAL_DISK_ACCESS_ATTACH_RO = 0x00010000,
    VIRTUAL_DISK_ACCESS_ATTACH_RW = 0x00020000,
    VIRTUAL_DISK_ACCESS_DETACH = 0x00040000,
    VIRTUAL_DISK_ACCESS_GET_INFO = 0x00080000,
    VIRTUAL_DISK_ACCESS_CREATE = 0x00100000,
    VIRTUAL_DISK_ACCESS_METAOPS = 0x00200000,
    VIRTUAL_DISK_ACCESS_READ = 0x000D0000,
    VIRTUAL_DISK_ACCESS_ALL = 0x003F0000,
    VIRTUAL_DISK_ACCESS_WRITABLE = 0x00320000
} VIRTUAL_DISK_ACCESS_MASK;

/* ---- CREATE_VIRTUAL_DISK_FLAG --------------------------------------------------------- */
typedef enum _CREATE_VIRTUAL_DISK_FLAG : std::uint32_t {
    CREATE_VIRTUAL_DISK_FLAG_NONE = 0x0,
    CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION = 0x1,
    CREATE_VIRTUAL_DISK_FLAG_PREVENT_WRITES_TO_SOURCE_DISK = 0x2,
    CREATE_VIRTUAL_DISK_FLAG_DO_NOT_COPY_METADATA_FROM_PARENT = 0x4,
    CREATE_VIRTUAL_DISK_FLAG_CREATE_BACKING_STORAGE = 0x8,
    CREATE_VIRTUAL_DISK_FLAG_USE_CHANGE_TRACKING_SOURCE_LIMIT = 0x10,
    CREATE_VIRTUAL_DISK_FLAG_PRESERVE_PARENT_CHANGE_TRACKING_STATE = 0x20,
    CREATE_VIRTUAL_DISK_FLAG_VHD_SET_USE_ORIGINAL_BACKING_STORAGE = 0x40,
    CREATE_VIRTUAL_DISK_FLAG_SPARSE_FILE = 0x80,
    CREATE_VIRTUAL_DISK_FLAG_PMEM_COMPATIBLE = 0x100,
    CREATE_VIRTUAL_DISK_FLAG_SUPPORT_COMPRESSED_VOLUMES = 0x200,
    CREATE_VIRTUAL_DISK_FLAG_SUPPORT_SPARSE_FILES_ANY_FS = 0x400
} CREATE_VIRTUAL_DISK_FLAG;

inline constexpr CREATE_VIRTUAL_DISK_FLAG operator|(CREATE_VIRTUAL_DISK_FLAG a,
                                                    CREATE_VIRTUAL_DISK_FLAG b)
{
    return static_cast<CREATE_VIRTUAL_DISK_FLAG>(static_cast<std::uint32_t>(a) |
                                                 static_cast<std::uint32_t>(b));
}

/* ---- OPEN_VIRTUAL_DISK_FLAG (used by Version 2 parameters) ---------------------------- */
typedef enum _OPEN_VIRTUAL_DISK_FLAG : std::uint32_t {
    OPEN_VIRTUAL_DISK_FLAG_NONE = 0x0,
    OPEN_VIRTUAL_DISK_FLAG_NO_PARENTS = 0x1,
    OPEN_VIRTUAL_DISK_FLAG_BLANK_FILE = 0x2,
    OPEN_VIRTUAL_DISK_FLAG_BOOT_DRIVE = 0x4,
    OPEN_VIRTUAL_DISK_FLAG_CACHED_IO = 0x8,
    OPEN_VIRTUAL_DISK_FLAG_CUSTOM_DIFF_CHAIN = 0x10,
    OPEN_VIRTUAL_DISK_FLAG_PARENT_CACHED_IO = 0x20,
    OPEN_VIRTUAL_DISK_FLAG_VHDSET_FILE_ONLY = 0x40,
    OPEN_VIRTUAL_DISK_FLAG_IGNORE_RELATIVE_PARENT_LOCATOR = 0x80,
    OPEN_VIRTUAL_DISK_FLAG_NO_WRITE_HARDENING = 0x100,
    OPEN_VIRTUAL_DISK_FLAG_SUPPORT_COMPRESSED_VOLUMES = 0x200,
    OPEN_VIRTUAL_DISK_FLAG_SUPPORT_SPARSE_FILES_ANY_FS = 0x400,
    OPEN_VIRTUAL_DISK_FLAG_SUPPORT_ENCRYPTED_FILES = 0x800
} OPEN_VIRTUAL_DISK_FLAG;

/* ---- CREATE_VIRTUAL_DISK_PARAMETERS --------------------------------------------------- */
typedef enum _CREATE_VIRTUAL_DISK_VERSION : std::uint32_t {
    CREATE_VIRTUAL_DISK_VERSION_UNSPECIFIED = 0,
    CREATE_VIRTUAL_DISK_VERSION_1 = 1,
    CREATE_VIRTUAL_DISK_VERSION_2 = 2,
    CREATE_VIRTUAL_DISK_VERSION_3 = 3,
    CREATE_VIRTUAL_DISK_VERSION_4 = 4
} CREATE_VIRTUAL_DISK_VERSION;

#define CREATE_VIRTUAL_DISK_PARAMETERS_DEFAULT_BLOCK_SIZE 0
#define CREATE_VIRTUAL_DISK_PARAMETERS_DEFAULT_SECTOR_SIZE 0

typedef struct _CREATE_VIRTUAL_DISK_PARAMETERS {
    CREATE_VIRTUAL_DISK_VERSION Version;
    union {
        struct {
            GUID UniqueId;
            std::uint64_t MaximumSize;
            std::uint32_t BlockSizeInBytes;
            std::uint32_t SectorSizeInBytes;
            PCWSTR ParentPath;
            PCWSTR SourcePath;
        } Version1;
        struct {
            GUID UniqueId;
            std::uint64_t MaximumSize;
            std::uint32_t BlockSizeInBytes;
            std::uint32_t SectorSizeInBytes;
            std::uint32_t PhysicalSectorSizeInBytes;
            PCWSTR ParentPath;
            PCWSTR SourcePath;
            OPEN_VIRTUAL_DISK_FLAG OpenFlags;
            VIRTUAL_STORAGE_TYPE ParentVirtualStorageType;
            VIRTUAL_STORAGE_TYPE SourceVirtualStorageType;
            GUID ResiliencyGuid;
        } Version2;
    };
} CREATE_VIRTUAL_DISK_PARAMETERS, *PCREATE_VIRTUAL_DISK_PARAMETERS;

/* ---- progress ------------------------------------------------------------------------- */
typedef struct _VIRTUAL_DISK_PROGRESS {
    std::uint32_t OperationStatus; /* ERROR_IO_PENDING while running, then the result */
    std::uint64_t CurrentValue;
    std::uint64_t CompletionValue;
} VIRTUAL_DISK_PROGRESS, *PVIRTUAL_DISK_PROGRESS;

/* ---- Linux security descriptor (docs/vhd-formats.md, "CreateVirtualDisk on Linux") ----- */
typedef struct _VDS_POSIX_SECURITY {
    std::uint32_t Revision; /* 1 */
    std::uint32_t Mode;     /* permission bits, e.g. 0640 */
    std::int64_t Uid;       /* -1: unchanged */
    std::int64_t Gid;       /* -1: unchanged */
} VDS_POSIX_SECURITY;
#define VDS_POSIX_SECURITY_REVISION 1

/* ---- functions -------------------------------------------------------------------------- */
extern "C" {

/* Returns ERROR_SUCCESS (done) or, with an OVERLAPPED, ERROR_IO_PENDING (started); any other
 * value is the failure. A block device such as /dev/sdb is a valid SourcePath. */
DWORD CreateVirtualDisk(PVIRTUAL_STORAGE_TYPE VirtualStorageType, PCWSTR Path,
                        VIRTUAL_DISK_ACCESS_MASK VirtualDiskAccessMask,
                        PSECURITY_DESCRIPTOR SecurityDescriptor, CREATE_VIRTUAL_DISK_FLAG Flags,
                        ULONG ProviderSpecificFlags, PCREATE_VIRTUAL_DISK_PARAMETERS Parameters,
                        LPOVERLAPPED Overlapped, PHANDLE Handle);

DWORD GetVirtualDiskOperationProgress(HANDLE VirtualDiskHandle, LPOVERLAPPED Overlapped,
                                      PVIRTUAL_DISK_PROGRESS Progress);

/* Asks a pending operation on the handle to stop; it ends with ERROR_OPERATION_ABORTED. */
BOOL CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped);

/* Closes a handle from CreateVirtualDisk (cancelling and waiting for a pending operation). */
BOOL CloseHandle(HANDLE hObject);

/* Extension: the named condition behind the calling thread's last failure ("" if none). */
const char *VdsGetLastVirtualDiskErrorText(void);

} /* extern "C" */

/* A const WCHAR* path (unixODBC's WCHAR) works as well as a u"" literal. */
inline DWORD CreateVirtualDisk(PVIRTUAL_STORAGE_TYPE VirtualStorageType, const WCHAR *Path,
                               VIRTUAL_DISK_ACCESS_MASK VirtualDiskAccessMask,
                               PSECURITY_DESCRIPTOR SecurityDescriptor,
                               CREATE_VIRTUAL_DISK_FLAG Flags, ULONG ProviderSpecificFlags,
                               PCREATE_VIRTUAL_DISK_PARAMETERS Parameters, LPOVERLAPPED Overlapped,
                               PHANDLE Handle)
{
    return CreateVirtualDisk(VirtualStorageType, reinterpret_cast<PCWSTR>(Path),
                             VirtualDiskAccessMask, SecurityDescriptor, Flags,
                             ProviderSpecificFlags, Parameters, Overlapped, Handle);
}
