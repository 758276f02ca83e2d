#include "console/resultformatter.h"
#include "console/resultspool.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dblearn;

namespace {

ColumnList columns()
{
    return {Column{QStringLiteral("id"), QStringLiteral("INTEGER"), ValueKind::Integer},
            Column{QStringLiteral("note"), QStringLiteral("TEXT"), ValueKind::Text},
            Column{QStringLiteral("price"), QStringLiteral("REAL"), ValueKind::Real}};
}

// Three rows that cover the awkward cases: a quote, a comma and a newline; NULL; an empty string.
RowBatch rows()
{
    RowBatch b(3);
    b.addInteger(1);
    const QByteArray tricky = "say \"hi\", then\nleave | it's";
    b.addText(tricky.constData(), int(tricky.size()));
    b.addReal(0.1);
    b.addInteger(2);
    b.addNull();
    b.addReal(2.5);
    b.addInteger(3);
    b.addText("", 0);
    b.addNull();
    return b;
}

QByteArray format(ResultFormatter::Format f)
{
    ResultFormatter formatter(f, columns(), {}, QStringLiteral("my table"));
    QByteArray out = formatter.header();
    formatter.appendRows(out, rows(), 0, 2);
    out += formatter.footer();
    return out;
}

} // namespace

class ResultFormatterTest final : public QObject
{
    Q_OBJECT
private slots:
    void csv()
    {
        QCOMPARE(format(ResultFormatter::Format::Csv),
                 QByteArray("id,note,price\n1,\"say \"\"hi\"\", then\nleave | it's\",0.1\n2,,2.5\n3,\"\",\n"));
    }

    void tsv()
    {
        QCOMPARE(format(ResultFormatter::Format::Tsv),
                 QByteArray("id\tnote\tprice\n1\tsay \"hi\", then\\nleave | it's\t0.1\n2\t\t2.5\n3\t\t\n"));
    }

    void markdown()
    {
        QCOMPARE(format(ResultFormatter::Format::Markdown),
                 QByteArray("| id | note | price |\n| ---: | --- | ---: |\n"
                            "| 1 | say \"hi\", then<br>leave \\| it's | 0.1 |\n| 2 | NULL | 2.5 |\n| 3 |  | NULL |\n"));
    }

    void sqlInserts()
    {
        QCOMPARE(format(ResultFormatter::Format::SqlInsert),
                 QByteArray("INSERT INTO \"my table\" (id, note, price) VALUES (1, 'say \"hi\", then\nleave | it''s', 0.1);\n"
                            "INSERT INTO \"my table\" (id, note, price) VALUES (2, NULL, 2.5);\n"
                            "INSERT INTO \"my table\" (id, note, price) VALUES (3, '', NULL);\n"));
    }

    void json()
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(format(ResultFormatter::Format::Json), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray array = doc.array();
        QCOMPARE(array.size(), 3);
        QCOMPARE(array[0].toObject().value(QStringLiteral("note")).toString(), QStringLiteral("say \"hi\", then\nleave | it's"));
        QVERIFY(array[1].toObject().value(QStringLiteral("note")).isNull());
        QCOMPARE(array[2].toObject().value(QStringLiteral("note")).toString(), QString());
        QCOMPARE(array[0].toObject().value(QStringLiteral("price")).toDouble(), 0.1);
    }

    void selectedColumnsOnly()
    {
        ResultFormatter formatter(ResultFormatter::Format::Csv, columns(), {2});
        QByteArray out = formatter.header();
        formatter.appendRows(out, rows(), 1, 1);
        QCOMPARE(out, QByteArray("price\n2.5\n"));
    }

    void exportWholeSpool()
    {
        ResultSpool spool(columns(), 0);
        for (int i = 0; i < 5; ++i)
            QVERIFY(spool.append(rows()));
        spool.finish();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        std::atomic<bool> cancel{false};
        qint64 last = 0;
        QString error;
        QVERIFY(ResultFormatter::exportSpool(spool, ResultFormatter::Format::Csv, &buffer, cancel,
                                             [&](qint64 n) { last = n; }, &error));
        QCOMPARE(last, 15);
        QCOMPARE(buffer.data().count('\n'), 1 + 15 + 5); // header, rows, and the newline inside each tricky value
        // The export's fast path writes exactly what the formatter writes.
        ResultFormatter formatter(ResultFormatter::Format::Csv, columns());
        QByteArray expected = formatter.header();
        for (int i = 0; i < 5; ++i)
            formatter.appendRows(expected, rows(), 0, 2);
        QCOMPARE(buffer.data(), expected);
        cancel.store(true);
        QBuffer again;
        again.open(QIODevice::WriteOnly);
        QVERIFY(!ResultFormatter::exportSpool(spool, ResultFormatter::Format::Json, &again, cancel, {}, &error));
        QCOMPARE(error, QStringLiteral("export cancelled"));
    }

    void realsReadBack()
    {
        QCOMPARE(ResultFormatter::realText(0.1), QStringLiteral("0.1"));
        QCOMPARE(ResultFormatter::realText(1e300), QStringLiteral("1e+300"));
        QCOMPARE(ResultFormatter::realText(100000.0), QStringLiteral("100000"));
        QCOMPARE(ResultFormatter::realText(-0.0), QStringLiteral("0"));
        QCOMPARE(ResultFormatter::realText(0.000012), QStringLiteral("0.000012"));
        QCOMPARE(ResultFormatter::realText(2.5e-7), QStringLiteral("2.5e-07"));
        QCOMPARE(ResultFormatter::realText(1.0 / 3).toDouble(), 1.0 / 3);
        // The CSV fast path and realText() agree on awkward reals.
        RowBatch reals(1);
        for (double v : {1.0 / 3, 1e21, 100000.0, -0.0, 1e-7, 123456789.125})
            reals.addReal(v);
        ResultFormatter formatter(ResultFormatter::Format::Csv, {Column{QStringLiteral("r"), {}, ValueKind::Real}});
        QByteArray slow;
        formatter.appendRows(slow, reals, 0, reals.rowCount() - 1);
        QByteArray fast;
        QVERIFY(ResultFormatter::appendCsvFromEncoded(fast, ResultSpool::encode(reals), 1, reals.rowCount()));
        QCOMPARE(fast, slow);
        QCOMPARE(ResultFormatter::quoteIdentifier(QStringLiteral("plain_1")), QStringLiteral("plain_1"));
        QCOMPARE(ResultFormatter::quoteIdentifier(QStringLiteral("we\"ird")), QStringLiteral("\"we\"\"ird\""));
    }
};

QTEST_GUILESS_MAIN(ResultFormatterTest)
#include "tst_resultformatter.moc"
