#include <vds/jobs/virtualdiskjob.h>

#include <QFileInfo>
#include <QJsonObject>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace vds::jobs {

namespace {

QString titleFor(const vdisk::CreateParams &p)
{
    const QString name = QFileInfo(QString::fromStdString(p.path)).fileName();
    if (!p.sourcePath.empty() || p.sourceFd >= 0)
        return QStringLiteral("Convert to %1").arg(name);
    return QStringLiteral("Create %1").arg(name);
}

/// Maps the engine's progress onto the job context's atomics (engine threads call it).
class ContextProgress final : public vdisk::ProgressSink {
public:
    explicit ContextProgress(JobContext &ctx) : m_ctx(ctx) {}
    void setTotal(std::uint64_t bytes) override { m_ctx.setTotal(bytes); }
    void advance(std::uint64_t bytes) override { m_ctx.addDone(bytes); }
    void sourceRead(std::uint64_t bytes) override { m_ctx.addChannel(0, bytes); }
    void targetWritten(std::uint64_t bytes) override { m_ctx.addChannel(1, bytes); }
    void phase(std::string_view name) override
    {
        const QString text = QString::fromUtf8(name.data(), qsizetype(name.size()));
        m_ctx.setPhase(text);
        m_ctx.report().beginPhase(text);
    }

private:
    JobContext &m_ctx;
};

} // namespace

VirtualDiskJob::VirtualDiskJob(Params params, QObject *parent)
    : Job(titleFor(params), parent), m_params(std::move(params))
{
    // Our own duplicate, taken now on the caller's thread: the caller may close its descriptor
    // as soon as we exist (a wizard closed right after Start), never while we read.
    if (m_params.sourceFd >= 0) {
        m_params.sourceFd = ::fcntl(m_params.sourceFd, F_DUPFD_CLOEXEC, 0);
        if (m_params.sourceFd < 0)
            m_dupError = errno;
    }
}

VirtualDiskJob::~VirtualDiskJob()
{
    if (m_params.sourceFd >= 0)
        ::close(m_params.sourceFd);
}

QString VirtualDiskJob::kind() const
{
    return (!m_params.sourcePath.empty() || m_params.sourceFd >= 0 || m_dupError != 0)
               ? QStringLiteral("vhd-convert")
               : QStringLiteral("vhd-create");
}

QStringList VirtualDiskJob::channelNames() const
{
    if (m_params.sourcePath.empty() && m_params.sourceFd < 0 && m_dupError == 0)
        return {};
    return {QStringLiteral("read"), QStringLiteral("written")}; // ids; the UI words them
}

QJsonObject VirtualDiskJob::historyParams() const
{
    auto text = [](std::string_view v) {
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    };
    QJsonObject o{
        {QStringLiteral("path"), text(m_params.path)},
        {QStringLiteral("format"), text(vdisk::formatName(m_params.format))},
        {QStringLiteral("type"), text(vdisk::typeName(m_params.type))},
        // Sizes as numbers: they stay far below 2^53 (VHDX's limit is 64 TiB).
        {QStringLiteral("size"), static_cast<double>(m_params.maximumSize)},
        {QStringLiteral("blockSize"), static_cast<double>(m_params.blockSize)},
        {QStringLiteral("logicalSectorSize"), static_cast<double>(m_params.logicalSectorSize)},
        {QStringLiteral("physicalSectorSize"), static_cast<double>(m_params.physicalSectorSize)}};
    if (!m_params.parentPath.empty())
        o.insert(QStringLiteral("parent"), text(m_params.parentPath));
    if (!m_params.sourcePath.empty())
        o.insert(QStringLiteral("source"), text(m_params.sourcePath));
    else if (m_params.sourceFd >= 0)
        o.insert(QStringLiteral("source"), QStringLiteral("fd:%1").arg(m_params.sourceFd));
    if (!m_params.sourcePath.empty() || m_params.sourceFd >= 0) {
        o.insert(QStringLiteral("preventWritesToSource"), m_params.preventWritesToSource);
        o.insert(QStringLiteral("verify"), m_params.verify);
    }
    o.insert(QStringLiteral("sparse"), m_params.sparseFile);
    return o;
}

JobResult VirtualDiskJob::execute(JobContext &ctx)
{
    if (m_dupError != 0)
        return JobResult::failure(Error::fromErrno(m_dupError, "source", "duplicate descriptor"));
    ContextProgress progress(ctx);
    auto result = vdisk::createVirtualDisk(m_params, &progress, ctx.cancelFlag());
    if (!result) {
        if (result.error().category == ErrorCategory::Cancelled) {
            ctx.report().line(QStringLiteral("cancelled; nothing was left at the target"),
                              Report::Status::Cancelled);
            return JobResult::cancelled();
        }
        ctx.report().line(QString::fromStdString(result.error().toString()),
                          Report::Status::Failed);
        return JobResult::failure(result.error());
    }
    const vdisk::ImageInfo &info = result->info;
    ctx.report().line(QStringLiteral("%1 %2, %3 bytes, %4 blocks written, %5 skipped%6")
                          .arg(QString::fromLatin1(vdisk::typeName(info.type).data()),
                               QString::fromLatin1(vdisk::formatName(info.format).data()))
                          .arg(info.virtualSize)
                          .arg(result->blocksWritten)
                          .arg(result->blocksSkipped)
                          .arg(result->verified ? QStringLiteral(", verified") : QString()),
                      Report::Status::Succeeded);
    JobStatistics stats;
    stats.bytesDone = ctx.done();
    stats.bytesTotal = ctx.total();
    stats.extra.insert(QStringLiteral("outputPath"), QString::fromStdString(m_params.path));
    stats.extra.insert(QStringLiteral("format"),
                       QString::fromLatin1(vdisk::formatName(info.format).data()));
    stats.extra.insert(QStringLiteral("type"),
                       QString::fromLatin1(vdisk::typeName(info.type).data()));
    stats.extra.insert(QStringLiteral("virtualSize"), quint64(info.virtualSize));
    stats.extra.insert(QStringLiteral("fileSize"), quint64(info.fileSize));
    stats.extra.insert(QStringLiteral("uniqueId"), QString::fromStdString(info.uniqueId));
    stats.extra.insert(QStringLiteral("blocksWritten"), quint64(result->blocksWritten));
    stats.extra.insert(QStringLiteral("blocksSkipped"), quint64(result->blocksSkipped));
    stats.extra.insert(QStringLiteral("verified"), result->verified);
    return JobResult::success(stats);
}

} // namespace vds::jobs
