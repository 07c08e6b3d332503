// backup_codecs_raw: raw stripes (no codec, no encryption): the bytes, both SHA-256s checked by
// sha256sum, the temporary file never visible under the final name, abort and failure leaving
// nothing behind, a full disk reported as DiskFull.
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include <sys/mount.h>
#include <sys/resource.h>

#include "codectestutil.h"

using namespace codectest;
using namespace Qt::Literals::StringLiterals;
using namespace vds::backup;

class TestRaw : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void nothingVisibleBeforeFinish();
    void abortRemovesEverything();
    void existingTargetRefused();
    void badOptionsRefused();
    void diskFull();
    void missingFile();
    void fileSha256MatchesTool();
};

void TestRaw::roundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("piece");
    QTest::newRow("empty") << qsizetype(0) << qsizetype(0);
    QTest::newRow("one byte") << qsizetype(1) << qsizetype(0);
    QTest::newRow("3 MiB+7 in 4 KiB pieces") << qsizetype(3 * 1024 * 1024 + 7) << qsizetype(4096);
    QTest::newRow("5 MiB in 1 MiB pieces") << qsizetype(5 * 1024 * 1024) << qsizetype(1 << 20);
    QTest::newRow("600 KiB in odd pieces") << qsizetype(600 * 1024) << qsizetype(777);
}

void TestRaw::roundTrip()
{
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, piece);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.1of1.bak"_s);
    const QByteArray data = randomData(size);
    StripeWriteOptions o;
    o.path = fsPath(path);
    auto w = writeStripe(o, data, piece);
    QVERIFY2(w.has_value(), w ? "" : w.error().toString().c_str());
    QCOMPARE(w->rawBytes, std::uint64_t(size));
    QCOMPARE(w->fileBytes, std::uint64_t(size));
    QCOMPARE(readFile(path), data);
    QCOMPARE(w->rawSha256, sha256sum(path));
    QCOMPARE(w->fileSha256, sha256sum(path));
    QCOMPARE(entries(dir.path()), QStringList{u"db.1of1.bak"_s});

    auto r = readStripe({fsPath(path), {}, {}}, 100000);
    QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
    QCOMPARE(r->data, data);
    QCOMPARE(r->rawSha256, w->rawSha256);
    QCOMPARE(r->fileSha256, w->fileSha256);
    QCOMPARE(r->rawBytes, std::uint64_t(size));
}

void TestRaw::nothingVisibleBeforeFinish()
{
    QTemporaryDir dir;
    StripeWriteOptions o;
    o.path = fsPath(dir.filePath(u"x.bak"_s));
    auto w = StripeWriter::open(o);
    QVERIFY(w.has_value());
    QVERIFY((*w)->write(bytes(randomData(2 << 20))).has_value());
    QVERIFY(!QFile::exists(dir.filePath(u"x.bak"_s)));
    // With O_TMPFILE nothing is in the folder at all; a fallback name would be a ".partial".
    for (const QString &e : entries(dir.path())) {
        QVERIFY2(e.endsWith(u".partial"_s), qPrintable(e));
    }
    QVERIFY((*w)->finish().has_value());
    QCOMPARE(entries(dir.path()), QStringList{u"x.bak"_s});
    // A finished writer takes nothing more.
    QVERIFY(!(*w)->write(bytes(randomData(10))).has_value());
}

void TestRaw::abortRemovesEverything()
{
    QTemporaryDir dir;
    StripeWriteOptions o;
    o.path = fsPath(dir.filePath(u"x.bak"_s));
    {
        auto w = StripeWriter::open(o);
        QVERIFY(w.has_value());
        QVERIFY((*w)->write(bytes(randomData(1 << 20))).has_value());
        (*w)->abort();
        QCOMPARE(entries(dir.path()), QStringList{});
        auto f = (*w)->finish();
        QVERIFY(!f.has_value());
        QCOMPARE(f.error().category, vds::ErrorCategory::Cancelled);
    }
    {
        auto w = StripeWriter::open(o);
        QVERIFY(w.has_value());
        QVERIFY((*w)->write(bytes(randomData(1 << 20))).has_value());
        // destroyed without finish()
    }
    QCOMPARE(entries(dir.path()), QStringList{});
}

