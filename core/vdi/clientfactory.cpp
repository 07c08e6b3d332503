#include <vds/vdi/clientset.h>
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

} // namespace vds::vdi
