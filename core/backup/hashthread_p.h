#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <span>
#include <string>
#include <thread>

#include "sha256_p.h"

namespace vds::backup {

/// SHA-256 of a stream on a helper thread, so the caller can compress or copy a piece while it
/// is hashed: start(piece) … work on the same piece … wait(). Pieces below a threshold are
/// hashed inline (a thread handoff would cost more). Owned and driven by one thread.
class HashThread {
public:
    HashThread();
    ~HashThread();
    HashThread(const HashThread &) = delete;
    HashThread &operator=(const HashThread &) = delete;

    /// Begins hashing `data`, which must stay valid until wait() returns.
    void start(std::span<const std::byte> data);
    /// Until the piece given to start() is hashed.
    void wait();
    /// After wait(): the digest of everything hashed so far.
    [[nodiscard]] std::string hexDigest();

private:
    static constexpr std::size_t kInline = 256 * 1024;
    void run();

    Sha256 sha_; // the helper's while busy_, the owner's otherwise
    std::mutex mutex_;
    std::condition_variable changed_;
    std::span<const std::byte> pending_; // guarded
    bool busy_ = false;                  // guarded
    bool stopping_ = false;              // guarded
    std::thread thread_;
};

} // namespace vds::backup
