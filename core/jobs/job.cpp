#include <vds/jobs/job.h>

#include <QElapsedTimer>

#include <exception>

#include <vds/logging/log.h>

#include <spdlog/logger.h>

namespace vds::jobs {

Job::Job(QString title, QObject *parent) : QObject(parent), m_title(std::move(title))
{
    qRegisterMetaType<vds::jobs::JobResult>();
}

Job::~Job() = default;

void Job::run(JobContext &ctx)
{
    if (m_ran.exchange(true))
        return;
    auto logger = vds::log::get("jobs");
    logger->info("job '{}' ({}) started", m_title.toStdString(), kind().toStdString());
    QElapsedTimer clock;
    clock.start();

    JobResult result;
    try {
        result = execute(ctx);
    } catch (const std::exception &e) {
        result = JobResult::failure(
            Error::make(ErrorCategory::Internal, std::string("unexpected exception: ") + e.what()));
    } catch (...) {
        result = JobResult::failure(
            Error::make(ErrorCategory::Internal, "unexpected exception of unknown type"));
    }
    // A job that saw the cancel flag and still returned a failure was cancelled, as far as
    // the user is concerned: report one consistent outcome.
    if (result.status == JobStatus::Failed && ctx.isCancelled() &&
        result.error.category == ErrorCategory::Cancelled)
        result.status = JobStatus::Cancelled;

    const Report::Status closing = result.status == JobStatus::Succeeded ? Report::Status::Succeeded
                                   : result.status == JobStatus::Cancelled
                                       ? Report::Status::Cancelled
                                       : Report::Status::Failed;
    ctx.report().endPhase(closing);
    if (result.report.isEmpty())
        result.report = ctx.report();

    result.stats.seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    if (result.stats.bytesDone == 0)
        result.stats.bytesDone = ctx.done();
    if (result.stats.bytesTotal == 0)
        result.stats.bytesTotal = ctx.total();
    if (result.stats.seconds > 0.0)
        result.stats.averageBytesPerSecond =
            static_cast<double>(result.stats.bytesDone) / result.stats.seconds;

    // The outcome is reported by whoever started the job (a JobView, vdsctl's one error line);
    // the log records it at info, so a failure is not said twice on vdsctl's stderr.
    if (result.status == JobStatus::Failed)
        logger->info("job '{}' failed: {}", m_title.toStdString(), result.error.toString());
    else
        logger->info("job '{}' {} in {:.2f} s", m_title.toStdString(),
                     statusName(result.status).toStdString(), result.stats.seconds);
    emit finished(result);
}

} // namespace vds::jobs
