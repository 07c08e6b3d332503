// vds-udisks-standin: a small stand-in for UDisks2 on a private bus, for tests. It owns
// org.freedesktop.UDisks2 and exports org.freedesktop.UDisks2.Block.OpenForBackup on
// /org/freedesktop/UDisks2/block_devices/<name> for each --device NAME=FILE, handing out a
// read-only descriptor of FILE (or, with --deny, the NotAuthorized error polkit would give).
//   vds-udisks-standin --address ADDR --device NAME=FILE... [--deny]
// Prints "ready" once the name is owned.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusUnixFileDescriptor>
#include <QFile>
#include <QVariantMap>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

#include <vds/disks/diskopener.h>

/// One exported block device. Lives on the main thread; owned by the application object tree.
class StandInBlock final : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.UDisks2.Block")
public:
    StandInBlock(QString file, bool deny, QObject *parent)
        : QObject(parent), m_file(std::move(file)), m_deny(deny)
    {}

public slots:
    QDBusUnixFileDescriptor OpenForBackup(const QVariantMap &options)
    {
        Q_UNUSED(options);
        if (m_deny) {
            sendErrorReply(QStringLiteral("org.freedesktop.UDisks2.Error.NotAuthorized"),
                           QStringLiteral("Not authorized to perform operation"));
            return {};
        }
        const int fd = ::open(QFile::encodeName(m_file).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            sendErrorReply(QStringLiteral("org.freedesktop.UDisks2.Error.Failed"),
                           QStringLiteral("open failed"));
            return {};
        }
        QDBusUnixFileDescriptor out(fd); // dups it
        ::close(fd);
        return out;
    }

private:
    QString m_file;
    bool m_deny;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption address(QStringLiteral("address"), QStringLiteral("Bus address."),
                                     QStringLiteral("addr"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("NAME=FILE"),
                                    QStringLiteral("spec"));
    const QCommandLineOption deny(QStringLiteral("deny"), QStringLiteral("Refuse every request."));
    parser.addOptions({address, device, deny});
    parser.process(app);
    QDBusConnection bus =
        QDBusConnection::connectToBus(parser.value(address), QStringLiteral("standin"));
    if (!bus.isConnected()) {
        std::fprintf(stderr, "cannot connect: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    for (const QString &spec : parser.values(device)) {
        const QString name = spec.section(QLatin1Char('='), 0, 0);
        auto *block = new StandInBlock(spec.section(QLatin1Char('='), 1), parser.isSet(deny), &app);
        if (!bus.registerObject(
                vds::disks::DiskOpener::udisksObjectPath(QStringLiteral("/dev/") + name), block,
                QDBusConnection::ExportAllSlots))
            return 1;
    }
    if (!bus.registerService(QStringLiteral("org.freedesktop.UDisks2")))
        return 1;
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}

#include "udisksstandin.moc"
