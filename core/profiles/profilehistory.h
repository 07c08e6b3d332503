#pragma once

#include <QJsonObject>
#include <QList>

#include <optional>

#include <vds/history/historyentry.h>
#include <vds/profiles/profile.h>

/// Which history entries are runs of a profile. A profile run is recorded exactly like the
/// equivalent command line (same Job, same Job::historyParams()), so an entry belongs to a
/// profile when its kind and params are the ones the profile's job would record. Plain
/// functions, any thread.
namespace vds::profiles {

/// The params the profile's job(s) record in history; empty when the profile does not parse.
/// A `databases-like` backup's params carry no "database" (it is known only when it runs).
[[nodiscard]] QList<QJsonObject> historyParamsFor(const Profile &profile);

[[nodiscard]] bool isRunOf(const Profile &profile, const history::HistoryEntry &entry,
                           const QList<QJsonObject> &expected);

/// The newest of `entries` (newest first, as HistoryStore::list gives them) that is a run of
/// `profile`.
[[nodiscard]] std::optional<history::HistoryEntry>
lastRun(const Profile &profile, const QList<history::HistoryEntry> &entries);

} // namespace vds::profiles