void TestRaw::existingTargetRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.bak"_s);
    QVERIFY(writeFile(path, "old"));
    StripeWriteOptions o;
    o.path = fsPath(path);
    auto w = StripeWriter::open(o);
    QVERIFY(!w.has_value());
    QCOMPARE(w.error().category, vds::ErrorCategory::InvalidArgument);
    QCOMPARE(readFile(path), QByteArray("old"));

    // A file that appears while the stripe is written is not replaced either.
    QVERIFY(QFile::remove(path));
    auto w2 = StripeWriter::open(o);
    QVERIFY(w2.has_value());
    QVERIFY((*w2)->write(bytes(randomData(1000))).has_value());
    QVERIFY(writeFile(path, "racer"));
    auto f = (*w2)->finish();
    QVERIFY(!f.has_value());
    QCOMPARE(f.error().category, vds::ErrorCategory::InvalidArgument);
    QCOMPARE(readFile(path), QByteArray("racer"));
    QCOMPARE(entries(dir.path()), QStringList{u"x.bak"_s});
}

void TestRaw::badOptionsRefused()
{
    QTemporaryDir dir;
    auto refused = [&](StripeWriteOptions o, vds::ErrorCategory category) {
        auto w = StripeWriter::open(std::move(o));
        return !w.has_value() && w.error().category == category;
    };
    StripeWriteOptions o;
    o.path = fsPath(dir.filePath(u"x.bak.zst"_s));
    QVERIFY(refused(o, vds::ErrorCategory::InvalidArgument)); // raw under a .zst name
    o.path = fsPath(dir.filePath(u"missing/x.bak"_s));
    QVERIFY(refused(o, vds::ErrorCategory::NotFound));
    o.path = fsPath(dir.filePath(u"x.bak"_s));
    o.codec = Codec::Zstd;
    QVERIFY(refused(o, vds::ErrorCategory::InvalidArgument)); // zstd without .zst
    o.path = fsPath(dir.filePath(u"x.bak.zst"_s));
    o.zstdLevel = 20;
    QVERIFY(refused(o, vds::ErrorCategory::InvalidArgument));
    o.zstdLevel = 3;
    o.recipients = {"age1notarecipient"};
    QVERIFY(refused(o, vds::ErrorCategory::InvalidArgument)); // recipients without encryption
    QCOMPARE(entries(dir.path()), QStringList{});
    QCOMPARE(stripeSuffix(Codec::Zstd, Encryption::AgeScrypt), std::string(".zst.age"));
    QCOMPARE(stripeSuffix(Codec::None, Encryption::None), std::string());
}

void TestRaw::diskFull()
{
    // A real full filesystem: a 4 MiB tmpfs (we run as root in CI). Where mounting is not
    // allowed, the file size limit gives the kernel's EFBIG on the same write path instead.
    QTemporaryDir dir;
    const QString mountPoint = dir.filePath(u"small"_s);
    QVERIFY(QDir().mkpath(mountPoint));
    const bool mounted =
        ::mount("tmpfs", mountPoint.toLocal8Bit().constData(), "tmpfs", 0, "size=4m") == 0;
    rlimit old{};
    if (!mounted) {
        qInfo("tmpfs mount not permitted: using RLIMIT_FSIZE instead");
        ::signal(SIGXFSZ, SIG_IGN);
        ::getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 4 << 20;
        ::setrlimit(RLIMIT_FSIZE, &small);
    }
    StripeWriteOptions o;
    o.path = fsPath(mountPoint + u"/x.bak"_s);
    auto w = StripeWriter::open(o);
    QVERIFY(w.has_value());
    vds::Error error;
    const QByteArray block = randomData(1 << 20);
    for (int i = 0; i < 16 && !error.isError(); ++i) {
        if (auto r = (*w)->write(bytes(block)); !r) {
            error = r.error();
        }
    }
    if (!error.isError()) {
        auto f = (*w)->finish();
        QVERIFY(!f.has_value());
        error = f.error();
    }
    QCOMPARE(error.category, vds::ErrorCategory::DiskFull);
    QVERIFY(error.context.find("x.bak") != std::string::npos);
    (*w)->abort();
    QCOMPARE(entries(mountPoint), QStringList{});
    if (mounted) {
        QCOMPARE(::umount(mountPoint.toLocal8Bit().constData()), 0);
    } else {
        ::setrlimit(RLIMIT_FSIZE, &old);
    }
}

void TestRaw::missingFile()
{
    QTemporaryDir dir;
    auto r = StripeReader::open({fsPath(dir.filePath(u"none.bak"_s)), {}, {}});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().category, vds::ErrorCategory::NotFound);
    auto h = fileSha256(fsPath(dir.filePath(u"none.bak"_s)));
    QVERIFY(!h.has_value());
    QCOMPARE(h.error().category, vds::ErrorCategory::NotFound);
}

void TestRaw::fileSha256MatchesTool()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"f"_s);
    QVERIFY(writeFile(path, sampleData(9 << 20)));
    auto h = fileSha256(fsPath(path));
    QVERIFY(h.has_value());
    QCOMPARE(*h, sha256sum(path));
}

QTEST_GUILESS_MAIN(TestRaw)
#include "tst_raw.moc"
