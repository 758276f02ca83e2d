#include "backends/rowbatch.h"

#include <QTest>

using namespace dblearn;

class RowBatchTest final : public QObject
{
    Q_OBJECT
private slots:
    void storesEveryKind()
    {
        RowBatch batch(4);
        const QByteArray text = QStringLiteral("Zürich ☃").toUtf8();
        batch.addInteger(-42);
        batch.addReal(2.5);
        batch.addText(text.constData(), int(text.size()));
        batch.addNull();
        const char blob[] = {'\x00', '\x01', '\xff'};
        batch.addBlob(blob, 3);
        batch.addBoolean(true);
        batch.addText("12.50", 5, ValueKind::Decimal);
        batch.addText("", 0);

        QCOMPARE(batch.rowCount(), 2);
        QCOMPARE(batch.columnCount(), 4);
        QCOMPARE(batch.integerAt(0, 0), -42);
        QCOMPARE(batch.valueAt(0, 0), QVariant(qint64(-42)));
        QCOMPARE(batch.realAt(0, 1), 2.5);
        QCOMPARE(batch.textAt(0, 2), QStringLiteral("Zürich ☃"));
        QVERIFY(batch.isNull(0, 3));
        QVERIFY(!batch.valueAt(0, 3).isValid());
        QCOMPARE(batch.bytesAt(1, 0), QByteArray("\x00\x01\xff", 3));
        QCOMPARE(batch.textAt(1, 0), QStringLiteral("x'0001ff'"));
        QCOMPARE(batch.textAt(1, 1), QStringLiteral("true"));
        QCOMPARE(batch.kindAt(1, 2), ValueKind::Decimal);
        QCOMPARE(batch.textAt(1, 2), QStringLiteral("12.50"));
        QCOMPARE(batch.textAt(1, 3), QString(QLatin1String("")));
        QVERIFY(!batch.isNull(1, 3)); // empty text is not NULL
    }

    void realKeepsPrecision()
    {
        RowBatch batch(1);
        batch.addReal(0.1 + 0.2);
        QCOMPARE(batch.textAt(0, 0).toDouble(), 0.1 + 0.2);
    }

    void clearAndReset()
    {
        RowBatch batch(2);
        for (int i = 0; i < 1000; ++i) {
            batch.addInteger(i);
            batch.addText("abc", 3);
        }
        QCOMPARE(batch.rowCount(), 1000);
        QVERIFY(batch.memoryUsed() >= 1000 * 3);
        batch.clear();
        QCOMPARE(batch.rowCount(), 0);
        QVERIFY(batch.isEmpty());
        batch.reset(3);
        QCOMPARE(batch.columnCount(), 3);
        batch.addInteger(1);
        batch.addInteger(2);
        batch.addInteger(3);
        QCOMPARE(batch.rowCount(), 1);
        QCOMPARE(batch.integerAt(0, 2), 3);
    }

    void zeroColumns()
    {
        RowBatch batch(0);
        QCOMPARE(batch.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(RowBatchTest)
#include "tst_rowbatch.moc"
