#include <vds/backup/backupjob.h>
#include <vds/backup/backupstatement.h>

#include <algorithm>

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

#include <spdlog/logger.h>

#include <vds/backup/manifest.h>
#include <vds/backup/names.h>
#include <vds/backup/offlinecheck.h>
#include <vds/backup/serverfacts.h>
#include <vds/backup/statements.h>
#include <vds/backup/stripe.h>
#include <vds/backup/vditransfer.h>
#include <vds/info/versions.h>
#include <vds/logging/log.h>
#include <vds/sql/tsqlbuilder.h>
#include <vds/version.h>

namespace vds::backup {

namespace {

using jobs::JobContext;
using jobs::JobResult;
using jobs::Report;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// A backup stripe: the VDI buffer goes straight into the stripe writer.
class StripeSink final : public DeviceEndpoint {
public:
    explicit StripeSink(std::unique_ptr<StripeWriter> writer) : m_writer(std::move(writer)) {}
    Expected<void> write(std::span<const std::byte> data) override { return m_writer->write(data); }
    StripeWriter &writer() { return *m_writer; }

private:
    std::unique_ptr<StripeWriter> m_writer;
};

std::string encryptionName(Encryption e)
{
    switch (e) {
    case Encryption::AgeX25519: return "age-x25519";
    case Encryption::AgeScrypt: return "age-scrypt";
    case Encryption::None: break;
    }
    return "none";
}

/// `beforeServer`: nothing was sent to the server yet (vdsctl's exit code 2, not 1).
JobResult failed(JobContext &ctx, Error error, bool beforeServer = false)
{
    ctx.report().line(q(error.toString()), Report::Status::Failed);
    JobResult r = JobResult::failure(std::move(error));
    r.stats.extra.insert(QStringLiteral("beforeServer"), beforeServer);
    return r;
}

JobResult cancelled(JobContext &ctx)
{
    ctx.report().line(QStringLiteral("Cancelled: the server was told to abort; no file was kept"),
                      Report::Status::Cancelled);
    return JobResult::cancelled();
}

} // namespace

QStringList stripeChannelNames(int count)
{
    QStringList names;
    for (int i = 1; i <= count; ++i)
        names << QStringLiteral("stripe-%1").arg(i);
    return names;
}

QJsonObject serverJson(const ServerRef &s)
{
    QJsonObject o{{QStringLiteral("kind"), s.kind == ServerRef::Kind::Sim ? QStringLiteral("sim")
                                           : s.kind == ServerRef::Kind::Connection
                                               ? QStringLiteral("connection")
                                               : QStringLiteral("host")}};
    if (s.kind == ServerRef::Kind::Host) {
        o.insert(QStringLiteral("host"), q(s.host));
        o.insert(QStringLiteral("port"), int(s.port));
    }
    if (!s.connection.empty())
        o.insert(QStringLiteral("connection"), q(s.connection));
    if (!s.login.empty())
        o.insert(QStringLiteral("login"), q(s.login));
    if (!s.passwordEnv.empty())
        o.insert(QStringLiteral("passwordEnv"), q(s.passwordEnv));
    if (!s.passwordFile.empty())
        o.insert(QStringLiteral("passwordFile"), q(s.passwordFile));
    return o;
}

BackupJob::BackupJob(BackupParams params, QObject *parent)
    : Job(QStringLiteral("Back up %1").arg(q(params.database)), parent), m_params(std::move(params))
{}

BackupJob::~BackupJob() = default;

QStringList BackupJob::channelNames() const
{
    return stripeChannelNames(m_params.stripes);
}

QJsonObject BackupJob::historyParams() const
{
    const BackupParams &p = m_params;
    QJsonArray recipients;
    for (const auto &r : p.encryption.recipients)
        recipients.append(q(r));
    QJsonArray recipientFiles;
    for (const auto &r : p.encryption.recipientFiles)
        recipientFiles.append(q(r));
    QJsonObject o{{QStringLiteral("server"), q(p.server.display())},
                  {QStringLiteral("connection"), serverJson(p.server)},
                  {QStringLiteral("database"), q(p.database)},
                  {QStringLiteral("type"), q(typeName(p.type))},
                  {QStringLiteral("stripes"), p.stripes},
                  {QStringLiteral("to"), q(p.directory.string())},
                  {QStringLiteral("namePattern"), q(p.namePattern)},
                  {QStringLiteral("compress"),
                   p.codec == Codec::Zstd
                       ? QStringLiteral("zstd:%1:%2").arg(p.zstdLevel).arg(p.zstdThreads)
                       : QStringLiteral("none")},
                  {QStringLiteral("encryption"), q(encryptionName(p.encryption.kind))},
                  {QStringLiteral("checksum"), p.checksum},
                  {QStringLiteral("verify"), p.verify},
                  {QStringLiteral("bufferCount"), int(p.bufferCount)},
                  {QStringLiteral("maxTransferSize"), double(p.maxTransferSize)}};
    if (!recipients.isEmpty())
        o.insert(QStringLiteral("encryptTo"), recipients);
    if (!recipientFiles.isEmpty())
        o.insert(QStringLiteral("encryptToFile"), recipientFiles);
    if (!p.encryption.passphraseEnv.empty())
        o.insert(QStringLiteral("passphraseEnv"), q(p.encryption.passphraseEnv));
    return o;
}

JobResult BackupJob::execute(JobContext &ctx)
{
    auto log = vds::log::get("backup");
    const BackupParams &p = m_params;
    Report &report = ctx.report();
    const QDateTime started = QDateTime::currentDateTimeUtc();

    ctx.setPhase(QStringLiteral("connect"));
    report.beginPhase(QStringLiteral("Connect"));
    if (p.stripes < 1 || p.stripes > kMaxStripes)
        return failed(
            ctx, Error::make(ErrorCategory::InvalidArgument, "stripes must be between 1 and 64"),
            true);
    auto connection = sql::SqlConnection::connect(p.connection);
    if (!connection)
        return failed(ctx, connection.error());
    auto facts = readServerFacts(*connection);
    if (!facts)
        return failed(ctx, facts.error());
    report.line(
        QStringLiteral("Connected to %1 (%2)")
            .arg(q(facts->serverName), q(facts->version.substr(0, facts->version.find('\n')))));
    auto files = databaseFiles(*connection, p.database);
    if (!files)
        return failed(ctx, files.error(), files.error().category == ErrorCategory::NotFound);
    std::uint64_t dataBytes = 0;
    for (const auto &f : *files)
        dataBytes += f.type == "rows" || p.type == BackupType::Log ? f.sizeBytes : 0;
    // The stream's size is known only for full backups (about the data files); differential
    // and log backups start from that as an upper bound and the total follows the stream.
    ctx.setTotal(dataBytes);
    if (ctx.isCancelled())
        return cancelled(ctx);

    ctx.setPhase(QStringLiteral("prepare"));
    report.beginPhase(QStringLiteral("Prepare"));
    const std::string uuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const std::string set = setName(p.database, uuid);
    const std::vector<std::string> devices = deviceNames(set, p.stripes);
    NameTokens tokens{facts->serverName.empty() ? p.server.display() : facts->serverName,
                      p.database, p.type, started};
    auto base = expandPattern(p.namePattern.empty() ? kDefaultNamePattern : p.namePattern, tokens);
    if (!base)
        return failed(ctx, base.error(), true);
    std::error_code ec;
    const std::filesystem::path manifestPath = p.directory / manifestFileName(*base);
    std::filesystem::create_directories(manifestPath.parent_path(), ec);
    if (ec)
        return failed(ctx, Error::fromErrno(ec.value(), manifestPath.parent_path().string(),
                                            "create the folder"));
    if (std::filesystem::exists(manifestPath, ec))
        return failed(ctx,
                      Error::make(ErrorCategory::InvalidArgument,
                                  "a backup with this name exists already", manifestPath.string()),
                      true);
    std::vector<std::unique_ptr<StripeSink>> sinks;
    std::vector<DeviceEndpoint *> endpoints;
    std::vector<std::string> stripeFiles;
    // More stripes than threads: each compresses on its pump thread, THREADS of them at a time.
    // THREADS 0 sets no budget (every stripe compresses on its pump thread, all at once).
    std::shared_ptr<CompressionSlots> turns;
    if (p.codec == Codec::Zstd && p.zstdThreads > 0 && p.zstdThreads < p.stripes)
        turns = std::make_shared<CompressionSlots>(std::min(p.zstdThreads, 64));
    for (int i = 1; i <= p.stripes; ++i) {
        StripeWriteOptions o;
        const std::string name = stripeFileName(*base, i, p.stripes, p.codec, p.encryption.kind);
        o.path = p.directory / name;
        o.codec = p.codec;
        o.zstdLevel = p.zstdLevel;
        // THREADS is the backup's budget, not each stripe's: every pump already compresses on
        // its own thread, so n stripes share it (0 = compress on the pump thread itself). This
        // keeps memory bounded however many stripes there are.
        o.zstdThreads = p.zstdThreads / p.stripes;
        o.compressionSlots = turns;
        o.encryption = p.encryption.kind;
        o.recipients = p.encryption.recipients;
        o.passphrase = p.encryption.passphrase;
        auto w = StripeWriter::open(std::move(o));
        if (!w)
            // Sinks opened so far remove their temporary files as they go.
            return failed(ctx, w.error(), w.error().category == ErrorCategory::InvalidArgument);
        sinks.push_back(std::make_unique<StripeSink>(std::move(*w)));
        endpoints.push_back(sinks.back().get());
        stripeFiles.push_back(name);
    }
    report.line(QStringLiteral("VDI set %1, %2 stripe(s) under %3")
                    .arg(q(set))
                    .arg(p.stripes)
                    .arg(q(p.directory.string())));

    // One builder for the job, the dialog's preview and the profile exports (statements.h).
    auto statement = backupStatement(p, set);
    if (!statement) {
        for (auto &s : sinks)
            s->writer().abort();
        return failed(ctx, statement.error(), true);
    }
    report.line(QStringLiteral("Statement: %1").arg(q(*statement)));

    ctx.setPhase(QStringLiteral("backup"));
    report.beginPhase(QStringLiteral("Backup"));
    VdiTransfer::Options to;
    to.client = clientOptionsFor(facts->version);
    to.instance = facts->instance;
    to.setName = set;
    to.devices = devices;
    to.sql = *statement;
    to.stripeStallSeconds = p.stripeStallSeconds;
    VdiTransfer transfer(std::move(to));
    const VdiTransfer::Outcome outcome = transfer.run(*connection, endpoints, ctx);
    for (const auto &m : outcome.messages)
        if (m.kind != sql::SqlProgressEvent::Kind::Percent)
            report.line(q(m.diagnostic.text));
    for (const auto &s : outcome.stalls)
        report.line(q(s), Report::Status::Warning);
    if (outcome.cancelTooLate)
        report.line(QStringLiteral("The cancel came after SQL Server had completed the backup; "
                                   "it is kept"),
                    Report::Status::Warning);
    if (!outcome.succeeded()) {
        for (auto &s : sinks)
            s->writer().abort();
        if (outcome.cancelled || outcome.error().category == ErrorCategory::Cancelled)
            return cancelled(ctx);
        Error e = outcome.error();
        if (outcome.deviceErrorIndex >= 0)
            e.message = "stripe " + std::to_string(outcome.deviceErrorIndex + 1) + ": " + e.message;
        return failed(ctx, std::move(e));
    }

    // SQL Server has said 3014: only now do the stripes get their final names.
    ctx.setPhase(QStringLiteral("finish"));
    report.beginPhase(QStringLiteral("Finish"));
    Manifest m;
    m.tool = std::string("vdstudio ") + VDS_VERSION_STRING;
    m.server = tokens.server;
    m.serverVersion = facts->version.substr(0, facts->version.find('\n'));
    m.database = p.database;
    m.type = typeName(p.type);
    m.startedAt = started;
    m.codec = p.codec == Codec::Zstd ? "zstd" : "none";
    m.encryption = encryptionName(p.encryption.kind);
    m.recipients = p.encryption.recipients;
    m.setName = set;
    m.files = *files;
    std::uint64_t rawTotal = 0;
    for (std::size_t i = 0; i < sinks.size(); ++i) {
        auto r = sinks[i]->writer().finish();
        if (!r) {
            for (std::size_t j = i + 1; j < sinks.size(); ++j)
                sinks[j]->writer().abort();
            for (std::size_t j = 0; j < i; ++j)
                std::filesystem::remove(p.directory / stripeFiles[j], ec);
            return failed(ctx, r.error());
        }
        m.stripes.push_back({stripeFiles[i], r->rawBytes, r->rawSha256, r->fileSha256});
        rawTotal += r->rawBytes;
        report.line(QStringLiteral("%1: %2 bytes, sha256 %3")
                        .arg(q(stripeFiles[i]))
                        .arg(r->rawBytes)
                        .arg(q(r->rawSha256)));
    }
    auto row = backupSetRow(*connection, set);
    if (!row) {
        for (const auto &f : stripeFiles)
            std::filesystem::remove(p.directory / f, ec);
        return failed(ctx, row.error());
    }
    m.firstLsn = row->firstLsn;
    m.lastLsn = row->lastLsn;
    m.databaseBackupLsn = row->databaseBackupLsn;
    m.differentialBaseLsn = !row->differentialBaseLsn.empty() ? row->differentialBaseLsn
                            : p.type == BackupType::Diff      ? row->databaseBackupLsn
                                                              : std::string();
    m.finishedAt = QDateTime::currentDateTimeUtc();
    if (auto saved = m.save(manifestPath); !saved) {
        for (const auto &f : stripeFiles)
            std::filesystem::remove(p.directory / f, ec);
        return failed(ctx, saved.error());
    }
    report.line(QStringLiteral("Manifest %1 (LSN %2 – %3)")
                    .arg(q(manifestPath.string()), q(m.firstLsn), q(m.lastLsn)));
    ctx.setTotal(std::max<std::uint64_t>(ctx.done(), rawTotal));

    if (p.verify) {
        ctx.setPhase(QStringLiteral("verify"));
        report.beginPhase(QStringLiteral("Verify"));
        OfflineCheckOptions vo;
        vo.passphrase = p.encryption.passphrase;
        // Recipients cannot decrypt: an age-x25519 backup is verified by hashes of the files.
        vo.hashesOnly = p.encryption.kind == Encryption::AgeX25519;
        if (auto v = checkBackup(m, vo, ctx.cancelFlag()); !v)
            return failed(ctx, v.error());
        report.line(QStringLiteral("Every stripe reads back and matches its hashes"),
                    Report::Status::Succeeded);
    }
    report.endPhase(Report::Status::Succeeded);

    jobs::JobStatistics stats;
    stats.bytesDone = rawTotal;
    stats.bytesTotal = rawTotal;
    QStringList fileList;
    for (const auto &f : stripeFiles)
        fileList << q((p.directory / f).string());
    stats.extra.insert(QStringLiteral("manifest"), q(manifestPath.string()));
    stats.extra.insert(QStringLiteral("files"), fileList);
    stats.extra.insert(QStringLiteral("setName"), q(set));
    stats.extra.insert(QStringLiteral("bytes"), QVariant::fromValue<qulonglong>(rawTotal));
    stats.extra.insert(QStringLiteral("serverPercent"), outcome.serverPercent);
    stats.extra.insert(QStringLiteral("firstLsn"), q(m.firstLsn));
    stats.extra.insert(QStringLiteral("lastLsn"), q(m.lastLsn));
    QStringList stalls;
    for (const auto &s : outcome.stalls)
        stalls << q(s);
    stats.extra.insert(QStringLiteral("stalls"), stalls);
    log->info("backup of '{}' done: {} bytes in {} stripe(s)", p.database, rawTotal, p.stripes);
    return JobResult::success(stats);
}

} // namespace vds::backup
