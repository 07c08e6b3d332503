#pragma once

#include <QString>

#include <vds/util/error.h>
#include <vds/vdisk/fileio.h>

namespace vds::disks {

/// An open, read-only descriptor for a physical disk, and how it was obtained. Move-only.
struct OpenedDisk {
    vdisk::FileHandle fd;
    QString method; ///< "direct" or "udisks2"
};

/// Opens a disk for reading: directly when permitted, otherwise by asking UDisks2
/// (`org.freedesktop.UDisks2.Block.OpenForBackup`, polkit-checked) for a descriptor over the
/// system bus — the GUI never runs as root. A clear error names both failures when neither
/// works. Blocking (the D-Bus call may wait for a polkit prompt): call from a worker thread.
/// Stateless; any thread (each call uses its own bus connection when an address is given).
class DiskOpener final {
public:
    struct Options {
        bool allowDirect = true;
        bool allowUdisks = true;
        QString busAddress;     ///< empty: the system bus (tests pass a private bus)
        int timeoutMs = 120000; ///< the user may take a while to answer polkit
    };

    static Expected<OpenedDisk> open(const QString &devicePath, const Options &options);
    static Expected<OpenedDisk> open(const QString &devicePath)
    {
        return open(devicePath, Options{});
    }

    /// UDisks2's object path for a device: /org/freedesktop/UDisks2/block_devices/<name>,
    /// characters other than [A-Za-z0-9] escaped as _xx.
    static QString udisksObjectPath(const QString &devicePath);
};

} // namespace vds::disks
