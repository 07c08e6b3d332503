#pragma once

#include <QString>

#include <memory>

#include <vds/sql/connectionoptions.h>
#include <vds/sql/sqlsimprocess.h>
#include <vds/util/error.h>

namespace vds::backup {

/// The local vds-sqlsim that `--sim` talks to: its data lives in `$XDG_DATA_HOME/vdstudio/sim/`
/// (mode 0700) with its login in a file there (mode 0600), so a backup and a later restore see
/// the same databases. Owns the simulator process, which stops with this object (or with the
/// process that started it). Lives on the thread that created it (QProcess affinity).
class LocalSimulator final {
    Q_DISABLE_COPY_MOVE(LocalSimulator)
public:
    LocalSimulator() = default;
    /// The folder the simulator keeps its databases in.
    [[nodiscard]] static QString dataDir();
    /// Starts the simulator on dataDir() (a "Demo" database is seeded once) and fills the
    /// connection options (host, port, login, password).
    Expected<void> start(sql::ConnectionOptions &options, const QStringList &faults = {});
    [[nodiscard]] quint16 port() const { return m_process.port(); }

private:
    sql::SqlSimProcess m_process;
};

} // namespace vds::backup
