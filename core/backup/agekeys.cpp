// age's key encodings: "age1…" X25519 recipients and "AGE-SECRET-KEY-1…" identities (Bech32).
#include <vds/backup/stripe.h>

#include <fstream>

#include <sodium.h>

#include "agekeys_p.h"
#include "bech32_p.h"
#include "sha256_p.h"

namespace vds::backup::age {

namespace {

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) {
        s.pop_back();
    }
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) {
        ++b;
    }
    return s.substr(b);
}

Expected<std::vector<std::string>> readKeyLines(const std::filesystem::path &path, bool secret)
{
    std::ifstream in(path);
    if (!in) {
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        return fail(exists ? ErrorCategory::Permission : ErrorCategory::NotFound,
                    exists ? "cannot read the key file" : "no such key file", path.string());
    }
    std::vector<std::string> out;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        line = trim(line);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const bool ok = secret ? parseSecretKey(line).has_value() : isRecipient(line);
        if (!ok) {
            // Never echo a secret line back: it may be a mistyped key.
            return fail(ErrorCategory::Format,
                        std::string(secret ? "not an age secret key" : "not an age recipient") +
                            " on line " + std::to_string(number),
                        path.string());
        }
        out.push_back(line);
    }
    if (out.empty()) {
        return fail(ErrorCategory::Format,
                    secret ? "no age secret key in the file" : "no age recipient in the file",
                    path.string());
    }
    return out;
}

} // namespace

std::optional<std::array<unsigned char, 32>> parseRecipient(const std::string &text)
{
    // Recipients are written in lower case; age itself refuses upper case ones.
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') {
            return std::nullopt;
        }
    }
    auto b = bech32Decode(text);
    if (!b || b->hrp != "age" || b->data.size() != 32) {
        return std::nullopt;
    }
    std::array<unsigned char, 32> out{};
    std::copy(b->data.begin(), b->data.end(), out.begin());
    return out;
}

std::optional<std::array<unsigned char, 32>> parseSecretKey(const std::string &text)
{
    auto b = bech32Decode(text);
    if (!b || b->hrp != "age-secret-key-" || b->data.size() != 32) {
        return std::nullopt;
    }
    std::array<unsigned char, 32> out{};
    std::copy(b->data.begin(), b->data.end(), out.begin());
    sodium_memzero(b->data.data(), b->data.size());
    return out;
}

std::string encodeRecipient(const std::array<unsigned char, 32> &publicKey)
{
    return bech32Encode("age", {publicKey.begin(), publicKey.end()});
}

std::array<unsigned char, 32> publicKeyOf(const std::array<unsigned char, 32> &secretKey)
{
    std::array<unsigned char, 32> pk{};
    crypto_scalarmult_curve25519_base(pk.data(), secretKey.data());
    return pk;
}

bool isRecipient(const std::string &text)
{
    return parseRecipient(text).has_value();
}

Expected<std::string> recipientOf(const std::string &secretKey)
{
    ensureSodium();
    auto sk = parseSecretKey(secretKey);
    if (!sk) {
        return fail(ErrorCategory::InvalidArgument, "not an age secret key");
    }
    const std::string r = encodeRecipient(publicKeyOf(*sk));
    sodium_memzero(sk->data(), sk->size());
    return r;
}

Expected<std::vector<std::string>> readRecipientsFile(const std::filesystem::path &path)
{
    return readKeyLines(path, false);
}

Expected<std::vector<std::string>> readIdentityFile(const std::filesystem::path &path)
{
    return readKeyLines(path, true);
}

} // namespace vds::backup::age
