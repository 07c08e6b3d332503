#include <vds/vdi/commandtrace_p.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include <vds/vdi/tracingclientset_p.h>

namespace vds::vdi::trace {

namespace {
const char *commandName(std::uint32_t code)
{
    static const char *const names[] = {
        "Unknown",         "Read",          "Write",       "ClearError", "Rewind",
        "WriteMark",       "SkipMarks",     "SkipBlocks",  "Load",       "GetPosition",
        "SetPosition",     "Discard",       "Flush",       "Snapshot",   "MountSnapshot",
        "PrepareToFreeze", "FileInfoBegin", "FileInfoEnd", "GetError",   "Complete"};
    return code < sizeof(names) / sizeof(names[0]) ? names[code] : "Unknown";
}

void appendString(std::string &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c; // UTF-8 passes through: JSON text is UTF-8
        }
    }
    out += '"';
}
} // namespace

std::string toJson(const Record &r)
{
    std::string out;
    out.reserve(256);
    out += "{\"pid\":" + std::to_string(::getpid());
    out += ",\"set\":";
    appendString(out, r.set);
    out += ",\"device\":";
    appendString(out, r.device);
    out += ",\"code\":" + std::to_string(r.code);
    out += ",\"command\":\"";
    out += commandName(r.code);
    out += "\",\"size\":" + std::to_string(r.size);
    out += ",\"position\":" + std::to_string(r.position);
    out += ",\"completion\":" + (r.completed ? std::to_string(r.completion) : std::string("null"));
    out += ",\"bytes\":" + std::to_string(r.bytes);
    out += ",\"position_out\":" + std::to_string(r.positionOut);
    out += ",\"delivered_unix_us\":" + std::to_string(r.deliveredUnixUs);
    out += ",\"us\":" + std::to_string(r.microseconds);
    out += ",\"result\":";
    appendString(out, r.result == 0 ? std::string("NOERROR") : hresultName(r.result));
    out += "}\n";
    return out;
}

File::~File()
{
    ::close(m_fd);
}

void File::write(const Record &record)
{
    const std::string line = toJson(record);
    // One write on an O_APPEND descriptor: the kernel appends the whole line at once.
    const ssize_t n = ::write(m_fd, line.data(), line.size());
    (void)n; // a full disk loses trace lines, never the transfer
}

std::shared_ptr<File> File::fromEnvironment()
{
    const char *path = std::getenv("VDS_VDI_TRACE");
    if (!path || !*path)
        return nullptr;
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<File>> open;
    std::lock_guard guard(mutex);
    if (auto existing = open[path].lock())
        return existing;
    const int fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        static bool told = false;
        if (!told)
            std::fprintf(stderr, "VDS_VDI_TRACE: cannot open %s: %s (no trace)\n", path,
                         std::strerror(errno));
        told = true;
        return nullptr;
    }
    auto file = std::make_shared<File>(fd);
    open[path] = file;
    return file;
}

std::unique_ptr<ClientSet> wrapFromEnvironment(std::unique_ptr<ClientSet> set)
{
    auto file = File::fromEnvironment();
    if (!file)
        return set;
    return std::make_unique<TracingClientSet>(std::move(set), std::move(file));
}

} // namespace vds::vdi::trace
