#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "atomicfile_p.h"
#include "sha256_p.h"
#include "stage_p.h"

namespace vds::backup {

/// The last step of a write chain: hashes, counts and writes the bytes to the AtomicFile (not
/// owned) on a thread of its own, so the caller's thread (hashing the raw stream, feeding zstd)
/// and the disk work at the same time. Bytes are copied into a few fixed blocks (bounded memory:
/// kBlocks × kBlockSize per stripe); a write error surfaces on the next write() or finish().
/// Used from one thread; stop() before the file goes away.
class FileSink final : public Sink {
public:
    FileSink(AtomicFile &file, bool hash);
    ~FileSink() override;
    Expected<void> write(std::span<const std::byte> data) override;
    /// Waits until everything is on the file (not fsynced: AtomicFile::commit does that).
    Expected<void> finish() override;
    /// Ends the writing thread, dropping what was not written yet. Idempotent.
    void stop() noexcept;
    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
    [[nodiscard]] std::string hexDigest() { return sha_.hexDigest(); }

private:
    static constexpr std::size_t kBlocks = 4;
    static constexpr std::size_t kBlockSize = 512 * 1024;
    struct Block {
        std::vector<std::byte> data;
        std::size_t used = 0;
    };

    void run();
    Expected<void> failure();
    void queueCurrent();

    AtomicFile &file_;
    bool hash_;
    Sha256 sha_; // the writing thread's until finish()
    std::uint64_t bytes_ = 0;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Block> free_;   // guarded
    std::deque<Block> filled_; // guarded
    bool closing_ = false;     // guarded: no more blocks will come
    bool stopping_ = false;    // guarded: drop everything and end
    bool idle_ = true;         // guarded: the thread holds no block
    Error error_;              // guarded
    Block current_;            // the caller's
    bool hasCurrent_ = false;
    std::thread thread_;
};

/// The first step of a read chain: a thread of its own reads the file ahead into a few fixed
/// blocks and hashes it, so the disk, the file's hash and the caller's decryption and
/// decompression run at the same time. read() hands the blocks out in order. Used from one
/// thread.
class FileSource final : public Source {
public:
    ~FileSource() override;
    /// Missing → NotFound, unreadable → Permission, a folder → InvalidArgument.
    [[nodiscard]] Expected<void> open(const std::filesystem::path &path);
    Expected<std::size_t> read(std::span<std::byte> out) override;
    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
    /// After read() returned 0.
    [[nodiscard]] std::string hexDigest() { return sha_.hexDigest(); }

private:
    static constexpr std::size_t kBlocks = 3;
    static constexpr std::size_t kBlockSize = 1024 * 1024;
    struct Block {
        std::vector<std::byte> data;
        std::size_t used = 0;
    };
    void run();

    std::filesystem::path path_;
    int fd_ = -1;
    Sha256 sha_;              // the reading thread's until the end
    std::uint64_t bytes_ = 0; // the reading thread's until the end
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Block> free_;   // guarded
    std::deque<Block> filled_; // guarded
    bool ended_ = false;       // guarded: the file's end (or an error) was reached
    bool stopping_ = false;    // guarded
    Error error_;              // guarded
    Block current_;            // the caller's
    std::size_t currentPos_ = 0;
    bool hasCurrent_ = false;
    bool done_ = false; // the caller saw the end
    std::thread thread_;
};

} // namespace vds::backup
