#pragma once

#include <QMap>
#include <QString>

#include <vds/profiles/profilecodec.h>

/// What a profile becomes outside vdstudio: the equivalent vdsctl command line, the T-SQL a DBA
/// could run by hand, a systemd user service + timer. Each is built from the same mapping the
/// job runs with (jobtable.h, backupstatement.h). Plain functions, any thread.
namespace vds::profiles {

/// `vdsctl backup --sim --database x --to /srv/b` quoted for a POSIX shell.
[[nodiscard]] Checked<QString> commandLine(const Profile &profile,
                                           const QString &program = QStringLiteral("vdsctl"));

/// The BACKUP statements of a backup profile, one per named database. The VDI set name is
/// shown as `vdstudio-<database>-{uuid}` (the job puts a fresh uuid there on every run).
struct TsqlExport {
    QStringList virtualDevice; ///< what the job sends over ODBC
    QStringList toDisk;        ///< the same backup to files on the server (`{stripe}` files)
};
/// Backup profiles only (a restore's statements depend on the chain found when it runs).
/// `--databases-like` profiles give one statement with `{database}` in place of the name.
[[nodiscard]] Checked<TsqlExport> tsql(const Profile &profile);
/// The uuid placeholder in TsqlExport statements.
inline constexpr const char *kUuidPlaceholder = "{uuid}";

struct SystemdOptions {
    QString program;    ///< absolute path of vdsctl
    QString onCalendar; ///< e.g. "daily", "Mon..Fri 02:00"
    /// For a keyring or environment password reference: the file the service loads the password
    /// from (a timer reaches neither the keyring nor the user's shell environment).
    QString passwordFile;
    /// For an age passphrase read from the environment: the file the service loads it from.
    QString passphraseFile;
};
struct SystemdUnits {
    QString baseName; ///< `vdstudio-NAME` (unit names: `baseName.service`, `baseName.timer`)
    QString service;
    QString timer;
};
/// A user service (`Type=oneshot`, ExecStart = the command line) and its timer. Secrets reach
/// the service with `LoadCredential=` from a file, never written into the unit: a password as
/// `--password-file %d/password`; a passphrase (read by vdsctl from the environment) through a
/// `/bin/sh -c` that exports it from the credentials directory and execs the command.
[[nodiscard]] Checked<SystemdUnits> systemdUnits(const Profile &profile,
                                                 const SystemdOptions &options);
/// `NAME` made into a unit name component (systemd-escape style: `-` for spaces and slashes,
/// `\xNN` for the rest outside [A-Za-z0-9:_.]).
[[nodiscard]] QString unitNameFor(const QString &profileName);

} // namespace vds::profiles
