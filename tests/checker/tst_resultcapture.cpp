#include "checker/querywatchdog.h"
#include "checker/resultcapture.h"
#include "checker/sqltext.h"
#include "fakeconnection.h"

#include <QElapsedTimer>
#include <QTest>

using namespace dblearn;

class ResultCaptureTest final : public QObject
{
    Q_OBJECT
private slots:
    void sqlText()
    {
        QCOMPARE(SqlText::firstKeyword(u"  -- note\n /* block */ select 1"), QStringLiteral("SELECT"));
        QCOMPARE(SqlText::firstKeyword(u";;with x as (select 1) select * from x"), QStringLiteral("WITH"));
        QVERIFY(SqlText::isBlank(u"  ; -- nothing\n /* at all */ ;"));
        QVERIFY(!SqlText::isBlank(u"; select 1"));
        QVERIFY(SqlText::isBlank(u"/* unterminated comment"));
        QVERIFY(SqlText::startsWithTransactionControl(u"begin"));
        QVERIFY(SqlText::startsWithTransactionControl(u" /* x */ COMMIT;"));
        QVERIFY(SqlText::startsWithTransactionControl(u"end transaction"));
        QVERIFY(SqlText::startsWithTransactionControl(u"start  transaction"));
        QVERIFY(SqlText::startsWithTransactionControl(u"savepoint a"));
        QVERIFY(!SqlText::startsWithTransactionControl(u"start"));
        QVERIFY(!SqlText::startsWithTransactionControl(u"select begin from t"));
        QVERIFY(!SqlText::startsWithTransactionControl(u"beginning"));
        QVERIFY(!SqlText::startsWithTransactionControl(u"update t set x = 1"));
    }

    void capturesRows()
    {
        FakeConnection connection;
        const Capture capture = ResultCapture::run(connection, QStringLiteral("rows 600"));
        QVERIFY(capture.ok());
        QCOMPARE(capture.result.rowCount(), 600);
        QCOMPARE(capture.result.columnCount(), 1);
        QCOMPARE(capture.result.at(599, 0).integerValue(), 600);
        QCOMPARE(capture.statements, 1);
        QVERIFY(connection.largestFetch() <= ResultCapture::batchRows);
    }

    void trailingSemicolonAndCommentsAreOneStatement()
    {
        FakeConnection connection;
        QVERIFY(ResultCapture::run(connection, QStringLiteral("rows 2;  -- done\n")).ok());
        QVERIFY(ResultCapture::run(connection, QStringLiteral("rows 2; /* done */ ;")).ok());
    }

    void stopsOneRowPastTheLimit()
    {
        FakeConnection connection;
        CaptureLimits limits;
        limits.maxRows = 1000;
        const Capture capture = ResultCapture::run(connection, QStringLiteral("rows -1"), limits);
        QCOMPARE(capture.status, Capture::Status::TooManyRows);
        QCOMPARE(connection.rowsProduced(), 1001); // never more than the limit and one
        QCOMPARE(capture.result.rowCount(), 0);    // nothing kept
        QCOMPARE(capture.message(QStringLiteral("your query")),
                 QStringLiteral("Your query returned more than 1,000 rows."));
    }

    void exactlyTheLimitIsFine()
    {
        FakeConnection connection;
        CaptureLimits limits;
        limits.maxRows = 1000;
        const Capture capture = ResultCapture::run(connection, QStringLiteral("rows 1000"), limits);
        QVERIFY(capture.ok());
        QCOMPARE(capture.result.rowCount(), 1000);
    }

    void stopsAtTheMemoryLimit()
    {
        FakeConnection connection;
        CaptureLimits limits;
        limits.maxBytes = 1024 * 1024;
        const Capture capture = ResultCapture::run(connection, QStringLiteral("wide 100000"), limits);
        QCOMPARE(capture.status, Capture::Status::TooLarge);
        // 1,000 characters are 2 kB each: the limit is passed after ~500 rows, within one batch.
        QVERIFY2(connection.rowsProduced() < 600 + ResultCapture::batchRows,
                 qPrintable(QString::number(connection.rowsProduced())));
        QVERIFY(capture.message(QStringLiteral("your query")).contains(QLatin1String("larger than 1 MB")));
    }

    void timesOutWhileExecuting()
    {
        FakeConnection connection;
        CaptureLimits limits;
        limits.timeoutMs = 200;
        QElapsedTimer timer;
        timer.start();
        const Capture capture = ResultCapture::run(connection, QStringLiteral("sleep"), limits);
        QCOMPARE(capture.status, Capture::Status::TimedOut);
        QVERIFY(timer.elapsed() >= 190);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(capture.message(QStringLiteral("your query")),
                 QStringLiteral("Your query ran longer than 0.2 s and was stopped."));
        // The connection is still usable.
        QVERIFY(ResultCapture::run(connection, QStringLiteral("rows 2"), limits).ok());
    }

