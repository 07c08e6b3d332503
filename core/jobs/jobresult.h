#pragma once

#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <vds/jobs/report.h>
#include <vds/util/error.h>

namespace vds::jobs {

enum class JobStatus { Succeeded, Failed, Cancelled };

/// Figures every job reports; jobs add their own under `extra` (e.g. "outputPath").
struct JobStatistics {
    quint64 bytesDone = 0;
    quint64 bytesTotal = 0;
    double seconds = 0.0;
    double averageBytesPerSecond = 0.0;
    QVariantMap extra;
};

/// The one outcome of a job. Value type; crosses threads by copy.
struct JobResult {
    JobStatus status = JobStatus::Failed;
    Error error; ///< set when Failed; category Cancelled when Cancelled
    JobStatistics stats;
    Report report;

    [[nodiscard]] bool succeeded() const { return status == JobStatus::Succeeded; }

    static JobResult success(JobStatistics stats = {});
    static JobResult failure(Error error);
    static JobResult cancelled();
};

[[nodiscard]] QString statusName(JobStatus status);

} // namespace vds::jobs

Q_DECLARE_METATYPE(vds::jobs::JobResult)
