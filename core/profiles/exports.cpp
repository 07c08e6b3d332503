#include <vds/profiles/exports.h>

#include <QCommandLineParser>
#include <QRegularExpression>

#include <vds/backup/backupstatement.h>
#include <vds/backup/commandline.h>
#include <vds/backup/names.h>
#include <vds/cmdline/sizeargument.h>
#include <vds/profiles/jobtable.h>

namespace vds::profiles {

namespace {

std::unexpected<QList<Issue>> issue(const QString &path, const QString &message)
{
    return std::unexpected(QList<Issue>{{path, message}});
}

/// One word of an ExecStart= line: systemd expands `%` specifiers and `$` variables, and
/// splits on spaces unless quoted.
QString systemdWord(const QString &word, bool keepSpecifiers = false)
{
    QString w = word;
    if (!keepSpecifiers)
        w.replace(QLatin1Char('%'), QStringLiteral("%%"));
    w.replace(QLatin1Char('$'), QStringLiteral("$$"));
    const bool plain = !w.isEmpty() && std::all_of(w.cbegin(), w.cend(), [](QChar c) {
        return c.isLetterOrNumber() || QStringLiteral("-_./:=,@+%{}").contains(c);
    });
    if (plain)
        return w;
    w.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    w.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + w + QLatin1Char('"');
}

} // namespace

Checked<QString> commandLine(const Profile &profile, const QString &program)
{
    auto args = commandArguments(profile);
    if (!args)
        return std::unexpected(args.error());
    return cmdline::shellCommand(QStringList{program} + *args);
}

Checked<TsqlExport> tsql(const Profile &profile)
{
    if (profile.kind != Kind::Backup)
        return issue(kindName(profile.kind),
                     QStringLiteral("T-SQL export is for backup profiles: a restore's statements "
                                    "depend on the backup chain found when it runs"));
    auto args = argumentsFor(profile.kind, profile.params, kindName(profile.kind));
    if (!args)
        return std::unexpected(args.error());
    QCommandLineParser parser;
    parser.addOptions(jobTable(profile.kind).options);
    parser.parse(QStringList{QStringLiteral("vdsctl")} + *args);
    auto request = backup::commandline::backupFrom(parser);
    if (!request)
        return issue(kindName(profile.kind), QString::fromStdString(request.error().message));
    std::vector<std::string> databases = request->databases;
    if (databases.empty())
        databases.push_back("{database}");
    TsqlExport out;
    for (const std::string &db : databases) {
        backup::BackupParams p = request->params;
        p.database = db;
        const std::string set = backup::setName(db, kUuidPlaceholder);
        const auto devices = backup::deviceNames(set, p.stripes);
        sql::BackupSpec spec = backup::backupSpec(p, set, devices);
        auto vdi = sql::buildBackup(spec);
        if (!vdi)
            return issue(kindName(profile.kind), QString::fromStdString(vdi.error().message));
        out.virtualDevice << QString::fromStdString(*vdi);
        // By hand the server writes the files itself, raw: the names the job would give its
        // stripes before compression and encryption, under the same folder.
        const std::string pattern =
            p.namePattern.empty() ? std::string(backup::kDefaultNamePattern) : p.namePattern;
        // {date} as of now: the moment a DBA would run it.
        const backup::NameTokens tokens{p.server.display(), db, p.type,
                                        QDateTime::currentDateTimeUtc()};
        auto base = backup::expandPattern(pattern, tokens);
        if (!base)
            return issue(kindName(profile.kind), QString::fromStdString(base.error().message));
        const std::string b = *base;
        for (int i = 1; i <= p.stripes; ++i)
            spec.disks.push_back(
                (p.directory / backup::stripeFileName(b, i, p.stripes, backup::Codec::None,
                                                      backup::Encryption::None))
                    .string());
        auto disk = sql::buildBackup(spec);
        if (!disk)
            return issue(kindName(profile.kind), QString::fromStdString(disk.error().message));
        out.toDisk << QString::fromStdString(*disk);
    }
    return out;
}

QString unitNameFor(const QString &profileName)
{
    QString out;
    for (const char c : profileName.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '/')
            out += QLatin1Char('-');
        else if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                 c == ':' || c == '_' || (c == '.' && !out.isEmpty()))
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return out;
}

