#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>

#include <vds/profiles/profile.h>

/// Profiles to and from JSON and command lines. Reading checks everything and reports every
/// problem with its JSON path; values are checked by the command line's own parsers
/// (jobtable.h), so a profile is valid exactly when its command line is. Plain functions, any
/// thread.
namespace vds::profiles {

template <class T> using Checked = std::expected<T, QList<Issue>>;

/// The command-line words after the command (`--sim --database x …`, or `… -- SOURCE TARGET`)
/// for a kind's parameters object. `prefix` starts every issue's path ("backup").
[[nodiscard]] Checked<QStringList> argumentsFor(Kind kind, const QJsonObject &params,
                                                const QString &prefix);

/// The full argument list after `vdsctl`: command words, then argumentsFor().
[[nodiscard]] Checked<QStringList> commandArguments(const Profile &profile);

/// A profile from the words after the command (`vdsctl backup WORDS…`): the inverse of
/// argumentsFor(). Runtime options (--json, --progress, --save-profile) are dropped.
[[nodiscard]] Checked<Profile> profileFromArguments(Kind kind, const QString &name,
                                                    const QStringList &args);

/// A parsed JSON object → a valid Profile (older schema versions migrated first). `prefix`
/// starts every path (empty for a file, "[3]" inside a bundle).
[[nodiscard]] Checked<Profile> profileFromJson(const QJsonObject &object,
                                               const QString &prefix = {});
/// Bytes of a `.vdsprofile` → a valid Profile.
[[nodiscard]] Checked<Profile> parseProfile(const QByteArray &bytes);
/// A file, refused unread when larger than kMaxProfileBytes.
[[nodiscard]] Checked<Profile> loadProfile(const QString &path);

[[nodiscard]] QJsonObject toJsonObject(const Profile &profile);
/// Indented JSON with a final newline (one key per line: diffs well in git).
[[nodiscard]] QByteArray toJson(const Profile &profile);

/// Reads at most `cap` bytes of `path`; an issue (with the size) when it is larger or unreadable.
[[nodiscard]] Checked<QByteArray> readCapped(const QString &path, qint64 cap);

} // namespace vds::profiles
