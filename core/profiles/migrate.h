#pragma once

#include <QJsonObject>
#include <QList>

#include <vds/profiles/profile.h>

/// Brings a profile object written by an older schema version up to kSchemaVersion, one step at
/// a time (docs/profiles.md, "Schema versions"). Plain functions, any thread.
namespace vds::profiles {

/// Rewrites `object` in place. A version newer than this build's is an issue naming the
/// version needed; a missing or non-integer version too.
[[nodiscard]] QList<Issue> migrate(QJsonObject &object, const QString &prefix);

} // namespace vds::profiles
