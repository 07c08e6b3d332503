// backup_codecs_errors: every way a stripe can be unreadable, each with its category and at the
// right moment — wrong identity or passphrase at open() (Permission), damage at read() (Format),
// not-age/not-zstd at open() (Format), truncation (Format), a missing file (NotFound).
#include <QTemporaryDir>
#include <QtTest>

#include "agetestutil.h"

using namespace codectest;
using namespace Qt::Literals::StringLiterals;
using namespace vds::backup;
using vds::ErrorCategory;

namespace {

/// Opens and reads to the end; the first error and whether it came from open().
struct Outcome {
    bool ok = false;
    bool atOpen = false;
    ErrorCategory category = ErrorCategory::None;
    std::string message;
};

Outcome consume(const StripeReadOptions &options)
{
    Outcome o;
    auto r = StripeReader::open(options);
    if (!r) {
        o.atOpen = true;
        o.category = r.error().category;
        o.message = r.error().toString();
        return o;
    }
    std::vector<std::byte> buf(100000);
    for (;;) {
        auto n = (*r)->read(buf);
        if (!n) {
            o.category = n.error().category;
            o.message = n.error().toString();
            // A failed reader stays failed.
            auto again = (*r)->read(buf);
            if (again.has_value()) {
                o.category = ErrorCategory::Internal;
            }
            return o;
        }
        if (*n == 0) {
            o.ok = true;
            return o;
        }
    }
}

QByteArray flipped(QByteArray data, qsizetype at)
{
    data[at] = static_cast<char>(data[at] ^ 0x20);
    return data;
}

} // namespace

class TestErrors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongKeys();
    void flippedByte_data();
    void flippedByte();
    void truncated_data();
    void truncated();
    void notOurFormat();
    void missing();
    void existingEncryptedTarget();

private:
    QString write(const QString &name, Codec codec, Encryption encryption);

    QTemporaryDir dir_;
    AgeKey alice_;
    AgeKey eve_;
    QByteArray data_;
};

void TestErrors::initTestCase()
{
    alice_ = ageKeygen(dir_.filePath(u"alice.txt"_s));
    eve_ = ageKeygen(dir_.filePath(u"eve.txt"_s));
    QVERIFY(!alice_.secret.empty() && !eve_.secret.empty());
    data_ = sampleData((3 << 20) + 1234, 21); // not a whole number of age chunks
}

QString TestErrors::write(const QString &name, Codec codec, Encryption encryption)
{
    const QString path = dir_.filePath(name);
    QFile::remove(path);
    StripeWriteOptions o;
    o.path = fsPath(path);
    o.codec = codec;
    o.encryption = encryption;
    if (encryption == Encryption::AgeX25519) {
        o.recipients = {alice_.recipient};
    } else if (encryption == Encryption::AgeScrypt) {
        o.passphrase = "pw";
        o.scryptLogN = 10;
    }
    auto w = writeStripe(o, data_, 1 << 20);
    return w ? path : QString();
}

void TestErrors::wrongKeys()
{
    const QString x = write(u"w.bak.zst.age"_s, Codec::Zstd, Encryption::AgeX25519);
    QVERIFY(!x.isEmpty());
    Outcome o = consume({fsPath(x), {eve_.secret}, {}});
    QVERIFY(o.atOpen);
    QCOMPARE(o.category, ErrorCategory::Permission);
    o = consume({fsPath(x), {}, {}});
    QVERIFY(o.atOpen);
    QCOMPARE(o.category, ErrorCategory::Permission);
    o = consume({fsPath(x), {}, "pw"}); // a passphrase for a recipient file
    QCOMPARE(o.category, ErrorCategory::Permission);
    o = consume({fsPath(x), {"AGE-SECRET-KEY-1BROKEN"}, {}});
    QCOMPARE(o.category, ErrorCategory::InvalidArgument);
    QVERIFY(consume({fsPath(x), {eve_.secret, alice_.secret}, {}}).ok);

    const QString p = write(u"w.bak.age"_s, Codec::None, Encryption::AgeScrypt);
    QVERIFY(!p.isEmpty());
    o = consume({fsPath(p), {}, "PW"});
    QVERIFY(o.atOpen);
    QCOMPARE(o.category, ErrorCategory::Permission);
    o = consume({fsPath(p), {alice_.secret}, {}});
    QCOMPARE(o.category, ErrorCategory::Permission);
    QVERIFY(consume({fsPath(p), {}, "pw"}).ok);
}

