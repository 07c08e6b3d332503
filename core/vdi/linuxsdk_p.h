#pragma once

// The state behind Microsoft's Linux SDK classes as Virtual Device Studio implements them
// (libvdssqlvdi.so and its libsqlvdi.so drop-in). The SDK's classes hold one pointer each,
// to a CVDS / CVD; these are ours.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <vds/compat/linux/vdi.h>
#include <vds/vdi/clientset.h>

/// A set: the provider's ClientSet (traced when VDS_VDI_TRACE is set) and the device objects
/// handed out by OpenDevice, which it owns. Set calls from any thread.
class CVDS {
public:
    std::unique_ptr<vds::vdi::ClientSet> set;
    int initError = 0;       ///< why there is no set (bad environment, library not loadable)
    std::string initMessage; ///< the same in words, printed once on stderr
    std::mutex mutex;
    std::vector<std::unique_ptr<ClientVirtualDevice>> devices;
};

/// A device: the provider's device and the commands as the SDK's structure. A delivered
/// command's VDC_Command stays readable after CompleteCommand until the slot is reused
/// (Microsoft's sample prints the code after completing). One thread at a time.
class CVD {
public:
    static constexpr int kMirror = 64;
    vds::vdi::ClientDevice *device = nullptr;
    VDC_Command commands[kMirror] = {};
    vds::vdi::Command *sources[kMirror] = {};
    int next = 0; ///< round-robin start, so a completed slot is not reused at once
};

namespace vds::vdi::linuxsdk {

/// GetConfiguration's timeout in milliseconds: negative or ≥ 2^32-1 (INFINITE) waits forever.
std::int64_t configurationTimeoutMs(time_t value) noexcept;
/// GetCommand's timeout in milliseconds: `value` counts seconds unless
/// VDS_VDI_GETCOMMAND_UNIT=ms; negative or ≥ 2^32-1 waits forever.
std::int64_t commandTimeoutMs(time_t value) noexcept;

} // namespace vds::vdi::linuxsdk
