// The PostgreSQL and MariaDB backend plugins against the private servers that
// tests/servers/testservers starts: every test runs once per engine.

#include "backends/backendregistry.h"
#include "backends/databasebackend.h"

#include "testsupport/testservers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <thread>

using namespace dblearn;

namespace {

struct Engine {
    QString backend;
    QString uri;
};

QString dropPassword(QString uri)
{
    // postgresql://user:password@host → postgresql://user:wrong@host
    const qsizetype at = uri.indexOf(QLatin1Char('@'));
    const qsizetype colon = uri.lastIndexOf(QLatin1Char(':'), at);
    return uri.left(colon + 1) + QStringLiteral("not-the-password") + uri.mid(at);
}

} // namespace

class ServerBackendsTest : public QObject
{
    Q_OBJECT

private:
    BackendRegistry m_registry;
    QList<Engine> m_engines;

    bool isPostgres(int engine) const { return m_engines[engine].backend == QLatin1String("postgresql"); }

    // A statement that keeps the server busy for minutes: an unbounded recursive CTE in PostgreSQL;
    // in MariaDB (whose max_recursive_iterations stops recursion at 1,000 by default) a cartesian
    // join of 10^10 rows from the Sequence engine.
    QString endlessQuery(int engine) const
    {
        return isPostgres(engine)
                   ? QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r")
                   : QStringLiteral("SELECT count(*) FROM seq_1_to_100000 a, seq_1_to_100000 b WHERE a.seq + b.seq > 0");
    }

    std::unique_ptr<DatabaseConnection> connect(int engine, const QString &uriText = {})
    {
        QString error;
        auto connection = m_registry.createConnection(m_engines[engine].backend, &error);
        if (!connection) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        const ConnectionUri uri = ConnectionUri::parse(uriText.isEmpty() ? m_engines[engine].uri : uriText, &error);
        QueryError openError;
        if (!connection->open(uri, &openError)) {
            qWarning("%s", qPrintable(openError.message));
            return nullptr;
        }
        return connection;
    }

    // Runs one statement to the end; returns all rows' cells as text, or fails the test.
    static QList<QStringList> rows(DatabaseConnection &c, const QString &sql, QueryError *error = nullptr)
    {
        QList<QStringList> out;
        const StatementStatus status = c.execute(sql);
        if (!status.ok) {
            if (error)
                *error = status.error;
            else
                qWarning("%s: %s", qPrintable(sql), qPrintable(status.error.message));
            return out;
        }
        if (!status.hasRows)
            return out;
        RowBatch batch(int(c.columns().size()));
        bool atEnd = false;
        while (!atEnd) {
            batch.clear();
            QueryError fetchError;
            if (!c.fetch(batch, 500, &atEnd, &fetchError)) {
                if (error)
                    *error = fetchError;
                return out;
            }
            for (int r = 0; r < batch.rowCount(); ++r) {
                QStringList row;
                for (int col = 0; col < batch.columnCount(); ++col)
                    row << (batch.isNull(r, col) ? QStringLiteral("NULL") : batch.textAt(r, col));
                out << row;
            }
        }
        return out;
    }

    static void addEngineRows(const QList<Engine> &engines)
    {
        QTest::addColumn<int>("engine");
        for (int e = 0; e < engines.size(); ++e)
            QTest::addRow("%s", qPrintable(engines[e].backend)) << e;
    }

private slots:
    void initTestCase()
    {
        m_registry.scan();
        const QList<QPair<const char *, QString>> servers{{"DBLEARN_TEST_POSTGRESQL_URI", QStringLiteral("postgresql")},
                                                          {"DBLEARN_TEST_MARIADB_URI", QStringLiteral("mariadb")}};
        for (const auto &server : servers) {
            QVERIFY2(m_registry.isLoaded(server.second), qPrintable(server.second + QStringLiteral(" plugin not loaded")));
            const QString uri = test::testServerValue(server.first, QStringLiteral("plugins"));
            if (uri.isEmpty()) {
                QVERIFY2(!test::testServersExpected(), "the test servers did not start (see test-servers.start)");
                continue;
            }
            m_engines << Engine{server.second, uri};
        }
        if (m_engines.isEmpty())
            QSKIP("no test servers (run through ctest, or set DBLEARN_TEST_POSTGRESQL_URI / DBLEARN_TEST_MARIADB_URI)");
    }

