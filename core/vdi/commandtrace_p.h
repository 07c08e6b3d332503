#pragma once

// The opt-in VDI command trace (VDS_VDI_TRACE=FILE): one JSON line per command a client
// device handled, appended to FILE. Works over any ClientSet, so it covers both providers
// and every API in front of them (the idiomatic one, the Windows compat header, the Linux
// SDK library).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <vds/vdi/clientset.h>

namespace vds::vdi::trace {

/// One handled command, as written to the trace.
struct Record {
    std::string_view set;
    std::string_view device;
    std::uint32_t code = 0;
    std::uint32_t size = 0;
    std::uint64_t position = 0;
    bool completed = false;       ///< false: the set ended before the client completed it
    std::uint32_t completion = 0; ///< Win32 code the client gave
    std::uint64_t bytes = 0;
    std::uint64_t positionOut = 0;
    std::int64_t deliveredUnixUs = 0; ///< wall clock when GetCommand handed it out
    std::int64_t microseconds = 0;    ///< delivery → completion (steady clock)
    std::int32_t result = 0;          ///< what CompleteCommand returned (0 = NOERROR)
};

/// An append-only trace file shared by every set of the process. Lines are written with one
/// write(2) on an O_APPEND descriptor, so processes sharing the file (secondaries) do not
/// interleave within a line. Thread-safe.
class File {
public:
    /// The file named by VDS_VDI_TRACE, opened once per process; null when the variable is
    /// unset or empty (the trace is off) or the file cannot be opened (reported on stderr once).
    static std::shared_ptr<File> fromEnvironment();
    explicit File(int fd) : m_fd(fd) {}
    ~File();
    File(const File &) = delete;
    File &operator=(const File &) = delete;
    void write(const Record &record);

private:
    int m_fd;
};

/// The JSON line for `record` (with a trailing newline).
std::string toJson(const Record &record);

/// `set` itself when the trace is off, else `set` wrapped so that every command is traced.
std::unique_ptr<ClientSet> wrapFromEnvironment(std::unique_ptr<ClientSet> set);

} // namespace vds::vdi::trace
