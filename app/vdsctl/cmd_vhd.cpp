// vdsctl vhd create|convert|info|verify (docs/cli.md, "vdsctl vhd"). Create and convert run a
// VirtualDiskJob on the JobRunner; info and verify call the engine directly.
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <sys/stat.h>

#include "cli.h"
#include <vds/disks/diskopener.h>
#include <vds/jobs/jobrunner.h>
#include <vds/jobs/virtualdiskjob.h>
#include <vds/vdisk/imagecheck.h>

namespace vds::cli {

namespace {

std::atomic_bool g_interrupted{false};

void onSignal(int)
{
    g_interrupted.store(true);
}

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString human(quint64 bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(v, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1String(units[u]));
}

int exitFor(const Error &e)
{
    switch (e.category) {
    case ErrorCategory::Cancelled: return ExitCancelled;
    case ErrorCategory::InvalidArgument:
    case ErrorCategory::NotFound:
    case ErrorCategory::Unsupported: return ExitUsage;
    default: return ExitJobFailed;
    }
}

QJsonObject infoJson(const vdisk::ImageInfo &i)
{
    return QJsonObject{
        {QStringLiteral("format"), q(vdisk::formatName(i.format))},
        {QStringLiteral("type"), q(vdisk::typeName(i.type))},
        {QStringLiteral("virtualSize"), double(i.virtualSize)},
        {QStringLiteral("blockSize"), double(i.blockSize)},
        {QStringLiteral("logicalSectorSize"), double(i.logicalSectorSize)},
        {QStringLiteral("physicalSectorSize"), double(i.physicalSectorSize)},
        {QStringLiteral("uniqueId"), QString::fromStdString(i.uniqueId)},
        {QStringLiteral("parentPath"),
         i.parentPath.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(i.parentPath))},
        {QStringLiteral("parentId"), QString::fromStdString(i.parentId)},
        {QStringLiteral("creator"), QString::fromStdString(i.creator)},
        {QStringLiteral("fileSize"), double(i.fileSize)},
    };
}

void printInfo(const QString &path, const vdisk::ImageInfo &i)
{
    out(QStringLiteral("%1").arg(path));
    out(QStringLiteral("  format:          %1 (%2)")
            .arg(q(vdisk::formatName(i.format)), q(vdisk::typeName(i.type))));
    out(QStringLiteral("  virtual size:    %1 (%2 bytes)")
            .arg(human(i.virtualSize))
            .arg(i.virtualSize));
    if (i.blockSize)
        out(QStringLiteral("  block size:      %1").arg(human(i.blockSize)));
    out(QStringLiteral("  sectors:         %1 logical, %2 physical")
            .arg(i.logicalSectorSize)
            .arg(i.physicalSectorSize));
    if (!i.uniqueId.empty())
        out(QStringLiteral("  unique id:       %1").arg(QString::fromStdString(i.uniqueId)));
    if (!i.parentId.empty())
        out(QStringLiteral("  parent id:       %1").arg(QString::fromStdString(i.parentId)));
    if (!i.parentPath.empty())
        out(QStringLiteral("  parent:          %1").arg(QString::fromStdString(i.parentPath)));
    out(QStringLiteral("  file size:       %1").arg(human(i.fileSize)));
}

/// Runs the job with a progress line and Ctrl+C → cancel. Returns the exit code.
int runJob(vdisk::CreateParams params, bool json, bool progress, const QString &command)
{
    jobs::JobRunner runner;
    runner.setSampleIntervalMs(250);
    int rc = ExitJobFailed;
    const bool draw = wantProgress(progress);
    const std::string target = params.path; // params moves into the job below
    QObject::connect(&runner, &jobs::JobRunner::progress, &runner,
                     [&runner, draw](jobs::JobId id, quint64 done, quint64 total) {
                         if (!draw || total == 0)
                             return;
                         const jobs::JobSnapshot s = runner.snapshot(id);
                         std::fprintf(stderr, "\r%-8s %3d%%  %s of %s  %.0f MB/s   ",
                                      qPrintable(s.phase), int(done * 100 / total),
                                      qPrintable(human(done)), qPrintable(human(total)),
                                      s.averageBytesPerSecond / 1e6);
                         std::fflush(stderr);
                     });
    QObject::connect(
        &runner, &jobs::JobRunner::finished, &runner,
        [&rc, json, draw, &target, command](jobs::JobId, const jobs::JobResult &r) {
            if (draw)
                std::fputs("\n", stderr);
            if (r.status == jobs::JobStatus::Cancelled) {
                err(QStringLiteral("vdsctl vhd %1: cancelled").arg(command));
                rc = ExitCancelled;
            } else if (!r.succeeded()) {
                err(QStringLiteral("vdsctl vhd %1: %2")
                        .arg(command, QString::fromStdString(r.error.toString())));
                rc = exitFor(r.error);
            } else {
                rc = ExitOk;
                const auto info = vdisk::inspectImage(target);
                if (json) {
                    QJsonObject o = info ? infoJson(*info) : QJsonObject{};
                    o.insert(QStringLiteral("status"), QStringLiteral("succeeded"));
                    o.insert(QStringLiteral("path"), QString::fromStdString(target));
                    o.insert(QStringLiteral("seconds"), r.stats.seconds);
                    o.insert(QStringLiteral("blocksWritten"),
                             r.stats.extra.value(QStringLiteral("blocksWritten")).toDouble());
                    o.insert(QStringLiteral("blocksSkipped"),
                             r.stats.extra.value(QStringLiteral("blocksSkipped")).toDouble());
                    o.insert(QStringLiteral("verified"),
                             r.stats.extra.value(QStringLiteral("verified")).toBool());
                    printJson(o);
                } else if (info) {
                    printInfo(QString::fromStdString(target), *info);
                    out(QStringLiteral("  done in %1 s%2")
                            .arg(r.stats.seconds, 0, 'f', 2)
                            .arg(r.stats.extra.value(QStringLiteral("verified")).toBool()
                                     ? QStringLiteral(", verified")
                                     : QString()));
                }
            }
            QCoreApplication::exit(0);
        });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &runner, [&runner] {
        if (g_interrupted.load())
            runner.cancelAll();
    });
    poll.start(100);
    runner.start(std::make_unique<jobs::VirtualDiskJob>(std::move(params)));
    QCoreApplication::exec();
    return rc;
}

