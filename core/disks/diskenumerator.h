#pragma once

#include <QList>
#include <QString>

#include <vds/disks/diskinfo.h>

namespace vds::disks {

/// Lists physical disks from sysfs and their mounts from mountinfo. The roots are parameters
/// so tests can hand it a fake tree. Blocking but quick (reads small sysfs files): call it from
/// a worker or a short async task in the GUI. Stateless; any thread.
class DiskEnumerator final {
public:
    struct Roots {
        QString sysBlock = QStringLiteral("/sys/block");
        QString mountInfo = QStringLiteral("/proc/self/mountinfo");
        QString devDir = QStringLiteral("/dev");
    };

    /// Every block device with a non-zero size except RAM disks, partitions nested under their
    /// disk, sorted by name.
    static QList<DiskInfo> enumerate(const Roots &roots);
    static QList<DiskInfo> enumerate() { return enumerate(Roots{}); }
};

} // namespace vds::disks
