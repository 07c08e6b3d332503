#include "profileio.h"

#include "cli.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

#include <vds/profiles/profilecodec.h>
#include <vds/profiles/profilestore.h>

namespace vds::cli {

std::string absolutePath(const std::string &path)
{
    if (path.empty() || path.front() == '/')
        return path;
    return QDir::current().absoluteFilePath(QString::fromStdString(path)).toStdString();
}

namespace {

/// A bare word (no '/', no suffix) names a profile in the store; anything else is a file.
bool isStoreName(const QString &target)
{
    return !target.contains(QLatin1Char('/')) && !target.endsWith(QLatin1String(".vdsprofile"));
}

QString nameFromPath(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    if (name.endsWith(QLatin1String(".vdsprofile")))
        name.chop(qsizetype(qstrlen(".vdsprofile")));
    return name;
}

} // namespace

int saveProfile(profiles::Kind kind, const QString &target, const QStringList &args, bool json,
                const QString &command)
{
    const bool inStore = isStoreName(target);
    const QString name = inStore ? target : nameFromPath(target);
    auto profile = profiles::profileFromArguments(kind, name, args);
    if (!profile) {
        for (const QString &line : profiles::describe(target, profile.error()))
            err(QStringLiteral("vdsctl %1: %2").arg(command, line));
        return ExitUsage;
    }
    QString path;
    if (inStore) {
        profiles::ProfileStore store;
        if (auto s = store.save(*profile); !s) {
            err(QStringLiteral("vdsctl %1: %2")
                    .arg(command, QString::fromStdString(s.error().toString())));
            return ExitJobFailed;
        }
        path = store.pathFor(name);
    } else {
        path = QFileInfo(target).absoluteFilePath();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            err(QStringLiteral("vdsctl %1: cannot write %2: %3")
                    .arg(command, path, file.errorString()));
            return ExitJobFailed;
        }
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray bytes = profiles::toJson(*profile);
        if (file.write(bytes) != bytes.size() || !file.commit()) {
            err(QStringLiteral("vdsctl %1: cannot write %2: %3")
                    .arg(command, path, file.errorString()));
            return ExitJobFailed;
        }
    }
    if (json)
        printJson(QJsonObject{{QStringLiteral("status"), QStringLiteral("saved")},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("kind"), profiles::kindName(kind)},
                              {QStringLiteral("path"), path}});
    else
        out(QStringLiteral("saved the profile \"%1\" to %2 (nothing was run)").arg(name, path));
    return ExitOk;
}

} // namespace vds::cli
