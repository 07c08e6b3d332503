#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <semaphore>
#include <span>
#include <string>
#include <vector>

#include <vds/util/error.h>

/// One stripe of a backup as a file: the raw stream SQL Server writes goes in (or comes out),
/// optionally compressed (zstd frames) and encrypted (age v1), with SHA-256 of the raw stream and
/// of the file as written. Plain C++ (std + libzstd + libsodium), no Qt.
namespace vds::backup {

enum class Codec : std::uint8_t { None, Zstd };
enum class Encryption : std::uint8_t { None, AgeX25519, AgeScrypt };

/// How many stripes of one backup may compress at the same moment. When a backup has more
/// stripes than its zstd thread budget (THREADS ≥ 1), each stripe compresses on its own pump
/// thread; more compressors running than cores only evict each other's match tables from the
/// CPU caches (the zstd CLI on 4 quarters of a stream, 4 at once on 2 cores: 15 % more CPU than
/// 2 at a time), so the stripes take turns, THREADS at a time.
using CompressionSlots = std::counting_semaphore<64>;

/// How one stripe is written. The file appears under `path` only when finish() succeeds.
struct StripeWriteOptions {
    std::filesystem::path path; ///< the final name, e.g. ".../db_full_….1of3.bak.zst.age"
    Codec codec = Codec::None;
    int zstdLevel = 3;   ///< 1–19 (the zstd CLI's range without --ultra)
    int zstdThreads = 0; ///< 0: libzstd single-threaded; N: N worker threads
    /// With zstdThreads 0: shared by the backup's stripes, one slot held while a piece is
    /// compressed; null: no turns.
    std::shared_ptr<CompressionSlots> compressionSlots;
    Encryption encryption = Encryption::None;
    std::vector<std::string> recipients; ///< age X25519 recipients ("age1…"), AgeX25519 only
    std::string passphrase;              ///< AgeScrypt only; never logged, never stored
    int scryptLogN = 18;                 ///< age's default work factor
};

/// Figures of a finished stripe (the manifest's `bytes`, `sha256`, `fileSha256`).
struct StripeWriteResult {
    std::uint64_t rawBytes = 0;  ///< bytes of the raw stream
    std::string rawSha256;       ///< lower-case hex SHA-256 of the raw stream
    std::uint64_t fileBytes = 0; ///< bytes of the file as written
    std::string fileSha256;      ///< lower-case hex SHA-256 of the file as written
};

/// Writes one stripe. Single-threaded: one pump thread owns a writer (zstd may use worker
/// threads of its own). Data goes to a temporary name in the target's folder; finish() flushes,
/// fsyncs, renames to `path` and fsyncs the folder; abort() (or destruction without finish())
/// removes the temporary file. Nothing that looks complete is ever left by a failed run.
class StripeWriter {
public:
    virtual ~StripeWriter() = default;
    /// Checks the options (existing target → InvalidArgument, bad recipient → InvalidArgument,
    /// folder not writable → Permission, …) and creates the temporary file. The name must end
    /// with stripeSuffix(codec, encryption) (and carry no other codec suffix), since that is how
    /// StripeReader and the zstd/age tools tell what a stripe holds; recipients and a passphrase
    /// together (age forbids mixing) → InvalidArgument.
    [[nodiscard]] static Expected<std::unique_ptr<StripeWriter>> open(StripeWriteOptions options);
    /// Consumes the next bytes of the raw stream (any size, zero included). ENOSPC → DiskFull.
    [[nodiscard]] virtual Expected<void> write(std::span<const std::byte> data) = 0;
    [[nodiscard]] virtual Expected<StripeWriteResult> finish() = 0;
    virtual void abort() noexcept = 0;
};

/// How one stripe is read back. The codec and encryption are taken from the file name's
/// suffixes (".zst", ".age", ".zst.age"), so stripes compressed or encrypted by the zstd and
/// age tools themselves read too.
struct StripeReadOptions {
    std::filesystem::path path;
    std::vector<std::string> identities; ///< age X25519 secret keys ("AGE-SECRET-KEY-1…")
    std::string passphrase;              ///< for scrypt-encrypted stripes
};

/// Reads one stripe back as the raw stream. open() reads the age header and unwraps the file
/// key, so a wrong identity or passphrase (→ Permission), a file that is not age or zstd
/// (→ Format) or a missing file (→ NotFound) fails before any data is consumed. Single-threaded.
class StripeReader {
public:
    virtual ~StripeReader() = default;
    [[nodiscard]] static Expected<std::unique_ptr<StripeReader>> open(StripeReadOptions options);
    /// Fills up to out.size() bytes of the raw stream; 0 at its end. A damaged file (bad age
    /// tag, corrupt zstd frame, truncated) → Format.
    [[nodiscard]] virtual Expected<std::size_t> read(std::span<std::byte> out) = 0;
    /// After read() returned 0: SHA-256 (lower-case hex) of the raw stream and of the file.
    [[nodiscard]] virtual std::string rawSha256() const = 0;
    [[nodiscard]] virtual std::string fileSha256() const = 0;
    [[nodiscard]] virtual std::uint64_t rawBytes() const = 0;
};

/// The file-name suffix of a stripe written with this codec and encryption: "", ".zst", ".age"
/// or ".zst.age" (appended to e.g. ".bak").
[[nodiscard]] std::string stripeSuffix(Codec codec, Encryption encryption);

/// SHA-256 (lower-case hex) of a whole file, read in large blocks.
[[nodiscard]] Expected<std::string> fileSha256(const std::filesystem::path &path);

/// age keys as the age tools write them.
namespace age {
/// Lines of a recipients file ("age1…" per line, '#' comments and blank lines ignored).
[[nodiscard]] Expected<std::vector<std::string>>
readRecipientsFile(const std::filesystem::path &path);
/// Secret keys of an identity file (as written by age-keygen).
[[nodiscard]] Expected<std::vector<std::string>>
readIdentityFile(const std::filesystem::path &path);
/// The recipient ("age1…") of a secret key, for manifests and checks.
[[nodiscard]] Expected<std::string> recipientOf(const std::string &secretKey);
/// True when the text is a well-formed X25519 recipient.
[[nodiscard]] bool isRecipient(const std::string &text);
} // namespace age

} // namespace vds::backup
