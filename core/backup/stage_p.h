#pragma once

#include <cstddef>
#include <span>

#include <vds/util/error.h>

namespace vds::backup {

/// One step of a stripe's write chain (zstd, age, the file). Push model: the caller's bytes go
/// in, the step passes what it produces to the next one. Single-threaded.
class Sink {
public:
    virtual ~Sink() = default;
    [[nodiscard]] virtual Expected<void> write(std::span<const std::byte> data) = 0;
    /// End of the stream: flush everything downstream (does not finish the next step).
    [[nodiscard]] virtual Expected<void> finish() = 0;
};

/// One step of a stripe's read chain. Pull model: read() fills up to out.size() bytes, 0 at the
/// end of the stream. Single-threaded.
class Source {
public:
    virtual ~Source() = default;
    [[nodiscard]] virtual Expected<std::size_t> read(std::span<std::byte> out) = 0;
};

/// Reads until `out` is full or the source ends; returns the bytes read.
[[nodiscard]] Expected<std::size_t> readFully(Source &source, std::span<std::byte> out);

} // namespace vds::backup
