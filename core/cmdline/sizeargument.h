#pragma once

#include <QString>
#include <QStringList>

#include <optional>

/// Sizes and words on a command line, as vdsctl reads and the wizards write them.
namespace vds::cmdline {

/// Parses "1048576", "64K", "3M", "10G", "2T" (binary multiples; an optional trailing 'B' or
/// "iB" is accepted). Nothing on anything else or on overflow.
[[nodiscard]] std::optional<quint64> parseSize(const QString &text);

/// The shortest exact spelling parseSize() reads back: "64M", "3G", "1536K", "1000".
[[nodiscard]] QString sizeArgument(quint64 bytes);

/// Single-quotes a word for a POSIX shell when it needs it.
[[nodiscard]] QString shellQuote(const QString &word);

/// The words joined into one line a POSIX shell splits back into the same words.
[[nodiscard]] QString shellCommand(const QStringList &words);

} // namespace vds::cmdline
