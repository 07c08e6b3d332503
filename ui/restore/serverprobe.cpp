#include "ui/restore/serverprobe.h"

#include <QThread>

#include <vds/sql/sqlconnection.h>

namespace vds::ui {

Expected<ServerSnapshot> probeServer(const sql::ConnectionOptions &options)
{
    auto connection = sql::SqlConnection::connect(options);
    if (!connection)
        return fail(connection.error());
    ServerSnapshot s;
    auto facts = backup::readServerFacts(*connection);
    if (!facts)
        return fail(facts.error());
    s.facts = std::move(*facts);
    auto names = connection->query("SELECT name FROM sys.databases");
    if (!names)
        return fail(names.error());
    for (const auto &row : names->rows)
        if (!row.empty() && row[0])
            s.databases.push_back(*row[0]);
    auto offset = backup::serverUtcOffset(*connection, s.facts);
    if (!offset)
        return fail(offset.error());
    s.utcOffsetSeconds = *offset;
    return s;
}

ServerProbe::ServerProbe(QObject *parent) : QObject(parent) {}

ServerProbe::~ServerProbe()
{
    if (m_thread)
        m_thread->wait();
}

void ServerProbe::start(const sql::ConnectionOptions &options)
{
    if (m_thread)
        m_thread->wait(); // a second start while one runs: the first ends first
    m_running = true;
    auto pending = std::make_shared<std::optional<Expected<ServerSnapshot>>>();
    m_pending = pending;
    m_thread.reset(QThread::create([options, pending] { *pending = probeServer(options); }));
    m_thread->setObjectName(QStringLiteral("server-probe"));
    connect(m_thread.get(), &QThread::finished, this, [this, pending] {
        if (pending != m_pending)
            return;
        m_result = std::move(*pending);
        m_running = false;
        emit finished();
    });
    m_thread->start();
}

} // namespace vds::ui
