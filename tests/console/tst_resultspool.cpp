#include "console/resultmodel.h"
#include "console/resultspool.h"

#include <QSignalSpy>
#include <QTest>

using namespace dblearn;

namespace {

ColumnList columns()
{
    return {Column{QStringLiteral("id"), QStringLiteral("INTEGER"), ValueKind::Integer},
            Column{QStringLiteral("name"), QStringLiteral("TEXT"), ValueKind::Text},
            Column{QStringLiteral("amount"), QStringLiteral("REAL"), ValueKind::Real},
            Column{QStringLiteral("data"), QStringLiteral("BLOB"), ValueKind::Blob}};
}

RowBatch makeBatch(qint64 firstId, int rows)
{
    RowBatch batch(4);
    for (int i = 0; i < rows; ++i) {
        const qint64 id = firstId + i;
        batch.addInteger(id);
        if (id % 5 == 0) {
            batch.addNull();
        } else if (id % 7 == 0) {
            batch.addText("", 0); // empty, not NULL
        } else {
            const QByteArray name = "name-" + QByteArray::number(id);
            batch.addText(name.constData(), int(name.size()));
        }
        batch.addReal(double(id) / 4);
        const char blob[3] = {'\0', char(id & 0xff), '\xff'};
        batch.addBlob(blob, 3);
    }
    return batch;
}

} // namespace

class ResultSpoolTest final : public QObject
{
    Q_OBJECT
private slots:
    void encodeDecodeRoundTrip()
    {
        const RowBatch batch = makeBatch(1, 50);
        RowBatch back;
        QVERIFY(ResultSpool::decode(ResultSpool::encode(batch), 4, 50, &back));
        QCOMPARE(back.rowCount(), 50);
        for (int r = 0; r < 50; ++r) {
            for (int c = 0; c < 4; ++c) {
                QCOMPARE(back.kindAt(r, c), batch.kindAt(r, c));
                QCOMPARE(back.textAt(r, c), batch.textAt(r, c));
            }
        }
        // A damaged block is refused, not read past its end.
        QByteArray cut = ResultSpool::encode(batch);
        cut.chop(5);
        QVERIFY(!ResultSpool::decode(cut, 4, 50, &back));
        QVERIFY(!ResultSpool::decode(QByteArray("\x7f"), 1, 1, &back));
    }

