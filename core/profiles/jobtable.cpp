#include <vds/profiles/jobtable.h>

#include <QCommandLineParser>

#include <vds/backup/commandline.h>
#include <vds/cmdline/vhdarguments.h>

namespace vds::profiles {

namespace {

namespace cl = backup::commandline;

/// Options that steer vdsctl itself, not the job: never part of a profile.
bool isRuntimeOption(const QString &name)
{
    return name == QLatin1String("json") || name == QLatin1String("progress") ||
           name == QLatin1String("save-profile");
}

/// Options whose value is a secret's reference: folded into one `password` / `passphrase`
/// object so a reference cannot be confused with a value.
QString secretKey(const QString &option)
{
    if (option == QLatin1String("password-env") || option == QLatin1String("password-file"))
        return QStringLiteral("password");
    if (option == QLatin1String("passphrase-env"))
        return QStringLiteral("passphrase");
    return {};
}

ValueType typeFor(const QCommandLineOption &o, const QStringList &lists)
{
    const QString value = o.valueName();
    if (value.isEmpty())
        return ValueType::Flag;
    if (lists.contains(o.names().first()))
        return ValueType::List;
    if (value == QLatin1String("N") || value == QLatin1String("bytes"))
        return ValueType::Integer;
    if (value.compare(QLatin1String("size"), Qt::CaseInsensitive) == 0)
        return ValueType::Size;
    return ValueType::String;
}

JobTable make(Kind kind, QStringList command, const QList<QCommandLineOption> &options,
              const QStringList &positional, const QStringList &lists)
{
    JobTable t;
    t.kind = kind;
    t.command = std::move(command);
    t.options = options;
    for (const QString &p : positional)
        t.fields.append({p.toLower(), {}, ValueType::String, p, {}, true});
    QStringList secretsSeen;
    for (const QCommandLineOption &o : options) {
        const QString name = o.names().first();
        if (isRuntimeOption(name))
            continue;
        if (const QString secret = secretKey(name); !secret.isEmpty()) {
            if (!secretsSeen.contains(secret))
                t.fields.append({secret, {}, ValueType::Secret, {}, {}, false});
            secretsSeen << secret;
            continue;
        }
        t.fields.append({name, name, typeFor(o, lists), o.valueName(), o.description(), false});
    }
    return t;
}

QList<JobTable> buildTables()
{
    // Which options repeat is what the parsers read with values() (commandline.cpp).
    const QStringList backupLists{QStringLiteral("database"), QStringLiteral("encrypt-to"),
                                  QStringLiteral("encrypt-to-file")};
    const QStringList restoreLists{QStringLiteral("move")};
    const auto server = cl::serverOptions();
    return {
        make(Kind::Backup, {QStringLiteral("backup")}, server + cl::backupOptions(), {},
             backupLists),
        make(Kind::Restore, {QStringLiteral("restore")}, server + cl::restoreOptions(), {},
             restoreLists),
        make(Kind::Verify, {QStringLiteral("verify")}, server + cl::verifyOptions(), {}, {}),
        make(Kind::VhdCreate, {QStringLiteral("vhd"), QStringLiteral("create")},
             cmdline::vhdOptions(cmdline::VhdCommand::Create),
             cmdline::vhdPositionalNames(cmdline::VhdCommand::Create), {}),
        make(Kind::VhdConvert, {QStringLiteral("vhd"), QStringLiteral("convert")},
             cmdline::vhdOptions(cmdline::VhdCommand::Convert),
             cmdline::vhdPositionalNames(cmdline::VhdCommand::Convert), {}),
    };
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

const JobTable &jobTable(Kind kind)
{
    static const QList<JobTable> tables = buildTables();
    return tables[static_cast<int>(kind)];
}

std::optional<ArgumentProblem> checkArguments(Kind kind, const QStringList &args)
{
    if (kind == Kind::VhdCreate || kind == Kind::VhdConvert) {
        const QString verb = jobTable(kind).command.value(1);
        auto p = cmdline::parseVhdArguments(QStringList{verb} + args);
        if (!p)
            return ArgumentProblem{p.error().option, p.error().message};
        // The engine's own rules too (a sparse dynamic disk, a block size VHD has not…): what
        // vdsctl refuses before running is refused in a profile.
        if (const auto refusal = cmdline::vhdRefusal(*p))
            return ArgumentProblem{refusal->option, refusal->message};
        return std::nullopt;
    }
    QCommandLineParser parser;
    parser.addOptions(jobTable(kind).options);
    if (!parser.parse(QStringList{QStringLiteral("vdsctl")} + args))
        return ArgumentProblem{parser.unknownOptionNames().value(0), parser.errorText()};
    if (!parser.positionalArguments().isEmpty())
        return ArgumentProblem{
            {}, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments()[0])};
    Error e;
    switch (kind) {
    case Kind::Backup:
        if (auto r = cl::backupFrom(parser); !r)
            e = r.error();
        break;
    case Kind::Restore:
        if (auto r = cl::restoreFrom(parser); !r)
            e = r.error();
        break;
    case Kind::Verify:
        if (auto r = cl::verifyFrom(parser); !r)
            e = r.error();
        break;
    default: break;
    }
    if (!e.isError())
        return std::nullopt;
    return ArgumentProblem{fromStd(e.context), fromStd(e.message)};
}

} // namespace vds::profiles
