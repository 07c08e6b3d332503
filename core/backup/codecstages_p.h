#pragma once

#include <memory>

#include "stage_p.h"
#include <vds/backup/stripe.h>

namespace vds::backup {

/// zstd compression in front of `next` (not owned): standard frames with a content checksum,
/// libzstd's own worker threads when threads > 0; otherwise on the caller's thread, holding one
/// of `slots` (when given) while a piece is compressed.
[[nodiscard]] Expected<std::unique_ptr<Sink>>
makeZstdEncoder(Sink &next, int level, int threads,
                std::shared_ptr<CompressionSlots> slots = nullptr);
/// zstd decompression of `upstream` (not owned); reads the first block at once so a file that
/// is not zstd fails here (→ Format).
[[nodiscard]] Expected<std::unique_ptr<Source>> makeZstdDecoder(Source &upstream);

/// age v1 encryption in front of `next` (not owned); the header is written at once.
[[nodiscard]] Expected<std::unique_ptr<Sink>> makeAgeEncryptor(Sink &next,
                                                               const StripeWriteOptions &options);
/// age v1 decryption of `upstream` (not owned); the header is read and the file key unwrapped
/// at once (wrong identity or passphrase → Permission, not age → Format).
[[nodiscard]] Expected<std::unique_ptr<Source>> makeAgeDecryptor(Source &upstream,
                                                                 const StripeReadOptions &options);

} // namespace vds::backup