    void connectsAndReportsVersion_data() { addEngineRows(m_engines); }
    void connectsAndReportsVersion()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        const QString version = c->serverVersion();
        QVERIFY2(version.startsWith(isPostgres(engine) ? QStringLiteral("PostgreSQL ") : QStringLiteral("MariaDB ")),
                 qPrintable(version));
        QCOMPARE(rows(*c, QStringLiteral("SELECT 1 + 1")), (QList<QStringList>{{QStringLiteral("2")}}));
    }

    void mapsColumnTypes_data() { addEngineRows(m_engines); }
    void mapsColumnTypes()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        const QString sql = isPostgres(engine)
                                ? QStringLiteral("SELECT 42::bigint, 2.5::float8, 12.30::numeric(6,2), 'héllo'::text, "
                                                 "DATE '2024-02-29', TIMESTAMP '2024-02-29 10:00:00', true, "
                                                 "'\\x00ff'::bytea, '{\"a\":1}'::jsonb, NULL::int")
                                : QStringLiteral("SELECT CAST(42 AS SIGNED), CAST(2.5 AS DOUBLE), CAST(12.30 AS DECIMAL(6,2)), "
                                                 "'héllo', DATE '2024-02-29', TIMESTAMP '2024-02-29 10:00:00', TRUE, "
                                                 "UNHEX('00FF'), JSON_OBJECT('a', 1), CAST(NULL AS SIGNED)");
        const StatementStatus status = c->execute(sql);
        QVERIFY2(status.ok, qPrintable(status.error.message));
        const ColumnList columns = c->columns();
        QCOMPARE(columns.size(), 10);
        QCOMPARE(columns[0].kind, ValueKind::Integer);
        QCOMPARE(columns[1].kind, ValueKind::Real);
        QCOMPARE(columns[2].kind, ValueKind::Decimal);
        QCOMPARE(columns[3].kind, ValueKind::Text);
        QCOMPARE(columns[4].kind, ValueKind::Date);
        QCOMPARE(columns[5].kind, ValueKind::DateTime);
        QCOMPARE(columns[7].kind, ValueKind::Blob);
        RowBatch batch(int(columns.size()));
        bool atEnd = false;
        QueryError error;
        QVERIFY(c->fetch(batch, 10, &atEnd, &error));
        QCOMPARE(batch.rowCount(), 1);
        QCOMPARE(batch.integerAt(0, 0), 42);
        QCOMPARE(batch.realAt(0, 1), 2.5);
        QCOMPARE(batch.textAt(0, 2), QStringLiteral("12.30"));
        QCOMPARE(batch.textAt(0, 3), QStringLiteral("héllo"));
        QCOMPARE(batch.textAt(0, 4), QStringLiteral("2024-02-29"));
        QCOMPARE(batch.bytesAt(0, 7), QByteArray("\x00\xff", 2));
        QVERIFY(batch.isNull(0, 9));
        c->finish();
    }

    void streamsLargeResultInBatches_data() { addEngineRows(m_engines); }
    void streamsLargeResultInBatches()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        const int total = 300000;
        const QString sql = isPostgres(engine)
                                ? QStringLiteral("SELECT g, md5(g::text) FROM generate_series(1, %1) g").arg(total)
                                : QStringLiteral("WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < %1) "
                                                 "SELECT g, MD5(g) FROM s").arg(total);
        if (!isPostgres(engine))
            rows(*c, QStringLiteral("SET SESSION max_recursive_iterations = 1000000"));
        const StatementStatus status = c->execute(sql);
        QVERIFY2(status.ok, qPrintable(status.error.message));
        RowBatch batch(2);
        bool atEnd = false;
        qint64 seen = 0;
        qint64 sum = 0;
        qsizetype largestBatch = 0;
        while (!atEnd) {
            batch.clear();
            QueryError error;
            QVERIFY2(c->fetch(batch, 10000, &atEnd, &error), qPrintable(error.message));
            QVERIFY(batch.rowCount() <= 10000);
            for (int r = 0; r < batch.rowCount(); ++r)
                sum += batch.integerAt(r, 0);
            seen += batch.rowCount();
            largestBatch = std::max(largestBatch, batch.memoryUsed());
        }
        QCOMPARE(seen, qint64(total));
        QCOMPARE(sum, qint64(total) * (total + 1) / 2);
        // A batch holds at most 10,000 rows of ~40 bytes: the result never sits whole in memory.
        QVERIFY2(largestBatch < 4 * 1024 * 1024, qPrintable(QString::number(largestBatch)));
        QCOMPARE(rows(*c, QStringLiteral("SELECT 7")), (QList<QStringList>{{QStringLiteral("7")}}));
    }

    void finishDropsUnreadRowsAndStaysUsable_data() { addEngineRows(m_engines); }
    void finishDropsUnreadRowsAndStaysUsable()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        const QString sql = isPostgres(engine) ? QStringLiteral("SELECT g FROM generate_series(1, 5000000) g")
                                               : QStringLiteral("SELECT a.seq FROM seq_1_to_5000 a, seq_1_to_1000 b");
        QElapsedTimer timer;
        timer.start();
        QVERIFY(c->execute(sql).ok);
        RowBatch batch(1);
        bool atEnd = false;
        QueryError error;
        QVERIFY(c->fetch(batch, 100, &atEnd, &error));
        c->finish();
        QVERIFY2(timer.elapsed() < 5000, "finish() read the whole result instead of stopping it");
        QCOMPARE(rows(*c, QStringLiteral("SELECT 8")), (QList<QStringList>{{QStringLiteral("8")}}));
    }

    void cancelsSleepQuicklyAndReuses_data() { addEngineRows(m_engines); }
    void cancelsSleepQuicklyAndReuses()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        const QString sleep = isPostgres(engine) ? QStringLiteral("SELECT pg_sleep(30)") : QStringLiteral("SELECT SLEEP(30)");
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer timer;
            std::thread canceller([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                timer.start();
                c->cancel();
            });
            const StatementStatus status = c->execute(sleep);
            QueryError error = status.error;
            if (status.ok && status.hasRows) {
                // MariaDB: SLEEP() interrupted by KILL QUERY returns 1 rather than failing.
                RowBatch batch(1);
                bool atEnd = false;
                c->fetch(batch, 10, &atEnd, &error);
                if (!error.isError()) {
                    QCOMPARE(batch.rowCount(), 1);
                    QCOMPARE(batch.textAt(0, 0), QStringLiteral("1"));
                }
            } else {
                QCOMPARE(error.kind, QueryError::Kind::Cancelled);
            }
            const qint64 latency = timer.elapsed();
            canceller.join();
            QVERIFY2(latency < 500, qPrintable(QStringLiteral("cancel took %1 ms").arg(latency)));
            QCOMPARE(rows(*c, QStringLiteral("SELECT 9")), (QList<QStringList>{{QStringLiteral("9")}}));
        }
    }

    void cancelWhenIdleIsHarmless_data() { addEngineRows(m_engines); }
    void cancelWhenIdleIsHarmless()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        for (int i = 0; i < 50; ++i) {
            c->cancel(); // before anything runs, and after each statement ended
            QCOMPARE(rows(*c, QStringLiteral("SELECT %1").arg(i)), (QList<QStringList>{{QString::number(i)}}));
        }
    }

    void statementTimeoutEndsCleanly_data() { addEngineRows(m_engines); }
    void statementTimeoutEndsCleanly()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        rows(*c, isPostgres(engine) ? QStringLiteral("SET statement_timeout = '200ms'")
                                    : QStringLiteral("SET SESSION max_statement_time = 0.2"));
        QueryError error;
        // An endless recursive CTE: the server's time limit ends it.
        const QString endless = endlessQuery(engine);
        QElapsedTimer timer;
        timer.start();
        rows(*c, endless, &error);
        QCOMPARE(error.kind, QueryError::Kind::Timeout);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(rows(*c, QStringLiteral("SELECT 10")), (QList<QStringList>{{QStringLiteral("10")}}));
    }

    void sessionKilledMidQueryGivesClearErrorThenReconnects_data() { addEngineRows(m_engines); }
    void sessionKilledMidQueryGivesClearErrorThenReconnects()
    {
        QFETCH(int, engine);
        auto victim = connect(engine);
        auto killer = connect(engine);
        QVERIFY(victim && killer);
        const QString pid = rows(*victim, isPostgres(engine) ? QStringLiteral("SELECT pg_backend_pid()")
                                                             : QStringLiteral("SELECT CONNECTION_ID()"))
                                .value(0)
                                .value(0);
        QVERIFY(!pid.isEmpty());
        std::thread terminator([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            rows(*killer, isPostgres(engine) ? QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)
                                             : QStringLiteral("KILL CONNECTION %1").arg(pid));
        });
        QueryError error;
        // A statement that works until stopped (MariaDB's SLEEP() would return 1 when interrupted).
        rows(*victim, endlessQuery(engine), &error);
        terminator.join();
        QVERIFY2(error.isError(), "the statement of a killed session succeeded");
        QVERIFY2(error.kind == QueryError::Kind::Connection || error.kind == QueryError::Kind::Execution,
                 qPrintable(queryErrorKindName(error.kind) + QStringLiteral(": ") + error.message));
        QVERIFY(!error.message.isEmpty());
        // The next statement re-establishes the session and says so.
        const StatementStatus status = victim->execute(QStringLiteral("SELECT 11"));
        QVERIFY2(status.ok, qPrintable(status.error.message));
        QVERIFY(status.messages.join(QLatin1Char(' ')).contains(QLatin1String("re-established")));
        victim->finish();
    }

    void wrongPasswordIsAConnectionError_data() { addEngineRows(m_engines); }
    void wrongPasswordIsAConnectionError()
    {
        QFETCH(int, engine);
        QString error;
        auto c = m_registry.createConnection(m_engines[engine].backend, &error);
        const ConnectionUri uri = ConnectionUri::parse(dropPassword(m_engines[engine].uri), &error);
        QVERIFY(uri.isValid());
        QueryError openError;
        QVERIFY(!c->open(uri, &openError));
        QCOMPARE(openError.kind, QueryError::Kind::Connection);
        QVERIFY2(openError.message.contains(QLatin1String("password"), Qt::CaseInsensitive)
                     || openError.message.contains(QLatin1String("denied"), Qt::CaseInsensitive),
                 qPrintable(openError.message));
        QVERIFY2(!openError.message.contains(QLatin1String("not-the-password")), "the message shows the password");
    }

    void unreachablePortFailsFast_data() { addEngineRows(m_engines); }
    void unreachablePortFailsFast()
    {
        QFETCH(int, engine);
        QString error;
        auto c = m_registry.createConnection(m_engines[engine].backend, &error);
        const QString scheme = isPostgres(engine) ? QStringLiteral("postgresql") : QStringLiteral("mariadb");
        const ConnectionUri uri = ConnectionUri::parse(scheme + QStringLiteral("://u:p@127.0.0.1:1/db"), &error);
        QueryError openError;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!c->open(uri, &openError));
        QCOMPARE(openError.kind, QueryError::Kind::Connection);
        QVERIFY(openError.message.contains(QLatin1String("127.0.0.1")));
        QVERIFY(timer.elapsed() < 5000);
        // Using the unopened connection is an error, not a crash.
        QVERIFY(!c->execute(QStringLiteral("SELECT 1")).ok);
    }

    void syntaxErrorHasPosition_data() { addEngineRows(m_engines); }
    void syntaxErrorHasPosition()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        const QString script = QStringLiteral("SELECT 1;\nSELECT * FORM t");
        StatementStatus first = c->execute(script);
        QVERIFY(first.ok);
        c->finish();
        const StatementStatus second = c->execute(script.mid(first.consumed));
        QVERIFY(!second.ok);
        QCOMPARE(second.error.kind, QueryError::Kind::Syntax);
        const int expected = int(script.mid(first.consumed).indexOf(QLatin1String("FORM")));
        // PostgreSQL points at FORM; MariaDB at the text after which it gave up (FORM t).
        QCOMPARE(second.error.position, expected);
    }

    void splitsScriptsAcrossQuotes_data() { addEngineRows(m_engines); }
    void splitsScriptsAcrossQuotes()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        QString script = isPostgres(engine)
                             ? QStringLiteral("SELECT 'a;b' AS x; -- c;\nSELECT $tag$ ; $tag$; /* ; */ SELECT \"?column?\" FROM (SELECT 3) s(\"?column?\")")
                             : QStringLiteral("SELECT 'a;b' AS x; -- c;\nSELECT \"it\\'s;\"; # ;\nSELECT `x;` FROM (SELECT 3 AS `x;`) s");
        QStringList seen;
        for (int guard = 0; guard < 10; ++guard) {
            const StatementStatus status = c->execute(script);
            QVERIFY2(status.ok, qPrintable(status.error.message));
            if (status.empty)
                break;
            QVERIFY(status.hasRows);
            RowBatch batch(int(c->columns().size()));
            bool atEnd = false;
            QueryError error;
            QVERIFY(c->fetch(batch, 10, &atEnd, &error));
            seen << batch.textAt(0, 0);
            c->finish();
            QVERIFY(status.consumed > 0);
            script = script.mid(status.consumed);
        }
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen[0], QStringLiteral("a;b"));
        QCOMPARE(seen[2], QStringLiteral("3"));
    }

    void reportsNoticesAndRowsAffected_data() { addEngineRows(m_engines); }
    void reportsNoticesAndRowsAffected()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        rows(*c, QStringLiteral("CREATE TEMPORARY TABLE n (x INT)"));
        const StatementStatus insert = c->execute(QStringLiteral("INSERT INTO n VALUES (1), (2), (3)"));
        QVERIFY(insert.ok);
        QCOMPARE(insert.rowsAffected, 3);
        const StatementStatus notice =
            c->execute(isPostgres(engine) ? QStringLiteral("DROP TABLE IF EXISTS no_such_table_here")
                                          : QStringLiteral("DROP TABLE IF EXISTS no_such_table_here"));
        QVERIFY(notice.ok);
        QVERIFY2(notice.messages.join(QLatin1Char(' ')).contains(QLatin1String("no_such_table_here")),
                 qPrintable(notice.messages.join(QLatin1Char('|'))));
    }

    // insertRows() sends the values as literals: quotes and backslashes arrive unchanged whether or
    // not the session reads backslashes as escapes, and each kind lands as its column's type.
    void insertRowsRoundTrips_data() { addEngineRows(m_engines); }
    void insertRowsRoundTrips()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        const bool pg = isPostgres(engine);
        rows(*c, pg ? QStringLiteral("CREATE TEMPORARY TABLE ins (id INT, price NUMERIC(10,2), note TEXT, "
                                     "at TIMESTAMP, ok BOOLEAN, r DOUBLE PRECISION)")
                    : QStringLiteral("CREATE TEMPORARY TABLE ins (id INT, price DECIMAL(10,2), note TEXT, "
                                     "at DATETIME, ok BOOLEAN, r DOUBLE)"));
        const QStringList columns{QStringLiteral("id"), QStringLiteral("price"), QStringLiteral("note"),
                                  QStringLiteral("at"), QStringLiteral("ok"), QStringLiteral("r")};
        const QByteArray note("O'Brien \\ C:\\path \\' end");
        const auto add = [&](RowBatch &batch, int id) {
            batch.addInteger(id);
            batch.addText("19.99", 5, ValueKind::Decimal);
            batch.addText(note.constData(), int(note.size()));
            batch.addText("2024-05-01 12:34:56", 19, ValueKind::DateTime);
            batch.addBoolean(true);
            batch.addReal(0.25);
        };
        RowBatch batch(6);
        add(batch, 1);
        batch.addInteger(2);
        batch.addText("-0.50", 5, ValueKind::Decimal);
        batch.addText("", 0);
        batch.addNull();
        batch.addBoolean(false);
        batch.addNull();
        StatementStatus status = c->insertRows(QStringLiteral("ins"), columns, batch);
        QVERIFY2(status.ok, qPrintable(status.error.message));
        QCOMPARE(status.rowsAffected, 2);

        // The other way of reading strings.
        rows(*c, pg ? QStringLiteral("SET standard_conforming_strings = off")
                    : QStringLiteral("SET SESSION sql_mode = "
                                     "CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'NO_BACKSLASH_ESCAPES')"));
        RowBatch again(6);
        add(again, 3);
        status = c->insertRows(QStringLiteral("ins"), columns, again);
        QVERIFY2(status.ok, qPrintable(status.error.message));
        rows(*c, pg ? QStringLiteral("SET standard_conforming_strings = on")
                    : QStringLiteral("SET SESSION sql_mode = DEFAULT"));

        const QList<QStringList> got =
            rows(*c, QStringLiteral("SELECT id, price, note, at, ok, r FROM ins ORDER BY id"));
        QCOMPARE(got.size(), 3);
        const QString okText = pg ? QStringLiteral("true") : QStringLiteral("1");
        const QStringList first{QStringLiteral("1"), QStringLiteral("19.99"), QString::fromUtf8(note),
                                QStringLiteral("2024-05-01 12:34:56"), okText, QStringLiteral("0.25")};
        QCOMPARE(got[0], first);
        QCOMPARE(got[1].mid(0, 3), (QStringList{QStringLiteral("2"), QStringLiteral("-0.50"), QString()}));
        QCOMPARE(got[1][3], QStringLiteral("NULL"));
        QCOMPARE(got[2].mid(1), first.mid(1));

        // An error names the engine's reason; a missing table is one.
        status = c->insertRows(QStringLiteral("no_such_table_here"), columns, batch);
        QVERIFY(!status.ok);
        QVERIFY2(status.error.message.contains(QLatin1String("no_such_table_here")), qPrintable(status.error.message));
    }

    void readsSchemaWithIndexesAndConstraints_data() { addEngineRows(m_engines); }
    void readsSchemaWithIndexesAndConstraints()
    {
        QFETCH(int, engine);
        auto c = connect(engine);
        QVERIFY(c);
        rows(*c, QStringLiteral("DROP TABLE IF EXISTS schema_child"));
        rows(*c, QStringLiteral("DROP TABLE IF EXISTS schema_parent"));
        QueryError error;
        rows(*c, QStringLiteral("CREATE TABLE schema_parent (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL UNIQUE)"), &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        rows(*c, QStringLiteral("CREATE TABLE schema_child (id INT PRIMARY KEY, parent_id INT NOT NULL, qty INT DEFAULT 1, "
                                "CONSTRAINT qty_positive CHECK (qty > 0), "
                                "CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES schema_parent (id))"),
             &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        rows(*c, QStringLiteral("CREATE INDEX child_parent_idx ON schema_child (parent_id, qty)"), &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));

        const SchemaInfo schema = c->schema(&error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        const SchemaTable *child = nullptr;
        for (const SchemaTable &t : schema.tables)
            if (t.name == QLatin1String("schema_child"))
                child = &t;
        QVERIFY(child);
        QCOMPARE(child->kind, SchemaTable::Kind::Table);
        QCOMPARE(child->columns.size(), 3);
        QCOMPARE(child->columns[0].name, QStringLiteral("id"));
        QVERIFY(child->columns[0].primaryKey);
        QVERIFY(child->columns[1].notNull);
        QCOMPARE(child->columns[2].defaultValue, QStringLiteral("1"));
        bool foundIndex = false;
        for (const SchemaIndex &index : child->indexes) {
            if (index.name == QLatin1String("child_parent_idx")) {
                foundIndex = true;
                QCOMPARE(index.columns, (QStringList{QStringLiteral("parent_id"), QStringLiteral("qty")}));
                QVERIFY(index.definition.contains(QLatin1String("parent_id")));
            }
        }
        QVERIFY(foundIndex);
        QStringList constraintTypes;
        for (const SchemaConstraint &constraint : child->constraints)
            constraintTypes << constraint.type;
        QVERIFY2(constraintTypes.contains(QLatin1String("FOREIGN KEY")), qPrintable(constraintTypes.join(QLatin1Char(','))));
        QVERIFY2(constraintTypes.contains(QLatin1String("CHECK")), qPrintable(constraintTypes.join(QLatin1Char(','))));
        QVERIFY(constraintTypes.contains(QLatin1String("PRIMARY KEY")));
        QVERIFY(!schema.extensions.isEmpty()); // plpgsql / the storage engines
        rows(*c, QStringLiteral("DROP TABLE schema_child"));
        rows(*c, QStringLiteral("DROP TABLE schema_parent"));
    }

    void explainsInEveryFormat_data()
    {
        QTest::addColumn<int>("engine");
        QTest::addColumn<bool>("analyze");
        QTest::addColumn<QString>("format");
        for (int e = 0; e < m_engines.size(); ++e) {
            const QString b = m_engines[e].backend;
            for (bool analyze : {false, true})
                for (const QString &format : {QStringLiteral("json"), QStringLiteral("text")})
                    QTest::addRow("%s-%s-%s", qPrintable(b), analyze ? "analyze" : "plan", qPrintable(format))
                        << e << analyze << format;
        }
    }
    void explainsInEveryFormat()
    {
        QFETCH(int, engine);
        QFETCH(bool, analyze);
        QFETCH(QString, format);
        auto c = connect(engine);
        QVERIFY(c);
        rows(*c, QStringLiteral("CREATE TEMPORARY TABLE e (id INT PRIMARY KEY, v INT)"));
        rows(*c, QStringLiteral("INSERT INTO e VALUES (1, 10), (2, 20), (3, 30)"));
        ExplainOptions options;
        options.analyze = analyze;
        options.format = format;
        options.buffers = analyze && isPostgres(engine);
        options.verbose = isPostgres(engine);
        options.settings = isPostgres(engine);
        options.wal = analyze && isPostgres(engine);
        QueryError error;
        const ExplainResult plan = c->explain(QStringLiteral("UPDATE e SET v = v + 1 WHERE id > 1"), options, &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QVERIFY(!plan.text.isEmpty());
        if (format == QLatin1String("json") && !(analyze && !isPostgres(engine) && plan.format == QLatin1String("mysql-tree"))) {
            QJsonParseError parseError;
            const QJsonDocument json = QJsonDocument::fromJson(plan.text.toUtf8(), &parseError);
            QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
            if (isPostgres(engine)) {
                QCOMPARE(plan.format, QStringLiteral("postgresql-json"));
                const QJsonObject top = json.array().first().toObject();
                QVERIFY(top.contains(QLatin1String("Plan")));
                QCOMPARE(top.contains(QLatin1String("Execution Time")), analyze);
                if (analyze)
                    QVERIFY(top.value(QLatin1String("Plan")).toObject().contains(QLatin1String("WAL Records")));
            } else {
                QCOMPARE(plan.format, QStringLiteral("mariadb-json"));
                QVERIFY(json.object().contains(QLatin1String("query_block")));
                QCOMPARE(plan.text.contains(QLatin1String("r_rows")), analyze);
            }
        } else if (isPostgres(engine)) {
            QCOMPARE(plan.format, QStringLiteral("postgresql-text"));
            QVERIFY(plan.text.contains(QLatin1String("Update on")));
            QCOMPARE(plan.text.contains(QLatin1String("actual time")), analyze);
        }
        // EXPLAIN ANALYZE of an UPDATE ran inside a rolled-back transaction: nothing changed.
        QCOMPARE(rows(*c, QStringLiteral("SELECT SUM(v) FROM e")), (QList<QStringList>{{QStringLiteral("60")}}));
    }

    void explainErrorPointsIntoTheStatement_data() { addEngineRows(m_engines); }
    void explainErrorPointsIntoTheStatement()
    {
        QFETCH(int, engine);
        if (!isPostgres(engine))
            QSKIP("MariaDB's syntax errors locate by text; covered by syntaxErrorHasPosition");
        auto c = connect(engine);
        QVERIFY(c);
        QueryError error;
        const QString sql = QStringLiteral("  SELECT no_such_column FROM (SELECT 1) s");
        c->explain(sql, ExplainOptions{}, &error);
        QVERIFY(error.isError());
        QCOMPARE(error.position, int(sql.indexOf(QLatin1String("no_such_column"))));
    }
};

QTEST_GUILESS_MAIN(ServerBackendsTest)
#include "tst_serverbackends.moc"
