#pragma once

#include <QString>

#include <optional>

#include <vds/profiles/profile.h>

class QWidget;

namespace vds::profiles {
class ProfileStore;
}

namespace vds::ui {

/// "Save as profile…" for any dialog or wizard: asks for a name (suggesting `profile.name`),
/// asks before replacing a profile of that name, saves it into the store (the default store
/// when `store` is null). Returns the name saved under, nothing when cancelled or refused (the
/// reason is shown). GUI thread only.
std::optional<QString> saveAsProfile(QWidget *parent, const vds::profiles::Profile &profile,
                                     vds::profiles::ProfileStore *store = nullptr);

/// A suggested profile name for a job: "Convert disk.img", "Backup Sales"… (not yet taken in
/// the default store).
QString suggestedProfileName(const vds::profiles::Profile &profile);

} // namespace vds::ui
