#include "ui/backup/backupchecks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <vds/backup/commandline.h>
#include <vds/backup/names.h>

namespace vds::ui::backupcheck {

namespace {

// lupdate files a free function's tr() under the enclosing namespace, so the lookup context
// is that namespace's name too (another name would never find the translation).
QString tr(const char *text)
{
    return QCoreApplication::translate("vds::ui::backupcheck", text);
}

} // namespace

QString folderProblem(const QString &folder)
{
    if (folder.trimmed().isEmpty())
        return tr("Choose a destination folder for the backup files.");
    if (QDir::isRelativePath(folder))
        return tr("The destination “%1” is not a full path: choose a folder, starting with /.")
            .arg(folder);
    // The job creates missing folders: what counts is the nearest folder that exists.
    QFileInfo at(QDir::cleanPath(folder));
    while (!at.exists() && at.absoluteFilePath() != QStringLiteral("/"))
        at = QFileInfo(at.absolutePath());
    if (!at.isDir())
        return tr("“%1” is a file, not a folder: choose a folder for the backup files.")
            .arg(at.absoluteFilePath());
    // Trying is the only honest test: permissions, a read-only mount, ACLs and root's
    // privileges all decide, and only the kernel knows them together.
    QTemporaryFile probe(at.absoluteFilePath() + QStringLiteral("/.vdstudio-write-test-XXXXXX"));
    if (!probe.open()) {
        if (at.absoluteFilePath() == QFileInfo(folder).absoluteFilePath())
            return tr("You cannot write to “%1”: choose another folder, or change its "
                      "permissions.")
                .arg(folder);
        return tr("“%1” does not exist and cannot be made, because you cannot write to “%2”: "
                  "choose another folder.")
            .arg(folder, at.absoluteFilePath());
    }
    return {};
}

QString patternProblem(const QString &pattern)
{
    if (pattern.trimmed().isEmpty())
        return {}; // the default pattern
    const backup::NameTokens sample{"server", "database", backup::BackupType::Full,
                                    QDateTime::currentDateTimeUtc()};
    if (!backup::expandPattern(pattern.toStdString(), sample))
        return tr("The file-name pattern “%1” cannot be used: it may only use the tokens "
                  "{server}, {database}, {type}, {date}, {stripe} and {stripes}, and must stay "
                  "inside the destination folder (no “..”, not starting with /).")
            .arg(pattern);
    return {};
}

QString recipientsProblem(const QStringList &files)
{
    if (files.isEmpty())
        return tr("Add a file of age recipients (public keys, age1…) to encrypt to, or choose "
                  "a passphrase instead.");
    for (const QString &f : files) {
        QFile file(f);
        if (!QFileInfo(f).isFile() || !file.open(QIODevice::ReadOnly))
            return tr("The recipients file “%1” cannot be read: check that it exists and that "
                      "you may read it.")
                .arg(f);
        backup::BackupParams probe;
        probe.encryption.recipientFiles = {f.toStdString()};
        if (!backup::commandline::resolveSecrets(probe))
            return tr("The recipients file “%1” holds no valid age recipient: each line should "
                      "be a public key starting with age1 (as age-keygen prints it).")
                .arg(f);
    }
    return {};
}

QString passphraseProblem(const QString &passphrase, const QString &repeated)
{
    if (passphrase.isEmpty())
        return tr("Enter a passphrase: age encrypts the backup with it, and it is needed to "
                  "restore.");
    if (passphrase != repeated)
        return tr("The two passphrases differ: type the same passphrase twice.");
    return {};
}

QString exampleFileName(const backup::BackupParams &p, const QString &serverName)
{
    const backup::NameTokens tokens{serverName.toStdString(), p.database, p.type,
                                    QDateTime::currentDateTimeUtc()};
    auto base = backup::expandPattern(
        p.namePattern.empty() ? backup::kDefaultNamePattern : p.namePattern, tokens);
    if (!base)
        return {};
    return QString::fromStdString(
        backup::stripeFileName(*base, 1, p.stripes, p.codec, p.encryption.kind));
}

} // namespace vds::ui::backupcheck
