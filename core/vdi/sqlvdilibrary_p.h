#pragma once

// Microsoft's libsqlvdi.so (SQL Server on Linux) loaded with dlopen. Its API is two plain C++
// classes (no COM), so the loader resolves their Itanium-mangled member functions and calls
// them with the object as the first argument, which is how the x86-64 ABI passes `this` to a
// non-virtual member function.

#include <cstdint>
#include <ctime>
#include <memory>
#include <string>

#include <vds/util/error.h>

namespace vds::vdi::sqlvdi {

/// The Linux VDC_Command (int32, int32, int64, uint8_t*).
struct LinuxCommand {
    std::int32_t commandCode;
    std::int32_t size;
    std::int64_t position;
    std::uint8_t *buffer;
};

/// The resolved entry points of one loaded library. Immutable after load; shared by every
/// set object made from it and kept loaded while any of them lives.
struct Library {
    void *handle = nullptr;
    std::string path;
    void (*setCtor)(void *self) = nullptr;
    void (*setDtor)(void *self) = nullptr;
    int (*create)(void *self, char *name, void *cfg) = nullptr;
    int (*getConfiguration)(void *self, time_t timeout, void *cfg) = nullptr;
    int (*openDevice)(void *self, char *name, void **device) = nullptr;
    int (*close)(void *self) = nullptr;
    int (*signalAbort)(void *self) = nullptr;
    int (*openInSecondary)(void *self, char *name) = nullptr;
    int (*getBufferHandle)(void *self, std::uint8_t *buffer, unsigned *handle) = nullptr;
    int (*mapBufferHandle)(void *self, int handle, std::uint8_t **buffer) = nullptr;
    int (*getCommand)(void *device, time_t timeout, LinuxCommand **cmd) = nullptr;
    int (*completeCommand)(void *device, LinuxCommand *cmd, int code, unsigned long bytes,
                           std::int64_t position) = nullptr;
    ~Library();
};

/// Loads `path`. NotFound when absent, Format when it is not a loadable library or lacks
/// one of Microsoft's symbols; the error names the path (and the symbol).
Expected<std::shared_ptr<const Library>> load(const std::string &path);

} // namespace vds::vdi::sqlvdi