void TestErrors::flippedByte_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("codec");
    QTest::addColumn<int>("encryption");
    QTest::addColumn<double>("where"); // fraction of the file
    QTest::addColumn<bool>("atOpen");
    QTest::newRow("age payload middle") << u"f1.bak.age"_s << 0 << 1 << 0.5 << false;
    QTest::newRow("age last chunk") << u"f2.bak.age"_s << 0 << 1 << 0.9999 << false;
    QTest::newRow("zstd middle") << u"f3.bak.zst"_s << 1 << 0 << 0.5 << false;
    QTest::newRow("zstd end (checksum)") << u"f4.bak.zst"_s << 1 << 0 << 0.99999 << false;
    QTest::newRow("zstd+age middle") << u"f5.bak.zst.age"_s << 1 << 1 << 0.5 << false;
    QTest::newRow("scrypt payload") << u"f6.bak.age"_s << 0 << 2 << 0.7 << false;
}

void TestErrors::flippedByte()
{
    QFETCH(QString, name);
    QFETCH(int, codec);
    QFETCH(int, encryption);
    QFETCH(double, where);
    QFETCH(bool, atOpen);
    const QString path = write(name, Codec(codec), Encryption(encryption));
    QVERIFY(!path.isEmpty());
    const QByteArray file = readFile(path);
    QVERIFY(writeFile(path, flipped(file, qsizetype(double(file.size() - 1) * where))));
    const Outcome o = consume({fsPath(path), {alice_.secret}, "pw"});
    QVERIFY2(!o.ok, "damage went unnoticed");
    QCOMPARE(o.atOpen, atOpen);
    QCOMPARE(o.category, ErrorCategory::Format);
    qInfo("%s", o.message.c_str());
}

void TestErrors::truncated_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("codec");
    QTest::addColumn<int>("encryption");
    QTest::addColumn<qsizetype>("cut"); // bytes removed from the end; negative: kept from start
    QTest::addColumn<bool>("atOpen");
    QTest::newRow("age: one byte short") << u"t1.bak.age"_s << 0 << 1 << qsizetype(1) << false;
    // Exactly the last chunk gone: every remaining chunk authenticates, but none as the last.
    QTest::newRow("age: at a chunk boundary")
        << u"t2.bak.age"_s << 0 << 1 << qsizetype(-1) << false;
    QTest::newRow("age: inside the header") << u"t3.bak.age"_s << 0 << 1 << qsizetype(-60) << true;
    QTest::newRow("age: header only") << u"t4.bak.age"_s << 0 << 1 << qsizetype(-2) << false;
    QTest::newRow("zstd: one byte short") << u"t5.bak.zst"_s << 1 << 0 << qsizetype(1) << false;
    QTest::newRow("zstd: half") << u"t6.bak.zst"_s << 1 << 0 << qsizetype(-3) << false;
    QTest::newRow("zstd+age: half") << u"t7.bak.zst.age"_s << 1 << 1 << qsizetype(-3) << false;
    QTest::newRow("zstd: empty file") << u"t8.bak.zst"_s << 1 << 0 << qsizetype(-4) << true;
    QTest::newRow("age: empty file") << u"t9.bak.age"_s << 0 << 1 << qsizetype(-4) << true;
}

