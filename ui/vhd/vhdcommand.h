#pragma once

#include <QString>
#include <QStringList>

#include <vds/vdisk/createvirtualdisk.h>

/// Helpers the virtual disk wizards share: the equivalent vdsctl command line, the engine's
/// own parameter checks worded for a page, and unit handling.
namespace vds::ui::vhd {

/// `vdsctl vhd create …` or `vdsctl vhd convert …` doing what `params` describes, quoted for a
/// POSIX shell. Options equal to the defaults are left out.
[[nodiscard]] QString vdsctlCommand(const vdisk::CreateParams &params);
/// Single-quotes a word for sh when it needs it.
[[nodiscard]] QString shellQuote(const QString &word);

/// Runs the engine's checks (vdisk::validateParams, plus the size rules when the size is known)
/// on `params`. Empty when valid, else the reason as the engine states it.
[[nodiscard]] QString problemWith(const vdisk::CreateParams &params);

/// "vhd" or "vhdx".
[[nodiscard]] QString extensionFor(vdisk::DiskFormat format);
/// Replaces a path's .vhd/.vhdx extension to match the format (or appends one).
[[nodiscard]] QString withExtension(const QString &path, vdisk::DiskFormat format);

} // namespace vds::ui::vhd