bool parseFormat(const QString &text, const QString &path, vdisk::DiskFormat &format)
{
    if (text.isEmpty()) {
        format = path.endsWith(QLatin1String(".vhd"), Qt::CaseInsensitive)
                     ? vdisk::DiskFormat::Vhd
                     : vdisk::DiskFormat::Vhdx;
        return true;
    }
    if (text == QLatin1String("vhd"))
        format = vdisk::DiskFormat::Vhd;
    else if (text == QLatin1String("vhdx"))
        format = vdisk::DiskFormat::Vhdx;
    else
        return false;
    return true;
}

struct CommonOptions {
    QCommandLineOption format{
        QStringLiteral("format"),
        QStringLiteral("vhd or vhdx (default: from the extension, else vhdx)."),
        QStringLiteral("vhd|vhdx")};
    QCommandLineOption type{QStringLiteral("type"),
                            QStringLiteral("fixed, dynamic (default) or differencing."),
                            QStringLiteral("type")};
    QCommandLineOption blockSize{QStringLiteral("block-size"),
                                 QStringLiteral("Block size (VHD 512K or 2M; VHDX 1M..256M)."),
                                 QStringLiteral("size")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print JSON.")};
    QCommandLineOption progress{
        QStringLiteral("progress"),
        QStringLiteral("Draw progress on stderr even when it is not a terminal.")};
};

int runCreate(const QStringList &args)
{
    const QString cmd = QStringLiteral("vhd create");
    QCommandLineParser parser;
    CommonOptions o;
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Virtual size (bytes or K/M/G/T)."),
                                  QStringLiteral("size"));
    const QCommandLineOption parent(QStringLiteral("parent"),
                                    QStringLiteral("Parent image of a differencing disk."),
                                    QStringLiteral("path"));
    const QCommandLineOption sector(QStringLiteral("sector-size"),
                                    QStringLiteral("Logical sector size, 512 or 4096 (VHDX)."),
                                    QStringLiteral("bytes"));
    const QCommandLineOption physical(QStringLiteral("physical-sector-size"),
                                      QStringLiteral("Physical sector size, 512 or 4096."),
                                      QStringLiteral("bytes"));
    const QCommandLineOption sparse(
        QStringLiteral("sparse"), QStringLiteral("Fixed disks: do not preallocate (SPARSE_FILE)."));
    parser.addOptions({size, o.format, o.type, parent, o.blockSize, sector, physical, sparse,
                       o.json, o.progress});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("The new image."));
    if (const int rc = parse(parser, args, cmd, QStringLiteral("Create a new VHD or VHDX."));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return usageError(QStringLiteral("expected one PATH"), cmd);
    vdisk::CreateParams p;
    p.path = pos[0].toStdString();
    if (!parseFormat(parser.value(o.format), pos[0], p.format))
        return usageError(QStringLiteral("--format must be vhd or vhdx"), cmd);
    const QString type = parser.isSet(o.type)   ? parser.value(o.type)
                         : parser.isSet(parent) ? QStringLiteral("differencing")
                                                : QStringLiteral("dynamic");
    if (type == QLatin1String("fixed"))
        p.type = vdisk::DiskType::Fixed;
    else if (type == QLatin1String("dynamic"))
        p.type = vdisk::DiskType::Dynamic;
    else if (type == QLatin1String("differencing"))
        p.type = vdisk::DiskType::Differencing;
    else
        return usageError(QStringLiteral("--type must be fixed, dynamic or differencing"), cmd);
    quint64 v = 0;
    if (parser.isSet(size)) {
        if (!parseSize(parser.value(size), v))
            return usageError(QStringLiteral("bad --size '%1'").arg(parser.value(size)), cmd);
        p.maximumSize = v;
    } else if (p.type != vdisk::DiskType::Differencing) {
        return usageError(QStringLiteral("--size is required"), cmd);
    }
    if (parser.isSet(parent))
        p.parentPath = parser.value(parent).toStdString();
    for (auto [opt, field] :
         {std::pair{static_cast<const QCommandLineOption *>(&o.blockSize), &p.blockSize},
          std::pair{&sector, &p.logicalSectorSize}, std::pair{&physical, &p.physicalSectorSize}}) {
        if (!parser.isSet(*opt))
            continue;
        if (!parseSize(parser.value(*opt), v) || v > 0xFFFFFFFFULL)
            return usageError(
                QStringLiteral("bad --%1 '%2'").arg(opt->names().constFirst(), parser.value(*opt)),
                cmd);
        *field = static_cast<std::uint32_t>(v);
    }
    p.sparseFile = parser.isSet(sparse);
    if (auto ok = vdisk::validateParams(p); !ok)
        return usageError(QString::fromStdString(ok.error().toString()), cmd);
    return runJob(std::move(p), parser.isSet(o.json), parser.isSet(o.progress),
                  QStringLiteral("create"));
}

