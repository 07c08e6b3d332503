#pragma once

#include <QString>

#include <vds/connections/connectioncheck.h>
#include <vds/connections/passwordvault.h>

namespace vds::ui {

/// A connection-test finding worded for people: what is wrong, and how to fix it.
struct FindingText {
    QString headline;
    QString fix;
};

[[nodiscard]] FindingText describe(const connections::CheckFinding &finding);
/// The whole result as rich text for the dialog's result area (a line per finding, or what
/// was reached when everything is fine).
[[nodiscard]] QString describeResult(const connections::CheckResult &result);
/// "No keyring: the password is kept for this session only." and friends.
[[nodiscard]] QString storageNotice(connections::PasswordStorage storage);

} // namespace vds::ui
