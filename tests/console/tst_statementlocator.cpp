#include "console/statementlocator.h"

#include <QTest>

using namespace dblearn;

class StatementLocatorTest final : public QObject
{
    Q_OBJECT
private slots:
    void splitsRespectingQuotesAndComments()
    {
        const QString sql = QStringLiteral("SELECT 'a;b' AS x; -- c;d\nSELECT \"e;f\" FROM t /* ; */;\n\n  UPDATE t SET a = 1");
        const QList<StatementLocator::Range> ranges = StatementLocator::split(sql, QStringLiteral("sqlite"));
        QCOMPARE(ranges.size(), 3);
        QCOMPARE(sql.mid(ranges[0].begin, ranges[0].length()), QStringLiteral("SELECT 'a;b' AS x"));
        QCOMPARE(sql.mid(ranges[1].begin, ranges[1].length()), QStringLiteral("SELECT \"e;f\" FROM t")); // a trailing comment is not part of it
        QCOMPARE(sql.mid(ranges[2].begin, ranges[2].length()), QStringLiteral("UPDATE t SET a = 1"));
    }

    void dollarQuotedBodyIsOneStatementInPostgreSQL()
    {
        const QString sql = QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT f()");
        const auto ranges = StatementLocator::split(sql, QStringLiteral("postgresql"));
        QCOMPARE(ranges.size(), 2);
        QVERIFY(sql.mid(ranges[0].begin, ranges[0].length()).endsWith(QLatin1String("LANGUAGE sql")));
    }

    void statementUnderCursor_data()
    {
        QTest::addColumn<int>("cursor");
        QTest::addColumn<QString>("expected");
        //                      0         1         2         3
        //                      0123456789012345678901234567890123456
        // "SELECT 1;  SELECT 2;\n\nSELECT 3"
        QTest::newRow("inside first") << 3 << QStringLiteral("SELECT 1");
        QTest::newRow("right after ;") << 9 << QStringLiteral("SELECT 1");
        QTest::newRow("gap on same line as first") << 10 << QStringLiteral("SELECT 1");
        QTest::newRow("start of second") << 11 << QStringLiteral("SELECT 2");
        QTest::newRow("blank line after second") << 21 << QStringLiteral("SELECT 3");
        QTest::newRow("end of text") << 30 << QStringLiteral("SELECT 3");
        QTest::newRow("before everything") << 0 << QStringLiteral("SELECT 1");
    }
    void statementUnderCursor()
    {
        QFETCH(int, cursor);
        QFETCH(QString, expected);
        const QString sql = QStringLiteral("SELECT 1;  SELECT 2;\n\nSELECT 3");
        const StatementLocator::Range r = StatementLocator::at(sql, cursor, QStringLiteral("sqlite"));
        QVERIFY(r.isValid());
        QCOMPARE(sql.mid(r.begin, r.length()), expected);
    }

    void nothingToRun()
    {
        QVERIFY(!StatementLocator::at(QStringLiteral("  -- only a comment\n /* and this */ ;"), 3, QStringLiteral("sqlite")).isValid());
        QVERIFY(!StatementLocator::at(QString(), 0, QStringLiteral("sqlite")).isValid());
    }

    void lineAndColumn()
    {
        int line = 0;
        int column = 0;
        StatementLocator::lineAndColumn(u"ab\ncd\nef", 4, &line, &column);
        QCOMPARE(line, 2);
        QCOMPARE(column, 2);
        StatementLocator::lineAndColumn(u"ab", 0, &line, &column);
        QCOMPARE(line, 1);
        QCOMPARE(column, 1);
    }
};

QTEST_GUILESS_MAIN(StatementLocatorTest)
#include "tst_statementlocator.moc"
