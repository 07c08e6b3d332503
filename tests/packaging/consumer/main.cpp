// An outside program linking the installed core: runs one job through the JobRunner.
#include <QCoreApplication>
#include <cstdio>
#include <vds/info/versions.h>
#include <vds/jobs/job.h>
#include <vds/jobs/jobrunner.h>

class ThreeBytes final : public vds::Job {
public:
    ThreeBytes() : vds::Job(QStringLiteral("three")) {}
    QString kind() const override { return QStringLiteral("demo"); }

protected:
    vds::JobResult execute(vds::JobContext &ctx) override
    {
        ctx.addDone(3);
        return vds::JobResult::success();
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    vds::JobRunner runner;
    QObject::connect(
        &runner, &vds::JobRunner::finished, &app, [](vds::JobId, const vds::JobResult &r) {
            std::printf("VdsCore %s: job %s, %llu bytes\n", qPrintable(vds::productVersion()),
                        qPrintable(vds::statusName(r.status)),
                        static_cast<unsigned long long>(r.stats.bytesDone));
            QCoreApplication::exit(r.succeeded() ? 0 : 1);
        });
    runner.start(std::make_unique<ThreeBytes>());
    return app.exec();
}
