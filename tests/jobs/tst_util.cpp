#include <QTest>

#include <cerrno>

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include <vds/logging/log.h>
#include <vds/util/error.h>
#include <vds/util/utf.h>

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
        QVERIFY(QString::fromStdString(h.toString())
                    .endsWith(QStringLiteral("[0x80770004 VD_E_ABORT]")));
        // Codes as people look them up: large ones in hex with the name, small Win32 codes by
        // name with the decimal value.
        const Error full = Error::fromWin32(112, ErrorCategory::DiskFull, "no space");
        QVERIFY(QString::fromStdString(full.toString())
                    .endsWith(QStringLiteral("[ERROR_DISK_FULL (112)]")));
        const Error vhd = Error::fromWin32(0xC03A0012U, ErrorCategory::Unsupported, "too big");
        QVERIFY(QString::fromStdString(vhd.toString())
                    .endsWith(QStringLiteral("[0xC03A0012 ERROR_VHD_INVALID_SIZE]")));
        const Error timeout = Error::fromHresult(static_cast<std::int32_t>(0x80770003u), "wait");
        QVERIFY(QString::fromStdString(timeout.toString())
                    .endsWith(QStringLiteral("[0x80770003 VD_E_TIMEOUT]")));
        const Error unknown = Error::fromWin32(4321, ErrorCategory::Io, "odd");
        QVERIFY(QString::fromStdString(unknown.toString()).endsWith(QStringLiteral("[4321]")));
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
    void utfRoundTrip()
    {
        const std::string text = "caf\xc3\xa9 / \xe6\x97\xa5\xe6\x9c\xac / \xf0\x9f\x92\xbe";
        const std::u16string wide = utf::toUtf16(text);
        QCOMPARE(wide, std::u16string(u"café / 日本 / 💾"));
        QCOMPARE(utf::toUtf8(wide), text);
        QCOMPARE(utf::toUtf8Strict(wide).value(), text);
    }
    void utfBadInput()
    {
        // Truncated, overlong, a lone continuation byte and an encoded surrogate: one U+FFFD per
        // bad byte.
        QCOMPARE(utf::toUtf16("a\xe6\x97"), std::u16string(u"a\uFFFD\uFFFD"));
        QCOMPARE(utf::toUtf16("\xc0\xaf"), std::u16string(u"\uFFFD\uFFFD"));
        QCOMPARE(utf::toUtf16("\x80x"), std::u16string(u"\uFFFDx"));
        QCOMPARE(utf::toUtf16("\xed\xa0\x80"), std::u16string(u"\uFFFD\uFFFD\uFFFD"));
        // Unpaired surrogates: replaced, or refused when strict.
        const std::u16string lone{u'a', char16_t(0xD800), u'b'};
        QCOMPARE(utf::toUtf8(lone), std::string("a\xef\xbf\xbd"
                                                "b"));
        QVERIFY(!utf::toUtf8Strict(lone).has_value());
        QVERIFY(!utf::toUtf8Strict(std::u16string(1, char16_t(0xDC00))).has_value());
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