void TestErrors::truncated()
{
    QFETCH(QString, name);
    QFETCH(int, codec);
    QFETCH(int, encryption);
    QFETCH(qsizetype, cut);
    QFETCH(bool, atOpen);
    const QString path = write(name, Codec(codec), Encryption(encryption));
    QVERIFY(!path.isEmpty());
    QByteArray file = readFile(path);
    const qsizetype header = file.indexOf("\n--- ") + 5 + 43 + 1; // through the MAC line
    qsizetype keep = file.size() - cut;
    if (cut == -1) {
        // age payload: nonce + full chunks; drop the last (partial) chunk exactly.
        const qsizetype payload = file.size() - header - 16;
        keep = header + 16 + (payload / (65536 + 16)) * (65536 + 16);
        QVERIFY(keep < file.size());
    } else if (cut == -60) {
        keep = 60;
    } else if (cut == -2) {
        keep = header + 16;
    } else if (cut == -3) {
        keep = file.size() / 2;
    } else if (cut == -4) {
        keep = 0;
    }
    file.truncate(keep);
    QVERIFY(writeFile(path, file));
    const Outcome o = consume({fsPath(path), {alice_.secret}, {}});
    QVERIFY2(!o.ok, "truncation went unnoticed");
    QCOMPARE(o.atOpen, atOpen);
    QCOMPARE(o.category, ErrorCategory::Format);
    qInfo("%s", o.message.c_str());
}

void TestErrors::notOurFormat()
{
    const QString zst = dir_.filePath(u"n.bak.zst"_s);
    QVERIFY(writeFile(zst, sampleData(100000)));
    Outcome o = consume({fsPath(zst), {}, {}});
    QVERIFY(o.atOpen);
    QCOMPARE(o.category, ErrorCategory::Format);

    const QString age = dir_.filePath(u"n.bak.age"_s);
    QVERIFY(writeFile(age, randomData(100000)));
    o = consume({fsPath(age), {alice_.secret}, {}});
    QVERIFY(o.atOpen);
    QCOMPARE(o.category, ErrorCategory::Format);

    // Well-formed age whose content is not zstd, under ".zst.age".
    const QString both = dir_.filePath(u"n.bak.zst.age"_s);
    const Run e = run(u"age"_s, {u"-r"_s, QString::fromStdString(alice_.recipient), u"-o"_s, both},
                      sampleData(5000));
    QVERIFY(e.exitCode == 0);
    o = consume({fsPath(both), {alice_.secret}, {}});
    QVERIFY(o.atOpen);
    QCOMPARE(o.category, ErrorCategory::Format);

    // Trailing bytes after a complete zstd frame, and after age's last chunk.
    const QString z2 = write(u"g.bak.zst"_s, Codec::Zstd, Encryption::None);
    QVERIFY(writeFile(z2, readFile(z2) + "garbage!"));
    o = consume({fsPath(z2), {}, {}});
    QCOMPARE(o.category, ErrorCategory::Format);
    const QString a2 = write(u"g.bak.age"_s, Codec::None, Encryption::AgeX25519);
    QVERIFY(writeFile(a2, readFile(a2) + "garbage!"));
    o = consume({fsPath(a2), {alice_.secret}, {}});
    QCOMPARE(o.category, ErrorCategory::Format);

    // An armored age file is named as such.
    const QString armored = dir_.filePath(u"arm.bak.age"_s);
    const Run a =
        run(u"age"_s,
            {u"-a"_s, u"-r"_s, QString::fromStdString(alice_.recipient), u"-o"_s, armored}, "x");
    QVERIFY(a.exitCode == 0);
    o = consume({fsPath(armored), {alice_.secret}, {}});
    QVERIFY(o.atOpen);
    QCOMPARE(o.category, ErrorCategory::Unsupported);
}

void TestErrors::missing()
{
    for (const QString &name : {u"m.bak"_s, u"m.bak.zst"_s, u"m.bak.age"_s, u"m.bak.zst.age"_s}) {
        const Outcome o = consume({fsPath(dir_.filePath(name)), {alice_.secret}, {}});
        QVERIFY(o.atOpen);
        QCOMPARE(o.category, ErrorCategory::NotFound);
    }
}

void TestErrors::existingEncryptedTarget()
{
    const QString path = dir_.filePath(u"e.bak.zst.age"_s);
    QVERIFY(writeFile(path, "keep me"));
    StripeWriteOptions o;
    o.path = fsPath(path);
    o.codec = Codec::Zstd;
    o.encryption = Encryption::AgeScrypt;
    o.passphrase = "pw";
    auto w = StripeWriter::open(o);
    QVERIFY(!w.has_value());
    QCOMPARE(w.error().category, ErrorCategory::InvalidArgument);
    QCOMPARE(readFile(path), QByteArray("keep me"));
}

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