    void spillsToDiskAndReadsBack()
    {
        // 4 KB in memory: most blocks go to the temporary file.
        ResultSpool spool(columns(), 4096);
        for (int b = 0; b < 20; ++b)
            QVERIFY(spool.append(makeBatch(1 + b * 100, 100)));
        spool.finish();
        QVERIFY(spool.isFinished());
        QCOMPARE(spool.rowCount(), 2000);
        QCOMPARE(spool.blockCount(), 20);
        QVERIFY(spool.bytesOnDisk() > 0);
        QVERIFY(spool.bytesInMemory() <= 4096);
        QCOMPARE(spool.blockOf(0), 0);
        QCOMPARE(spool.blockOf(99), 0);
        QCOMPARE(spool.blockOf(100), 1);
        QCOMPARE(spool.blockOf(1999), 19);
        QCOMPARE(spool.blockOf(2000), -1);
        QCOMPARE(spool.blockOf(-1), -1);
        QString error;
        const RowBatch last = spool.readBlock(19, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(last.rowCount(), 100);
        QCOMPARE(last.integerAt(99, 0), 2000);
        QVERIFY(last.isNull(99, 1)); // id 2000: a multiple of 5
        QCOMPARE(last.textAt(98, 1), QStringLiteral("name-1999"));
        QCOMPARE(spool.readBlock(20, &error).rowCount(), 0);
        QVERIFY(!error.isEmpty());
    }

    void diskLimitKeepsWhatFits()
    {
        ResultSpool spool(columns(), 0, 10000);
        int appended = 0;
        while (spool.append(makeBatch(1 + appended * 100, 100)))
            ++appended;
        QVERIFY(appended > 0);
        QCOMPARE(spool.rowCount(), appended * 100);
        QVERIFY(spool.errorString().contains(QLatin1String("the first")));
        QVERIFY(!spool.append(makeBatch(1, 1))); // stays refused
    }

    void modelKeepsABoundedWindow()
    {
        auto spool = std::make_shared<ResultSpool>(columns(), 0);
        for (int b = 0; b < 100; ++b)
            QVERIFY(spool->append(makeBatch(1 + b * 100, 100)));
        spool->finish();
        ResultModel model;
        model.setCacheBlocks(4);
        model.setSpool(spool);
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("name"));

        // A row not loaded shows the placeholder, then arrives through the loader thread.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.index(5000, 0).data().toString(), QString(QChar(0x2026)));
        QVERIFY(changed.wait(5000));
        QCOMPARE(model.index(5000, 0).data().toString(), QStringLiteral("5001"));

        // Every block visited once: the cache never holds more than its bound.
        for (int row = 0; row < 10000; row += 100) {
            QVERIFY(model.ensureLoaded(row));
            QVERIFY(model.cachedBlockCount() <= 4);
        }
        QVERIFY(model.isLoaded(9900));
        QVERIFY(!model.isLoaded(0));

        // NULL distinct from empty; numbers right-aligned; text left.
        QVERIFY(model.ensureLoaded(4));
        QCOMPARE(model.index(4, 1).data().toString(), QStringLiteral("NULL")); // id 5
        QVERIFY(model.index(4, 1).data(ResultModel::IsNullRole).toBool());
        QVERIFY(!model.index(4, 1).data(ResultModel::RawValueRole).isValid());
        QCOMPARE(model.index(6, 1).data().toString(), QString()); // id 7: empty string
        QVERIFY(!model.index(6, 1).data(ResultModel::IsNullRole).toBool());
        QVERIFY(model.index(6, 1).data(ResultModel::RawValueRole).isValid());
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("0.25"));
        QCOMPARE(Qt::Alignment(model.index(0, 0).data(Qt::TextAlignmentRole).toInt()) & Qt::AlignRight, Qt::AlignRight);
        QCOMPARE(Qt::Alignment(model.index(0, 1).data(Qt::TextAlignmentRole).toInt()) & Qt::AlignLeft, Qt::AlignLeft);
        QVERIFY(model.index(0, 3).data().toString().startsWith(QLatin1String("BLOB 3 bytes")));
    }

    void staleAnswersAreDropped()
    {
        auto first = std::make_shared<ResultSpool>(columns(), 0);
        QVERIFY(first->append(makeBatch(1, 10)));
        auto second = std::make_shared<ResultSpool>(columns(), 0);
        QVERIFY(second->append(makeBatch(1001, 10)));
        ResultModel model;
        model.setSpool(first);
        model.index(0, 0).data(); // asks for block 0 of the first result
        model.setSpool(second);   // ... which is replaced before it arrives
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.index(0, 0).data();
        QVERIFY(changed.wait(5000));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("1001"));
    }

    void growsAsRowsArrive()
    {
        auto spool = std::make_shared<ResultSpool>(columns());
        ResultModel model;
        model.setSpool(spool);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(spool->append(makeBatch(1, 30)));
        model.refresh();
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(inserted.size(), 1);
        model.refresh(); // nothing new: no signal
        QCOMPARE(inserted.size(), 1);
        // A large result: the model shows a window of it; the total is known; the window moves.
        QSignalSpy total(&model, &ResultModel::totalRowsChanged);
        for (int b = 0; b < 60; ++b) {
            QVERIFY(spool->append(makeBatch(31 + b * 2000, 2000)));
            model.refresh();
        }
        QCOMPARE(model.totalRows(), 120030);
        QCOMPARE(model.rowCount(), ResultModel::windowRows);
        QCOMPARE(total.last().first().toLongLong(), 120030);
        model.setWindowStart(110000);
        QCOMPARE(model.windowStart(), 120030 - ResultModel::windowRows); // clamped: the window stays full
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 120030 - ResultModel::windowRows + 1);
        QVERIFY(model.ensureLoaded(120029));
        QCOMPARE(model.index(model.rowCount() - 1, 0).data().toString(), QStringLiteral("120030"));
        QCOMPARE(model.valueAt(29, 0).toString(), QStringLiteral("30")); // outside the window
        model.setWindowStart(0);
        // Blocks the spool keeps in memory are there at once, with no loader round trip.
        QCOMPARE(model.index(29, 0).data().toString(), QStringLiteral("30"));
    }
};

QTEST_MAIN(ResultSpoolTest)
#include "tst_resultspool.moc"
