#include <QTest>

#include <cerrno>

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include "util/error.h"
#include "util/log.h"

using namespace vds;

class TestUtil : public QObject {
    Q_OBJECT
private slots:
    void errnoCategories()
    {
        QCOMPARE(Error::fromErrno(ENOSPC, "x").category, ErrorCategory::DiskFull);
        QCOMPARE(Error::fromErrno(EACCES, "x").category, ErrorCategory::Permission);
        QCOMPARE(Error::fromErrno(ENOENT, "x").category, ErrorCategory::NotFound);
        QCOMPARE(Error::fromErrno(EIO, "x").category, ErrorCategory::Io);
    }
    void toStringNamesEverything()
    {
        const Error e = Error::fromErrno(ENOSPC, "/mnt/t/a.vhdx", "write");
        const QString s = QString::fromStdString(e.toString());
        QVERIFY(s.startsWith(QStringLiteral("DiskFull: '/mnt/t/a.vhdx': write: ")));
        QVERIFY(s.endsWith(QStringLiteral("[errno 28]")));
        const Error h = Error::fromHresult(static_cast<std::int32_t>(0x80770004u), "protocol");
        QVERIFY(QString::fromStdString(h.toString()).contains(QStringLiteral("0x80770004")));
        Error sql = Error::make(ErrorCategory::Sql, "BACKUP DATABASE is terminating abnormally.");
        sql.native = {NativeKind::Sqlstate, 3013, "42000"};
        QVERIFY(QString::fromStdString(sql.toString())
                    .contains(QStringLiteral("SQLSTATE 42000, Msg 3013")));
    }
    void expectedCarriesError()
    {
        auto f = [](bool ok) -> Expected<int> {
            if (!ok)
                return fail(ErrorCategory::InvalidArgument, "size below 3 MB", "MaximumSize");
            return 42;
        };
        QCOMPARE(f(true).value(), 42);
        QVERIFY(!f(false).has_value());
        QCOMPARE(f(false).error().category, ErrorCategory::InvalidArgument);
    }
    void levels()
    {
        spdlog::level::level_enum l{};
        QVERIFY(log::parseLevel("DEBUG", l));
        QCOMPARE(l, spdlog::level::debug);
        QVERIFY(log::parseLevel("warning", l));
        QCOMPARE(l, spdlog::level::warn);
        QVERIFY(!log::parseLevel("loud", l));
    }
    void moduleLoggersShareSinks()
    {
        std::ostringstream out;
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
        sink->set_pattern("%n|%v");
        log::addSink(sink);
        log::setLevel(spdlog::level::info);
        log::get("vdi")->info("one");
        log::get("vdisk")->debug("hidden");
        log::get("vdisk")->warn("two");
        QCOMPARE(log::get("vdi").get(), log::get("vdi").get());
        log::removeSink(sink);
        log::get("vdi")->warn("after removal");
        QCOMPARE(QString::fromStdString(out.str()), QStringLiteral("vdi|one\nvdisk|two\n"));
    }
};

QTEST_GUILESS_MAIN(TestUtil)
#include "tst_util.moc"
