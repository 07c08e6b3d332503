// An outside program linking the installed core: runs one job through the JobRunner.
#include <QCoreApplication>
#include <cstdio>
#include <vds/info/versions.h>
#include <vds/jobs/job.h>
#include <vds/jobs/jobrunner.h>

class ThreeBytes final : public vds::jobs::Job {
public:
    ThreeBytes() : vds::jobs::Job(QStringLiteral("three")) {}
    QString kind() const override { return QStringLiteral("demo"); }

protected:
    vds::jobs::JobResult execute(vds::jobs::JobContext &ctx) override
    {
        ctx.addDone(3);
        return vds::jobs::JobResult::success();
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    vds::jobs::JobRunner runner;
    QObject::connect(&runner, &vds::jobs::JobRunner::finished, &app,
                     [](vds::jobs::JobId, const vds::jobs::JobResult &r) {
                         std::printf("VdsCore %s: job %s, %llu bytes\n",
                                     qPrintable(vds::info::productVersion()),
                                     qPrintable(vds::jobs::statusName(r.status)),
                                     static_cast<unsigned long long>(r.stats.bytesDone));
                         QCoreApplication::exit(r.succeeded() ? 0 : 1);
                     });
    runner.start(std::make_unique<ThreeBytes>());
    return app.exec();
}
