// The C entry points of <vds/compat/virtdisk.h>: argument checks in Windows' terms, then
// createVirtualDisk() synchronously or on a worker thread (OVERLAPPED).
#include <vds/compat/virtdisk.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include <vds/util/utf.h>
#include <vds/util/win32.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/vhdxformat.h>

static_assert(ERROR_INVALID_PARAMETER == vds::win32::kInvalidParameter);
static_assert(ERROR_IO_PENDING == vds::win32::kIoPending);
static_assert(ERROR_VHD_INVALID_SIZE == vds::win32::kVhdInvalidSize);
static_assert(ERROR_VIRTDISK_DISK_ONLINE_AND_WRITABLE == vds::win32::kDiskOnlineAndWritable);
static_assert(ERROR_VIRTDISK_UNSUPPORTED_DISK_SECTOR_SIZE == vds::win32::kUnsupportedSectorSize);
static_assert(sizeof(VIRTUAL_STORAGE_TYPE) == 20 && sizeof(GUID) == 16);

namespace {

using namespace vds;
using namespace vds::vdisk;

thread_local std::string t_lastError;

/// What a HANDLE from CreateVirtualDisk points to. Owned by the caller until CloseHandle;
/// the worker thread (if any) only touches the atomics and `overlapped`.
struct DiskHandle final : ProgressSink {
    std::thread worker;
    std::atomic_bool cancel{false};
    std::atomic<std::uint32_t> status{ERROR_IO_PENDING};
    std::atomic<std::uint64_t> current{0}, completion{0};
    LPOVERLAPPED overlapped = nullptr;
    std::string errorText;

    void setTotal(std::uint64_t bytes) override { completion.store(bytes); }
    void advance(std::uint64_t bytes) override { current.fetch_add(bytes); }
};

std::mutex g_handlesMutex;
std::set<DiskHandle *> g_handles;

bool isLive(DiskHandle *h)
{
    std::lock_guard lock(g_handlesMutex);
    return g_handles.count(h) != 0;
}

DWORD refuse(DWORD code, std::string condition)
{
    t_lastError = std::move(condition);
    return code;
}

bool sameGuid(const GUID &a, const GUID &b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

std::string utf8(PCWSTR s)
{
    std::u16string u;
    for (; s && *s; ++s)
        u.push_back(*s);
    return vds::utf::toUtf8(u);
}

Guid fromGuid(const GUID &g)
{
    Guid out;
    std::memcpy(out.bytes.data(), &g, 16); // x86: in-memory GUID is the Microsoft layout
    return out;
}

DWORD run(DiskHandle *h, const CreateParams &params)
{
    auto result = createVirtualDisk(params, h, h->cancel);
    const DWORD code = result ? ERROR_SUCCESS : win32Code(result.error());
    if (!result)
        h->errorText = result.error().toString();
    if (h->overlapped) {
        h->overlapped->InternalHigh = static_cast<ULONG_PTR>(h->current.load());
        h->overlapped->Internal = code;
    }
    h->status.store(code);
    return code;
}

} // namespace

extern "C" DWORD CreateVirtualDisk(PVIRTUAL_STORAGE_TYPE type, PCWSTR path,
                                   VIRTUAL_DISK_ACCESS_MASK mask, PSECURITY_DESCRIPTOR security,
                                   CREATE_VIRTUAL_DISK_FLAG flags, ULONG providerFlags,
                                   PCREATE_VIRTUAL_DISK_PARAMETERS parameters,
                                   LPOVERLAPPED overlapped, PHANDLE handle)
{
    t_lastError.clear();
    if (!type)
        return refuse(ERROR_INVALID_PARAMETER, "VirtualStorageType is NULL");
    if (!parameters)
        return refuse(ERROR_INVALID_PARAMETER, "Parameters is NULL");
    if (!path || !*path)
        return refuse(ERROR_INVALID_PARAMETER, "Path is NULL or empty");
    if (!handle)
        return refuse(ERROR_INVALID_PARAMETER, "Handle is NULL");
    const auto version = static_cast<std::uint32_t>(parameters->Version);
    if (version != 1 && version != 2)
        return refuse(ERROR_INVALID_PARAMETER,
                      "Parameters->Version " + std::to_string(version) + " is not 1 or 2");
    const auto maskBits = static_cast<std::uint32_t>(mask);
    if (maskBits & ~static_cast<std::uint32_t>(VIRTUAL_DISK_ACCESS_ALL))
        return refuse(ERROR_INVALID_PARAMETER,
                      "VirtualDiskAccessMask has bits outside VIRTUAL_DISK_ACCESS_ALL");
    if (version == 2 && maskBits != VIRTUAL_DISK_ACCESS_NONE)
        return refuse(ERROR_INVALID_PARAMETER,
                      "Version 2 parameters need VirtualDiskAccessMask VIRTUAL_DISK_ACCESS_NONE");
    const auto flagBits = static_cast<std::uint32_t>(flags);
    if (version == 1 && flagBits > CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION)
        return refuse(ERROR_INVALID_PARAMETER,
                      "Flags above FULL_PHYSICAL_ALLOCATION with Version 1 parameters");
    constexpr std::uint32_t kV2Flags = CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION |
                                       CREATE_VIRTUAL_DISK_FLAG_PREVENT_WRITES_TO_SOURCE_DISK |
                                       CREATE_VIRTUAL_DISK_FLAG_DO_NOT_COPY_METADATA_FROM_PARENT |
                                       CREATE_VIRTUAL_DISK_FLAG_SPARSE_FILE;
    if (version == 2 && (flagBits & ~kV2Flags)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "0x%X", flagBits & ~kV2Flags);
        return refuse(ERROR_INVALID_PARAMETER, std::string("unsupported Flags ") + buf +
                                                   " (VHD Set, change tracking, PMEM, compressed "
                                                   "volumes are not available)");
    }
    if (providerFlags != 0)
        return refuse(ERROR_INVALID_PARAMETER, "ProviderSpecificFlags must be 0");

