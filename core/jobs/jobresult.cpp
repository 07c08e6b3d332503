#include <vds/jobs/jobresult.h>

namespace vds::jobs {

JobResult JobResult::success(JobStatistics stats)
{
    JobResult r;
    r.status = JobStatus::Succeeded;
    r.stats = std::move(stats);
    return r;
}

JobResult JobResult::failure(Error error)
{
    JobResult r;
    r.status = JobStatus::Failed;
    r.error = std::move(error);
    return r;
}

JobResult JobResult::cancelled()
{
    JobResult r;
    r.status = JobStatus::Cancelled;
    r.error = Error::make(ErrorCategory::Cancelled, "cancelled by the user");
    return r;
}

QString statusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Succeeded: return QStringLiteral("succeeded");
    case JobStatus::Failed: return QStringLiteral("failed");
    case JobStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace vds::jobs
