// backup_codecs_zstd: zstd stripes both ways with the zstd CLI as the oracle — `zstd -d` reads
// what we write (any level, single- and multi-threaded), we read what `zstd` writes (also
// concatenated frames), and both SHA-256s agree with sha256sum.
#include <QTemporaryDir>
#include <QtTest>

#include "codectestutil.h"

using namespace codectest;
using namespace Qt::Literals::StringLiterals;
using namespace vds::backup;

class TestZstd : public QObject {
    Q_OBJECT

private slots:
    void zstdReadsOurs_data();
    void zstdReadsOurs();
    void weReadZstds_data();
    void weReadZstds();
    void concatenatedFrames();
};

void TestZstd::zstdReadsOurs_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("threads");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<bool>("random");
    QTest::newRow("level 1, single") << 1 << 0 << qsizetype(6 << 20) << false;
    QTest::newRow("level 3, 2 workers") << 3 << 2 << qsizetype(24 << 20) << false;
    QTest::newRow("level 19, single, small") << 19 << 0 << qsizetype(300000) << false;
    QTest::newRow("level 3, incompressible") << 3 << 1 << qsizetype(3 << 20) << true;
    QTest::newRow("empty") << 3 << 0 << qsizetype(0) << false;
}

void TestZstd::zstdReadsOurs()
{
    QFETCH(int, level);
    QFETCH(int, threads);
    QFETCH(qsizetype, size);
    QFETCH(bool, random);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.1of1.bak.zst"_s);
    const QByteArray data = random ? randomData(size) : sampleData(size);
    StripeWriteOptions o;
    o.path = fsPath(path);
    o.codec = Codec::Zstd;
    o.zstdLevel = level;
    o.zstdThreads = threads;
    auto w = writeStripe(o, data, 256 * 1024 + 3);
    QVERIFY2(w.has_value(), w ? "" : w.error().toString().c_str());
    QCOMPARE(w->rawBytes, std::uint64_t(size));
    QCOMPARE(w->fileBytes, std::uint64_t(QFileInfo(path).size()));
    QCOMPARE(w->fileSha256, sha256sum(path));
    if (!random && size > 0) {
        QVERIFY2(w->fileBytes * 2 < w->rawBytes, "sample data should compress");
    }

    const Run d = run(u"zstd"_s, {u"-d"_s, u"-q"_s, u"-c"_s, path});
    QVERIFY2(d.exitCode == 0, d.err.constData());
    QCOMPARE(d.out.size(), data.size());
    QVERIFY(d.out == data);
    const Run sum = run(u"sha256sum"_s, {}, d.out);
    QCOMPARE(sum.out.left(64).toStdString(), w->rawSha256);

    auto r = readStripe({fsPath(path), {}, {}}, 65536 + 5);
    QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
    QVERIFY(r->data == data);
    QCOMPARE(r->rawSha256, w->rawSha256);
    QCOMPARE(r->fileSha256, w->fileSha256);
}

void TestZstd::weReadZstds_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("-1") << QStringList{u"-1"_s};
    QTest::newRow("-3 -T2") << QStringList{u"-3"_s, u"-T2"_s};
    QTest::newRow("-19 --no-check") << QStringList{u"-19"_s, u"--no-check"_s};
    QTest::newRow("--long=27") << QStringList{u"--long=27"_s, u"-T2"_s};
}

void TestZstd::weReadZstds()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.bak.zst"_s);
    const QByteArray data = sampleData(5 << 20, 3);
    const Run c = run(u"zstd"_s, QStringList{u"-q"_s, u"-c"_s} + args, data);
    QVERIFY2(c.exitCode == 0, c.err.constData());
    QVERIFY(writeFile(path, c.out));
    auto r = readStripe({fsPath(path), {}, {}});
    QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
    QVERIFY(r->data == data);
    QCOMPARE(r->fileSha256, sha256sum(path));
    const Run sum = run(u"sha256sum"_s, {}, data);
    QCOMPARE(r->rawSha256, sum.out.left(64).toStdString());
}

void TestZstd::concatenatedFrames()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.bak.zst"_s);
    const QByteArray a = sampleData(1 << 20, 4);
    const QByteArray b = randomData(70000, 5);
    const Run ca = run(u"zstd"_s, {u"-q"_s, u"-c"_s}, a);
    const Run cb = run(u"zstd"_s, {u"-q"_s, u"-c"_s}, b);
    QVERIFY(ca.exitCode == 0 && cb.exitCode == 0);
    QVERIFY(writeFile(path, ca.out + cb.out));
    auto r = readStripe({fsPath(path), {}, {}}, 4096);
    QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
    QVERIFY(r->data == a + b);
}

QTEST_GUILESS_MAIN(TestZstd)
#include "tst_zstd.moc"
