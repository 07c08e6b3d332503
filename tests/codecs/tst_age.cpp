// backup_codecs_age: age v1 stripes both ways with the age tools as oracles — X25519 recipients
// (keys from age-keygen), scrypt passphrases (age driven through a pseudo-terminal), zstd+age,
// and the reader picking the chain from the file name.
#include <QTemporaryDir>
#include <QtTest>

#include "agetestutil.h"

using namespace codectest;
using namespace Qt::Literals::StringLiterals;
using namespace vds::backup;

namespace {
// Chunk edges matter for age's STREAM: empty, one byte, exactly one and two chunks, one past.
QList<qsizetype> edgeSizes()
{
    return {0, 1, 65536, 65537, 131072, 3 * 1024 * 1024 + 5};
}
} // namespace

class TestAge : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void keys();
    void ageReadsOurX25519();
    void weReadAgesX25519();
    void ageReadsOurPassphrase();
    void weReadAgesPassphrase();
    void zstdAgeBothWays();
    void mixingRefused();

private:
    QTemporaryDir dir_;
    AgeKey alice_;
    AgeKey bob_;
};

void TestAge::initTestCase()
{
    alice_ = ageKeygen(dir_.filePath(u"alice.txt"_s));
    bob_ = ageKeygen(dir_.filePath(u"bob.txt"_s));
    QVERIFY(!alice_.secret.empty() && !alice_.recipient.empty());
    QVERIFY(!bob_.secret.empty() && alice_.recipient != bob_.recipient);
}

void TestAge::keys()
{
    auto ids = age::readIdentityFile(fsPath(alice_.file));
    QVERIFY2(ids.has_value(), ids ? "" : ids.error().toString().c_str());
    QCOMPARE(ids->size(), std::size_t(1));
    QCOMPARE(ids->front(), alice_.secret);
    auto r = age::recipientOf(alice_.secret);
    QVERIFY(r.has_value());
    QCOMPARE(*r, alice_.recipient); // what age-keygen -y says
    QVERIFY(age::isRecipient(alice_.recipient));
    QVERIFY(!age::isRecipient(alice_.secret));
    std::string broken = alice_.recipient;
    broken[10] = broken[10] == 'q' ? 'p' : 'q';
    QVERIFY(!age::isRecipient(broken)); // checksum
    QVERIFY(!age::recipientOf("AGE-SECRET-KEY-1XYZ").has_value());

    const QString recipients = dir_.filePath(u"recipients.txt"_s);
    QVERIFY(writeFile(recipients, "# team\n" + QByteArray::fromStdString(alice_.recipient) +
                                      "\n\n  " + QByteArray::fromStdString(bob_.recipient) +
                                      "  \n"));
    auto list = age::readRecipientsFile(fsPath(recipients));
    QVERIFY(list.has_value());
    QCOMPARE(*list, (std::vector<std::string>{alice_.recipient, bob_.recipient}));
    QVERIFY(writeFile(recipients, "age1nope\n"));
    QCOMPARE(age::readRecipientsFile(fsPath(recipients)).error().category,
             vds::ErrorCategory::Format);
    QCOMPARE(age::readIdentityFile(fsPath(dir_.filePath(u"none"_s))).error().category,
             vds::ErrorCategory::NotFound);
}

void TestAge::ageReadsOurX25519()
{
    for (qsizetype size : edgeSizes()) {
        const QString path = dir_.filePath(u"x%1.bak.age"_s.arg(size));
        const QByteArray data = randomData(size, unsigned(size));
        StripeWriteOptions o;
        o.path = fsPath(path);
        o.encryption = Encryption::AgeX25519;
        o.recipients = {alice_.recipient, bob_.recipient};
        auto w = writeStripe(o, data, 10000);
        QVERIFY2(w.has_value(), w ? "" : w.error().toString().c_str());
        QCOMPARE(w->fileSha256, sha256sum(path));
        for (const AgeKey *k : {&alice_, &bob_}) {
            const Run d = run(u"age"_s, {u"-d"_s, u"-i"_s, k->file, path});
            QVERIFY2(d.exitCode == 0, d.err.constData());
            QVERIFY2(d.out == data, qPrintable(u"size %1"_s.arg(size)));
        }
        auto r = readStripe({fsPath(path), {bob_.secret}, {}}, 1000);
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
        QVERIFY(r->data == data);
        QCOMPARE(r->rawSha256, w->rawSha256);
        QCOMPARE(r->fileSha256, w->fileSha256);
    }
}

void TestAge::weReadAgesX25519()
{
    for (qsizetype size : edgeSizes()) {
        const QString path = dir_.filePath(u"y%1.bak.age"_s.arg(size));
        const QByteArray data = sampleData(size, unsigned(size));
        const Run e = run(u"age"_s,
                          {u"-r"_s, QString::fromStdString(bob_.recipient), u"-r"_s,
                           QString::fromStdString(alice_.recipient), u"-o"_s, path},
                          data);
        QVERIFY2(e.exitCode == 0, e.err.constData());
        // Identities that do not fit come first: the reader tries each.
        auto r = readStripe({fsPath(path), {bob_.secret, alice_.secret}, {}}, 70000);
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
        QVERIFY2(r->data == data, qPrintable(u"size %1"_s.arg(size)));
        QCOMPARE(r->fileSha256, sha256sum(path));
        QCOMPARE(r->rawBytes, std::uint64_t(size));
    }
}

