#include <vds/disks/diskopener.h>

#include <QAtomicInt>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusUnixFileDescriptor>
#include <QFileInfo>
#include <QVariantMap>

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vds::disks {

QString DiskOpener::udisksObjectPath(const QString &devicePath)
{
    const QString name = QFileInfo(devicePath).fileName();
    QString out = QStringLiteral("/org/freedesktop/UDisks2/block_devices/");
    for (const QChar c : name) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
            out += c;
        else
            out += QStringLiteral("_%1").arg(c.unicode() & 0xFF, 2, 16, QLatin1Char('0'));
    }
    return out;
}

Expected<OpenedDisk> DiskOpener::open(const QString &devicePath, const Options &options)
{
    QString directError = QStringLiteral("not tried");
    if (options.allowDirect) {
        const int fd = ::open(QFile::encodeName(devicePath).constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            return OpenedDisk{vdisk::FileHandle(fd), QStringLiteral("direct")};
        const int err = errno;
        if (err != EACCES && err != EPERM)
            return fail(Error::fromErrno(err, devicePath.toStdString(), "open"));
        directError = QString::fromLocal8Bit(std::strerror(err));
    }
    QString udisksError = QStringLiteral("not tried");
    if (options.allowUdisks) {
        static QAtomicInt serial;
        const QString connName = QStringLiteral("vds-udisks-%1").arg(serial.fetchAndAddRelaxed(1));
        QDBusConnection bus = options.busAddress.isEmpty()
                                  ? QDBusConnection::systemBus()
                                  : QDBusConnection::connectToBus(options.busAddress, connName);
        if (!bus.isConnected()) {
            udisksError = QStringLiteral("no D-Bus connection (%1)").arg(bus.lastError().message());
        } else {
            QDBusMessage call = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.UDisks2"), udisksObjectPath(devicePath),
                QStringLiteral("org.freedesktop.UDisks2.Block"), QStringLiteral("OpenForBackup"));
            call.setInteractiveAuthorizationAllowed(true);
            call << QVariantMap{};
            const QDBusMessage reply = bus.call(call, QDBus::Block, options.timeoutMs);
            if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
                const auto ufd =
                    qvariant_cast<QDBusUnixFileDescriptor>(reply.arguments().constFirst());
                if (ufd.isValid()) {
                    // QDBusUnixFileDescriptor closes its copy; keep our own.
                    const int fd = ::fcntl(ufd.fileDescriptor(), F_DUPFD_CLOEXEC, 0);
                    if (!options.busAddress.isEmpty())
                        QDBusConnection::disconnectFromBus(connName);
                    if (fd >= 0)
                        return OpenedDisk{vdisk::FileHandle(fd), QStringLiteral("udisks2")};
                }
                udisksError = QStringLiteral("UDisks2 returned no usable descriptor");
            } else {
                udisksError = reply.errorName() + QStringLiteral(": ") + reply.errorMessage();
            }
            if (!options.busAddress.isEmpty())
                QDBusConnection::disconnectFromBus(connName);
        }
    }
    return fail(ErrorCategory::Permission,
                QStringLiteral("cannot open the disk: direct open failed (%1); UDisks2 "
                               "OpenForBackup failed (%2)")
                    .arg(directError, udisksError)
                    .toStdString(),
                devicePath.toStdString());
}

} // namespace vds::disks
