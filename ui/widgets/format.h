#pragma once

#include <QString>

/// Human-readable figures for the UI. Sizes use binary units (KiB, MiB, GiB: what disks and
/// files are measured in); rates use decimal units (kB/s, MB/s, GB/s: what drives and networks
/// are rated in). All translated.
namespace vds::ui::format {

[[nodiscard]] QString bytes(quint64 bytes);
[[nodiscard]] QString rate(double bytesPerSecond);
/// "3 s", "4 min 05 s", "2 h 07 min"; "—" for negative (unknown).
[[nodiscard]] QString duration(qint64 seconds);

} // namespace vds::ui::format
