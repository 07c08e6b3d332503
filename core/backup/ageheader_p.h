#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agecrypto_p.h"
#include <vds/backup/stripe.h>
#include <vds/util/error.h>

namespace vds::backup::age {

/// One recipient stanza: "-> arg arg…" and its body. Value type.
struct Stanza {
    std::vector<std::string> args;
    std::vector<unsigned char> body;
};

/// A parsed header: its stanzas, the bytes the MAC covers and the MAC. Value type.
struct Header {
    std::vector<Stanza> stanzas;
    std::string macInput; ///< the header up to and including "---"
    Key32 mac{};
    std::size_t length = 0; ///< bytes of the header, through the MAC line's newline
};

/// The header text for these stanzas, MAC line included.
[[nodiscard]] std::string writeHeader(const FileKey &fileKey, const std::vector<Stanza> &stanzas);
/// Parses the header at the start of `data`. `complete`: data holds the whole file, so running
/// out means truncation rather than a header longer than we accept. → Format / Unsupported.
[[nodiscard]] Expected<Header> parseHeader(std::string_view data, bool complete);
[[nodiscard]] bool macMatches(const Header &header, const FileKey &fileKey);

/// Stanzas wrapping the file key for the writer's recipients or passphrase.
[[nodiscard]] Expected<std::vector<Stanza>> wrapFileKey(const FileKey &fileKey,
                                                        const StripeWriteOptions &options);
/// The file key from the stanzas with the reader's identities or passphrase (→ Permission when
/// none fits, Format when a stanza is malformed).
[[nodiscard]] Expected<FileKey> unwrapFileKey(const Header &header,
                                              const StripeReadOptions &options);

} // namespace vds::backup::age
