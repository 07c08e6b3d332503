#pragma once

// The server side of a virtual device set, shaped like IServerVirtualDeviceSet2 /
// IServerVirtualDevice (docs/vdi-protocol.md, "The server side"). An engine (vds-sqlsim, tests,
// the benchmark) drives it the way SQL Server drives VDI:
//
//   ServerSet set;
//   set.open(instance, name)              // the client's CreateEx must have happened
//   Config want = *set.clientConfiguration();
//   set.beginConfiguration({.features=…, .alignment=…, .blockSize=…, .maxTransferSize=…});
//   set.requestBuffers(maxTransfer, align, bufferCount)   // summed until endConfiguration
//   set.endConfiguration()                // the client's GetConfiguration returns now
//   ServerDevice *dev = *set.openDevice(name)   // once per device, first = the set name
//   Buffer b = *set.allocateBuffer(size, align)
//   id = *dev->sendCommand({command::Write, n, 0, b.data}); c = *dev->waitCompletion(ms)
//   …  dev->closeDevice()  (client's GetCommand → VD_E_CLOSE)  …  set.close()
//
// Errors carry the VD_E_* HRESULT as the native code (vdi::hresultOf). Waits take
// milliseconds, negative = forever, and return VD_E_ABORT within about a second when the set
// is aborted or the client's primary process dies. Only the native provider has a server side.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <vds/util/error.h>
#include <vds/vdi/types.h>

namespace vds::vdi {

class SharedSet;
class ServerSet;

/// What the server chooses in BeginConfiguration.
struct ServerConfiguration {
    std::uint32_t features = 0;    ///< VDF_* the server grants (+ WriteMedia / ReadMedia)
    std::uint32_t alignment = 0;   ///< power of two ≥ blockSize, ≤ 64 KiB; 0 = blockSize
    std::uint32_t blockSize = 512; ///< power of two, 512 … 64 KiB
    std::uint32_t maxTransferSize = 64 * 1024; ///< multiple of 64 KiB, ≤ 4 MiB
};

/// A buffer in the shared area. `data` is valid in this process until the set is closed;
/// `offset` is what GetBufferHandle returns on the client side for the same buffer.
struct Buffer {
    std::byte *data = nullptr;
    std::uint32_t size = 0;
    std::uint32_t offset = 0;
};

/// A command to send. `buffer` must be null or point inside a buffer from allocateBuffer;
/// for Read and Write `size` bytes from `buffer` are transferred.
struct ServerCommand {
    std::uint32_t commandCode = 0; ///< command::Read, Write, Flush, ClearError, …
    std::uint32_t size = 0;        ///< bytes (Read/Write), count or whence (others)
    std::uint64_t position = 0;    ///< SetPosition input
    std::byte *buffer = nullptr;
    std::uint64_t context = 0; ///< returned in the Completion, for the engine's bookkeeping
};

/// A completed command, as the client (or the abort) completed it.
struct Completion {
    std::uint64_t id = 0;      ///< what sendCommand returned
    std::uint64_t context = 0; ///< ServerCommand::context
    std::uint32_t commandCode = 0;
    std::uint32_t completionCode = 0; ///< Win32: 0 success, 995 aborted, 1117 IO-ERROR, …
    std::uint32_t bytesTransferred = 0;
    std::uint64_t position = 0; ///< GetPosition / SetPosition result
};

/// One device of a server set (IServerVirtualDevice). Owned by its ServerSet, valid until the
/// set is closed; used from one thread at a time (SQL Server uses one thread per device).
class ServerDevice final {
public:
    ServerDevice(const ServerDevice &) = delete;
    ServerDevice &operator=(const ServerDevice &) = delete;

    [[nodiscard]] const std::string &name() const noexcept { return m_name; }
    [[nodiscard]] std::uint32_t index() const noexcept { return m_index; }

    /// Queues a command for the client. Errors: VD_E_ABORT (set aborted), VD_E_IO_ERROR (the
    /// device is in IO-ERROR after a failed completion: only ClearError may be sent),
    /// VD_E_QUEUE_FULL (64 commands outstanding), VD_E_CLOSE (device closed), VD_E_INVALID
    /// (buffer outside the shared area). Returns the command id.
    Expected<std::uint64_t> sendCommand(const ServerCommand &command);

