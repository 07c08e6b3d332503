// The age v1 header: version line, recipient stanzas (base64 bodies wrapped at 64 columns) and
// the HMAC-SHA-256 line that binds them to the file key.
#include "ageheader_p.h"

#include <sodium.h>

namespace vds::backup::age {

namespace {

constexpr std::string_view kVersionLine = "age-encryption.org/v1\n";
constexpr std::size_t kColumns = 64;

bool isVisible(std::string_view s)
{
    for (char c : s) {
        if (c < 33 || c > 126) {
            return false;
        }
    }
    return !s.empty();
}

std::vector<std::string> splitSpaces(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= s.size()) {
        const auto sp = s.find(' ', at);
        const auto end = sp == std::string_view::npos ? s.size() : sp;
        out.emplace_back(s.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

Key32 macOf(std::string_view macInput, const FileKey &fileKey)
{
    const Key32 key = hkdfSha256(fileKey, {}, "header");
    return hmacSha256(key,
                      {reinterpret_cast<const unsigned char *>(macInput.data()), macInput.size()});
}

} // namespace

std::string writeHeader(const FileKey &fileKey, const std::vector<Stanza> &stanzas)
{
    std::string h(kVersionLine);
    for (const Stanza &s : stanzas) {
        h += "->";
        for (const auto &a : s.args) {
            h += ' ';
            h += a;
        }
        h += '\n';
        const std::string body = base64(s.body);
        // Full 64-column lines, then a shorter (possibly empty) last line ends the body.
        std::size_t at = 0;
        while (body.size() - at >= kColumns) {
            h.append(body, at, kColumns);
            h += '\n';
            at += kColumns;
        }
        h.append(body, at);
        h += '\n';
    }
    h += "---";
    const Key32 mac = macOf(h, fileKey);
    h += ' ';
    h += base64(mac);
    h += '\n';
    return h;
}

Expected<Header> parseHeader(std::string_view data, bool complete)
{
    auto cutOff = [&]() {
        return complete ? fail(ErrorCategory::Format, "truncated age header")
                        : fail(ErrorCategory::Format, "age header too long");
    };
    if (data.substr(0, kVersionLine.size()) != kVersionLine) {
        if (data.starts_with("-----BEGIN AGE ENCRYPTED FILE-----")) {
            return fail(ErrorCategory::Unsupported,
                        "ASCII-armored age files are not supported (age -d turns one into binary)");
        }
        if (data.starts_with("age-encryption.org/")) {
            return fail(ErrorCategory::Unsupported, "an age format version other than v1");
        }
        if (kVersionLine.starts_with(data) && complete) {
            return fail(ErrorCategory::Format, "truncated age header");
        }
        return fail(ErrorCategory::Format, "not an age file (no age-encryption.org/v1 line)");
    }
    Header h;
    std::size_t at = kVersionLine.size();
    auto nextLine = [&](std::string_view &line) {
        const auto nl = data.find('\n', at);
        if (nl == std::string_view::npos) {
            return false;
        }
        line = data.substr(at, nl - at);
        at = nl + 1;
        return true;
    };
    std::string_view line;
    if (!nextLine(line)) {
        return cutOff();
    }
    for (;;) {
        if (line.starts_with("---")) {
            break;
        }
        if (!line.starts_with("-> ")) {
            return fail(ErrorCategory::Format, "malformed age header (expected a stanza)");
        }
        Stanza s;
        s.args = splitSpaces(line.substr(3));
        for (const auto &a : s.args) {
            if (!isVisible(a)) {
                return fail(ErrorCategory::Format, "malformed age stanza arguments");
            }
        }
        std::string body;
        for (;;) {
            if (!nextLine(line)) {
                return cutOff();
            }
            if (line.size() > kColumns) {
                return fail(ErrorCategory::Format, "malformed age stanza body");
            }
            body += line;
            if (line.size() < kColumns) {
                break;
            }
        }
        auto bytes = unbase64(body);
        if (!bytes) {
            return fail(ErrorCategory::Format, "malformed age stanza body (not canonical base64)");
        }
        s.body = std::move(*bytes);
        h.stanzas.push_back(std::move(s));
        if (!nextLine(line)) {
            return cutOff();
        }
    }
    if (h.stanzas.empty()) {
        return fail(ErrorCategory::Format, "age header without recipients");
    }
    // The MAC line: "--- " + 43 base64 characters; the MAC covers the header through "---".
    const std::size_t macLineStart = at - line.size() - 1;
    h.macInput = std::string(data.substr(0, macLineStart + 3));
    if (line.size() != 4 + 43 || line[3] != ' ') {
        return fail(ErrorCategory::Format, "malformed age header MAC line");
    }
    auto mac = unbase64(line.substr(4));
    if (!mac || mac->size() != 32) {
        return fail(ErrorCategory::Format, "malformed age header MAC");
    }
    std::copy(mac->begin(), mac->end(), h.mac.begin());
    h.length = at;
    return h;
}

bool macMatches(const Header &header, const FileKey &fileKey)
{
    const Key32 mac = macOf(header.macInput, fileKey);
    return sodium_memcmp(mac.data(), header.mac.data(), mac.size()) == 0;
}

} // namespace vds::backup::age