    CreateParams p;
    p.path = utf8(path);
    if (!sameGuid(type->VendorId, VIRTUAL_STORAGE_TYPE_VENDOR_MICROSOFT) &&
        !sameGuid(type->VendorId, VIRTUAL_STORAGE_TYPE_VENDOR_UNKNOWN))
        return refuse(ERROR_VIRTDISK_PROVIDER_NOT_FOUND, "VendorId is not Microsoft's");
    switch (type->DeviceId) {
    case VIRTUAL_STORAGE_TYPE_DEVICE_VHD: p.format = DiskFormat::Vhd; break;
    case VIRTUAL_STORAGE_TYPE_DEVICE_VHDX: p.format = DiskFormat::Vhdx; break;
    case VIRTUAL_STORAGE_TYPE_DEVICE_ISO:
        return refuse(ERROR_NOT_SUPPORTED, "ISO images are read-only and cannot be created");
    case VIRTUAL_STORAGE_TYPE_DEVICE_VHDSET:
        return refuse(ERROR_NOT_SUPPORTED, "VHD Set (.vhds) files are not supported");
    case VIRTUAL_STORAGE_TYPE_DEVICE_UNKNOWN: {
        std::string ext = p.path.substr(std::min(p.path.size(), p.path.rfind('.')));
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext == ".vhd")
            p.format = DiskFormat::Vhd;
        else if (ext == ".vhdx")
            p.format = DiskFormat::Vhdx;
        else
            return refuse(ERROR_INVALID_PARAMETER,
                          "DeviceId UNKNOWN and the extension is neither .vhd nor .vhdx");
        break;
    }
    default:
        return refuse(ERROR_VIRTDISK_PROVIDER_NOT_FOUND,
                      "unknown DeviceId " + std::to_string(type->DeviceId));
    }

    p.parametersVersion = static_cast<int>(version);
    PCWSTR parent = nullptr, source = nullptr;
    if (version == 1) {
        const auto &v = parameters->Version1;
        p.uniqueId = fromGuid(v.UniqueId);
        p.maximumSize = v.MaximumSize;
        p.blockSize = v.BlockSizeInBytes;
        p.logicalSectorSize = v.SectorSizeInBytes;
        parent = v.ParentPath;
        source = v.SourcePath;
    } else {
        const auto &v = parameters->Version2;
        p.uniqueId = fromGuid(v.UniqueId);
        p.maximumSize = v.MaximumSize;
        p.blockSize = v.BlockSizeInBytes;
        p.logicalSectorSize = v.SectorSizeInBytes;
        p.physicalSectorSize = v.PhysicalSectorSizeInBytes;
        parent = v.ParentPath;
        source = v.SourcePath;
        for (const auto *t : {&v.ParentVirtualStorageType, &v.SourceVirtualStorageType})
            if (t->DeviceId == VIRTUAL_STORAGE_TYPE_DEVICE_ISO ||
                t->DeviceId == VIRTUAL_STORAGE_TYPE_DEVICE_VHDSET)
                return refuse(ERROR_NOT_SUPPORTED,
                              "ISO and VHD Set parents or sources are not supported");
    }
    p.parentPath = utf8(parent);
    p.sourcePath = utf8(source);
    if (flagBits & CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION)
        p.type = DiskType::Fixed;
    else
        p.type = p.parentPath.empty() ? DiskType::Dynamic : DiskType::Differencing;
    p.preventWritesToSource = flagBits & CREATE_VIRTUAL_DISK_FLAG_PREVENT_WRITES_TO_SOURCE_DISK;
    p.doNotCopyMetadataFromParent =
        flagBits & CREATE_VIRTUAL_DISK_FLAG_DO_NOT_COPY_METADATA_FROM_PARENT;
    p.sparseFile = flagBits & CREATE_VIRTUAL_DISK_FLAG_SPARSE_FILE;
    if (security) {
        const auto *sec = static_cast<const VDS_POSIX_SECURITY *>(security);
        if (sec->Revision != VDS_POSIX_SECURITY_REVISION)
            return refuse(ERROR_INVALID_SECURITY_DESCR, "VDS_POSIX_SECURITY Revision is not 1");
        p.security = PosixSecurity{sec->Mode, sec->Uid, sec->Gid};
    }
    if (auto ok = validateParams(p); !ok)
        return refuse(win32Code(ok.error()), ok.error().message);

    auto *h = new DiskHandle;
    {
        std::lock_guard lock(g_handlesMutex);
        g_handles.insert(h);
    }
    *handle = h;
    if (!overlapped) {
        const DWORD code = run(h, p);
        if (code != ERROR_SUCCESS) {
            t_lastError = h->errorText;
            CloseHandle(h);
            *handle = nullptr;
        }
        return code;
    }
    h->overlapped = overlapped;
    overlapped->Internal = ERROR_IO_PENDING;
    overlapped->InternalHigh = 0;
    h->worker = std::thread([h, p = std::move(p)] { run(h, p); });
    return ERROR_IO_PENDING;
}

