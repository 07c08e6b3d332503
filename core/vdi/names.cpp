#include <vds/vdi/names_p.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include <unistd.h>

#include <vds/vdi/shmlayout_p.h>
#include <vds/vdi/types.h>

namespace vds::vdi::names {

namespace {
bool isAsciiAlpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::uint64_t fnv1a64(std::string_view bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}
} // namespace

Expected<std::string> canonicalInstance(std::string_view instance)
{
    if (instance.empty())
        return std::string("MSSQLSERVER");
    if (instance.find('\\') != std::string_view::npos)
        return vdiFail(hr::kInstanceName,
                       "instance names are local: a 'machine\\' prefix is not accepted",
                       std::string(instance));
    bool ok = instance.size() <= 16 && (isAsciiAlpha(instance[0]) || instance[0] == '_');
    for (char c : instance)
        ok = ok && (isAsciiAlpha(c) || isAsciiDigit(c) || c == '_' || c == '$' || c == '#');
    if (!ok)
        return vdiFail(hr::kInstanceName, "malformed instance name (1-16 letters, digits, _ $ #)",
                       std::string(instance));
    std::string out(instance);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

Expected<void> checkSetName(std::string_view name)
{
    if (name.empty())
        return vdiFail(hr::kInvalid, "the set name is empty");
    if (name.size() >= shm::kMaxNameBytes)
        return vdiFail(hr::kInvalid, "the set name is longer than 2047 UTF-8 bytes");
    if (name.find('\\') != std::string_view::npos)
        return vdiFail(hr::kInvalid, "set names may not contain a backslash", std::string(name));
    if (name.find('\0') != std::string_view::npos)
        return vdiFail(hr::kInvalid, "set names may not contain NUL");
    return {};
}

std::string controlObject(std::string_view canonicalInstanceName, std::string_view setName)
{
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a64(setName)));
    return "/" + std::string(kObjectPrefix) + std::string(canonicalInstanceName) + "." + hash;
}

std::string bufferObject(std::string_view controlObjectName)
{
    // Unique per area so a new set with the same name never collides with a buffer object an
    // old server has not unlinked yet.
    static std::atomic<std::uint32_t> counter{0};
    const auto now =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    const auto mix = static_cast<std::uint32_t>(now ^ (now >> 32)) ^
                     (static_cast<std::uint32_t>(::getpid()) << 12) ^ counter.fetch_add(0x9e37);
    char tail[12];
    std::snprintf(tail, sizeof tail, ".b%08x", mix);
    return std::string(controlObjectName) + tail;
}

} // namespace vds::vdi::names
