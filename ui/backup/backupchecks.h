#pragma once

#include <QString>
#include <QStringList>

#include <vds/backup/params.h>

/// The checks the backup dialog makes before anything starts, each failure worded for people
/// (what is wrong and what to do). They ask core for the rules (names.h for patterns,
/// commandline.h for recipient files) and never parse its messages. GUI thread (tr()).
namespace vds::ui::backupcheck {

/// The folder can be written to by this user: it exists and a file can be made in it, or the
/// nearest existing folder above it allows making it. Empty when fine.
[[nodiscard]] QString folderProblem(const QString &folder);
/// The file-name pattern expands inside the folder with known tokens. Empty when fine.
[[nodiscard]] QString patternProblem(const QString &pattern);
/// Each file is readable and holds at least one age recipient. Empty when fine.
[[nodiscard]] QString recipientsProblem(const QStringList &files);
/// The passphrase is not empty and typed the same twice. Empty when fine.
[[nodiscard]] QString passphraseProblem(const QString &passphrase, const QString &repeated);

/// An example of the files a backup will write (the first stripe and the manifest), from the
/// same rules the job uses, for the dialog to show under the pattern.
[[nodiscard]] QString exampleFileName(const backup::BackupParams &params,
                                      const QString &serverName);

} // namespace vds::ui::backupcheck
