#include <vds/vdi/sqlvdilibrary_p.h>

#include <dlfcn.h>
#include <sys/stat.h>

#include <cerrno>
#include <mutex>

#include <vds/vdi/clientset.h>
#include <vds/vdi/types.h>

namespace vds::vdi::sqlvdi {

Library::~Library()
{
    if (handle)
        ::dlclose(handle);
}

namespace {
template <class Fn> bool resolve(void *handle, const char *symbol, Fn &out)
{
    void *p = ::dlsym(handle, symbol);
    out = reinterpret_cast<Fn>(p);
    return p != nullptr;
}
} // namespace

Expected<std::shared_ptr<const Library>> load(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        Error e = Error::fromErrno(errno, path, "Microsoft's libsqlvdi.so is not there");
        e.message = "cannot load Microsoft's VDI library: " + path +
                    " does not exist (install SQL Server on Linux or set the library path)";
        e.category = ErrorCategory::NotFound;
        return std::unexpected(e);
    }
    auto lib = std::make_shared<Library>();
    lib->path = path;
    // When our own Linux SDK library (libvdssqlvdi.so or the libsqlvdi.so drop-in) is in the
    // process, its classes carry the same symbols as Microsoft's: bind Microsoft's library to
    // its own definitions first, or its internal calls would land in ours.
    const bool oursLoaded = ::dlsym(RTLD_DEFAULT, "vds_sqlvdi_dropin") != nullptr;
    lib->handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | (oursLoaded ? RTLD_DEEPBIND : 0));
    if (!lib->handle) {
        const char *why = ::dlerror();
        return fail(ErrorCategory::Format,
                    "cannot load " + path +
                        " as Microsoft's VDI library: " + (why ? why : "unknown dlopen error"),
                    path);
    }
    if (::dlsym(lib->handle, "vds_sqlvdi_dropin"))
        return fail(ErrorCategory::Format,
                    path +
                        " is Virtual Device Studio's own libsqlvdi.so, not Microsoft's: "
                        "loading it as the SqlVdi provider would call itself (set "
                        "VDS_SQLVDI_PATH to Microsoft's library, e.g. " +
                        std::string(kDefaultSqlVdiPath) + ")",
                    path);
    // Microsoft's classes as exported by libsqlvdi.so (g++ Itanium mangling of the published
    // Linux declarations; "C1"/"D1" are the complete-object constructor and destructor).
    const char *missing = nullptr;
    auto need = [&](const char *symbol, auto &out) {
        if (!missing && !resolve(lib->handle, symbol, out))
            missing = symbol;
    };
    need("_ZN22ClientVirtualDeviceSetC1Ev", lib->setCtor);
    need("_ZN22ClientVirtualDeviceSetD1Ev", lib->setDtor);
    need("_ZN22ClientVirtualDeviceSet6CreateEPcP8VDConfig", lib->create);
    need("_ZN22ClientVirtualDeviceSet16GetConfigurationElP8VDConfig", lib->getConfiguration);
    need("_ZN22ClientVirtualDeviceSet10OpenDeviceEPcPP19ClientVirtualDevice", lib->openDevice);
    need("_ZN22ClientVirtualDeviceSet5CloseEv", lib->close);
    need("_ZN22ClientVirtualDeviceSet11SignalAbortEv", lib->signalAbort);
    need("_ZN22ClientVirtualDeviceSet15OpenInSecondaryEPc", lib->openInSecondary);
    need("_ZN22ClientVirtualDeviceSet15GetBufferHandleEPhPj", lib->getBufferHandle);
    need("_ZN22ClientVirtualDeviceSet15MapBufferHandleEiPPh", lib->mapBufferHandle);
    need("_ZN19ClientVirtualDevice10GetCommandElPP11VDC_Command", lib->getCommand);
    need("_ZN19ClientVirtualDevice15CompleteCommandEP11VDC_Commandiml", lib->completeCommand);
    if (missing)
        return fail(ErrorCategory::Format,
                    path + " is not Microsoft's VDI library: it lacks " + missing, path);
    return std::shared_ptr<const Library>(std::move(lib));
}

} // namespace vds::vdi::sqlvdi
