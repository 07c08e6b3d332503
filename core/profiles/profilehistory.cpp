#include <vds/profiles/profilehistory.h>

#include <QCommandLineParser>

#include <vds/backup/backupjob.h>
#include <vds/backup/commandline.h>
#include <vds/backup/restorejob.h>
#include <vds/backup/verifyjob.h>
#include <vds/cmdline/vhdarguments.h>
#include <vds/jobs/virtualdiskjob.h>
#include <vds/profiles/jobtable.h>
#include <vds/profiles/profilecodec.h>

namespace vds::profiles {

namespace cl = backup::commandline;

QList<QJsonObject> historyParamsFor(const Profile &profile)
{
    auto args = commandArguments(profile);
    if (!args)
        return {};
    const QStringList words = args->mid(jobTable(profile.kind).command.size());
    if (profile.kind == Kind::VhdCreate || profile.kind == Kind::VhdConvert) {
        auto p = cmdline::parseVhdArguments(args->mid(1));
        if (!p)
            return {};
        return {jobs::VirtualDiskJob(*p).historyParams()};
    }
    QCommandLineParser parser;
    parser.addOptions(jobTable(profile.kind).options);
    if (!parser.parse(QStringList{QStringLiteral("vdsctl")} + words))
        return {};
    QList<QJsonObject> out;
    switch (profile.kind) {
    case Kind::Backup: {
        auto r = cl::backupFrom(parser);
        if (!r)
            return {};
        if (r->databases.empty()) {
            QJsonObject o = backup::BackupJob(r->params).historyParams();
            o.remove(QStringLiteral("database"));
            out.append(o);
        }
        for (const auto &db : r->databases) {
            backup::BackupParams p = r->params;
            p.database = db;
            out.append(backup::BackupJob(p).historyParams());
        }
        break;
    }
    case Kind::Restore:
        if (auto r = cl::restoreFrom(parser))
            out.append(backup::RestoreJob(*r).historyParams());
        break;
    case Kind::Verify:
        if (auto r = cl::verifyFrom(parser))
            out.append(backup::VerifyJob(*r).historyParams());
        break;
    default: break;
    }
    return out;
}

bool isRunOf(const Profile &profile, const history::HistoryEntry &entry,
             const QList<QJsonObject> &expected)
{
    if (entry.kind != kindName(profile.kind))
        return false;
    for (const QJsonObject &e : expected) {
        QJsonObject got = entry.params;
        if (!e.contains(QStringLiteral("database")))
            got.remove(QStringLiteral("database"));
        if (got == e)
            return true;
    }
    return false;
}

std::optional<history::HistoryEntry> lastRun(const Profile &profile,
                                             const QList<history::HistoryEntry> &entries)
{
    const QList<QJsonObject> expected = historyParamsFor(profile);
    if (expected.isEmpty())
        return std::nullopt;
    for (const auto &e : entries)
        if (isRunOf(profile, e, expected))
            return e;
    return std::nullopt;
}

} // namespace vds::profiles