    /// Waits for the next completion of this device (any order the client completes in).
    /// After an abort every outstanding command completes with 995 before the wait reports
    /// VD_E_ABORT. VD_E_TIMEOUT when nothing completed in time; VD_E_PROTOCOL when nothing is
    /// outstanding. Commands the device rejected while in IO-ERROR complete with 1117 here.
    Expected<Completion> waitCompletion(std::int64_t timeoutMs = kInfinite);

    /// sendCommand + wait for that very command (completions of others are kept for later).
    Expected<Completion> execute(const ServerCommand &command, std::int64_t timeoutMs = kInfinite);

    /// Commands sent and not yet returned by waitCompletion.
    [[nodiscard]] std::uint32_t outstanding() const noexcept;

    /// Closes the device: the client's GetCommand reports VD_E_CLOSE once it has taken every
    /// queued command. Errors: VD_E_CLOSE when already closed; after an abort it is a no-op.
    Expected<void> closeDevice();

private:
    friend class ServerSet;
    ServerDevice(SharedSet &set, std::uint32_t index, std::string name);
    SharedSet &m_set;
    std::uint32_t m_index;
    std::string m_name;
};

/// The server end of one set (IServerVirtualDeviceSet2). Owns its mapping and its devices.
/// Configuration calls from one thread; devices may then be driven from one thread each;
/// signalAbort from any thread.
class ServerSet final {
public:
    ServerSet();
    ~ServerSet(); ///< closes the set if still open
    ServerSet(const ServerSet &) = delete;
    ServerSet &operator=(const ServerSet &) = delete;

    /// Opens the set a client created with CreateEx(instance, name). Empty instance = default.
    /// Errors: VD_E_INSTANCE_NAME (malformed instance), VD_E_INVALID/NotFound (no such set),
    /// VD_E_SECURITY/Permission (no access), VD_E_PROTOCOL (already opened by a server),
    /// VD_E_ABORT (the set is aborted or its creator is gone).
    Expected<void> open(std::string_view instance, std::string_view setName);

    /// The configuration the client passed to CreateEx.
    Expected<Config> clientConfiguration() const;

    /// Validates and records the server's choices (limits in ServerConfiguration).
    /// VD_E_PROTOCOL unless just opened; VD_E_NOTSUPPORTED for invalid values.
    Expected<void> beginConfiguration(const ServerConfiguration &configuration);

    /// Adds `count` buffers of `size` bytes (plus the client's prefix zone) aligned to
    /// `alignment` to the shared area created at endConfiguration.
    Expected<void> requestBuffers(std::uint32_t size, std::uint32_t alignment, std::uint32_t count);

    /// Creates the shared buffer area and publishes the configuration; the client's
    /// GetConfiguration returns. VD_E_MEMORY when the area cannot be created (then the set
    /// stays configurable).
    Expected<void> endConfiguration();

    /// The configuration as published (valid after endConfiguration).
    [[nodiscard]] Config configuration() const;

    /// Opens the next device under `name` (the first device must carry the set name).
    /// VD_E_OPEN after deviceCount devices, VD_E_INVALID for a duplicate or empty name,
    /// VD_E_PROTOCOL before endConfiguration, VD_E_ABORT after an abort.
    Expected<ServerDevice *> openDevice(std::string_view name);

    /// A buffer from the requested ones (the prefix zone is hidden in front of it).
    /// VD_E_MEMORY when none of that size is free, VD_E_INVALID for a bad size/alignment.
    Expected<Buffer> allocateBuffer(std::uint32_t size, std::uint32_t alignment = 0);
    /// Returns a buffer from allocateBuffer. Safe to call with a default Buffer.
    void freeBuffer(const Buffer &buffer);
    /// True when `address` lies inside this set's shared buffer area.
    [[nodiscard]] bool isSharedBuffer(const void *address) const noexcept;

    /// Aborts the set: every wait on either side returns VD_E_ABORT, outstanding commands
    /// complete with 995. Any thread, any time after open.
    Expected<void> signalAbort();
    [[nodiscard]] bool aborted() const noexcept;

    /// Process ids of the client processes attached (primary first), for diagnostics.
    [[nodiscard]] std::uint32_t clientPid() const noexcept;

    /// Closes the set. Outstanding commands complete with 995; VD_E_PROTOCOL (but everything
    /// is released) when devices were still open. Unlinks the shared objects when the client's
    /// primary is gone.
    Expected<void> close();

private:
    std::unique_ptr<SharedSet> m_shared;
    std::unique_ptr<ServerDevice> m_devices[kMaxDevices];
    struct Allocator;
    std::unique_ptr<Allocator> m_allocator;
};

} // namespace vds::vdi
