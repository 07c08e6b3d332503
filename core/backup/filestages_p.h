#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "atomicfile_p.h"
#include "sha256_p.h"
#include "stage_p.h"

namespace vds::backup {

/// The last step of a write chain: coalesces small writes into large ones, hashes and counts
/// the bytes as written and hands them to the AtomicFile (not owned). Single-threaded.
class FileSink final : public Sink {
public:
    FileSink(AtomicFile &file, bool hash);
    Expected<void> write(std::span<const std::byte> data) override;
    Expected<void> finish() override;
    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
    [[nodiscard]] std::string hexDigest() { return sha_.hexDigest(); }

private:
    Expected<void> flush();

    AtomicFile &file_;
    bool hash_;
    Sha256 sha_;
    std::uint64_t bytes_ = 0;
    std::vector<std::byte> buffer_;
};

/// The first step of a read chain: the file's bytes, hashed and counted as read. Owns the fd.
class FileSource final : public Source {
public:
    ~FileSource() override;
    /// Missing → NotFound, unreadable → Permission, a folder → InvalidArgument.
    [[nodiscard]] Expected<void> open(const std::filesystem::path &path);
    Expected<std::size_t> read(std::span<std::byte> out) override;
    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
    [[nodiscard]] std::string hexDigest() { return sha_.hexDigest(); }

private:
    std::filesystem::path path_;
    int fd_ = -1;
    Sha256 sha_;
    std::uint64_t bytes_ = 0;
};

} // namespace vds::backup