extern "C" DWORD GetVirtualDiskOperationProgress(HANDLE handle, LPOVERLAPPED overlapped,
                                                 PVIRTUAL_DISK_PROGRESS progress)
{
    auto *h = static_cast<DiskHandle *>(handle);
    if (!handle || !isLive(h))
        return refuse(ERROR_INVALID_HANDLE, "not a handle from CreateVirtualDisk");
    if (!progress || !overlapped || overlapped != h->overlapped)
        return refuse(ERROR_INVALID_PARAMETER,
                      "Overlapped must be the one passed to CreateVirtualDisk");
    progress->OperationStatus = h->status.load();
    progress->CurrentValue = h->current.load();
    progress->CompletionValue = h->completion.load();
    if (progress->OperationStatus != ERROR_IO_PENDING && progress->OperationStatus != ERROR_SUCCESS)
        t_lastError = h->errorText;
    return ERROR_SUCCESS;
}

extern "C" BOOL CancelIoEx(HANDLE handle, LPOVERLAPPED)
{
    auto *h = static_cast<DiskHandle *>(handle);
    if (!handle || !isLive(h))
        return FALSE;
    h->cancel.store(true);
    return TRUE;
}

extern "C" BOOL CloseHandle(HANDLE handle)
{
    auto *h = static_cast<DiskHandle *>(handle);
    {
        std::lock_guard lock(g_handlesMutex);
        if (!handle || g_handles.erase(h) == 0)
            return FALSE;
    }
    if (h->worker.joinable()) {
        h->cancel.store(true);
        h->worker.join();
    }
    delete h;
    return TRUE;
}

extern "C" const char *VdsGetLastVirtualDiskErrorText(void)
{
    return t_lastError.c_str();
}
