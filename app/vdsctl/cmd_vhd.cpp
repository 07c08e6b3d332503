// vdsctl vhd create|convert|info|verify (docs/cli.md, "vdsctl vhd"). Create and convert read
// their parameters through core/cmdline (the mapping the wizards show) and run a VirtualDiskJob
// on the JobRunner; info and verify call the engine directly.
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "profileio.h"
#include <vds/cmdline/vhdarguments.h>
#include <vds/disks/diskopener.h>
#include <vds/history/historyrecorder.h>
#include <vds/jobs/jobrunner.h>
#include <vds/jobs/virtualdiskjob.h>
#include <vds/vdisk/imagecheck.h>
#include <vds/vdisk/vhdrepair.h>

namespace vds::cli {

namespace {

std::atomic_bool g_interrupted{false};

void onSignal(int)
{
    g_interrupted.store(true);
}

/// info has nothing to clean up: Ctrl+C ends it at once, with the documented exit code.
void onSignalExit(int)
{
    ::_exit(ExitCancelled);
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

/// A job that ran and failed is 1, also when a file it needed (a parent) is missing; only
/// parameters the engine refuses are 2.
int exitFor(const Error &e)
{
    switch (e.category) {
    case ErrorCategory::Cancelled: return ExitCancelled;
    case ErrorCategory::InvalidArgument:
    case ErrorCategory::Unsupported: return ExitUsage;
    default: return ExitJobFailed;
    }
}

QJsonObject infoJson(const vdisk::ImageInfo &i)
{
    QJsonArray warnings, locators;
    for (const std::string &l : i.parentLocators)
        locators.append(QString::fromStdString(l));
    for (const std::string &w : i.warnings)
        warnings.append(QString::fromStdString(w));
    return QJsonObject{
        {QStringLiteral("warnings"), warnings},
        {QStringLiteral("dirtyLog"), i.dirtyLog},
        {QStringLiteral("parentLocators"), locators},
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
    for (const std::string &l : i.parentLocators)
        out(QStringLiteral("  parent locator:  %1").arg(QString::fromStdString(l)));
    if (!i.parentPath.empty())
        out(QStringLiteral("  parent:          %1").arg(QString::fromStdString(i.parentPath)));
    else if (i.type == vdisk::DiskType::Differencing)
        out(QStringLiteral("  parent:          not found"));
    out(QStringLiteral("  file size:       %1").arg(human(i.fileSize)));
    if (i.dirtyLog)
        out(QStringLiteral("  log:             dirty (replayed in memory when read; "
                           "'vdsctl vhd repair' writes it into the file)"));
    for (const std::string &w : i.warnings)
        out(QStringLiteral("  warning:         %1").arg(QString::fromStdString(w)));
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
    // Every job lands in the history file, also when it failed or was cancelled.
    history::HistoryRecorder recorder(runner);
    runner.start(std::make_unique<jobs::VirtualDiskJob>(std::move(params)));
    QCoreApplication::exec();
    recorder.waitForIdle();
    if (const auto e = recorder.lastError())
        err(QStringLiteral("vdsctl vhd %1: warning: the job was not recorded in the history: %2")
                .arg(command, QString::fromStdString(e->toString())));
    return rc;
}

/// The engine's refusal for the parameters, as vdsctl says it; empty when there is none.
QString refusalText(const vdisk::CreateParams &p)
{
    const auto r = cmdline::vhdRefusal(p);
    return r ? r->message : QString();
}

/// Parses `vhd create` or `vhd convert` through the one mapping (core/cmdline), then checks the
/// engine's rules. Returns -1 and fills `p`, or the exit code.
int parseJob(const QStringList &args, cmdline::VhdCommand command, vdisk::CreateParams &p,
             bool &json, bool &progress)
{
    const bool create = command == cmdline::VhdCommand::Create;
    const QString cmd = create ? QStringLiteral("vhd create") : QStringLiteral("vhd convert");
    QCommandLineParser parser;
    cmdline::addVhdOptions(parser, command);
    const QCommandLineOption jsonOption{QStringLiteral("json"), QStringLiteral("Print JSON.")};
    const QCommandLineOption progressOption{
        QStringLiteral("progress"),
        QStringLiteral("Draw progress on stderr even when it is not a terminal.")};
    const QCommandLineOption saveOption{
        QStringLiteral("save-profile"),
        QStringLiteral("Write the job's profile to FILE (or a bare NAME: the profile store) and "
                       "exit without running it."),
        QStringLiteral("FILE")};
    parser.addOptions({jsonOption, progressOption, saveOption});
    if (const int rc =
            parse(parser, args, cmd,
                  create ? QStringLiteral("Create a new VHD or VHDX.")
                         : QStringLiteral("Convert a disk or an image into a new VHD or VHDX."));
        rc >= 0)
        return rc;
    auto parsed = cmdline::vhdParams(parser, command);
    if (!parsed)
        return usageError(parsed.error().message, cmd);
    p = std::move(*parsed);
    // Paths as the bytes the shell passed: a name that is not UTF-8 is kept as it is.
    for (std::string *path : {&p.path, &p.sourcePath, &p.parentPath})
        if (!path->empty())
            *path = nativePath(QString::fromStdString(*path));
    json = parser.isSet(jsonOption);
    progress = parser.isSet(progressOption);
    if (const QString refusal = refusalText(p); !refusal.isEmpty())
        return usageError(refusal, cmd);
    if (parser.isSet(saveOption)) {
        vdisk::CreateParams canonical = p;
        for (std::string *path : {&canonical.path, &canonical.sourcePath, &canonical.parentPath})
            *path = absolutePath(*path);
        return saveProfile(create ? profiles::Kind::VhdCreate : profiles::Kind::VhdConvert,
                           parser.value(saveOption), cmdline::vhdArguments(canonical).mid(2), json,
                           cmd);
    }
    return -1;
}

int runCreate(const QStringList &args)
{
    vdisk::CreateParams p;
    bool json = false, progress = false;
    if (const int rc = parseJob(args, cmdline::VhdCommand::Create, p, json, progress); rc >= 0)
        return rc;
    return runJob(std::move(p), json, progress, QStringLiteral("create"));
}

int runConvert(const QStringList &args)
{
    const QString cmd = QStringLiteral("vhd convert");
    vdisk::CreateParams p;
    bool json = false, progress = false;
    if (const int rc = parseJob(args, cmdline::VhdCommand::Convert, p, json, progress); rc >= 0)
        return rc;
    // The SOURCE argument itself is input: one that is not there is a usage error (2), while a
    // file the job looks for on its own (a parent) is a failure of the job (1).
    struct stat st {};
    if (::stat(p.sourcePath.c_str(), &st) != 0)
        return usageError(
            QString::fromStdString(Error::fromErrno(errno, p.sourcePath, "SOURCE").toString()),
            cmd);
    // A disk we may not open ourselves is opened through UDisks2 (polkit) instead; the job
    // takes its own duplicate of the descriptor, ours closes with `disk`.
    std::optional<disks::OpenedDisk> disk;
    if (S_ISBLK(st.st_mode)) {
        auto opened = disks::DiskOpener::open(QString::fromStdString(p.sourcePath));
        if (!opened) {
            err(QStringLiteral("vdsctl %1: %2")
                    .arg(cmd, QString::fromStdString(opened.error().toString())));
            return ExitJobFailed;
        }
        disk = std::move(*opened);
        p.sourceFd = disk->fd.fd();
    }
    return runJob(std::move(p), json, progress, QStringLiteral("convert"));
}

int runInfo(const QStringList &args)
{
    const QString cmd = QStringLiteral("vhd info");
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption acceptTimestamp(QStringLiteral("accept-parent-timestamp"),
                                             cmdline::acceptParentTimestampHelp());
    parser.addOptions({json, acceptTimestamp});
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("A VHD, VHDX or raw image."));
    if (const int rc = parse(parser, args, cmd, QStringLiteral("Show what an image holds."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("expected one PATH"), cmd);
    const QString path = parser.positionalArguments().constFirst();
    std::signal(SIGINT, onSignalExit);
    std::signal(SIGTERM, onSignalExit);
    vdisk::OpenOptions options;
    options.acceptParentTimestamp = parser.isSet(acceptTimestamp);
    auto info = vdisk::inspectImage(nativePath(path), options);
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
    const QCommandLineOption acceptTimestamp(QStringLiteral("accept-parent-timestamp"),
                                             cmdline::acceptParentTimestampHelp());
    parser.addOptions({against, json, progress, acceptTimestamp});
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
    vdisk::OpenOptions options;
    options.acceptParentTimestamp = parser.isSet(acceptTimestamp);
    auto info = vdisk::verifyImage(
        nativePath(path),
        parser.value(against).isEmpty() ? std::string() : nativePath(parser.value(against)), &sink,
        g_interrupted, options);
    if (!info) {
        if (parser.isSet(json))
            printJson(QJsonObject{
                {QStringLiteral("status"), QStringLiteral("failed")},
                {QStringLiteral("error"), QString::fromStdString(info.error().toString())}});
        err(QStringLiteral("vdsctl %1: %2")
                .arg(cmd, QString::fromStdString(info.error().toString())));
        if (info.error().category == ErrorCategory::Cancelled)
            return ExitCancelled;
        return info.error().category == ErrorCategory::NotFound ||
                       info.error().category == ErrorCategory::InvalidArgument
                   ? ExitUsage
                   : ExitJobFailed;
    }
    if (parser.isSet(json)) {
        QJsonObject o = infoJson(*info);
        o.insert(QStringLiteral("status"), QStringLiteral("ok"));
        o.insert(QStringLiteral("compared"), parser.isSet(against));
        printJson(o);
    } else {
        for (const std::string &w : info->warnings)
            err(QStringLiteral("vdsctl %1: warning: %2").arg(cmd, QString::fromStdString(w)));
        out(QStringLiteral("%1: OK (%2 %3, %4 bytes%5)")
                .arg(path, q(vdisk::typeName(info->type)), q(vdisk::formatName(info->format)))
                .arg(info->virtualSize)
                .arg(parser.isSet(against)
                         ? QStringLiteral(", identical to ") + parser.value(against)
                         : QString()));
    }
    return ExitOk;
}

int runRepair(const QStringList &args)
{
    const QString cmd = QStringLiteral("vhd repair");
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("A VHDX file."));
    if (const int rc = parse(parser, args, cmd,
                             QStringLiteral("Write a dirty VHDX log into the file (as Hyper-V "
                                            "does on open), leaving an empty log."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("expected one PATH"), cmd);
    const QString path = parser.positionalArguments().constFirst();
    std::signal(SIGINT, onSignalExit); // the original stays intact until the final rename
    auto r = vdisk::repairImage(nativePath(path));
    if (!r) {
        if (parser.isSet(json))
            printJson(QJsonObject{
                {QStringLiteral("status"), QStringLiteral("failed")},
                {QStringLiteral("error"), QString::fromStdString(r.error().toString())}});
        err(QStringLiteral("vdsctl %1: %2").arg(cmd, QString::fromStdString(r.error().toString())));
        return r.error().category == ErrorCategory::Format ? ExitJobFailed : exitFor(r.error());
    }
    if (parser.isSet(json)) {
        printJson(QJsonObject{{QStringLiteral("status"), QStringLiteral("succeeded")},
                              {QStringLiteral("path"), path},
                              {QStringLiteral("wasDirty"), r->wasDirty},
                              {QStringLiteral("entries"), double(r->entries)},
                              {QStringLiteral("firstSequence"), double(r->firstSequence)},
                              {QStringLiteral("lastSequence"), double(r->lastSequence)},
                              {QStringLiteral("bytesWritten"), double(r->bytesWritten)}});
    } else if (!r->wasDirty) {
        out(QStringLiteral("%1: the log is empty; nothing to do").arg(path));
    } else {
        out(QStringLiteral("%1: replayed %2 log entries (sequence %3 to %4, %5 bytes); the log "
                           "is now empty")
                .arg(path)
                .arg(r->entries)
                .arg(r->firstSequence)
                .arg(r->lastSequence)
                .arg(r->bytesWritten));
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
    if (sub == QLatin1String("repair"))
        return runRepair(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        std::printf(
            "Usage: vdsctl vhd create|convert|info|verify|repair ...\n\n"
            "  create PATH --size SIZE [--format vhd|vhdx] [--type fixed|dynamic|differencing]\n"
            "         [--parent PATH] [--block-size SIZE] [--sector-size 512|4096]\n"
            "         [--physical-sector-size 512|4096] [--sparse] [--accept-parent-timestamp]\n"
            "         [--json] [--progress]\n"
            "  convert SOURCE TARGET [--format vhd|vhdx] [--type fixed|dynamic] [--size SIZE]\n"
            "         [--block-size SIZE] [--sector-size 512|4096] [--physical-sector-size "
            "512|4096]\n"
            "         [--verify] [--prevent-writes-to-source] [--sparse] "
            "[--accept-parent-timestamp]\n"
            "         [--json] [--progress]\n"
            "  info PATH [--accept-parent-timestamp] [--json]\n"
            "  verify PATH [--against SOURCE] [--accept-parent-timestamp] [--json] [--progress]\n"
            "  repair PATH [--json]\n\n"
            "Run 'vdsctl vhd <subcommand> --help' for details.\n");
        return ExitOk;
    }
    return usageError(sub.isEmpty()
                          ? QStringLiteral("expected create, convert, info, verify or repair")
                          : QStringLiteral("unknown subcommand '%1'").arg(sub),
                      QStringLiteral("vhd"));
}

} // namespace vds::cli
