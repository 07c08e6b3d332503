#pragma once

#include <QString>

/// Text from elsewhere (a server's database names) made safe for a terminal table.
namespace vds::cli {

/// Control characters (C0, DEL, C1) escaped as \n, \t, \r, \\ or \xHH: nothing in the text
/// can move the cursor, change colours or break a line.
[[nodiscard]] QString terminalSafe(const QString &text);

/// Columns the text takes on a terminal: wide (East Asian, emoji) characters count two,
/// combining marks none.
[[nodiscard]] int displayWidth(const QString &text);

/// The text left-aligned in `width` columns (by displayWidth), as QString::arg(text, -width).
[[nodiscard]] QString padToWidth(const QString &text, int width);

} // namespace vds::cli
