#include "lessons/utf8validator.h"

#include <QTest>

using namespace dblearn;

class Utf8ValidatorTest : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void reportsLineAndOffset();
    void longAsciiPrefixBeforeError();
};

void Utf8ValidatorTest::valid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("ascii") << QByteArray("SELECT 1;\nSELECT 2;\n");
    QTest::newRow("two-byte") << QByteArray("caf\xC3\xA9");
    QTest::newRow("three-byte") << QByteArray("\xE2\x82\xAC 5");
    QTest::newRow("four-byte") << QByteArray("\xF0\x9D\x84\x9E");
    QTest::newRow("max code point U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF");
    QTest::newRow("U+D7FF before surrogates") << QByteArray("\xED\x9F\xBF");
    QTest::newRow("U+E000 after surrogates") << QByteArray("\xEE\x80\x80");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF# Title\n");
    QTest::newRow("control characters other than NUL") << QByteArray("a\tb\r\n\x01\x1F\x7F");
    QTest::newRow("long mixed") << QByteArray("Ab\xC3\xA9").repeated(1000);
    // Lengths that end exactly where a block of the fast paths ends (the byte after the data is
    // the array's terminating NUL, which is not part of it).
    for (const int length : {8, 16, 64, 80, 128, 200})
        QTest::addRow("ascii, %d bytes", length) << QByteArray(length, 'x');
    QTest::newRow("three-byte at the end of 64") << QByteArray(61, 'x').append("\xE2\x82\xAC");
}

void Utf8ValidatorTest::valid()
{
    QFETCH(QByteArray, bytes);
    Utf8Validator v;
    QVERIFY2(v.validate(bytes), qPrintable(v.errorString()));
    QCOMPARE(v.errorOffset(), -1);
    QVERIFY(v.errorString().isEmpty());
}

void Utf8ValidatorTest::invalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("reason");
    QTest::newRow("NUL") << QByteArray("ab\0cd", 5) << 2 << QStringLiteral("NUL byte");
    QTest::newRow("NUL at start") << QByteArray("\0", 1) << 0 << QStringLiteral("NUL byte");
    QTest::newRow("lone continuation") << QByteArray("a\x80") << 1 << QStringLiteral("unexpected continuation byte 0x80");
    QTest::newRow("overlong C0 80 (NUL)") << QByteArray("x\xC0\x80") << 1 << QStringLiteral("overlong encoding (lead byte 0xC0)");
    QTest::newRow("overlong C1 BF") << QByteArray("\xC1\xBF") << 0 << QStringLiteral("overlong encoding (lead byte 0xC1)");
    QTest::newRow("overlong 3-byte slash") << QByteArray("\xE0\x80\xAF") << 0 << QStringLiteral("overlong encoding");
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x80\x80\xAF") << 0 << QStringLiteral("overlong encoding");
    QTest::newRow("overlong 3-byte U+07FF") << QByteArray("\xE0\x9F\xBF") << 0 << QStringLiteral("overlong encoding");
    QTest::newRow("surrogate D800") << QByteArray("ok \xED\xA0\x80") << 3 << QStringLiteral("UTF-16 surrogate U+D800 encoded in UTF-8");
    QTest::newRow("surrogate DFFF") << QByteArray("\xED\xBF\xBF") << 0 << QStringLiteral("UTF-16 surrogate U+DFFF encoded in UTF-8");
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0 << QStringLiteral("code point above U+10FFFF");
    QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << 0 << QStringLiteral("byte 0xF5 never appears in UTF-8");
    QTest::newRow("FF") << QByteArray("a\xFF") << 1 << QStringLiteral("byte 0xFF never appears in UTF-8");
    QTest::newRow("truncated at end") << QByteArray("ab\xE2\x82") << 2 << QStringLiteral("truncated 3-byte sequence");
    QTest::newRow("truncated by ASCII") << QByteArray("\xE2\x41\x41") << 0 << QStringLiteral("truncated 3-byte sequence");
    QTest::newRow("truncated 4-byte") << QByteArray("\xF0\x9D\x84") << 0 << QStringLiteral("truncated 4-byte sequence");
    QTest::newRow("latin-1 text") << QByteArray("caf\xE9 au lait") << 3 << QStringLiteral("truncated 3-byte sequence");
}

void Utf8ValidatorTest::invalid()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, offset);
    QFETCH(QString, reason);
    Utf8Validator v;
    QVERIFY(!v.validate(bytes));
    QCOMPARE(v.errorOffset(), qsizetype(offset));
    QCOMPARE(v.errorReason(), reason);
    QCOMPARE(v.errorLine(), 1);
    QVERIFY(v.errorString().contains(QStringLiteral("byte %1 (line 1)").arg(offset)));
}

void Utf8ValidatorTest::reportsLineAndOffset()
{
    const QByteArray text = QByteArray("line one\nline two\nthe third \xC3(\n");
    Utf8Validator v;
    QVERIFY(!v.validate(text));
    QCOMPARE(v.errorLine(), 3);
    QCOMPARE(v.errorOffset(), qsizetype(text.indexOf('\xC3')));
    QCOMPARE(v.errorString(), QStringLiteral("invalid UTF-8 at byte 28 (line 3): truncated 2-byte sequence"));

    const QByteArray withNul = QByteArray("a\nb\nc\n\0", 7);
    QVERIFY(!v.validate(withNul));
    QCOMPARE(v.errorLine(), 4);
    QVERIFY(v.errorString().contains(QLatin1String("NUL byte at byte 6 (line 4)")));
}

void Utf8ValidatorTest::longAsciiPrefixBeforeError()
{
    // Errors right after the word-at-a-time fast paths, at every alignment.
    for (int prefix = 0; prefix < 140; ++prefix) {
        QByteArray text(prefix, 'a');
        text.append("\xED\xA0\x80");
        text.append(QByteArray(20, 'b'));
        Utf8Validator v;
        QVERIFY(!v.validate(text));
        QCOMPARE(v.errorOffset(), qsizetype(prefix));
        QByteArray nul(prefix, 'a');
        nul.append('\0');
        nul.append(QByteArray(20, 'b'));
        QVERIFY(!v.validate(nul));
        QCOMPARE(v.errorOffset(), qsizetype(prefix));
    }
}

QTEST_APPLESS_MAIN(Utf8ValidatorTest)
#include "tst_utf8validator.moc"
