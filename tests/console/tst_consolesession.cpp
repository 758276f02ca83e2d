// The console session against the real SQLite plugin: scripts statement by statement, errors with
// positions, cancel at 0 ms / mid-query / after the end (many times), the time limit, a table
// dropped under an open result, transactions, and a 200,000-row result spooled off the UI thread.

#include "backends/backendregistry.h"
#include "console/consolesession.h"
#include "console/resultmodel.h"
#include "console/resultspool.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {
const QString infiniteCte = QStringLiteral(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
const QString cartesian = QStringLiteral(
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
    "SELECT count(*) FROM n a, n b, n c");
} // namespace

class ConsoleSessionTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_registry.scan();
        QVERIFY2(m_registry.isLoaded(QStringLiteral("sqlite")), "the sqlite plugin must be built");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QString error;
        auto connection = m_registry.createConnection(QStringLiteral("sqlite"), &error);
        QVERIFY2(connection, qPrintable(error));
        const ConnectionUri uri = ConnectionUri::parse(
            QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("%1.db").arg(++m_counter)), &error);
        QueryError openError;
        QVERIFY2(connection->open(uri, &openError), qPrintable(openError.message));
        m_session = std::make_unique<ConsoleSession>(std::move(connection), QStringLiteral("sqlite"));
    }

    void cleanup() { m_session.reset(); }

    void scriptGivesOneOutcomePerStatement()
    {
        const QString script = QStringLiteral("CREATE TABLE t(a INTEGER, b TEXT);\n"
                                              "INSERT INTO t VALUES (1, 'x'), (2, NULL), (3, '');\n"
                                              "SELECT * FROM t ORDER BY a;\n"
                                              "SELECT count(*) FROM t;");
        QList<StatementOutcome> outcomes;
        QList<std::shared_ptr<ResultSpool>> spools;
        connect(m_session.get(), &ConsoleSession::statementFinished, this,
                [&](const StatementOutcome &o) { outcomes << o; });
        connect(m_session.get(), &ConsoleSession::statementStarted, this,
                [&](int, int, int, const ColumnList &, std::shared_ptr<ResultSpool> s) {
                    if (s)
                        spools << s;
                });
        QVERIFY(runAndWait(script, 100));
        QCOMPARE(outcomes.size(), 4);
        QCOMPARE(outcomes[1].rowsAffected, 3);
        QVERIFY(outcomes[2].hasRows);
        QCOMPARE(outcomes[2].rows, 3);
        QCOMPARE(outcomes[2].text, QStringLiteral("SELECT * FROM t ORDER BY a"));
        QCOMPARE(outcomes[2].offset, 100 + int(script.indexOf(QLatin1String("SELECT * FROM t"))));
        QCOMPARE(spools.size(), 2);
        const RowBatch rows = spools[0]->readBlock(0);
        QVERIFY(rows.isNull(1, 1));
        QVERIFY(!rows.isNull(2, 1));
        QCOMPARE(rows.textAt(2, 1), QString());
        QVERIFY(!m_session->isBusy());
    }

    void syntaxErrorHasPositionInTheEditorText()
    {
        StatementOutcome failed;
        connect(m_session.get(), &ConsoleSession::statementFinished, this, [&](const StatementOutcome &o) {
            if (!o.ok)
                failed = o;
        });
        const QString script = QStringLiteral("SELECT 1;\nSELEC oops FROM nowhere;\nSELECT 2;");
        QVERIFY(!runAndWait(script, 10));
        QCOMPARE(failed.error.kind, QueryError::Kind::Syntax);
        QVERIFY2(failed.error.message.contains(QLatin1String("SELEC")), qPrintable(failed.error.message));
        QVERIFY(failed.error.position >= 10 + int(script.indexOf(QLatin1String("SELEC oops"))));
        QVERIFY(failed.error.position <= 10 + int(script.indexOf(QLatin1String("oops"))) + 4);
        // The connection is fine afterwards.
        QVERIFY(runAndWait(QStringLiteral("SELECT 42")));
    }

    void unknownTableIsAClearError()
    {
        StatementOutcome failed;
        connect(m_session.get(), &ConsoleSession::statementFinished, this, [&](const StatementOutcome &o) { failed = o; });
        QVERIFY(!runAndWait(QStringLiteral("SELECT * FROM missing_table")));
        QVERIFY(failed.error.message.contains(QLatin1String("missing_table")));
        QVERIFY(runAndWait(QStringLiteral("SELECT 1")));
    }

    void cancelAtZeroMsRepeated()
    {
        for (int i = 0; i < 50; ++i) {
            QSignalSpy finished(m_session.get(), &ConsoleSession::finished);
            QVERIFY(m_session->run(infiniteCte));
            m_session->cancel();
            QVERIFY2(finished.wait(5000) || finished.size() == 1, "a cancel at 0 ms must end the run");
            QCOMPARE(finished.first().first().toBool(), false);
            QVERIFY(!m_session->isBusy());
        }
        QVERIFY(runAndWait(QStringLiteral("SELECT 1")));
    }

    void cancelMidQueryRepeated()
    {
        for (int i = 0; i < 10; ++i) {
            StatementOutcome outcome;
            connect(m_session.get(), &ConsoleSession::statementFinished, this,
                    [&](const StatementOutcome &o) { outcome = o; }, Qt::SingleShotConnection);
            QSignalSpy finished(m_session.get(), &ConsoleSession::finished);
            QVERIFY(m_session->run(i % 2 ? infiniteCte : cartesian));
            QTest::qWait(30 + i * 7);
            QVERIFY(m_session->isBusy());
            QElapsedTimer timer;
            timer.start();
            m_session->cancel();
            QVERIFY(finished.wait(5000));
            QVERIFY2(timer.elapsed() < 2000, "cancel must be prompt");
            QCOMPARE(outcome.error.kind, QueryError::Kind::Cancelled);
            QCOMPARE(outcome.error.message, QStringLiteral("cancelled"));
        }
        QVERIFY(runAndWait(QStringLiteral("SELECT 1")));
    }

    void cancelAfterTheEndRepeated()
    {
        for (int i = 0; i < 30; ++i) {
            QVERIFY(runAndWait(QStringLiteral("SELECT %1").arg(i)));
            m_session->cancel(); // harmless: nothing runs
            m_session->cancel();
        }
        StatementOutcome outcome;
        connect(m_session.get(), &ConsoleSession::statementFinished, this, [&](const StatementOutcome &o) { outcome = o; });
        QVERIFY(runAndWait(QStringLiteral("SELECT 7")));
        QVERIFY(outcome.ok); // an earlier cancel does not hit the next statement
    }

    void timeLimitEndsRunawayQueries()
    {
        for (const QString &sql : {infiniteCte, cartesian}) {
            StatementOutcome outcome;
            connect(m_session.get(), &ConsoleSession::statementFinished, this,
                    [&](const StatementOutcome &o) { outcome = o; }, Qt::SingleShotConnection);
            m_session->setTimeLimitMs(300);
            QElapsedTimer timer;
            timer.start();
            QVERIFY(!runAndWait(sql));
            QVERIFY(timer.elapsed() >= 250);
            QVERIFY2(timer.elapsed() < 5000, "the time limit must stop the statement");
            QCOMPARE(outcome.error.kind, QueryError::Kind::Timeout);
            QVERIFY(outcome.error.message.contains(QLatin1String("time limit")));
        }
        m_session->setTimeLimitMs(0);
        QVERIFY(runAndWait(QStringLiteral("SELECT 1")));
    }

    void infiniteRowStreamStopsCleanlyAndKeepsRows()
    {
        // A recursive CTE that returns rows forever: rows stream into the spool until cancelled.
        std::shared_ptr<ResultSpool> spool;
        connect(m_session.get(), &ConsoleSession::statementStarted, this,
                [&](int, int, int, const ColumnList &, std::shared_ptr<ResultSpool> s) { spool = s; });
        QSignalSpy finished(m_session.get(), &ConsoleSession::finished);
        QVERIFY(m_session->run(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c")));
        QTRY_VERIFY_WITH_TIMEOUT(spool && spool->rowCount() > 10000, 5000);
        m_session->cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY(spool->isFinished());
        const qint64 rows = spool->rowCount();
        QVERIFY(rows > 10000);
        const RowBatch first = spool->readBlock(0);
        QCOMPARE(first.integerAt(0, 0), 1);
        QVERIFY(runAndWait(QStringLiteral("SELECT 1")));
    }

    void droppedTableUnderAnOpenResult()
    {
        QVERIFY(runAndWait(QStringLiteral("CREATE TABLE big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                          "FROM n WHERE i < 50000) SELECT i, 'row ' || i AS label FROM n")));
        std::shared_ptr<ResultSpool> spool;
        connect(m_session.get(), &ConsoleSession::statementStarted, this,
                [&](int, int, int, const ColumnList &, std::shared_ptr<ResultSpool> s) {
                    if (s)
                        spool = s;
                });
        QVERIFY(runAndWait(QStringLiteral("SELECT * FROM big")));
        QCOMPARE(spool->rowCount(), 50000);
        QVERIFY(runAndWait(QStringLiteral("DROP TABLE big")));
        // The result shown stays whole: it is the spool's, not the table's.
        ResultModel model;
        model.setSpool(spool);
        QVERIFY(model.ensureLoaded(49999));
        QCOMPARE(model.index(49999, 1).data().toString(), QStringLiteral("row 50000"));
        StatementOutcome outcome;
        connect(m_session.get(), &ConsoleSession::statementFinished, this, [&](const StatementOutcome &o) { outcome = o; });
        QVERIFY(!runAndWait(QStringLiteral("SELECT * FROM big")));
        QVERIFY(outcome.error.message.contains(QLatin1String("no such table")));
    }

    void tableDroppedFromAnotherConnectionMidQuery()
    {
        QVERIFY(runAndWait(QStringLiteral("CREATE TABLE shared AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                          "FROM n WHERE i < 300000) SELECT i FROM n")));
        // A second connection on the same file tries to drop it while the console reads it.
        QString error;
        auto other = m_registry.createConnection(QStringLiteral("sqlite"), &error);
        QueryError openError;
        QVERIFY(other->open(ConnectionUri::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("%1.db").arg(m_counter)), &error),
                            &openError));
        QSignalSpy finished(m_session.get(), &ConsoleSession::finished);
        QVERIFY(m_session->run(QStringLiteral("SELECT a.i FROM shared a, shared b WHERE a.i = b.i + 0")));
        QTest::qWait(50);
        const StatementStatus dropped = other->execute(QStringLiteral("DROP TABLE shared"));
        // Either SQLite refuses (locked/busy) with a message, or the drop waits for the reader:
        // in no case does anything hang or crash.
        if (!dropped.ok)
            QVERIFY(!dropped.error.message.isEmpty());
        other->finish();
        m_session->cancel();
        QVERIFY(finished.size() == 1 || finished.wait(10000));
        QVERIFY(runAndWait(QStringLiteral("SELECT 1")));
    }

    void transactionStateFollowsStatements()
    {
        QSignalSpy changed(m_session.get(), &ConsoleSession::transactionStateChanged);
        QVERIFY(runAndWait(QStringLiteral("CREATE TABLE k(v)")));
        QCOMPARE(m_session->transactionState(), ConsoleSession::TransactionState::AutoCommit);
        QVERIFY(runAndWait(QStringLiteral("BEGIN; INSERT INTO k VALUES (1)")));
        QCOMPARE(m_session->transactionState(), ConsoleSession::TransactionState::Open);
        QVERIFY(runAndWait(QStringLiteral("ROLLBACK")));
        QCOMPARE(m_session->transactionState(), ConsoleSession::TransactionState::AutoCommit);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(ConsoleSession::transactionEffect(QStringLiteral("  begin immediate")), 1);
        QCOMPARE(ConsoleSession::transactionEffect(QStringLiteral("START TRANSACTION")), 1);
        QCOMPARE(ConsoleSession::transactionEffect(QStringLiteral("commit")), -1);
        QCOMPARE(ConsoleSession::transactionEffect(QStringLiteral("END")), -1);
        QCOMPARE(ConsoleSession::transactionEffect(QStringLiteral("ROLLBACK TO SAVEPOINT a")), 0);
        QCOMPARE(ConsoleSession::transactionEffect(QStringLiteral("SELECT 1")), 0);
    }

    void manyRowsAreSpooledOffTheUiThread()
    {
        std::shared_ptr<ResultSpool> spool;
        connect(m_session.get(), &ConsoleSession::statementStarted, this,
                [&](int, int, int, const ColumnList &, std::shared_ptr<ResultSpool> s) { spool = s; });
        QSignalSpy progress(m_session.get(), &ConsoleSession::rowsArrived);
        m_session->setSpoolMemoryBudget(64 * 1024);
        QVERIFY(runAndWait(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
                                          "SELECT i, printf('%08d', i) AS padded FROM n")));
        QCOMPARE(spool->rowCount(), 200000);
        QVERIFY(spool->bytesOnDisk() > 0);
        QVERIFY(spool->bytesInMemory() <= 64 * 1024);
        const RowBatch last = spool->readBlock(spool->blockCount() - 1);
        QCOMPARE(last.textAt(last.rowCount() - 1, 1), QStringLiteral("00200000"));
    }

    void explainAndSchemaGoThroughTheWorker()
    {
        QVERIFY(runAndWait(QStringLiteral("CREATE TABLE p(id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX pv ON p(v)")));
        QSignalSpy explained(m_session.get(), &ConsoleSession::explained);
        m_session->explain(QStringLiteral("SELECT * FROM p WHERE v = 'x'"), {});
        QVERIFY(explained.wait(5000));
        const auto result = explained.first().first().value<ExplainResult>();
        QCOMPARE(result.format, QStringLiteral("sqlite-eqp-json"));
        QVERIFY(result.text.contains(QLatin1String("pv")));
        QSignalSpy schema(m_session.get(), &ConsoleSession::schemaRead);
        m_session->readSchema();
        QVERIFY(schema.wait(5000));
        const auto info = schema.first().first().value<SchemaInfo>();
        QCOMPARE(info.tables.size(), 1);
        QCOMPARE(info.tables.first().name, QStringLiteral("p"));
    }

    void runWhileBusyIsRefused()
    {
        QSignalSpy finished(m_session.get(), &ConsoleSession::finished);
        QVERIFY(m_session->run(infiniteCte));
        QVERIFY(!m_session->run(QStringLiteral("SELECT 1")));
        m_session->cancel();
        QVERIFY(finished.wait(5000));
    }

private:
    bool runAndWait(const QString &sql, int baseOffset = 0)
    {
        QSignalSpy finished(m_session.get(), &ConsoleSession::finished);
        if (!m_session->run(sql, baseOffset))
            return false;
        if (!finished.wait(30000))
            return false;
        return finished.first().first().toBool();
    }

    BackendRegistry m_registry;
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<ConsoleSession> m_session;
};

QTEST_MAIN(ConsoleSessionTest)
#include "tst_consolesession.moc"
