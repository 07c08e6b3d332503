#pragma once

#include <QObject>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <vds/backup/serverfacts.h>
#include <vds/sql/connectionoptions.h>
#include <vds/util/error.h>

class QThread;

namespace vds::ui {

/// What the restore wizard needs to know about the target server before it can show the
/// relocation, the REPLACE question and the STOPAT text: its facts (default folders, version),
/// the databases it has and its UTC offset. Nothing but SELECTs are sent.
struct ServerSnapshot {
    backup::ServerFacts facts;
    std::vector<std::string> databases;
    int utcOffsetSeconds = 0;
};

/// Asks the server once, on a thread of its own, so the wizard never waits on the network.
/// GUI thread only; owns its thread, and its destructor waits for it (a connection attempt is
/// bounded by the driver's login timeout).
class ServerProbe final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProbe)
public:
    explicit ServerProbe(QObject *parent = nullptr);
    ~ServerProbe() override;

    /// Starts asking (again); `finished` follows.
    void start(const sql::ConnectionOptions &options);
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// The last answer: a snapshot or the error; nullopt before the first answer.
    [[nodiscard]] const std::optional<Expected<ServerSnapshot>> &result() const { return m_result; }

signals:
    void finished();

private:
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::optional<Expected<ServerSnapshot>>> m_pending;
    std::optional<Expected<ServerSnapshot>> m_result;
    bool m_running = false;
};

/// The blocking query itself (any thread).
[[nodiscard]] Expected<ServerSnapshot> probeServer(const sql::ConnectionOptions &options);

} // namespace vds::ui