void TestAge::ageReadsOurPassphrase()
{
    struct Case {
        qsizetype size;
        int logN;
    };
    for (const Case c : {Case{0, 10}, Case{65536, 10}, Case{200000, 18}}) {
        const QString path = dir_.filePath(u"p%1.bak.age"_s.arg(c.size));
        const QByteArray data = randomData(c.size, 99);
        StripeWriteOptions o;
        o.path = fsPath(path);
        o.encryption = Encryption::AgeScrypt;
        o.passphrase = "correct horse battery staple";
        o.scryptLogN = c.logN;
        auto w = writeStripe(o, data);
        QVERIFY2(w.has_value(), w ? "" : w.error().toString().c_str());
        QVERIFY(readFile(path).contains("-> scrypt "));
        const QString out = dir_.filePath(u"p%1.out"_s.arg(c.size));
        const Run d =
            ageOnTerminal({u"-d"_s, u"-o"_s, out, path}, "correct horse battery staple\n");
        QVERIFY2(d.exitCode == 0, d.out.constData());
        QVERIFY(readFile(out) == data);
        auto r = readStripe({fsPath(path), {}, o.passphrase});
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
        QVERIFY(r->data == data);
    }
}

void TestAge::weReadAgesPassphrase()
{
    const QByteArray data = sampleData(300000, 5);
    const QString in = dir_.filePath(u"plain.in"_s);
    QVERIFY(writeFile(in, data));
    const QString path = dir_.filePath(u"theirs.bak.age"_s);
    const Run e = ageOnTerminal({u"-p"_s, u"-o"_s, path, in}, "s3cret pass\ns3cret pass\n");
    QVERIFY2(e.exitCode == 0, e.out.constData());
    auto r = readStripe({fsPath(path), {}, "s3cret pass"});
    QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
    QVERIFY(r->data == data);
    auto wrong = StripeReader::open({fsPath(path), {}, "s3cret pasS"});
    QVERIFY(!wrong.has_value());
    QCOMPARE(wrong.error().category, vds::ErrorCategory::Permission);
}

void TestAge::zstdAgeBothWays()
{
    const QByteArray data = sampleData(8 << 20, 11);
    // Ours → age -d | zstd -d.
    const QString ours = dir_.filePath(u"db.1of2.bak.zst.age"_s);
    StripeWriteOptions o;
    o.path = fsPath(ours);
    o.codec = Codec::Zstd;
    o.zstdThreads = 2;
    o.encryption = Encryption::AgeX25519;
    o.recipients = {alice_.recipient};
    auto w = writeStripe(o, data, 1 << 20);
    QVERIFY2(w.has_value(), w ? "" : w.error().toString().c_str());
    QVERIFY(w->fileBytes * 2 < w->rawBytes);
    const Run d = run(u"age"_s, {u"-d"_s, u"-i"_s, alice_.file, ours});
    QVERIFY(d.exitCode == 0);
    const Run z = run(u"zstd"_s, {u"-d"_s, u"-q"_s, u"-c"_s}, d.out);
    QVERIFY(z.exitCode == 0);
    QVERIFY(z.out == data);
    auto r = readStripe({fsPath(ours), {alice_.secret}, {}});
    QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
    QVERIFY(r->data == data);
    QCOMPARE(r->rawSha256, w->rawSha256);
    QCOMPARE(r->fileSha256, w->fileSha256);

    // zstd | age -r → ours.
    const QString theirs = dir_.filePath(u"db.2of2.bak.zst.age"_s);
    const Run c = run(u"zstd"_s, {u"-q"_s, u"-c"_s, u"-5"_s}, data);
    const Run e =
        run(u"age"_s, {u"-r"_s, QString::fromStdString(alice_.recipient), u"-o"_s, theirs}, c.out);
    QVERIFY(c.exitCode == 0 && e.exitCode == 0);
    auto r2 = readStripe({fsPath(theirs), {alice_.secret}, {}});
    QVERIFY2(r2.has_value(), r2 ? "" : r2.error().toString().c_str());
    QVERIFY(r2->data == data);

    // The name decides the chain: the same bytes under ".age" come back still compressed.
    const QString renamed = dir_.filePath(u"db.bak.age"_s);
    QVERIFY(QFile::copy(theirs, renamed));
    auto r3 = readStripe({fsPath(renamed), {alice_.secret}, {}});
    QVERIFY(r3.has_value());
    QVERIFY(r3->data == c.out);
}

void TestAge::mixingRefused()
{
    StripeWriteOptions o;
    o.path = fsPath(dir_.filePath(u"mix.bak.age"_s));
    o.encryption = Encryption::AgeX25519;
    o.recipients = {alice_.recipient};
    o.passphrase = "pw";
    auto w = StripeWriter::open(o);
    QVERIFY(!w.has_value());
    QCOMPARE(w.error().category, vds::ErrorCategory::InvalidArgument);
    o.encryption = Encryption::AgeScrypt;
    QVERIFY(!StripeWriter::open(o).has_value());
    o.recipients.clear();
    o.passphrase.clear();
    QVERIFY(!StripeWriter::open(o).has_value()); // a passphrase is needed
    o.encryption = Encryption::AgeX25519;
    o.recipients = {alice_.secret}; // a secret key is not a recipient
    QCOMPARE(StripeWriter::open(o).error().category, vds::ErrorCategory::InvalidArgument);
    QVERIFY(!QFile::exists(dir_.filePath(u"mix.bak.age"_s)));
}

QTEST_GUILESS_MAIN(TestAge)
#include "tst_age.moc"
