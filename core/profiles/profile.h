#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// A job profile: one job's parameters as a versioned JSON document (`*.vdsprofile`). The format
/// is described in docs/profiles.md. Plain values, any thread.
namespace vds::profiles {

/// The schema version this build writes; older ones are migrated on load (migrate.h).
inline constexpr int kSchemaVersion = 1;
/// A profile file larger than this is refused without being read (a profile is a few hundred
/// bytes; the cap keeps a wrong file from being slurped).
inline constexpr qint64 kMaxProfileBytes = 1024 * 1024;
/// A bundle holds many profiles; the same reasoning with more room.
inline constexpr qint64 kMaxBundleBytes = 16 * 1024 * 1024;
/// Profile names become file names: this many characters at most.
inline constexpr int kMaxNameLength = 100;

enum class Kind { Backup, Restore, Verify, VhdCreate, VhdConvert };

/// "backup", "restore", "verify", "vhd-create", "vhd-convert": the `kind` field, the key of the
/// parameters object and Job::kind() alike.
[[nodiscard]] QString kindName(Kind kind);
[[nodiscard]] std::optional<Kind> parseKind(const QString &name);
[[nodiscard]] QList<Kind> allKinds();

/// One profile. `params` holds the job's parameters keyed by the long option names of the
/// equivalent vdsctl command (jobtable.h), secrets as references only.
struct Profile {
    int schemaVersion = kSchemaVersion;
    Kind kind = Kind::Backup;
    QString name;
    QString description;
    QJsonObject params;

    friend bool operator==(const Profile &, const Profile &) = default;
};

/// One problem found in a document: where (a JSON path such as `backup.stripes` or
/// `[2].name`) and why (English, technical).
struct Issue {
    QString path;
    QString message;
};

/// "nightly.vdsprofile: backup.stripes: must be …" lines, one per issue.
[[nodiscard]] QStringList describe(const QString &source, const QList<Issue> &issues);

/// Why a name cannot name a profile (names become `NAME.vdsprofile`): the id the UI words.
enum class NameRefusal { None, Empty, TooLong, LeadingDot, EdgeSpace, BadCharacter };
[[nodiscard]] NameRefusal nameRefusal(const QString &name);
/// The same reason as English text for files and the command line (empty: the name is fine).
[[nodiscard]] QString nameProblem(const QString &name);

} // namespace vds::profiles
