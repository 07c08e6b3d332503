// vdsctl prints names from a server: escaped and aligned by display width.
#include <QTest>

#include "terminaltext.h"

using namespace vds::cli;

class TestTerminalText : public QObject {
    Q_OBJECT
private slots:
    void controlCharactersAreEscaped()
    {
        QCOMPARE(terminalSafe(QStringLiteral("a\nb")), QStringLiteral("a\\nb"));
        QCOMPARE(terminalSafe(QStringLiteral("x\x1b[31mred")), QStringLiteral("x\\x1b[31mred"));
        QCOMPARE(terminalSafe(QString(QChar(0x9b))), QStringLiteral("\\x9b")); // C1 CSI
        QCOMPARE(terminalSafe(QStringLiteral("back\\slash\t")), QStringLiteral("back\\\\slash\\t"));
        QCOMPARE(terminalSafe(QStringLiteral("Ünïcödé")), QStringLiteral("Ünïcödé"));
    }
    void widthCountsColumns()
    {
        QCOMPARE(displayWidth(QStringLiteral("Demo")), 4);
        QCOMPARE(displayWidth(QStringLiteral("数据库")), 6);
        QCOMPARE(displayWidth(QStringLiteral("e\u0301")), 1);             // e + combining acute
        QCOMPARE(displayWidth(QString::fromUtf8("\xF0\x9F\x98\x80")), 2); // emoji, a surrogate pair
        QCOMPARE(padToWidth(QStringLiteral("数据"), 6), QStringLiteral("数据  "));
        QCOMPARE(displayWidth(padToWidth(QStringLiteral("数据库x"), 24)), 24);
        QCOMPARE(displayWidth(padToWidth(QStringLiteral("Demo"), 24)), 24);
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
