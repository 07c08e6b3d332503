#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vds::disks {

/// A partition of a physical disk, from sysfs. Value type.
struct PartitionInfo {
    QString name;      ///< "sdb1"
    QString path;      ///< "/dev/sdb1"
    quint64 start = 0; ///< bytes from the disk's start
    quint64 size = 0;  ///< bytes
    bool readOnly = false;
    QStringList mountPoints;
};

/// A physical disk (or loop device with a backing file) as a conversion source. Value type.
struct DiskInfo {
    QString name; ///< "sdb", "nvme0n1", "loop3"
    QString path; ///< "/dev/sdb"
    QString model;
    QString serial;
    quint64 size = 0; ///< bytes
    int logicalSectorSize = 512;
    int physicalSectorSize = 512;
    bool removable = false;
    bool readOnly = false;
    bool system = false;     ///< holds "/" (directly, on a partition or under LVM/dm)
    QStringList mountPoints; ///< of the whole disk
    QList<PartitionInfo> partitions;
};

} // namespace vds::disks

Q_DECLARE_METATYPE(vds::disks::DiskInfo)