Checked<SystemdUnits> systemdUnits(const Profile &profile, const SystemdOptions &o)
{
    if (!o.program.startsWith(QLatin1Char('/')))
        return issue(QStringLiteral("program"),
                     QStringLiteral("must be an absolute path, got \"%1\"").arg(o.program));
    const QString calendar = o.onCalendar.trimmed();
    if (calendar.isEmpty() || calendar.contains(QLatin1Char('\n')))
        return issue(QStringLiteral("OnCalendar"),
                     QStringLiteral("must be one systemd calendar expression (e.g. daily)"));
    Profile p = profile;
    const QString passphraseVar = p.params.value(QStringLiteral("passphrase"))
                                      .toObject()
                                      .value(QStringLiteral("env"))
                                      .toString();
    if (!passphraseVar.isEmpty()) {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!name.match(passphraseVar).hasMatch())
            return issue(
                kindName(p.kind) + QStringLiteral(".passphrase.env"),
                QStringLiteral("\"%1\" is not a name a shell can export").arg(passphraseVar));
        if (!o.passphraseFile.startsWith(QLatin1Char('/')))
            return issue(kindName(p.kind) + QStringLiteral(".passphrase"),
                         QStringLiteral("a timer cannot reach your shell's environment: name the "
                                        "file holding the passphrase (an absolute path)"));
    }
    QString credential;
    const QString kind = kindName(p.kind);
    const QJsonObject password = p.params.value(QStringLiteral("password")).toObject();
    if (!password.isEmpty()) {
        credential = password.value(QStringLiteral("file")).toString();
        if (credential.isEmpty())
            credential = o.passwordFile;
        if (credential.isEmpty())
            return issue(kind + QStringLiteral(".password"),
                         QStringLiteral("a timer reaches neither the keyring nor your shell's "
                                        "environment: name a file holding the password"));
        if (!credential.startsWith(QLatin1Char('/')))
            return issue(kind + QStringLiteral(".password"),
                         QStringLiteral("the password file must be an absolute path, got \"%1\"")
                             .arg(credential));
        // The service reads it from its credentials directory (%d), not from the user's file.
        p.params.insert(QStringLiteral("password"),
                        QJsonObject{{QStringLiteral("file"), QStringLiteral("%d/password")}});
    }
    auto args = commandArguments(p);
    if (!args)
        return std::unexpected(args.error());
    QStringList words;
    if (!passphraseVar.isEmpty()) {
        // vdsctl reads the passphrase from the environment: a shell puts it there from the
        // credential and then becomes the command ($0 "$@" are the words after the script).
        words << QStringLiteral("/bin/sh") << QStringLiteral("-c")
              << systemdWord(QStringLiteral("%1=\"$(cat \"${CREDENTIALS_DIRECTORY}/passphrase\")\" "
                                            "&& export %1 && exec \"$0\" \"$@\"")
                                 .arg(passphraseVar));
    }
    words << systemdWord(o.program);
    for (const QString &a : *args)
        words << systemdWord(a, a == QLatin1String("%d/password"));
    SystemdUnits u;
    u.baseName = QStringLiteral("vdstudio-") + unitNameFor(p.name);
    QString s;
    s += QStringLiteral("# Generated by vdstudio from the profile \"%1\" (%2).\n")
             .arg(p.name, kindName(p.kind));
    s += QStringLiteral("[Unit]\nDescription=vdstudio profile %1\n").arg(p.name);
    s += QStringLiteral("Documentation=man:vdsctl(1)\n\n[Service]\nType=oneshot\n");
    if (!credential.isEmpty())
        s += QStringLiteral("LoadCredential=password:%1\n").arg(systemdWord(credential));
    if (!passphraseVar.isEmpty())
        s += QStringLiteral("LoadCredential=passphrase:%1\n").arg(systemdWord(o.passphraseFile));
    s += QStringLiteral("ExecStart=%1\n").arg(words.join(QLatin1Char(' ')));
    u.service = s;
    QString t;
    t += QStringLiteral("# Generated by vdstudio from the profile \"%1\".\n").arg(p.name);
    t += QStringLiteral("[Unit]\nDescription=Run the vdstudio profile %1 on a schedule\n\n")
             .arg(p.name);
    t += QStringLiteral("[Timer]\nOnCalendar=%1\nPersistent=true\nUnit=%2.service\n\n")
             .arg(calendar, u.baseName);
    t += QStringLiteral("[Install]\nWantedBy=timers.target\n");
    u.timer = t;
    return u;
}

} // namespace vds::profiles
