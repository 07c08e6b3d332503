#include <vds/backup/verifyjob.h>

#include <QUuid>

#include <vds/backup/backupjob.h>
#include <vds/backup/chain.h>
#include <vds/backup/jobfinish_p.h>
#include <vds/backup/names.h>
#include <vds/backup/offlinecheck.h>
#include <vds/backup/serverfacts.h>
#include <vds/backup/stripesource.h>
#include <vds/backup/vditransfer.h>
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

} // namespace

VerifyJob::VerifyJob(VerifyParams params, QObject *parent)
    : Job(QStringLiteral("Verify %1").arg(q(params.from.filename().string())), parent),
      m_params(std::move(params))
{}

VerifyJob::~VerifyJob() = default;

QStringList VerifyJob::channelNames() const
{
    // Per stripe: the widest backup of the chain decides. Read here, when the runner starts
    // the job, not in the constructor: profiles and history build jobs only for their params.
    const auto chain = assembleChain(m_params.from, m_params.sourceDatabase, std::nullopt);
    return stripeChannelNames(chain ? chain->widestStripes() : 1);
}

QJsonObject VerifyJob::historyParams() const
{
    QJsonObject o{{QStringLiteral("from"), q(m_params.from.string())}};
    if (m_params.server) {
        o.insert(QStringLiteral("server"), q(m_params.server->display()));
        o.insert(QStringLiteral("connection"), serverJson(*m_params.server));
    }
    if (!m_params.sourceDatabase.empty())
        o.insert(QStringLiteral("database"), q(m_params.sourceDatabase));
    if (!m_params.identityFile.empty())
        o.insert(QStringLiteral("identity"), q(m_params.identityFile));
    if (!m_params.passphraseEnv.empty())
        o.insert(QStringLiteral("passphraseEnv"), q(m_params.passphraseEnv));
    return o;
}

JobResult VerifyJob::execute(JobContext &ctx)
{
    const VerifyParams &p = m_params;
    Report &report = ctx.report();
    ctx.setPhase(QStringLiteral("check"));
    report.beginPhase(QStringLiteral("Check"));
    auto chain = assembleChain(p.from, p.sourceDatabase, std::nullopt);
    if (!chain)
        return finishWith(ctx, chain.error(), true);
    if (auto c = checkContinuity(chain->steps); !c)
        return finishWith(ctx, c.error(), true);
    if (chain->steps.size() > 1)
        report.line(
            QStringLiteral("Chain of %1 backups continues without a gap").arg(chain->steps.size()));
    std::uint64_t total = 0;
    for (const auto &m : chain->steps)
        total += m.rawBytes();
    ctx.setTotal(p.server ? 2 * total : total);
    OfflineCheckOptions co;
    co.identities = p.identities;
    co.passphrase = p.passphrase;
    for (const Manifest &m : chain->steps) {
        if (auto c = checkBackup(m, co, ctx.cancelFlag()); !c)
            return finishWith(ctx, c.error(), true);
        ctx.addDone(m.rawBytes());
        report.line(QStringLiteral("%1: every stripe reads back and matches its hashes")
                        .arg(q(m.path.filename().string())),
                    Report::Status::Succeeded);
    }

    bool serverVerified = false;
    if (p.server) {
        ctx.setPhase(QStringLiteral("verify-server"));
        report.beginPhase(QStringLiteral("RESTORE VERIFYONLY"));
        auto connection = sql::SqlConnection::connect(p.connection);
        if (!connection)
            return finishWith(ctx, connection.error());
        auto facts = readServerFacts(*connection);
        if (!facts)
            return finishWith(ctx, facts.error());
        for (const Manifest &m : chain->steps) {
            auto located = precheckBackup(m, co, ctx.cancelFlag());
            if (!located)
                return finishWith(ctx, located.error());
            std::vector<std::unique_ptr<StripeSource>> sources;
            std::vector<DeviceEndpoint *> endpoints;
            for (std::size_t s = 0; s < m.stripes.size(); ++s) {
                auto src = StripeSource::open((*located)[s].path, m.stripes[s], co);
                if (!src)
                    return finishWith(ctx, src.error());
                sources.push_back(std::move(*src));
                endpoints.push_back(sources.back().get());
            }
            const int n = static_cast<int>(m.stripes.size());
            sql::RestoreSpec spec;
            spec.kind = sql::RestoreSpec::Kind::VerifyOnly;
            const std::string set = setName(
                m.database, QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
            spec.devices = deviceNames(set, n);
            spec.bufferCount = defaultBufferCount(n);
            spec.maxTransferSize = defaultMaxTransferSize(n);
            auto statement = sql::buildRestore(spec);
            if (!statement)
                return finishWith(ctx, statement.error());
            VdiTransfer::Options to;
            to.client = clientOptionsFor(facts->version);
            to.instance = facts->instance;
            to.setName = set;
            to.devices = spec.devices;
            to.sql = *statement;
            VdiTransfer transfer(std::move(to));
            ctx.setStep(int(&m - chain->steps.data()) + 1, int(chain->steps.size()));
            const auto outcome = transfer.run(*connection, endpoints, ctx);
            if (!outcome.succeeded())
                return finishWith(ctx, outcome.error());
            report.line(QStringLiteral("%1: the server says the backup set is valid")
                            .arg(q(m.path.filename().string())),
                        Report::Status::Succeeded);
        }
        serverVerified = true;
    }
    report.endPhase(Report::Status::Succeeded);
    jobs::JobStatistics stats;
    stats.bytesDone = ctx.done();
    stats.bytesTotal = ctx.total();
    QStringList used;
    for (const auto &m : chain->steps)
        used << q(m.path.string());
    stats.extra.insert(QStringLiteral("backups"), used);
    stats.extra.insert(QStringLiteral("serverVerified"), serverVerified);
    return JobResult::success(stats);
}

} // namespace vds::backup
