#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <vds/profiles/profilecodec.h>
#include <vds/util/error.h>

namespace vds::profiles {

class ProfileStore;

/// Bundles (`*.vdsbundle`): a JSON array of profiles, to move several between machines. Plain
/// functions; the import ones act on the store given (its thread).

[[nodiscard]] QByteArray bundleJson(const QList<Profile> &profiles);
/// Every profile checked (paths start with "[i]"); two profiles with one name are refused.
[[nodiscard]] Checked<QList<Profile>> parseBundle(const QByteArray &bytes);
/// A file, refused unread when larger than kMaxBundleBytes.
[[nodiscard]] Checked<QList<Profile>> loadBundle(const QString &path);

/// What to do with a profile whose name is taken.
enum class Conflict { KeepBoth, Replace, Skip };
[[nodiscard]] std::optional<Conflict> parseConflict(const QString &word);

/// One profile's fate in an import.
struct ImportStep {
    enum class Action { Add, Replace, Rename, Skip };
    Profile profile; ///< as it will be saved (renamed for Rename)
    QString originalName;
    Action action = Action::Add;
};
[[nodiscard]] QString actionName(ImportStep::Action action);

/// What importing `profiles` would do, changing nothing.
[[nodiscard]] QList<ImportStep> previewImport(const ProfileStore &store,
                                              const QList<Profile> &profiles, Conflict conflict);
/// Carries out a preview's steps.
[[nodiscard]] Expected<void> applyImport(ProfileStore &store, const QList<ImportStep> &steps);

} // namespace vds::profiles
