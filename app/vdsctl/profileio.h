#pragma once

#include <QString>
#include <QStringList>

#include <vds/profiles/profile.h>

/// vdsctl's side of profiles shared by the job commands: `--save-profile`.
namespace vds::cli {

/// Writes the profile of `kind` whose command line (after the command's words) is `args` to
/// `target`: a path (`…/x.vdsprofile`), or a bare name saved in the profile store. Prints where
/// (JSON with `json`). Returns the exit code (0, or 2 with every problem listed).
int saveProfile(profiles::Kind kind, const QString &target, const QStringList &args, bool json,
                const QString &command);

/// An absolute form of a path a profile keeps (a profile runs from anywhere: a timer, the GUI).
std::string absolutePath(const std::string &path);

} // namespace vds::cli
