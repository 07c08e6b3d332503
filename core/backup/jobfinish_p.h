#pragma once

#include <QString>

#include <vds/jobs/jobcontext.h>
#include <vds/jobs/jobresult.h>
#include <vds/jobs/report.h>
#include <vds/util/error.h>

namespace vds::backup {

/// The one way a restore or verify job ends on an error: the error goes into the report and the
/// result; `beforeServer` says nothing was sent to the server yet (vdsctl's exit code 2, not 1).
/// Called on the job's thread.
inline jobs::JobResult finishWith(jobs::JobContext &ctx, Error error, bool beforeServer = false)
{
    const bool cancel = error.category == ErrorCategory::Cancelled;
    ctx.report().line(QString::fromStdString(error.toString()),
                      cancel ? jobs::Report::Status::Cancelled : jobs::Report::Status::Failed);
    jobs::JobResult r =
        cancel ? jobs::JobResult::cancelled() : jobs::JobResult::failure(std::move(error));
    r.stats.extra.insert(QStringLiteral("beforeServer"), beforeServer);
    return r;
}

} // namespace vds::backup
