#include "simfixture.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <chrono>

#include <vds/vdi/names_p.h>

namespace vds::test {

SimFixture::SimFixture()
{
    qputenv("VDS_SQLSIM", QByteArrayLiteral(VDS_SQLSIM_PATH));
}

Expected<void> SimFixture::start(const QStringList &seeds, const QStringList &faults,
                                 const QStringList &extra)
{
    sql::SqlSimProcess::Options o;
    o.dataDir = m_dir.path();
    o.logins = {QStringLiteral("sa:") + QString::fromUtf8(kSaPassword),
                QStringLiteral("reader:Read-1:public")};
    o.seeds = seeds;
    o.faults = faults;
    o.extraArguments = extra;
    return m_sim.start(o);
}

Expected<void> SimFixture::restart(const QStringList &faults, const QStringList &extra)
{
    if (!m_sim.stop())
        return fail(ErrorCategory::Internal, "the simulator did not stop cleanly");
    return start({}, faults, extra);
}

sql::ConnectionOptions SimFixture::options(const std::string &login,
                                           const std::string &password) const
{
    sql::ConnectionOptions o;
    o.driver = VDS_FREETDS_DRIVER;
    o.host = "127.0.0.1";
    o.port = m_sim.port();
    o.login = login;
    o.password = password;
    o.loginTimeoutSeconds = 10;
    return o;
}

Expected<sql::SqlConnection> SimFixture::connect(const std::string &login,
                                                 const std::string &password) const
{
    return sql::SqlConnection::connect(options(login, password));
}

int SimFixture::simThreads() const
{
    return static_cast<int>(QDir(QStringLiteral("/proc/%1/task").arg(m_sim.processId()))
                                .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                .size());
}

bool SimFixture::waitForIdle(int timeoutMs) const
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        if (simThreads() == 1)
            return true;
        QThread::msleep(50);
    }
    return simThreads() == 1;
}

namespace {
OperationRun run(const SimFixture &sim, const std::string &database, const std::string &sqlText,
                 VdiClientPump &pump)
{
    OperationRun r;
    r.setName = pump.setName();
    auto conn = sim.connect();
    if (!conn) {
        r.outcome = std::unexpected(conn.error());
        return r;
    }
    (void)database;
    sql::SqlStatementRunner runner(*conn);
    r.started = std::chrono::steady_clock::now();
    pump.start();
    std::mutex m;
    auto started = runner.start(sqlText, [&](const sql::SqlProgressEvent &e) {
        std::lock_guard lock(m);
        r.events.push_back(e);
    });
    if (!started) {
        r.outcome = std::unexpected(started.error());
        pump.stop();
        r.closed = pump.join();
        return r;
    }
    r.outcome = runner.wait();
    r.diagnostics = runner.diagnostics();
    r.ended = std::chrono::steady_clock::now();
    pump.stop();
    r.closed = pump.join();
    r.devices = pump.results();
    r.configured = pump.configured();
    r.config = pump.configuration();
    return r;
}
} // namespace

OperationRun runBackup(const SimFixture &sim, sql::BackupSpec spec, VdiClientPump::Options options)
{
    VdiClientPump pump;
    if (auto c = pump.create(spec.database, options); !c) {
        OperationRun r;
        r.outcome = std::unexpected(c.error());
        return r;
    }
    spec.devices = pump.deviceNames();
    const auto sqlText = sql::buildBackup(spec);
    if (!sqlText) {
        OperationRun r;
        r.outcome = std::unexpected(sqlText.error());
        return r;
    }
    return run(sim, spec.database, *sqlText, pump);
}

OperationRun runRestore(const SimFixture &sim, sql::RestoreSpec spec,
                        VdiClientPump::Options options)
{
    VdiClientPump pump;
    if (auto c =
            pump.create(spec.database.empty() ? std::string("verify") : spec.database, options);
        !c) {
        OperationRun r;
        r.outcome = std::unexpected(c.error());
        return r;
    }
    spec.devices = pump.deviceNames();
    const auto sqlText = sql::buildRestore(spec);
    if (!sqlText) {
        OperationRun r;
        r.outcome = std::unexpected(sqlText.error());
        return r;
    }
    return run(sim, spec.database, *sqlText, pump);
}

bool setObjectsGone(const std::string &setName, const std::string &instance)
{
    const std::string control = vdi::names::controlObject(instance, setName).substr(1);
    const QStringList left = QDir(QStringLiteral("/dev/shm"))
                                 .entryList({QString::fromStdString(control) + QLatin1Char('*')},
                                            QDir::Files | QDir::System | QDir::Hidden);
    return left.isEmpty();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

std::vector<std::vector<std::byte>> stripesOf(const OperationRun &run)
{
    std::vector<std::vector<std::byte>> out;
    for (const auto &d : run.devices)
        out.push_back(d.data);
    return out;
}

} // namespace vds::test
