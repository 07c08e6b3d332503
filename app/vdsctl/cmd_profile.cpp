// `vdsctl profile list|show|run|validate|export|import|schema` and `vdsctl run PROFILE`.
#include "cli.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <vds/history/historystore.h>
#include <vds/profiles/bundle.h>
#include <vds/profiles/exports.h>
#include <vds/profiles/jobtable.h>
#include <vds/profiles/profilehistory.h>
#include <vds/profiles/profilestore.h>
#include <vds/profiles/schema.h>

namespace vds::cli {

namespace {

namespace pf = vds::profiles;

/// Enough history to find every profile's last run.
history::HistoryFilter recentHistory()
{
    history::HistoryFilter f;
    f.limit = 2000;
    return f;
}

/// A path (has a '/', or names an existing file) or a stored profile's name.
pf::Checked<pf::Profile> resolve(const QString &ref, QString &source)
{
    if (ref.contains(QLatin1Char('/')) || ref.endsWith(QLatin1String(".vdsprofile")) ||
        QFileInfo(ref).isFile()) {
        source = ref;
        return pf::loadProfile(ref);
    }
    pf::ProfileStore store;
    source = store.pathFor(ref);
    if (!store.contains(ref))
        return std::unexpected(QList<pf::Issue>{
            {{},
             QStringLiteral("no such file, and no stored profile of that name (in %1)")
                 .arg(store.directory())}});
    return store.load(ref);
}

int reportIssues(const QString &command, const QString &source, const QList<pf::Issue> &issues)
{
    for (const QString &line : pf::describe(source, issues))
        err(QStringLiteral("vdsctl %1: %2").arg(command, line));
    return ExitUsage;
}

QJsonArray issuesJson(const QList<pf::Issue> &issues)
{
    QJsonArray a;
    for (const auto &i : issues)
        a.append(
            QJsonObject{{QStringLiteral("path"), i.path}, {QStringLiteral("message"), i.message}});
    return a;
}

/// Runs the profile as its command line, in this process: the same command, the same job, the
/// same history entry as typing it. `runtime` (--json, --progress) goes before the job's words.
int runProfile(const pf::Profile &profile, const QStringList &runtime)
{
    auto args = pf::commandArguments(profile);
    if (!args)
        return reportIssues(QStringLiteral("run"), profile.name, args.error());
    const QStringList words = pf::jobTable(profile.kind).command;
    QStringList rest = words.mid(1) + runtime + args->mid(words.size());
    for (const Command &c : commands())
        if (c.name == words.first())
            return c.run(rest);
    return usageError(QStringLiteral("no command for %1").arg(pf::kindName(profile.kind)));
}

int cmdRun(const QStringList &args, const QString &cmd)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the job's result as JSON.")});
    parser.addOption({QStringLiteral("progress"),
                      QStringLiteral("Draw progress on stderr even when it is not a terminal.")});
    parser.addPositionalArgument(QStringLiteral("PROFILE"),
                                 QStringLiteral("A .vdsprofile file, or a stored profile's name."));
    if (const int rc = parse(parser, args, cmd, QStringLiteral("Run a saved job profile."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give one PROFILE (a file or a stored profile's name)"),
                          cmd);
    QString source;
    auto profile = resolve(parser.positionalArguments().first(), source);
    if (!profile)
        return reportIssues(cmd, source, profile.error());
    QStringList runtime;
    for (const char *o : {"json", "progress"})
        if (parser.isSet(QString::fromLatin1(o)))
            runtime << QStringLiteral("--") + QString::fromLatin1(o);
    return runProfile(*profile, runtime);
}

QJsonObject lastRunJson(const pf::Profile &p, const QList<history::HistoryEntry> &entries)
{
    const auto run = pf::lastRun(p, entries);
    if (!run)
        return {};
    return {{QStringLiteral("id"), double(run->id)},
            {QStringLiteral("status"), run->toJson().value(QStringLiteral("status"))},
            {QStringLiteral("finishedAt"), run->finishedAt.toString(Qt::ISODate)}};
}

int cmdList(const QStringList &args)
{
    const QString cmd = QStringLiteral("profile list");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    if (const int rc = parse(parser, args, cmd, QStringLiteral("List the stored profiles."));
        rc >= 0)
        return rc;
    pf::ProfileStore store;
    QList<history::HistoryEntry> entries;
    history::HistoryStore historyStore;
    if (QFileInfo::exists(historyStore.path()) && historyStore.open())
        if (auto l = historyStore.list(recentHistory()))
            entries = *l;
    QJsonArray all;
    for (const auto &e : store.list()) {
        QJsonObject o{{QStringLiteral("name"), e.name},
                      {QStringLiteral("path"), e.path},
                      {QStringLiteral("valid"), bool(e.profile)}};
        if (e.profile) {
            o.insert(QStringLiteral("kind"), pf::kindName(e.profile->kind));
            const QJsonObject last = lastRunJson(*e.profile, entries);
            o.insert(QStringLiteral("lastRun"), last.isEmpty() ? QJsonValue() : QJsonValue(last));
            if (!parser.isSet(QStringLiteral("json")))
                out(QStringLiteral("%1\t%2\t%3")
                        .arg(e.name, pf::kindName(e.profile->kind),
                             last.isEmpty()
                                 ? QStringLiteral("never run")
                                 : QStringLiteral("%1 %2").arg(
                                       last.value(QStringLiteral("status")).toString(),
                                       last.value(QStringLiteral("finishedAt")).toString())));
        } else {
            o.insert(QStringLiteral("issues"), issuesJson(e.issues));
            if (!parser.isSet(QStringLiteral("json")))
                out(QStringLiteral("%1\tinvalid\t%2")
                        .arg(e.name, pf::describe(e.path, e.issues).join(QStringLiteral("; "))));
        }
        all.append(o);
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(all);
    return ExitOk;
}

int cmdShow(const QStringList &args)
{
    const QString cmd = QStringLiteral("profile show");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON object.")});
    parser.addPositionalArgument(QStringLiteral("PROFILE"), QStringLiteral("A file or a name."));
    if (const int rc =
            parse(parser, args, cmd, QStringLiteral("Show a profile and its command line."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give one PROFILE"), cmd);
    QString source;
    auto p = resolve(parser.positionalArguments().first(), source);
    if (!p)
        return reportIssues(cmd, source, p.error());
    const auto line = pf::commandLine(*p);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("path"), source},
                              {QStringLiteral("profile"), pf::toJsonObject(*p)},
                              {QStringLiteral("commandLine"), line.value_or(QString())}});
    } else {
        std::fputs(pf::toJson(*p).constData(), stdout);
        out(QStringLiteral("# %1").arg(line.value_or(QString())));
    }
    return ExitOk;
}

int cmdValidate(const QStringList &args)
{
    const QString cmd = QStringLiteral("profile validate");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array of results.")});
    parser.addPositionalArgument(QStringLiteral("PROFILE..."),
                                 QStringLiteral("Files (.vdsprofile or .vdsbundle) or names."));
    if (const int rc = parse(parser, args, cmd,
                             QStringLiteral("Check profiles and bundles; every problem is listed "
                                            "with its JSON path."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("give at least one PROFILE"), cmd);
    bool allValid = true;
    QJsonArray results;
    for (const QString &ref : parser.positionalArguments()) {
        QString source = ref;
        QList<pf::Issue> issues;
        int count = 1;
        if (ref.endsWith(QLatin1String(".vdsbundle"))) {
            auto b = pf::loadBundle(ref);
            if (!b)
                issues = b.error();
            else
                count = int(b->size());
        } else if (auto p = resolve(ref, source); !p) {
            issues = p.error();
        }
        allValid = allValid && issues.isEmpty();
        if (!parser.isSet(QStringLiteral("json"))) {
            if (issues.isEmpty())
                out(QStringLiteral("%1: valid (%2 profile%3)")
                        .arg(source)
                        .arg(count)
                        .arg(count == 1 ? QString() : QStringLiteral("s")));
            else
                for (const QString &line : pf::describe(source, issues))
                    err(line);
        }
        results.append(QJsonObject{{QStringLiteral("path"), source},
                                   {QStringLiteral("valid"), issues.isEmpty()},
                                   {QStringLiteral("issues"), issuesJson(issues)}});
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(results);
    return allValid ? ExitOk : ExitUsage;
}

bool writeFile(const QString &path, const QByteArray &bytes, const QString &cmd)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        err(QStringLiteral("vdsctl %1: cannot write %2: %3").arg(cmd, path, f.errorString()));
        return false;
    }
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (f.write(bytes) != bytes.size() || !f.commit()) {
        err(QStringLiteral("vdsctl %1: cannot write %2: %3").arg(cmd, path, f.errorString()));
        return false;
    }
    return true;
}

int cmdExport(const QStringList &args)
{
    const QString cmd = QStringLiteral("profile export");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("bundle"),
                      QStringLiteral("Write the profiles to a .vdsbundle."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("command-line"),
                      QStringLiteral("Print the equivalent vdsctl command line.")});
    parser.addOption(
        {QStringLiteral("tsql"),
         QStringLiteral("Print the T-SQL of a backup profile (VIRTUAL_DEVICE and TO DISK).")});
    parser.addOption(
        {QStringLiteral("systemd"),
         QStringLiteral("Write a user service + timer into DIR (e.g. ~/.config/systemd/user)."),
         QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("on-calendar"),
                      QStringLiteral("The timer's OnCalendar= (default daily)."),
                      QStringLiteral("WHEN")});
    parser.addOption(
        {QStringLiteral("password-file"),
         QStringLiteral(
             "For --systemd: the file the service loads the password from (LoadCredential=) when "
             "the profile reads it from the keyring or the environment."),
         QStringLiteral("F")});
    parser.addOption({QStringLiteral("passphrase-file"),
                      QStringLiteral("For --systemd: the file the service loads the age "
                                     "passphrase from (LoadCredential=) when the profile reads it "
                                     "from the environment."),
                      QStringLiteral("F")});
    parser.addOption(
        {QStringLiteral("program"),
         QStringLiteral("For --systemd and --command-line: the vdsctl to run (default: this one)."),
         QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("PROFILE..."), QStringLiteral("Files or names."));
    if (const int rc = parse(
            parser, args, cmd,
            QStringLiteral("Export profiles as a bundle, a command line, T-SQL or systemd units."));
        rc >= 0)
        return rc;
    const int modes = int(parser.isSet(QStringLiteral("bundle"))) +
                      int(parser.isSet(QStringLiteral("command-line"))) +
                      int(parser.isSet(QStringLiteral("tsql"))) +
                      int(parser.isSet(QStringLiteral("systemd")));
    if (modes != 1)
        return usageError(QStringLiteral("give one of --bundle, --command-line, --tsql, --systemd"),
                          cmd);
    if (parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("give at least one PROFILE"), cmd);
    QList<pf::Profile> profiles;
    for (const QString &ref : parser.positionalArguments()) {
        QString source;
        auto p = resolve(ref, source);
        if (!p)
            return reportIssues(cmd, source, p.error());
        profiles.append(*p);
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString self = QCoreApplication::applicationFilePath();
    const QString program =
        parser.isSet(QStringLiteral("program")) ? parser.value(QStringLiteral("program")) : self;
    QJsonArray results;
    if (parser.isSet(QStringLiteral("bundle"))) {
        const QString path = QFileInfo(parser.value(QStringLiteral("bundle"))).absoluteFilePath();
        if (!writeFile(path, pf::bundleJson(profiles), cmd))
            return ExitJobFailed;
        if (json)
            printJson(QJsonObject{{QStringLiteral("bundle"), path},
                                  {QStringLiteral("profiles"), int(profiles.size())}});
        else
            out(QStringLiteral("wrote %1 profile(s) to %2").arg(profiles.size()).arg(path));
        return ExitOk;
    }
    for (const pf::Profile &p : profiles) {
        if (parser.isSet(QStringLiteral("command-line"))) {
            auto line = pf::commandLine(
                p, parser.isSet(QStringLiteral("program")) ? program : QStringLiteral("vdsctl"));
            if (!line)
                return reportIssues(cmd, p.name, line.error());
            json ? results.append(QJsonObject{{QStringLiteral("name"), p.name},
                                              {QStringLiteral("commandLine"), *line}})
                 : out(*line);
        } else if (parser.isSet(QStringLiteral("tsql"))) {
            auto t = pf::tsql(p);
            if (!t)
                return reportIssues(cmd, p.name, t.error());
            if (json) {
                results.append(QJsonObject{
                    {QStringLiteral("name"), p.name},
                    {QStringLiteral("virtualDevice"), QJsonArray::fromStringList(t->virtualDevice)},
                    {QStringLiteral("toDisk"), QJsonArray::fromStringList(t->toDisk)}});
            } else {
                out(QStringLiteral("-- %1: what vdstudio runs (the VDI set name gets a fresh uuid "
                                   "in place of %2)")
                        .arg(p.name, QString::fromLatin1(pf::kUuidPlaceholder)));
                for (const QString &s : t->virtualDevice)
                    out(s + QLatin1Char(';'));
                out(QStringLiteral("-- the same backup written by the server itself (raw .bak "
                                   "files, run it on the server)"));
                for (const QString &s : t->toDisk)
                    out(s + QLatin1Char(';'));
            }
        } else {
            pf::SystemdOptions o;
            o.program = QFileInfo(program).absoluteFilePath();
            o.onCalendar = parser.isSet(QStringLiteral("on-calendar"))
                               ? parser.value(QStringLiteral("on-calendar"))
                               : QStringLiteral("daily");
            o.passwordFile = parser.value(QStringLiteral("password-file"));
            if (parser.isSet(QStringLiteral("passphrase-file")))
                o.passphraseFile =
                    QFileInfo(parser.value(QStringLiteral("passphrase-file"))).absoluteFilePath();
            auto units = pf::systemdUnits(p, o);
            if (!units)
                return reportIssues(cmd, p.name, units.error());
            const QString dir = parser.value(QStringLiteral("systemd"));
            if (!QDir().mkpath(dir)) {
                err(QStringLiteral("vdsctl %1: cannot create %2").arg(cmd, dir));
                return ExitJobFailed;
            }
            const QString service =
                QDir(dir).absoluteFilePath(units->baseName + QStringLiteral(".service"));
            const QString timer =
                QDir(dir).absoluteFilePath(units->baseName + QStringLiteral(".timer"));
            if (!writeFile(service, units->service.toUtf8(), cmd) ||
                !writeFile(timer, units->timer.toUtf8(), cmd))
                return ExitJobFailed;
            json ? results.append(QJsonObject{{QStringLiteral("name"), p.name},
                                              {QStringLiteral("service"), service},
                                              {QStringLiteral("timer"), timer}})
                 : out(QStringLiteral("wrote %1 and %2 (systemctl --user daemon-reload && "
                                      "systemctl --user enable --now %3.timer)")
                           .arg(service, timer, units->baseName));
        }
    }
    if (json)
        printJson(results);
    return ExitOk;
}

int cmdImport(const QStringList &args)
{
    const QString cmd = QStringLiteral("profile import");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("conflict"),
                      QStringLiteral("When a name is taken: keep-both, replace or skip (without it "
                                     "a conflict stops the import)."),
                      QStringLiteral("HOW")});
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Show what would happen; change nothing.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the steps as JSON.")});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A .vdsbundle or a .vdsprofile."));
    if (const int rc = parse(parser, args, cmd, QStringLiteral("Import profiles into the store."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give one FILE"), cmd);
    const QString file = parser.positionalArguments().first();
    QList<pf::Profile> profiles;
    if (file.endsWith(QLatin1String(".vdsprofile"))) {
        auto p = pf::loadProfile(file);
        if (!p)
            return reportIssues(cmd, file, p.error());
        profiles.append(*p);
    } else {
        auto b = pf::loadBundle(file);
        if (!b)
            return reportIssues(cmd, file, b.error());
        profiles = *b;
    }
    std::optional<pf::Conflict> conflict = pf::Conflict::Skip;
    if (parser.isSet(QStringLiteral("conflict"))) {
        conflict = pf::parseConflict(parser.value(QStringLiteral("conflict")));
        if (!conflict)
            return usageError(QStringLiteral("--conflict takes keep-both, replace or skip"), cmd);
    }
    pf::ProfileStore store;
    const auto steps = pf::previewImport(store, profiles, *conflict);
    QStringList taken;
    for (const auto &s : steps)
        if (s.action != pf::ImportStep::Action::Add)
            taken << s.originalName;
    QJsonArray a;
    for (const auto &s : steps)
        a.append(QJsonObject{{QStringLiteral("name"), s.originalName},
                             {QStringLiteral("savedAs"), s.action == pf::ImportStep::Action::Skip
                                                             ? QJsonValue()
                                                             : QJsonValue(s.profile.name)},
                             {QStringLiteral("kind"), pf::kindName(s.profile.kind)},
                             {QStringLiteral("action"), pf::actionName(s.action)}});
    if (!parser.isSet(QStringLiteral("conflict")) && !taken.isEmpty()) {
        err(QStringLiteral("vdsctl %1: these names are taken: %2; choose --conflict keep-both, "
                           "replace or skip (nothing was imported)")
                .arg(cmd, taken.join(QStringLiteral(", "))));
        return ExitUsage;
    }
    if (!parser.isSet(QStringLiteral("dry-run")))
        if (auto r = pf::applyImport(store, steps); !r) {
            err(QStringLiteral("vdsctl %1: %2")
                    .arg(cmd, QString::fromStdString(r.error().toString())));
            return ExitJobFailed;
        }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(a);
    } else {
        for (const auto &s : steps)
            out(QStringLiteral("%1\t%2%3")
                    .arg(pf::actionName(s.action), s.originalName,
                         s.action == pf::ImportStep::Action::Rename
                             ? QStringLiteral(" → ") + s.profile.name
                             : QString()));
        if (parser.isSet(QStringLiteral("dry-run")))
            out(QStringLiteral("(dry run: nothing was changed)"));
    }
    return ExitOk;
}

int cmdSchema(const QStringList &args)
{
    QCommandLineParser parser;
    if (const int rc = parse(parser, args, QStringLiteral("profile schema"),
                             QStringLiteral("Print the JSON Schema of .vdsprofile files."));
        rc >= 0)
        return rc;
    std::fputs(QJsonDocument(pf::jsonSchema()).toJson(QJsonDocument::Indented).constData(), stdout);
    return ExitOk;
}

} // namespace

int runRunProfile(const QStringList &args)
{
    return cmdRun(args, QStringLiteral("run"));
}

int runProfile(const QStringList &args)
{
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    if (verb == QLatin1String("list"))
        return cmdList(rest);
    if (verb == QLatin1String("show"))
        return cmdShow(rest);
    if (verb == QLatin1String("run"))
        return cmdRun(rest, QStringLiteral("profile run"));
    if (verb == QLatin1String("validate"))
        return cmdValidate(rest);
    if (verb == QLatin1String("export"))
        return cmdExport(rest);
    if (verb == QLatin1String("import"))
        return cmdImport(rest);
    if (verb == QLatin1String("schema"))
        return cmdSchema(rest);
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
        out(QStringLiteral("Usage: vdsctl profile list|show|run|validate|export|import|schema ...\n"
                           "Profiles live in $XDG_CONFIG_HOME/vdstudio/profiles; see "
                           "'vdsctl profile VERB --help'."));
        return ExitOk;
    }
    return usageError(
        QStringLiteral("expected list, show, run, validate, export, import or schema"),
        QStringLiteral("profile"));
}

} // namespace vds::cli
