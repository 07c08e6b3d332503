#include <vds/vdi/clientset.h>

#include <cstdlib>
#include <string_view>
#include <vds/vdi/nativeclientset_p.h>
#include <vds/vdi/sqlvdiclientset_p.h>

namespace vds::vdi {

Expected<std::unique_ptr<ClientSet>> makeClientSet(const ClientOptions &options)
{
    if (options.provider == Provider::SqlVdi) {
        auto library = sqlvdi::load(options.libraryPath);
        if (!library)
            return std::unexpected(library.error());
        return std::unique_ptr<ClientSet>(new SqlVdiClientSet(std::move(*library)));
    }
    sweepStaleSets();
    return std::unique_ptr<ClientSet>(new NativeClientSet(options));
}

Expected<ClientOptions> optionsFromEnvironment()
{
    ClientOptions options;
    const char *provider = std::getenv("VDS_VDI_PROVIDER");
    const std::string_view p = provider ? provider : "";
    if (p == "sqlvdi")
        options.provider = Provider::SqlVdi;
    else if (!p.empty() && p != "native")
        return vdiFail(hr::kInvalid,
                       "VDS_VDI_PROVIDER must be native or sqlvdi, not \"" + std::string(p) + "\"",
                       std::string(p));
    if (const char *path = std::getenv("VDS_SQLVDI_PATH"); path && *path) {
        // Loaded by absolute path only: a bare name would make dlopen search the library
        // path, where our own libsqlvdi.so drop-in may sit.
        if (*path != '/')
            return vdiFail(hr::kInvalid,
                           std::string("VDS_SQLVDI_PATH must be an absolute path: ") + path, path);
        options.libraryPath = path;
    }
    if (const char *group = std::getenv("VDS_VDI_GROUP"))
        options.serverGroup = group;
    return options;
}

} // namespace vds::vdi
