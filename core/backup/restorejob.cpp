#include <vds/backup/restorejob.h>

#include <QJsonArray>
#include <QUuid>

#include <spdlog/logger.h>

#include <vds/backup/backupjob.h>
#include <vds/backup/jobfinish_p.h>
#include <vds/backup/names.h>
#include <vds/backup/offlinecheck.h>
#include <vds/backup/serverfacts.h>
#include <vds/backup/stripesource.h>
#include <vds/backup/vditransfer.h>
#include <vds/logging/log.h>
#include <vds/sql/tsqlbuilder.h>

namespace vds::backup {

namespace {

using jobs::JobContext;
using jobs::JobResult;
using jobs::Report;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string joinPath(const std::string &folder, const std::string &file)
{
    return (std::filesystem::path(folder) / file).string();
}

} // namespace

std::vector<std::pair<std::string, std::string>>
relocatedFiles(const std::vector<ManifestFile> &files, const std::string &name,
               const std::string &dataFolder, const std::string &logFolder)
{
    std::vector<std::pair<std::string, std::string>> moves;
    int rows = 0;
    int logs = 0;
    for (const auto &f : files) {
        if (f.type == "log") {
            const std::string file =
                logs++ == 0 ? name + "_log.ldf" : name + "_log" + std::to_string(logs - 1) + ".ldf";
            moves.emplace_back(f.logicalName, joinPath(logFolder, file));
        } else {
            const std::string file =
                rows++ == 0 ? name + ".mdf" : name + "_" + std::to_string(rows - 1) + ".ndf";
            moves.emplace_back(f.logicalName, joinPath(dataFolder, file));
        }
    }
    return moves;
}

std::vector<std::pair<std::string, std::string>> plannedMoves(const RestoreParams &p,
                                                              const Manifest &first,
                                                              const std::string &dataFolder,
                                                              const std::string &logFolder)
{
    if (!p.moves.empty() || sameDatabaseName(p.database, first.database))
        return p.moves;
    return relocatedFiles(first.files, p.database, dataFolder,
                          logFolder.empty() ? dataFolder : logFolder);
}

sql::RestoreSpec restoreSpec(const RestoreParams &p, const RestoreChain &chain, std::size_t i,
                             const std::vector<std::pair<std::string, std::string>> &moves,
                             const std::optional<std::string> &stopAt, const std::string &set)
{
    const Manifest &m = chain.steps[i];
    const bool last = i + 1 == chain.steps.size();
    sql::RestoreSpec spec;
    spec.kind = m.type == "log" ? sql::RestoreSpec::Kind::Log : sql::RestoreSpec::Kind::Database;
    spec.database = p.database;
    if (i == 0) {
        spec.moves = moves;
        spec.replace = p.replace;
    }
    spec.norecovery = !last || p.norecovery;
    if (last && stopAt && chain.stopAtLast && m.type == "log")
        spec.stopAt = stopAt;
    spec.stats = 1;
    const int n = static_cast<int>(m.stripes.size());
    spec.bufferCount = p.bufferCount ? p.bufferCount : defaultBufferCount(n);
    spec.maxTransferSize = p.maxTransferSize ? p.maxTransferSize : defaultMaxTransferSize(n);
    spec.devices = deviceNames(set, n);
    return spec;
}

std::string serverLocalTime(const QDateTime &time, int offset)
{
    return time.toOffsetFromUtc(offset)
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz"))
        .toStdString();
}

RestoreJob::RestoreJob(RestoreParams params, QObject *parent)
    : Job(QStringLiteral("Restore %1").arg(q(params.database)), parent), m_params(std::move(params))
{}

RestoreJob::~RestoreJob() = default;

QStringList RestoreJob::channelNames() const
{
    // Per stripe: the widest backup of the chain decides. Read here, when the runner starts
    // the job, not in the constructor: profiles and history build jobs only for their params.
    const auto chain = assembleChain(m_params.from, m_params.sourceDatabase, m_params.stopAt);
    return stripeChannelNames(chain ? chain->widestStripes() : 1);
}

QJsonObject RestoreJob::historyParams() const
{
    const RestoreParams &p = m_params;
    QJsonArray moves;
    for (const auto &[l, path] : p.moves)
        moves.append(q(l + "=" + path));
    QJsonObject o{{QStringLiteral("server"), q(p.server.display())},
                  {QStringLiteral("connection"), serverJson(p.server)},
                  {QStringLiteral("database"), q(p.database)},
                  {QStringLiteral("from"), q(p.from.string())},
                  {QStringLiteral("sourceDatabase"), q(p.sourceDatabase)},
                  {QStringLiteral("replace"), p.replace},
                  {QStringLiteral("norecovery"), p.norecovery},
                  {QStringLiteral("move"), moves},
                  {QStringLiteral("bufferCount"), int(p.bufferCount)},
                  {QStringLiteral("maxTransferSize"), double(p.maxTransferSize)}};
    if (p.stopAt)
        o.insert(QStringLiteral("stopAt"), p.stopAt->toString(Qt::ISODateWithMs));
    if (!p.identityFile.empty())
        o.insert(QStringLiteral("identity"), q(p.identityFile));
    if (!p.passphraseEnv.empty())
        o.insert(QStringLiteral("passphraseEnv"), q(p.passphraseEnv));
    return o;
}

JobResult RestoreJob::execute(JobContext &ctx)
{
    auto log = vds::log::get("backup");
    const RestoreParams &p = m_params;
    Report &report = ctx.report();

    // Everything that needs no server first: nothing is sent unless all of it holds.
    ctx.setPhase(QStringLiteral("check"));
    report.beginPhase(QStringLiteral("Check"));
    if (p.database.empty())
        return finishWith(
            ctx, Error::make(ErrorCategory::InvalidArgument, "no target database name given"),
            true);
    auto chain = assembleChain(p.from, p.sourceDatabase, p.stopAt);
    if (!chain)
        return finishWith(ctx, chain.error(), true);
    if (auto c = checkContinuity(chain->steps); !c)
        return finishWith(ctx, c.error(), true);
    OfflineCheckOptions co;
    co.identities = p.identities;
    co.passphrase = p.passphrase;
    std::vector<std::vector<LocatedStripe>> located;
    std::uint64_t total = 0;
    for (const Manifest &m : chain->steps) {
        auto l = precheckBackup(m, co, ctx.cancelFlag());
        if (!l)
            return finishWith(ctx, l.error(), true);
        located.push_back(std::move(*l));
        total += m.rawBytes();
        report.line(QStringLiteral("%1 backup %2: %3 stripe(s) present, files match")
                        .arg(q(m.type), q(m.path.filename().string()))
                        .arg(m.stripes.size()));
    }
    ctx.setTotal(total);
    if (ctx.isCancelled())
        return finishWith(ctx, Error::make(ErrorCategory::Cancelled, "cancelled"));

    ctx.setPhase(QStringLiteral("connect"));
    report.beginPhase(QStringLiteral("Connect"));
    auto connection = sql::SqlConnection::connect(p.connection);
    if (!connection)
        return finishWith(ctx, connection.error());
    auto facts = readServerFacts(*connection);
    if (!facts)
        return finishWith(ctx, facts.error());
    const std::vector<std::pair<std::string, std::string>> moves =
        plannedMoves(p, chain->steps.front(), facts->defaultDataPath, facts->defaultLogPath);
    if (p.moves.empty())
        for (const auto &[l, path] : moves)
            report.line(QStringLiteral("Relocating %1 to %2").arg(q(l), q(path)));
    std::optional<std::string> stopAt;
    if (p.stopAt && chain->stopAtLast) {
        auto offset = serverUtcOffset(*connection, *facts);
        if (!offset)
            return finishWith(ctx, offset.error());
        stopAt = serverLocalTime(*p.stopAt, *offset);
        report.line(QStringLiteral("Point in time: %1 (server local time)").arg(q(*stopAt)));
    }

    const int steps = static_cast<int>(chain->steps.size());
    for (int i = 0; i < steps; ++i) {
        const Manifest &m = chain->steps[static_cast<std::size_t>(i)];
        const QString phase =
            QStringLiteral("Restore %1/%2 (%3)").arg(i + 1).arg(steps).arg(q(m.type));
        // Phase id by the backup's type ("restore-full", "restore-log" …), step i of n.
        ctx.setPhase(QStringLiteral("restore-") + q(m.type));
        ctx.setStep(i + 1, steps);
        report.beginPhase(phase);
        std::vector<std::unique_ptr<StripeSource>> sources;
        std::vector<DeviceEndpoint *> endpoints;
        for (std::size_t s = 0; s < m.stripes.size(); ++s) {
            auto src =
                StripeSource::open(located[static_cast<std::size_t>(i)][s].path, m.stripes[s], co);
            if (!src)
                return finishWith(ctx, src.error());
            sources.push_back(std::move(*src));
            endpoints.push_back(sources.back().get());
        }
        const std::string uuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        const std::string set = setName(p.database, uuid);
        const sql::RestoreSpec spec =
            restoreSpec(p, *chain, static_cast<std::size_t>(i), moves, stopAt, set);
        auto statement = sql::buildRestore(spec);
        if (!statement)
            return finishWith(ctx, statement.error());
        report.line(QStringLiteral("Statement: %1").arg(q(*statement)));
        VdiTransfer::Options to;
        to.client = clientOptionsFor(facts->version);
        to.instance = facts->instance;
        to.setName = set;
        to.devices = spec.devices;
        to.sql = *statement;
        VdiTransfer transfer(std::move(to));
        const VdiTransfer::Outcome outcome = transfer.run(*connection, endpoints, ctx);
        for (const auto &msg : outcome.messages)
            if (msg.kind != sql::SqlProgressEvent::Kind::Percent)
                report.line(q(msg.diagnostic.text));
        if (!outcome.succeeded()) {
            Error e = outcome.error();
            if (outcome.deviceErrorIndex >= 0 && e.category != ErrorCategory::Cancelled)
                e.message = m.path.filename().string() + ", stripe " +
                            std::to_string(outcome.deviceErrorIndex + 1) + ": " + e.message;
            return finishWith(ctx, std::move(e));
        }
        report.endPhase(Report::Status::Succeeded);
    }
    log->info("restore of '{}' done ({} step(s))", p.database, steps);

    jobs::JobStatistics stats;
    stats.bytesDone = total;
    stats.bytesTotal = total;
    QStringList used;
    for (const auto &m : chain->steps)
        used << q(m.path.string());
    stats.extra.insert(QStringLiteral("database"), q(p.database));
    stats.extra.insert(QStringLiteral("steps"), used);
    QStringList moved;
    for (const auto &[l, path] : moves)
        moved << q(l + "=" + path);
    stats.extra.insert(QStringLiteral("moves"), moved);
    return JobResult::success(stats);
}

} // namespace vds::backup
