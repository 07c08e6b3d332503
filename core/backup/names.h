#pragma once

#include <QDateTime>

#include <filesystem>
#include <string>
#include <vector>

#include <vds/backup/params.h>
#include <vds/util/error.h>

/// Names a backup gives to things: the VDI set and its devices, the stripe files and the
/// manifest. One owner for these rules (docs in core/backup/README.md). Plain functions.
namespace vds::backup {

/// `vdstudio-<database>-<uuid>` with `\` and `/` in the database name turned into `_`.
[[nodiscard]] std::string setName(const std::string &database, const std::string &uuid);
/// VDI wants the first device to carry the set name; devices 2…n are `<set>-<i>`.
[[nodiscard]] std::vector<std::string> deviceNames(const std::string &setName, int count);

/// The default `--name-pattern`: `{server}_{database}_{type}_{date}`.
inline constexpr const char *kDefaultNamePattern = "{server}_{database}_{type}_{date}";

struct NameTokens {
    std::string server;
    std::string database;
    BackupType type = BackupType::Full;
    QDateTime time; ///< formatted as UTC yyyyMMddTHHmmss
};

/// Expands the pattern into the base name (a path relative to the target folder, `{stripe}`
/// and `{stripes}` left for stripeFileName). InvalidArgument when the result would leave the
/// folder (an absolute path, a `..` component), is empty or names an unknown token.
[[nodiscard]] Expected<std::string> expandPattern(const std::string &pattern,
                                                  const NameTokens &tokens);

/// The file suffix of a codec/encryption choice: ".bak", ".bak.zst", ".bak.age",
/// ".bak.zst.age" (".bak" + stripe.h's stripeSuffix).
[[nodiscard]] std::string stripeFileSuffix(Codec codec, Encryption encryption);
/// `<base>.bak…` for one stripe, `<base>.<i>of<n>.bak…` for several (`i` from 1). `{stripe}` and
/// `{stripes}` in the base are replaced by `i` and `n`.
[[nodiscard]] std::string stripeFileName(const std::string &base, int index, int count, Codec codec,
                                         Encryption encryption);
/// `<base>.manifest.json` (tokens `{stripe}`/`{stripes}` dropped with their separators).
[[nodiscard]] std::string manifestFileName(const std::string &base);

/// SQL Server compares database names without regard to ASCII case (default collations).
[[nodiscard]] bool sameDatabaseName(const std::string &a, const std::string &b);

/// Characters a file name cannot hold safely turned into `_` (server and database names come
/// from outside: `\`, `/`, `:` and control characters).
[[nodiscard]] std::string safeFileComponent(const std::string &text);

/// A stripe's name without the codec suffixes (".zst", ".age"): what the zstd/age tools would
/// have started from. "x.1of2.bak.zst.age" → "x.1of2.bak".
[[nodiscard]] std::string rawStripeName(const std::string &file);

} // namespace vds::backup
