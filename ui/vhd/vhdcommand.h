#pragma once

#include <QString>
#include <QStringList>

#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/diskoptions.h>

class QComboBox;

/// Helpers the virtual disk wizards share: the equivalent vdsctl command line (through the one
/// mapping in core/cmdline), the engine's refusals and choices worded for a page, and units.
namespace vds::ui::vhd {

/// `vdsctl vhd create …` or `vdsctl vhd convert …` doing exactly what `params` describes,
/// quoted for a POSIX shell (cmdline::vhdArguments).
[[nodiscard]] QString vdsctlCommand(const vdisk::CreateParams &params);

/// The engine's refusal worded for people (translatable). Never reads the engine's text.
[[nodiscard]] QString refusalText(const vdisk::Refusal &refusal);

/// Runs the engine's checks (vdisk::refusalFor, plus the size rules when the size is known) on
/// `params`. Empty when valid, else the reason worded by refusalText().
[[nodiscard]] QString problemWith(const vdisk::CreateParams &params);

/// Fills `combo` with the engine's block sizes for `options`: the default first (data 0),
/// then each choice. Keeps the current choice when it is still offered.
void fillBlockSizes(QComboBox *combo, const vdisk::DiskOptions &options);
/// Fills `combo` with sector sizes: the default first (data 0), then each other choice.
void fillSectorSizes(QComboBox *combo, const std::vector<std::uint32_t> &choices,
                     std::uint32_t defaultSize);

/// A size limit or choice as people write it: "3 MiB", "2040 GiB", "64 TiB" (the largest exact
/// binary unit, no decimals), else "N bytes".
[[nodiscard]] QString limitText(quint64 bytes);

/// "vhd" or "vhdx".
[[nodiscard]] QString extensionFor(vdisk::DiskFormat format);
/// Replaces a path's .vhd/.vhdx extension to match the format (or appends one).
[[nodiscard]] QString withExtension(const QString &path, vdisk::DiskFormat format);

} // namespace vds::ui::vhd
