#pragma once

#include <QJsonObject>

#include <vds/jobs/report.h>

namespace vds::history {

/// A job report as JSON, for the history and `vdsctl history show --json`:
/// `{"phases": [{"title", "started", "ended", "status", "lines": [{"time", "status", "text"}]}]}`
/// with ISO 8601 UTC times and the report's own status names ("ok", "failed", …).
[[nodiscard]] QJsonObject reportToJson(const jobs::Report &report);

} // namespace vds::history
