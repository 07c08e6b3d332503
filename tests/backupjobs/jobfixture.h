#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

#include "simfixture.h"
#include <vds/backup/params.h>
#include <vds/jobs/job.h>
#include <vds/jobs/jobrunner.h>

namespace vds::test {

/// What a job run looked like from the runner's side: the one result, every progress and
/// throughput sample with its time, how many `finished` signals came.
struct JobRun {
    jobs::JobResult result;
    int finishedSignals = 0;
    struct Sample {
        qint64 ms = 0;
        quint64 done = 0;
        quint64 total = 0;
        QList<double> perChannel;
    };
    QList<Sample> samples;
    QList<QList<quint64>> channelBytes; ///< per sample: every channel's byte count
};

/// Runs a job on a JobRunner of its own and waits (with an event loop) for its end.
/// `onProgress(runner, id, done, total)` may cancel it. Runs on the test's thread.
JobRun runJob(std::unique_ptr<jobs::Job> job,
              std::function<void(jobs::JobRunner &, jobs::JobId, quint64, quint64)> onProgress = {},
              int timeoutMs = 180000);

/// BackupParams against the fixture's simulator (login sa, FreeTDS driver).
backup::BackupParams backupParams(const SimFixture &sim, const std::string &database,
                                  const QString &folder);
backup::RestoreParams restoreParams(const SimFixture &sim, const QString &from,
                                    const std::string &database);

/// The manifest path a succeeded backup reported.
QString manifestOf(const JobRun &run);
/// Every file the folder holds (names only), sorted.
QStringList filesIn(const QString &folder);
/// Runs a program, returns its exit code (-1 when it did not start); stdout into `output`.
int runTool(const QString &program, const QStringList &args, QByteArray *output = nullptr,
            const QByteArray &input = {}, int timeoutMs = 120000);
/// SHA-256 (hex) of bytes.
QString sha256(const QByteArray &bytes);

} // namespace vds::test