    void timesOutWhileFetching()
    {
        FakeConnection connection;
        CaptureLimits limits;
        limits.timeoutMs = 200;
        const Capture capture = ResultCapture::run(connection, QStringLiteral("slowrows"), limits);
        QCOMPARE(capture.status, Capture::Status::TimedOut);
    }

    void reportsErrorsWithPosition()
    {
        FakeConnection connection;
        const Capture capture = ResultCapture::run(connection, QStringLiteral("error"));
        QCOMPARE(capture.status, Capture::Status::Error);
        QCOMPARE(capture.error.kind, QueryError::Kind::Syntax);
        QCOMPARE(capture.message(QStringLiteral("your query")),
                 QStringLiteral("Your query failed: syntax error (line 1, column 3)."));
    }

    void refusesWhatIsNotOneQuery()
    {
        FakeConnection connection;
        QCOMPARE(ResultCapture::run(connection, QStringLiteral("rows 1; rows 2")).status,
                 Capture::Status::MultipleStatements);
        QCOMPARE(ResultCapture::run(connection, QStringLiteral("update")).status, Capture::Status::NoResult);
        QCOMPARE(ResultCapture::run(connection, QStringLiteral("  -- only a comment")).status, Capture::Status::Empty);
        QCOMPARE(ResultCapture::run(connection, QString()).status, Capture::Status::Empty);
        const Capture begin = ResultCapture::run(connection, QStringLiteral("BEGIN"));
        QCOMPARE(begin.status, Capture::Status::TransactionControl);
        QVERIFY(begin.message(QStringLiteral("your query")).startsWith(QLatin1String("Leave out BEGIN")));
        QVERIFY(!connection.executed().contains(QStringLiteral("BEGIN"))); // refused before running
    }

    void runsScripts()
    {
        FakeConnection connection;
        const Capture capture = ResultCapture::runScript(connection, QStringLiteral("update; rows 5;\nupdate;"));
        QVERIFY(capture.ok());
        QCOMPARE(capture.statements, 3);
        QCOMPARE(capture.rowsAffected, 10);
    }

    void scriptErrorsPointIntoTheWholeScript()
    {
        FakeConnection connection;
        const Capture capture = ResultCapture::runScript(connection, QStringLiteral("update;\nerror"));
        QCOMPARE(capture.status, Capture::Status::Error);
        QCOMPARE(capture.error.position, 9); // 'r' of "error", 2 characters into the second statement
        QCOMPARE(capture.message(QStringLiteral("your statements"), true),
                 QStringLiteral("Your statements failed: syntax error (line 2, column 2)."));
    }

    void scriptRowsAreDiscardedWithinLimits()
    {
        FakeConnection connection;
        CaptureLimits limits;
        limits.maxRows = 100;
        const Capture capture = ResultCapture::runScript(connection, QStringLiteral("rows -1; update"), limits);
        QVERIFY(capture.ok());
        QCOMPARE(capture.statements, 2);
        QVERIFY(connection.rowsProduced() <= 100 + ResultCapture::batchRows);
    }

    void scriptsRefuseTransactionControl()
    {
        FakeConnection connection;
        const Capture capture = ResultCapture::runScript(connection, QStringLiteral("update; COMMIT; update"));
        QCOMPARE(capture.status, Capture::Status::TransactionControl);
        QCOMPARE(connection.executed(), QStringList{QStringLiteral("update")});
    }

    void scriptsTimeOut()
    {
        FakeConnection connection;
        CaptureLimits limits;
        limits.timeoutMs = 150;
        const Capture capture = ResultCapture::runScript(connection, QStringLiteral("update; sleep; update"), limits);
        QCOMPARE(capture.status, Capture::Status::TimedOut);
        QCOMPARE(capture.message(QStringLiteral("your statements"), true),
                 QStringLiteral("Your statements ran longer than 0.15 s and were stopped."));
    }

    void watchdogStopsEarly()
    {
        FakeConnection connection;
        QElapsedTimer timer;
        timer.start();
        {
            QueryWatchdog watchdog(&connection, 60000);
            QVERIFY(!watchdog.fired());
        }
        QVERIFY(timer.elapsed() < 1000);
    }
};

QTEST_GUILESS_MAIN(ResultCaptureTest)
#include "tst_resultcapture.moc"
