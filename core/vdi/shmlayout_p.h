#pragma once

// The control block of a native set, as it lies in POSIX shared memory (core/vdi/README.md,
// "Shared-memory layout").
// Plain fixed-width fields only: every process maps it at a different address, so nothing
// here may hold a pointer. Fields change under `mutex` (robust, process-shared); the futex
// words are bumped after every change a waiter may care about.

#include <pthread.h>

#include <cstdint>

#include <vds/vdi/types.h>

namespace vds::vdi::shm {

inline constexpr std::uint32_t kMagic = 0x31534456; // "VDS1"
inline constexpr std::uint32_t kLayoutVersion = 1;
inline constexpr std::uint32_t kQueueDepth = 64;     ///< commands outstanding per device
inline constexpr std::uint32_t kMaxNameBytes = 2048; ///< UTF-8 bytes of a set or device name
inline constexpr std::uint32_t kMaxPeers = 66;       ///< primary, server, 64 secondaries
inline constexpr std::uint32_t kPrimaryPeer = 0;
inline constexpr std::uint32_t kServerPeer = 1;
inline constexpr std::uint64_t kNoBuffer = ~std::uint64_t{0};

enum class ServerPhase : std::uint32_t { None, Opened, Configuring, Configured, Closed };
enum class SlotState : std::uint32_t { Free, Queued, Delivered, Completed };

/// A process attached to the set. startTime (clock ticks since boot, /proc/PID/stat field 22)
/// tells a live process from a later one that reused the pid.
struct Peer {
    std::uint32_t pid;
    std::uint32_t closed; ///< 1 once it left through Close
    std::uint64_t startTime;
};

struct CommandSlot {
    std::uint32_t state; ///< SlotState
    std::uint32_t commandCode;
    std::uint32_t size;
    std::uint32_t completionCode;
    std::uint64_t position;
    std::uint64_t bufferOffset; ///< kNoBuffer when the command has no buffer
    std::uint64_t id;           ///< per device, increasing: delivery order
    std::uint64_t context;
    std::uint64_t bytesTransferred;
    std::uint64_t outPosition;
};

struct Device {
    std::uint32_t serverOpen;  ///< the server opened it under `name`
    std::uint32_t clientOpen;  ///< a client process opened it
    std::uint32_t closed;      ///< the server closed it
    std::uint32_t ioError;     ///< IO-ERROR state (docs/vdi-protocol.md, "IO-ERROR")
    std::uint32_t clientPeer;  ///< peer index of the process that opened it
    std::uint32_t clientEvent; ///< futex: commands queued, device closed, abort
    std::uint32_t serverEvent; ///< futex: completions, abort
    std::uint32_t nameBytes;
    std::uint64_t nextId;
    std::uint64_t lastCompletionNs; ///< CLOCK_MONOTONIC of the last completion (serverTimeOut)
    CommandSlot slots[kQueueDepth];
    char name[kMaxNameBytes];
};

struct Control {
    std::uint32_t magic;
    std::uint32_t ready; ///< 0 while the creator initialises; readers wait for 1
    std::uint32_t layoutVersion;
    std::uint32_t creatorPid;
    pthread_mutex_t mutex;
    std::uint32_t setEvent; ///< futex: configuration published, abort, peers changed
    std::uint32_t aborted;
    std::uint32_t abortReason; ///< 1 SignalAbort, 2 peer died, 3 inconsistent lock, 4 timeout
    std::uint32_t serverPhase; ///< ServerPhase
    std::uint32_t primaryGotConfig;
    std::uint32_t primaryClosed;
    std::uint32_t devicesServerOpened;
    std::uint32_t devicesClientOpened;
    Config clientConfig;
    Config serverConfig;
    std::uint64_t bufferAreaSize;
    char bufferObjectName[64];
    Peer peers[kMaxPeers];
    std::uint32_t nameBytes;
    std::uint32_t instanceBytes;
    char name[kMaxNameBytes];
    char instance[32];
    Device devices[kMaxDevices];
};

} // namespace vds::vdi::shm
