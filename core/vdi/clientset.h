#pragma once

// The idiomatic client API (IClientVirtualDeviceSet2 semantics, UTF-8 names, Expected
// results). Errors carry the VD_E_* HRESULT as their native code (vdi::hresultOf).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <vds/util/error.h>
#include <vds/vdi/clientdevice.h>
#include <vds/vdi/types.h>

namespace vds::vdi {

/// Which implementation carries the set.
enum class Provider : std::uint8_t {
    Native, ///< our shared-memory implementation; talks to vdi::ServerSet (vds-sqlsim)
    SqlVdi, ///< Microsoft's libsqlvdi.so, for SQL Server on Linux
};

/// The default location of Microsoft's library on SQL Server for Linux.
inline constexpr std::string_view kDefaultSqlVdiPath = "/opt/mssql/lib/libsqlvdi.so";

struct ClientOptions {
    Provider provider = Provider::Native;
    std::string libraryPath = std::string(kDefaultSqlVdiPath); ///< SqlVdi only
    /// Group given read/write access to the set besides the creating user (native only).
    /// Empty: "mssql" when that group exists, else the creator's primary group.
    /// A name or a numeric gid.
    std::string serverGroup;
};

/// A secondary (or the primary) process attached to the set, as the primary sees it.
struct PeerStatus {
    std::uint32_t pid = 0;
    bool primary = false;
    bool alive = false;
    bool closed = false; ///< left with Close (a dead peer that did not close died abnormally)
};

/// A client virtual device set. Set-level calls may come from any thread (they serialise);
/// each device is used from one thread. Owns its devices. Not copyable.
class ClientSet {
public:
    virtual ~ClientSet() = default;

    /// CreateEx: creates the set `name` in `instance` ("" = default instance).
    /// VD_E_PROTOCOL when this object already holds a set or the name is taken,
    /// VD_E_NOTSUPPORTED for an invalid configuration, VD_E_INSTANCE_NAME for a malformed
    /// instance, VD_E_INVALID for a malformed set name.
    virtual Expected<void> create(std::string_view instance, std::string_view name,
                                  const Config &config) = 0;

    /// Waits until the server has configured the set and returns its configuration.
    virtual Expected<Config> getConfiguration(std::int64_t timeoutMs) = 0;

    /// Opens the device called `name` (device 1 carries the set name). VD_E_OPEN when every
    /// device is open, VD_E_INVALID for an unknown name, VD_E_PROTOCOL out of sequence.
    virtual Expected<ClientDevice *> openDevice(std::string_view name) = 0;

    /// Releases the set; VD_E_OPEN (after an internal abort) when devices were still open.
    virtual Expected<void> close() = 0;

    /// Aborts the set: every wait on both sides returns VD_E_ABORT.
    virtual Expected<void> signalAbort() = 0;

    /// Attaches this object, in a secondary process, to a set another process created.
    virtual Expected<void> openInSecondary(std::string_view instance, std::string_view name) = 0;

    /// Process-independent handle of a buffer of this set; MapBufferHandle's inverse.
    virtual Expected<std::uint32_t> bufferHandle(const std::byte *buffer) = 0;
    virtual Expected<std::byte *> mapBufferHandle(std::uint32_t handle) = 0;

    /// The processes attached to the set (primary only; empty for providers that cannot
    /// tell). VDI leaves watching secondaries to the primary: a peer with alive == false and
    /// closed == false died without closing, and the primary should SignalAbort.
    [[nodiscard]] virtual std::vector<PeerStatus> peers() const = 0;

protected:
    ClientSet() = default;
    ClientSet(const ClientSet &) = delete;
    ClientSet &operator=(const ClientSet &) = delete;
};

/// A new, empty set object of the chosen provider. For SqlVdi a library that is absent or
/// lacks Microsoft's symbols gives an error naming the path tried.
Expected<std::unique_ptr<ClientSet>> makeClientSet(const ClientOptions &options = {});

/// The options the compat APIs (Windows and Linux SDK headers) take from the environment:
/// VDS_VDI_PROVIDER=native|sqlvdi (default native), VDS_SQLVDI_PATH (Microsoft's library,
/// an absolute path; default kDefaultSqlVdiPath), VDS_VDI_GROUP (serverGroup).
/// VD_E_INVALID for an unknown provider or a relative library path.
Expected<ClientOptions> optionsFromEnvironment();

/// Removes shared-memory objects of sets whose processes are all gone (native provider).
/// Runs on every create; exposed for tools and tests. Returns how many sets it removed.
std::size_t sweepStaleSets();

} // namespace vds::vdi