int runConvert(const QStringList &args)
{
    const QString cmd = QStringLiteral("vhd convert");
    QCommandLineParser parser;
    CommonOptions o;
    const QCommandLineOption verify(
        QStringLiteral("verify"),
        QStringLiteral("Re-read the target and compare it with the source."));
    const QCommandLineOption prevent(
        QStringLiteral("prevent-writes-to-source"),
        QStringLiteral(
            "Refuse a source mounted read-write; hold a block device read-only while copying."));
    const QCommandLineOption sparse(
        QStringLiteral("sparse"),
        QStringLiteral("Fixed targets: do not preallocate (SPARSE_FILE)."));
    parser.addOptions({o.format, o.type, o.blockSize, verify, prevent, sparse, o.json, o.progress});
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 QStringLiteral("An image (VHD, VHDX, raw) or a block device."));
    parser.addPositionalArgument(QStringLiteral("TARGET"), QStringLiteral("The new image."));
    if (const int rc = parse(parser, args, cmd,
                             QStringLiteral("Convert a disk or an image into a new VHD or VHDX."));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return usageError(QStringLiteral("expected SOURCE and TARGET"), cmd);
    vdisk::CreateParams p;
    p.sourcePath = pos[0].toStdString();
    p.path = pos[1].toStdString();
    if (!parseFormat(parser.value(o.format), pos[1], p.format))
        return usageError(QStringLiteral("--format must be vhd or vhdx"), cmd);
    const QString type = parser.value(o.type);
    if (type.isEmpty() || type == QLatin1String("dynamic"))
        p.type = vdisk::DiskType::Dynamic;
    else if (type == QLatin1String("fixed"))
        p.type = vdisk::DiskType::Fixed;
    else
        return usageError(QStringLiteral("--type must be fixed or dynamic"), cmd);
    if (parser.isSet(o.blockSize)) {
        quint64 v = 0;
        if (!parseSize(parser.value(o.blockSize), v) || v > 0xFFFFFFFFULL)
            return usageError(
                QStringLiteral("bad --block-size '%1'").arg(parser.value(o.blockSize)), cmd);
        p.blockSize = static_cast<std::uint32_t>(v);
    }
    p.verify = parser.isSet(verify);
    p.preventWritesToSource = parser.isSet(prevent);
    p.sparseFile = parser.isSet(sparse);
    if (auto ok = vdisk::validateParams(p); !ok)
        return usageError(QString::fromStdString(ok.error().toString()), cmd);
    // A disk we may not open ourselves is opened through UDisks2 (polkit) instead; the
    // descriptor stays open here until the job has finished.
    std::optional<disks::OpenedDisk> disk;
    struct stat st {};
    if (::stat(p.sourcePath.c_str(), &st) == 0 && S_ISBLK(st.st_mode)) {
        auto opened = disks::DiskOpener::open(pos[0]);
        if (!opened) {
            err(QStringLiteral("vdsctl %1: %2")
                    .arg(cmd, QString::fromStdString(opened.error().toString())));
            return ExitJobFailed;
        }
        disk = std::move(*opened);
        p.sourceFd = disk->fd.fd();
    }
    return runJob(std::move(p), parser.isSet(o.json), parser.isSet(o.progress),
                  QStringLiteral("convert"));
}

