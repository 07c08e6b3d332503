#pragma once

#include <vds/backup/commandline.h>
#include <vds/profiles/profilecodec.h>
#include <vds/vdisk/createvirtualdisk.h>

/// A profile from a job's Params value, as a dialog or wizard holds it ("Save as profile"):
/// the Params go to words through the command-line mapping that owns them, and the words to a
/// profile. Paths are kept as given (dialogs give absolute ones). Plain functions, any thread.
namespace vds::profiles {

[[nodiscard]] Checked<Profile> profileFor(const vdisk::CreateParams &params, const QString &name);
[[nodiscard]] Checked<Profile> profileFor(const backup::commandline::BackupRequest &request,
                                          const QString &name);
/// One database's backup as the backup dialog runs it.
[[nodiscard]] Checked<Profile> profileFor(const backup::BackupParams &params, const QString &name);
[[nodiscard]] Checked<Profile> profileFor(const backup::RestoreParams &params, const QString &name);
[[nodiscard]] Checked<Profile> profileFor(const backup::VerifyParams &params, const QString &name);

} // namespace vds::profiles
