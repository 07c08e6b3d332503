#pragma once

// Shared bits of the vdi_* Qt tests: names unique per test process (so ctest -j runs never
// collide), the helper process, and a look at /dev/shm.

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <unistd.h>

#include <atomic>
#include <string>

#include <vds/vdi/clientset.h>

namespace vdstest {

/// An instance name no other test process uses: "T<pid><tag>" (instance names are ≤ 16).
inline std::string uniqueInstance(char tag)
{
    return "T" + std::to_string(::getpid()) + tag;
}

/// A set name unique within this process.
inline std::string uniqueName(const std::string &stem)
{
    static std::atomic<int> counter{0};
    return stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

/// Our shared-memory objects that belong to `instance` (canonical = upper case).
inline QStringList shmObjects(const std::string &instance)
{
    QString upper = QString::fromStdString(instance).toUpper();
    return QDir(QStringLiteral("/dev/shm"))
        .entryList({QStringLiteral("vdsvdi.") + upper + QStringLiteral(".*")}, QDir::Files);
}

inline QString helperPath()
{
    return QStringLiteral(VDI_HELPER_PATH);
}

/// Starts the helper with `args` (strings) and waits for it to run.
inline void startHelper(QProcess &p, const QStringList &args)
{
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(helperPath(), args);
    p.waitForStarted(5000);
}

/// Reads lines from the helper until one starts with `prefix` (or `ms` pass). Returns it.
inline QString waitForLine(QProcess &p, const QString &prefix, int ms = 10000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        while (p.canReadLine()) {
            const QString line = QString::fromUtf8(p.readLine()).trimmed();
            if (line.startsWith(prefix) || line.startsWith(QStringLiteral("ERROR")))
                return line;
        }
        if (p.state() == QProcess::NotRunning) {
            // Exited: whatever it wrote last is still in the pipe or the buffer.
            p.waitForReadyRead(0);
            if (p.canReadLine())
                continue;
            const QString rest = QString::fromUtf8(p.readAll()).trimmed();
            return rest.startsWith(prefix) || rest.startsWith(QStringLiteral("ERROR")) ? rest
                                                                                       : QString();
        }
        p.waitForReadyRead(50);
    }
    return {};
}

/// Waits for the helper to exit; true also when it already has (QProcess would say false).
inline bool finish(QProcess &p, int ms = 30000)
{
    return p.state() == QProcess::NotRunning || p.waitForFinished(ms);
}

inline std::int32_t code(const vds::Error &e)
{
    return vds::vdi::hresultOf(e);
}

template <class T> std::int32_t code(const vds::Expected<T> &r)
{
    return r ? 0 : vds::vdi::hresultOf(r.error());
}

inline std::unique_ptr<vds::vdi::ClientSet> newClient(const vds::vdi::ClientOptions &o = {})
{
    auto s = vds::vdi::makeClientSet(o);
    return s ? std::move(*s) : nullptr;
}

} // namespace vdstest