int runInfo(const QStringList &args)
{
    const QString cmd = QStringLiteral("vhd info");
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("A VHD, VHDX or raw image."));
    if (const int rc = parse(parser, args, cmd, QStringLiteral("Show what an image holds."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("expected one PATH"), cmd);
    const QString path = parser.positionalArguments().constFirst();
    auto info = vdisk::inspectImage(path.toStdString());
    if (!info) {
        err(QStringLiteral("vdsctl %1: %2")
                .arg(cmd, QString::fromStdString(info.error().toString())));
        return info.error().category == ErrorCategory::Format ? ExitJobFailed
                                                              : exitFor(info.error());
    }
    if (parser.isSet(json))
        printJson(infoJson(*info));
    else
        printInfo(path, *info);
    return ExitOk;
}

class PrintProgress final : public vdisk::ProgressSink {
public:
    explicit PrintProgress(bool draw) : m_draw(draw) {}
    void setTotal(std::uint64_t b) override { m_total = b; }
    void advance(std::uint64_t b) override
    {
        m_done += b;
        if (m_draw && m_total)
            std::fprintf(stderr, "\rverify %3d%%", int(m_done * 100 / m_total));
    }
    ~PrintProgress() override
    {
        if (m_draw && m_done)
            std::fputs("\n", stderr);
    }

private:
    bool m_draw;
    std::uint64_t m_total = 0, m_done = 0;
};

int runVerify(const QStringList &args)
{
    const QString cmd = QStringLiteral("vhd verify");
    QCommandLineParser parser;
    const QCommandLineOption against(
        QStringLiteral("against"),
        QStringLiteral("Compare the contents with this image or device."),
        QStringLiteral("source"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption progress(QStringLiteral("progress"),
                                      QStringLiteral("Draw progress on stderr."));
    parser.addOptions({against, json, progress});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("The image to check."));
    if (const int rc = parse(
            parser, args, cmd,
            QStringLiteral("Check an image's structure, read all of it, optionally compare it."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("expected one PATH"), cmd);
    const QString path = parser.positionalArguments().constFirst();
    std::signal(SIGINT, onSignal);
    PrintProgress sink(wantProgress(parser.isSet(progress)));
    auto info = vdisk::verifyImage(path.toStdString(), parser.value(against).toStdString(), &sink,
                                   g_interrupted);
    if (!info) {
        if (parser.isSet(json))
            printJson(QJsonObject{
                {QStringLiteral("status"), QStringLiteral("failed")},
                {QStringLiteral("error"), QString::fromStdString(info.error().toString())}});
        err(QStringLiteral("vdsctl %1: %2")
                .arg(cmd, QString::fromStdString(info.error().toString())));
        if (info.error().category == ErrorCategory::Cancelled)
            return ExitCancelled;
        return info.error().category == ErrorCategory::NotFound ? ExitUsage : ExitJobFailed;
    }
    if (parser.isSet(json)) {
        QJsonObject o = infoJson(*info);
        o.insert(QStringLiteral("status"), QStringLiteral("ok"));
        o.insert(QStringLiteral("compared"), parser.isSet(against));
        printJson(o);
    } else {
        out(QStringLiteral("%1: OK (%2 %3, %4 bytes%5)")
                .arg(path, q(vdisk::typeName(info->type)), q(vdisk::formatName(info->format)))
                .arg(info->virtualSize)
                .arg(parser.isSet(against)
                         ? QStringLiteral(", identical to ") + parser.value(against)
                         : QString()));
    }
    return ExitOk;
}

} // namespace

int runVhd(const QStringList &args)
{
    const QString sub = args.isEmpty() ? QString() : args.constFirst();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("create"))
        return runCreate(rest);
    if (sub == QLatin1String("convert"))
        return runConvert(rest);
    if (sub == QLatin1String("info"))
        return runInfo(rest);
    if (sub == QLatin1String("verify"))
        return runVerify(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        std::printf(
            "Usage: vdsctl vhd create|convert|info|verify ...\n\n"
            "  create PATH --size SIZE [--format vhd|vhdx] [--type fixed|dynamic|differencing]\n"
            "         [--parent PATH] [--block-size SIZE] [--sector-size 512|4096]\n"
            "         [--physical-sector-size 512|4096] [--sparse] [--json] [--progress]\n"
            "  convert SOURCE TARGET [--format vhd|vhdx] [--type fixed|dynamic] [--block-size "
            "SIZE]\n"
            "         [--verify] [--prevent-writes-to-source] [--sparse] [--json] [--progress]\n"
            "  info PATH [--json]\n"
            "  verify PATH [--against SOURCE] [--json] [--progress]\n\n"
            "Run 'vdsctl vhd <subcommand> --help' for details.\n");
        return ExitOk;
    }
    return usageError(sub.isEmpty() ? QStringLiteral("expected create, convert, info or verify")
                                    : QStringLiteral("unknown subcommand '%1'").arg(sub),
                      QStringLiteral("vhd"));
}

} // namespace vds::cli
