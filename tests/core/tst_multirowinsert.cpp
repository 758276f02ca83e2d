// MultiRowInsert: the SQL text the server backends' insertRows() sends.

#include "backends/multirowinsert.h"

#include <QTest>

#include <limits>

using namespace dblearn;

namespace {

QList<QByteArray> statements(MultiRowInsert::Engine engine, bool backslashEscapes, const QStringList &columns,
                             const RowBatch &rows, QString *error = nullptr)
{
    QString ignored;
    const MultiRowInsert insert(engine, backslashEscapes, QStringLiteral("t"), columns);
    return insert.statements(rows, error ? error : &ignored);
}

void addText(RowBatch &rows, const char *text, ValueKind kind = ValueKind::Text)
{
    rows.addText(text, int(qstrlen(text)), kind);
}

} // namespace

class MultiRowInsertTest final : public QObject
{
    Q_OBJECT
private slots:
    void everyKindAsALiteral()
    {
        RowBatch rows(4);
        rows.addInteger(-7);
        rows.addNull();
        rows.addBoolean(true);
        addText(rows, "19.99", ValueKind::Decimal);
        addText(rows, "2024-05-01 12:00:00", ValueKind::DateTime);
        addText(rows, "", ValueKind::Text); // empty, not NULL
        rows.addBoolean(false);
        rows.addReal(0.5);
        const QStringList columns{QStringLiteral("id"), QStringLiteral("note"), QStringLiteral("ok"),
                                  QStringLiteral("v")};
        const QList<QByteArray> sql = statements(MultiRowInsert::Engine::PostgreSql, false, columns, rows);
        QCOMPARE(sql.size(), 1);
        QCOMPARE(sql.first(), QByteArray("INSERT INTO \"t\" (\"id\", \"note\", \"ok\", \"v\") VALUES "
                                         "(-7,NULL,TRUE,19.99),('2024-05-01 12:00:00','',FALSE,0.5)"));
        QVERIFY(statements(MultiRowInsert::Engine::MySql, true, columns, rows)
                    .first()
                    .startsWith("INSERT INTO `t` (`id`, `note`, `ok`, `v`) VALUES (-7,"));
    }

    void quotesNamesAndStrings()
    {
        RowBatch rows(1);
        addText(rows, "O'Brien \\ co");
        const QStringList columns{QStringLiteral("a\"b`c")};
        const QByteArray standard =
            statements(MultiRowInsert::Engine::PostgreSql, false, columns, rows).first();
        QCOMPARE(standard, QByteArray("INSERT INTO \"t\" (\"a\"\"b`c\") VALUES ('O''Brien \\ co')"));
        // A session that reads backslashes as escapes gets them doubled.
        QCOMPARE(statements(MultiRowInsert::Engine::MySql, true, columns, rows).first(),
                 QByteArray("INSERT INTO `t` (`a\"b``c`) VALUES ('O''Brien \\\\ co')"));
        QCOMPARE(statements(MultiRowInsert::Engine::MySql, false, columns, rows).first(),
                 QByteArray("INSERT INTO `t` (`a\"b``c`) VALUES ('O''Brien \\ co')"));
    }

    void decimalsGoUnquotedOnlyWhenTheyAreNumbers()
    {
        RowBatch rows(1);
        for (const char *text : {"-19.99", "1.5e-3", ".5", "7", "1; DROP TABLE t", "1e", "-", ""})
            addText(rows, text, ValueKind::Decimal);
        const QByteArray sql =
            statements(MultiRowInsert::Engine::PostgreSql, false, {QStringLiteral("d")}, rows).first();
        QVERIFY2(sql.endsWith("VALUES (-19.99),(1.5e-3),(.5),(7),('1; DROP TABLE t'),('1e'),('-'),('')"),
                 sql.constData());
    }

    void blobs()
    {
        RowBatch rows(1);
        rows.addBlob("\x00\xff", 2);
        QVERIFY(statements(MultiRowInsert::Engine::MySql, true, {QStringLiteral("b")}, rows)
                    .first()
                    .endsWith("(X'00ff')"));
        QVERIFY(statements(MultiRowInsert::Engine::PostgreSql, false, {QStringLiteral("b")}, rows)
                    .first()
                    .endsWith("('\\x00ff')"));
        QVERIFY(statements(MultiRowInsert::Engine::PostgreSql, true, {QStringLiteral("b")}, rows)
                    .first()
                    .endsWith("('\\\\x00ff')"));
    }

    void splitsLongBatches()
    {
        RowBatch rows(1);
        const QByteArray text(100 * 1024, 'x');
        for (int i = 0; i < 13; ++i)
            rows.addText(text.constData(), int(text.size()));
        const QList<QByteArray> sql =
            statements(MultiRowInsert::Engine::PostgreSql, false, {QStringLiteral("s")}, rows);
        QCOMPARE(sql.size(), 3); // the sixth row of each passes 512 KiB: 6, 6 and 1 rows
        qsizetype values = 0;
        for (const QByteArray &statement : sql) {
            QVERIFY(statement.startsWith("INSERT INTO \"t\" (\"s\") VALUES ('x"));
            QVERIFY(statement.size() < MultiRowInsert::maxStatementBytes + text.size() + 100);
            values += statement.count("('");
        }
        QCOMPARE(values, 13);
        QVERIFY(statements(MultiRowInsert::Engine::PostgreSql, false, {QStringLiteral("s")}, RowBatch(1)).isEmpty());
    }

    void refusesWhatHasNoLiteral()
    {
        QString error;
        RowBatch rows(2);
        rows.addInteger(1);
        rows.addReal(std::numeric_limits<double>::infinity());
        QVERIFY(statements(MultiRowInsert::Engine::PostgreSql, false, {QStringLiteral("a"), QStringLiteral("b")}, rows,
                           &error)
                    .isEmpty());
        QVERIFY2(error.contains(QStringLiteral("row 1, column 2")), qPrintable(error));
        error.clear();
        QVERIFY(statements(MultiRowInsert::Engine::PostgreSql, false, {QStringLiteral("a")}, rows, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("1 column names for rows of 2 columns"));
    }
};

QTEST_GUILESS_MAIN(MultiRowInsertTest)
#include "tst_multirowinsert.moc"
