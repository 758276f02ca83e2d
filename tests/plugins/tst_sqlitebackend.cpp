#include "backends/backendregistry.h"
#include "backends/queryrunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

using namespace dblearn;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

const QString endlessCount = QStringLiteral(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
const QString endlessRows = QStringLiteral(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, 'row ' || x FROM c");

QString counting(int rows)
{
    return QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                          "SELECT x, 'row ' || x AS label FROM c")
        .arg(rows);
}

qint64 millisecondsBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

// Runs one statement and fetches all its rows on a thread of its own, as a user interface would.
// The destructor cancels until the thread ends, so a failed test never leaves it running.
class BackgroundQuery final
{
public:
    BackgroundQuery(DatabaseConnection *connection, const QString &sql) : m_connection(connection)
    {
        m_thread = std::thread([this, sql] {
            m_started.store(true);
            const StatementStatus status = m_connection->execute(sql);
            if (!status.ok) {
                m_error = status.error;
            } else if (status.hasRows) {
                RowBatch batch(int(m_connection->columns().size()));
                bool atEnd = false;
                while (!atEnd && m_connection->fetch(batch, 1000, &atEnd, &m_error)) {
                    m_rows += batch.rowCount();
                    batch.clear();
                }
            }
            m_connection->finish();
            m_finishedAt = Clock::now();
            m_done.store(true);
        });
    }
    ~BackgroundQuery()
    {
        while (!m_done.load()) {
            m_connection->cancel();
            std::this_thread::sleep_for(10ms);
        }
        m_thread.join();
    }

    bool started() const { return m_started.load(); }
    bool waitDone(int milliseconds) const
    {
        const auto deadline = Clock::now() + std::chrono::milliseconds(milliseconds);
        while (!m_done.load() && Clock::now() < deadline)
            std::this_thread::sleep_for(1ms);
        return m_done.load();
    }
    // Valid once done.
    QueryError error() const { return m_error; }
    Clock::time_point finishedAt() const { return m_finishedAt; }
    qint64 rows() const { return m_rows; }

private:
    DatabaseConnection *m_connection;
    std::thread m_thread;
    std::atomic<bool> m_started{false};
    std::atomic<bool> m_done{false};
    QueryError m_error;
    Clock::time_point m_finishedAt;
    qint64 m_rows = 0;
};

} // namespace

class SqliteBackendTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_registry.scan();
        const BackendInfo *info = m_registry.find(QStringLiteral("sqlite"));
        QVERIFY2(info, "the sqlite plugin was not found in the application's plugin folder");
        QVERIFY2(info->isLoaded(), qPrintable(info->refusalReason));
        QCOMPARE(info->name, QStringLiteral("SQLite (embedded)"));
        QCOMPARE(info->explainFormats, QStringList{QStringLiteral("sqlite-eqp-json")});
    }

    void selectArithmetic()
    {
        auto c = openMemory();
        QVERIFY(c);
        QVERIFY(!c->serverVersion().isEmpty());
        const QList<QVariantList> rows = selectAll(c.get(), QStringLiteral("SELECT 1+1"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).at(0), QVariant(qint64(2)));
        QCOMPARE(rows.at(0).at(0).typeId(), QMetaType::LongLong);
    }

    void vectorDistanceFunctions()
    {
        auto c = openMemory();
        QVERIFY(c);
        const QList<QVariantList> rows = selectAll(
            c.get(), QStringLiteral("SELECT cosine_distance('[1, 0]', '[0, 1]'), l2_distance('[0, 0]', '[3, 4]'), "
                                    "inner_product('[1, 2, 3]', '[4, 5, 6]'), vector_dims('[0.5, 0.25, 1]'), "
                                    "cosine_distance(NULL, '[1]'), cosine_distance('[1, 1]', '[2, 2]')"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0][0].toDouble(), 1.0);
        QCOMPARE(rows[0][1].toDouble(), 5.0);
        QCOMPARE(rows[0][2].toDouble(), 32.0);
        QCOMPARE(rows[0][3].toLongLong(), 3);
        QVERIFY(rows[0][4].isNull());
        QVERIFY(qAbs(rows[0][5].toDouble()) < 1e-12);

        // Nearest neighbours by cosine distance, as a lesson would query them.
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE e(id INTEGER PRIMARY KEY, v TEXT)")));
        QVERIFY(run(c.get(), QStringLiteral("INSERT INTO e VALUES (1, '[1, 0]'), (2, '[0.9, 0.1]'), (3, '[0, 1]')")));
        const QList<QVariantList> nearest = selectAll(
            c.get(), QStringLiteral("SELECT id FROM e ORDER BY cosine_distance(v, '[1, 0.05]') LIMIT 2"));
        QCOMPARE(nearest.size(), 2);
        QCOMPARE(nearest[0][0].toLongLong(), 1);
        QCOMPARE(nearest[1][0].toLongLong(), 2);

        // Mismatched dimensions are an error with the reason, not a wrong number.
        const StatementStatus status = c->execute(QStringLiteral("SELECT l2_distance('[1, 2]', '[1, 2, 3]')"));
        bool atEnd = false;
        QueryError error;
        RowBatch batch(1);
        const bool fetched = status.ok && c->fetch(batch, 10, &atEnd, &error);
        c->finish();
        QVERIFY(!fetched);
        const QString message = status.ok ? error.message : status.error.message;
        QVERIFY2(message.contains(QStringLiteral("dimension")), qPrintable(message));
    }

    void columnNamesAndKinds()
    {
        auto c = openMemory();
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE k(i INTEGER, r REAL, t TEXT, b BLOB, d DATE, "
                                            "n NUMERIC(10,2), v VARCHAR(20), f BOOLEAN, x)")));
        const StatementStatus status =
            c->execute(QStringLiteral("SELECT i, r, t, b, d, n, v, f, x, i + 1 AS expr FROM k"));
        QVERIFY(status.ok);
        QVERIFY(status.hasRows);
        const ColumnList columns = c->columns();
        QCOMPARE(columns.size(), 10);
        const QStringList names{QStringLiteral("i"), QStringLiteral("r"), QStringLiteral("t"), QStringLiteral("b"),
                                QStringLiteral("d"), QStringLiteral("n"), QStringLiteral("v"), QStringLiteral("f"),
                                QStringLiteral("x"), QStringLiteral("expr")};
        const QList<ValueKind> kinds{ValueKind::Integer, ValueKind::Real,    ValueKind::Text,    ValueKind::Blob,
                                     ValueKind::Date,    ValueKind::Decimal, ValueKind::Text,    ValueKind::Boolean,
                                     ValueKind::Other,   ValueKind::Other};
        for (int i = 0; i < columns.size(); ++i) {
            QCOMPARE(columns.at(i).name, names.at(i));
            QCOMPARE(columns.at(i).kind, kinds.at(i));
        }
        QCOMPARE(columns.at(0).declaredType, QStringLiteral("INTEGER"));
        QCOMPARE(columns.at(5).declaredType, QStringLiteral("NUMERIC(10,2)"));
        QVERIFY(columns.at(8).declaredType.isEmpty());
        QVERIFY(columns.at(9).declaredType.isEmpty());
        bool atEnd = false;
        RowBatch batch(int(columns.size()));
        QueryError error;
        QVERIFY(c->fetch(batch, 10, &atEnd, &error));
        QVERIFY(atEnd);
        QCOMPARE(batch.rowCount(), 0);
        c->finish();
    }

    void valuesRoundTrip()
    {
        auto c = openMemory();
        const QString text = QStringLiteral("Zürich ☃ 😀 日本");
        const QList<QVariantList> rows = selectAll(
            c.get(), QStringLiteral("SELECT '%1', x'00ff10', NULL, 2.5, -9223372036854775808, '', 1e308, -0.125")
                         .arg(text));
        QCOMPARE(rows.size(), 1);
        const QVariantList &row = rows.at(0);
        QCOMPARE(row.at(0), QVariant(text));
        QCOMPARE(row.at(1), QVariant(QByteArray("\x00\xff\x10", 3)));
        QVERIFY(!row.at(2).isValid());
        QCOMPARE(row.at(3), QVariant(2.5));
        QCOMPARE(row.at(4), QVariant(std::numeric_limits<qint64>::min()));
        QCOMPARE(row.at(5).toString(), QString());
        QVERIFY(!row.at(5).isNull());
        QCOMPARE(row.at(6), QVariant(1e308));
        QCOMPARE(row.at(7), QVariant(-0.125));

        // Kinds per cell follow SQLite's storage classes, whatever the column's declared type.
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE m(v)")));
        QVERIFY(run(c.get(), QStringLiteral("INSERT INTO m VALUES (1), (1.5), ('a'), (x'01'), (NULL)")));
        RowBatch batch = fetchAll(c.get(), QStringLiteral("SELECT v FROM m ORDER BY rowid"));
        QCOMPARE(batch.rowCount(), 5);
        QCOMPARE(batch.kindAt(0, 0), ValueKind::Integer);
        QCOMPARE(batch.kindAt(1, 0), ValueKind::Real);
        QCOMPARE(batch.kindAt(2, 0), ValueKind::Text);
        QCOMPARE(batch.kindAt(3, 0), ValueKind::Blob);
        QCOMPARE(batch.kindAt(4, 0), ValueKind::Null);
    }

    void streamsInBatches()
    {
        auto c = openMemory();
        const int total = 200000;
        const StatementStatus status = c->execute(counting(total));
        QVERIFY(status.ok);
        QVERIFY(status.hasRows);
        qint64 rows = 0;
        qint64 sum = 0;
        int batches = 0;
        bool atEnd = false;
        while (!atEnd) {
            RowBatch batch(2);
            QueryError error;
            QVERIFY(c->fetch(batch, 1000, &atEnd, &error));
            QVERIFY(batch.rowCount() <= 1000);
            qsizetype textBytes = 0;
            for (int r = 0; r < batch.rowCount(); ++r) {
                QCOMPARE(batch.integerAt(r, 0), rows + r + 1);
                sum += batch.integerAt(r, 0);
                textBytes += batch.bytesAt(r, 1).size();
            }
            // Bounded by the batch's own rows: 16-byte cells plus the text arena (with growth slack).
            const qsizetype bound = qsizetype(batch.rowCount()) * 2 * 16 + 2 * textBytes + 4096;
            QVERIFY2(batch.memoryUsed() <= bound,
                     qPrintable(QStringLiteral("batch of %1 rows uses %2 bytes, more than %3")
                                    .arg(batch.rowCount())
                                    .arg(batch.memoryUsed())
                                    .arg(bound)));
            if (batch.rowCount() > 0) {
                QCOMPARE(batch.textAt(batch.rowCount() - 1, 1),
                         QStringLiteral("row %1").arg(rows + batch.rowCount()));
                ++batches;
            }
            rows += batch.rowCount();
        }
        c->finish();
        QCOMPARE(rows, qint64(total));
        QCOMPARE(sum, qint64(total) * (total + 1) / 2);
        QCOMPARE(batches, total / 1000);

        // One batch reused with clear() keeps its size from the first batch on.
        QVERIFY(c->execute(counting(total)).ok);
        RowBatch reused(2);
        qsizetype firstUse = -1;
        rows = 0;
        atEnd = false;
        while (!atEnd) {
            reused.clear();
            QueryError error;
            QVERIFY(c->fetch(reused, 1000, &atEnd, &error));
            rows += reused.rowCount();
            if (firstUse < 0)
                firstUse = reused.memoryUsed();
            QVERIFY(reused.memoryUsed() <= 2 * firstUse);
        }
        c->finish();
        QCOMPARE(rows, qint64(total));
    }

    void dmlRowsAffected()
    {
        auto c = openMemory();
        StatementStatus status = c->execute(QStringLiteral("CREATE TABLE d(id INTEGER PRIMARY KEY, v TEXT)"));
        QVERIFY(status.ok);
        QVERIFY(!status.hasRows);
        QCOMPARE(status.rowsAffected, -1);
        status = c->execute(QStringLiteral("INSERT INTO d(v) VALUES ('a'), ('b'), ('c')"));
        QVERIFY(status.ok);
        QCOMPARE(status.rowsAffected, 3);
        QCOMPARE(c->rowsAffected(), 3);
        status = c->execute(QStringLiteral("UPDATE d SET v = v || '!' WHERE id <= 2"));
        QCOMPARE(status.rowsAffected, 2);
        status = c->execute(QStringLiteral("UPDATE d SET v = 'none' WHERE id > 100"));
        QCOMPARE(status.rowsAffected, 0);
        status = c->execute(QStringLiteral("DELETE FROM d WHERE id = 3"));
        QCOMPARE(status.rowsAffected, 1);
        // DDL after DML does not repeat the last DML's count.
        status = c->execute(QStringLiteral("CREATE INDEX d_v ON d(v)"));
        QVERIFY(status.ok);
        QCOMPARE(status.rowsAffected, -1);
        status = c->execute(QStringLiteral("WITH n(x) AS (VALUES (7), (8)) INSERT INTO d(v) SELECT x FROM n"));
        QCOMPARE(status.rowsAffected, 2);
        // With RETURNING the statement has rows; the count is known once they are fetched.
        status = c->execute(QStringLiteral("UPDATE d SET v = 'x' RETURNING id"));
        QVERIFY(status.ok);
        QVERIFY(status.hasRows);
        RowBatch batch(1);
        bool atEnd = false;
        QueryError error;
        while (!atEnd)
            QVERIFY(c->fetch(batch, 100, &atEnd, &error));
        QCOMPARE(batch.rowCount(), 4);
        QCOMPARE(c->rowsAffected(), 4);
        c->finish();
        // A plain SELECT reports no count.
        fetchAll(c.get(), QStringLiteral("SELECT * FROM d"));
        QCOMPARE(c->rowsAffected(), -1);
    }

    void scriptConsumedOffsets()
    {
        auto c = openMemory();
        // Non-ASCII text (with a surrogate pair) before the second statement makes UTF-8 byte
        // offsets and UTF-16 offsets differ; a ';' inside a comment must not end a statement.
        const QString script = QStringLiteral("-- first: ünïcödé 😀\nSELECT 'é☃😀' AS a;\n"
                                              "/* ☃ comment; with a semicolon */ SELECT 2 AS b; -- trailing 😀\n");
        StatementStatus status = c->execute(script);
        QVERIFY(status.ok);
        QVERIFY(status.hasRows);
        QVERIFY(!status.empty);
        const int first = int(script.indexOf(QLatin1Char(';'))) + 1;
        QCOMPARE(status.consumed, first);
        RowBatch batch(1);
        bool atEnd = false;
        QueryError error;
        QVERIFY(c->fetch(batch, 10, &atEnd, &error));
        QCOMPARE(batch.textAt(0, 0), QStringLiteral("é☃😀"));
        c->finish();

        const QString rest = script.mid(first);
        status = c->execute(rest);
        QVERIFY(status.ok);
        const QString second = QStringLiteral("SELECT 2 AS b;");
        QCOMPARE(status.consumed, int(rest.indexOf(second) + second.size()));
        QCOMPARE(c->columns().at(0).name, QStringLiteral("b"));
        c->finish();

        const QString trailing = rest.mid(status.consumed);
        QCOMPARE(trailing, QStringLiteral(" -- trailing 😀\n"));
        status = c->execute(trailing);
        QVERIFY(status.ok);
        QVERIFY(status.empty);
        QVERIFY(!status.hasRows);
        QCOMPARE(status.consumed, int(trailing.size()));

        // Empty statements before a real one belong to it.
        const QString leading = QStringLiteral(";; /* x */ ;\n SELECT 3; SELECT 4");
        status = c->execute(leading);
        QVERIFY(status.ok);
        QVERIFY(!status.empty);
        QCOMPARE(status.consumed, int(leading.indexOf(QStringLiteral("SELECT 3;")) + 9));
        c->finish();

        for (const QString &nothing : {QString(), QStringLiteral("   \n\t"), QStringLiteral("-- only a comment"),
                                       QStringLiteral("/* unterminated"), QStringLiteral(";;;")}) {
            status = c->execute(nothing);
            QVERIFY2(status.ok, qPrintable(nothing));
            QVERIFY(status.empty);
            QCOMPARE(status.consumed, int(nothing.size()));
        }
    }

    void longStatementsAcrossChunks()
    {
        // The connection reads a long input in growing prefixes; no statement may be cut at a prefix end.
        auto c = openMemory();
        for (int n = 4080; n <= 4100; ++n) {
            for (const QString &unit : {QStringLiteral("a"), QStringLiteral("😀")}) {
                const QString sql = QStringLiteral("SELECT length('%1'); SELECT 2;").arg(unit.repeated(n));
                const StatementStatus status = c->execute(sql);
                QVERIFY(status.ok);
                QCOMPARE(status.consumed, int(sql.indexOf(QStringLiteral("; SELECT 2")) + 1));
                c->finish();
                QCOMPARE(selectAll(c.get(), sql.left(status.consumed)).value(0).value(0), QVariant(qint64(n)));
            }
        }
        for (int pad = 4070; pad <= 4096; ++pad) {
            // A number that a cut would shorten into another valid statement.
            const QString sql = QStringLiteral("/*%1*/ SELECT 1234567890").arg(QString(pad, QLatin1Char('x')));
            QCOMPARE(selectAll(c.get(), sql).value(0).value(0), QVariant(qint64(1234567890)));
        }
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE a(x)")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE log(v)")));
        const QString trigger = QStringLiteral("CREATE TRIGGER tr AFTER INSERT ON a BEGIN INSERT INTO log VALUES ('%1'); "
                                               "INSERT INTO log VALUES (2); END; SELECT 1")
                                    .arg(QString(5000, QLatin1Char('p')));
        const StatementStatus status = c->execute(trigger);
        QVERIFY2(status.ok, qPrintable(status.error.message));
        QCOMPARE(status.consumed, int(trigger.indexOf(QStringLiteral("END;")) + 4));
        QVERIFY(run(c.get(), QStringLiteral("INSERT INTO a VALUES (1)")));
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT count(*) FROM log")).value(0).value(0), QVariant(qint64(2)));

        const QString bad = QStringLiteral("SELECT '%1☃' FROMM x").arg(QStringLiteral("😀").repeated(10000));
        const StatementStatus error = c->execute(bad);
        QVERIFY(!error.ok);
        QCOMPARE(error.error.kind, QueryError::Kind::Syntax);
        QCOMPARE(error.error.position, int(bad.lastIndexOf(QLatin1Char('x'))));
    }

    void syntaxErrorPosition()
    {
        auto c = openMemory();
        const QString sql = QStringLiteral("SELECT 'ü😀' AS x FROM (SELECT 1) WHERE 1 = 1 ORDR BY x");
        StatementStatus status = c->execute(sql);
        QVERIFY(!status.ok);
        QCOMPARE(status.error.kind, QueryError::Kind::Syntax);
        QCOMPARE(status.error.message, QStringLiteral("near \"ORDR\": syntax error"));
        QCOMPARE(status.error.sqlState, QStringLiteral("1"));
        QCOMPARE(status.error.position, int(sql.indexOf(QStringLiteral("ORDR"))));

        // After skipped empty statements the position still counts from the start of the input.
        const QString skipped = QStringLiteral("; -- ☃☃☃\n;  SELEC 1");
        status = c->execute(skipped);
        QVERIFY(!status.ok);
        QCOMPARE(status.error.kind, QueryError::Kind::Syntax);
        QCOMPARE(status.error.position, int(skipped.indexOf(QStringLiteral("SELEC"))));

        status = c->execute(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(!status.ok);
        QCOMPARE(status.error.message, QStringLiteral("no such table: no_such_table"));

        // The connection is fine afterwards.
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT 42")).value(0).value(0), QVariant(qint64(42)));
    }

    void constraintViolation()
    {
        auto c = openMemory();
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE u(x UNIQUE, y NOT NULL)")));
        QVERIFY(run(c.get(), QStringLiteral("INSERT INTO u VALUES (1, 1)")));
        StatementStatus status = c->execute(QStringLiteral("INSERT INTO u VALUES (1, 2)"));
        QVERIFY(!status.ok);
        QCOMPARE(status.error.kind, QueryError::Kind::Execution);
        QCOMPARE(status.error.message, QStringLiteral("UNIQUE constraint failed: u.x"));
        QCOMPARE(status.error.sqlState, QString::number(2067)); // SQLITE_CONSTRAINT_UNIQUE
        status = c->execute(QStringLiteral("INSERT INTO u VALUES (2, NULL)"));
        QCOMPARE(status.error.kind, QueryError::Kind::Execution);
        QCOMPARE(status.error.sqlState, QString::number(1299)); // SQLITE_CONSTRAINT_NOTNULL

        // A runtime error while fetching rows.
        QVERIFY(c->execute(QStringLiteral("SELECT abs(-9223372036854775807 - 1)")).ok);
        RowBatch batch(1);
        bool atEnd = false;
        QueryError error;
        QVERIFY(!c->fetch(batch, 10, &atEnd, &error));
        QCOMPARE(error.kind, QueryError::Kind::Execution);
        QCOMPARE(error.message, QStringLiteral("integer overflow"));
        // Fetching again does not restart the statement.
        error = {};
        QVERIFY(c->fetch(batch, 10, &atEnd, &error));
        QVERIFY(atEnd);
        c->finish();
    }

    // insertRows() binds each value by its kind, and a text-like value meets the column's affinity
    // as the same literal would: the rows match, storage class included, rows written as SQL.
    void insertRowsBindsLikeLiterals()
    {
        auto c = openMemory();
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE \"odd \"\"name\" (id INTEGER, price NUMERIC(10,2), "
                                            "note TEXT, at TEXT, ok BOOLEAN, r REAL, b BLOB, d NUMERIC(10,2))")));
        const QStringList columns{QStringLiteral("id"), QStringLiteral("price"), QStringLiteral("note"),
                                  QStringLiteral("at"), QStringLiteral("ok"),    QStringLiteral("r"),
                                  QStringLiteral("b"),  QStringLiteral("d")};
        RowBatch rows(8);
        rows.addInteger(1);
        rows.addText("19.99", 5, ValueKind::Decimal);
        rows.addText("", 0);
        rows.addText("2024-05-01 12:00:00", 19, ValueKind::DateTime);
        rows.addBoolean(true);
        rows.addReal(0.25);
        rows.addBlob("\x00\x01", 2);
        rows.addText("7", 1, ValueKind::Decimal);
        rows.addInteger(2);
        rows.addText("20.00", 5, ValueKind::Decimal);
        rows.addText("O'Brien", 7);
        rows.addNull();
        rows.addBoolean(false);
        rows.addText("3", 1, ValueKind::Decimal);
        rows.addNull();
        rows.addText("-0.5", 4, ValueKind::Decimal);
        const StatementStatus status = c->insertRows(QStringLiteral("odd \"name"), columns, rows);
        QVERIFY2(status.ok, qPrintable(status.error.message));
        QCOMPARE(status.rowsAffected, 2);
        QCOMPARE(c->rowsAffected(), 2);
        QVERIFY(run(c.get(), QStringLiteral("INSERT INTO \"odd \"\"name\" VALUES "
                                            "(11, 19.99, '', '2024-05-01 12:00:00', TRUE, 0.25, x'0001', 7), "
                                            "(12, 20.00, 'O''Brien', NULL, FALSE, 3, NULL, -0.5)")));
        const QString quoted = QStringLiteral("SELECT quote(price), quote(note), quote(at), quote(ok), quote(r), "
                                              "quote(b), quote(d) FROM \"odd \"\"name\" WHERE id %1 ORDER BY id");
        const QList<QVariantList> bound = selectAll(c.get(), quoted.arg(QStringLiteral("< 10")));
        QCOMPARE(bound, selectAll(c.get(), quoted.arg(QStringLiteral("> 10"))));
        QCOMPARE(bound.size(), 2);
        QCOMPARE(bound[0][0], QVariant(QStringLiteral("19.99")));
        QCOMPARE(bound[1][0], QVariant(QStringLiteral("20"))); // an integer, as NUMERIC makes it
        QCOMPARE(bound[0][1], QVariant(QStringLiteral("''")));  // empty text, not NULL
        QCOMPARE(bound[1][4], QVariant(QStringLiteral("3.0")));

        // Errors: the engine's message, and rows of another width are refused before anything runs.
        StatementStatus failed = c->insertRows(QStringLiteral("no_such_table"), columns, rows);
        QVERIFY(!failed.ok);
        QCOMPARE(failed.error.message, QStringLiteral("no such table: no_such_table"));
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE u (x UNIQUE)")));
        RowBatch twice(1);
        twice.addInteger(5);
        twice.addInteger(5);
        failed = c->insertRows(QStringLiteral("u"), {QStringLiteral("x")}, twice);
        QCOMPARE(failed.error.message, QStringLiteral("UNIQUE constraint failed: u.x"));
        failed = c->insertRows(QStringLiteral("u"), {QStringLiteral("x"), QStringLiteral("y")}, twice);
        QCOMPARE(failed.error.kind, QueryError::Kind::Internal);
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT count(*) FROM u")).value(0).value(0), QVariant(qint64(1)));
    }

    // cancel() from another thread stops insertRows() too (here: stuck in a trigger that never ends).
    void cancelInsertRows()
    {
        auto c = openMemory();
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                            "SELECT x + 1 FROM c WHERE x < 3000) SELECT x FROM c")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE t (x INTEGER)")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE TRIGGER slow AFTER INSERT ON t BEGIN "
                                            "SELECT count(*) FROM big a, big b, big c; END")));
        RowBatch rows(1);
        rows.addInteger(1);
        std::atomic<bool> done{false};
        StatementStatus status;
        std::thread inserter([&] {
            status = c->insertRows(QStringLiteral("t"), {QStringLiteral("x")}, rows);
            done.store(true);
        });
        while (!done.load()) {
            std::this_thread::sleep_for(20ms);
            c->cancel();
        }
        inserter.join();
        QVERIFY(!status.ok);
        QCOMPARE(status.error.kind, QueryError::Kind::Cancelled);
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT 42")).value(0).value(0), QVariant(qint64(42)));
    }

    void fileDatabasePersists()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("lesson ☃.db"));
        {
            auto c = open(QStringLiteral("sqlite://") + path);
            QVERIFY(c);
            QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE p(name TEXT)")));
            QVERIFY(run(c.get(), QStringLiteral("INSERT INTO p VALUES ('Ada'), ('Grace')")));
            c->close();
            QVERIFY(!c->isOpen());
        }
        QVERIFY(QFile::exists(path));
        auto c = open(QStringLiteral("sqlite://") + path);
        QVERIFY(c);
        const QList<QVariantList> rows = selectAll(c.get(), QStringLiteral("SELECT name FROM p ORDER BY name"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).at(0), QVariant(QStringLiteral("Grace")));

        // Read-only mode refuses writes.
        auto ro = open(QStringLiteral("sqlite://") + path + QStringLiteral("?mode=ro"));
        QVERIFY(ro);
        const StatementStatus status = ro->execute(QStringLiteral("INSERT INTO p VALUES ('Linus')"));
        QVERIFY(!status.ok);
        QCOMPARE(status.error.message, QStringLiteral("attempt to write a readonly database"));
    }

    void nonDatabaseFileRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("random.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray noise(8192, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (char &byte : noise)
            byte = char(generator.bounded(256));
        file.write(noise);
        file.close();

        QString createError;
        auto c = m_registry.createConnection(QStringLiteral("sqlite"), &createError);
        QueryError error;
        QVERIFY(!c->open(uri(QStringLiteral("sqlite://") + path), &error));
        QCOMPARE(error.kind, QueryError::Kind::Connection);
        QCOMPARE(error.message, QStringLiteral("file is not a database"));
        QVERIFY(!c->isOpen());
        // Everything else says "not connected" rather than crashing.
        const StatementStatus status = c->execute(QStringLiteral("SELECT 1"));
        QVERIFY(!status.ok);
        QCOMPARE(status.error.kind, QueryError::Kind::Connection);
        c->cancel();
        QVERIFY(!c->schema(&error).tables.size());
    }

    void missingDirectoryRefused()
    {
        QTemporaryDir dir;
        QString createError;
        auto c = m_registry.createConnection(QStringLiteral("sqlite"), &createError);
        QueryError error;
        QVERIFY(!c->open(uri(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("no/such/dir/x.db"))), &error));
        QCOMPARE(error.kind, QueryError::Kind::Connection);
        QCOMPARE(error.message, QStringLiteral("unable to open database file"));
        QVERIFY(!c->isOpen());
    }

    void attachFileRefused()
    {
        QTemporaryDir dir;
        auto c = openMemory();
        const QString target = dir.filePath(QStringLiteral("other.db"));
        StatementStatus status = c->execute(QStringLiteral("ATTACH DATABASE '%1' AS other").arg(target));
        QVERIFY(!status.ok);
        QCOMPARE(status.error.message, QStringLiteral("not authorized (ATTACH of a file is refused here: only ATTACH "
                                                      "':memory:' or '' for a temporary database)"));
        QVERIFY(!QFile::exists(target));
        // Not even through an expression that the authorizer cannot read.
        status = c->execute(QStringLiteral("ATTACH '%1' || '' AS other").arg(target));
        QVERIFY(!status.ok);
        QVERIFY(!QFile::exists(target));
        // VACUUM INTO writes a new file through an internal ATTACH.
        status = c->execute(QStringLiteral("VACUUM INTO '%1'").arg(target));
        QVERIFY(!status.ok);
        QVERIFY(!QFile::exists(target));
        // Temporary databases are fine.
        QVERIFY(run(c.get(), QStringLiteral("ATTACH ':memory:' AS scratch")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE scratch.t(x)")));
        QVERIFY(run(c.get(), QStringLiteral("ATTACH '' AS scratch2")));
    }

    void dangerousFunctionsRefused()
    {
        auto c = openMemory();
        StatementStatus status = c->execute(QStringLiteral("SELECT load_extension('x')"));
        QVERIFY(!status.ok);
        QCOMPARE(status.error.kind, QueryError::Kind::Execution);
        QCOMPARE(status.error.message,
                 QStringLiteral("not authorized to use function: load_extension (loading SQLite extensions is disabled)"));
        status = c->execute(QStringLiteral("SELECT LOAD_EXTENSION('/tmp/evil.so', 'entry')"));
        QVERIFY(!status.ok);
        // The two-argument fts3_tokenizer() takes a function pointer from SQL.
        status = c->execute(QStringLiteral("SELECT fts3_tokenizer('simple', x'0102030405060708')"));
        QVERIFY(status.ok);
        RowBatch batch(1);
        bool atEnd = false;
        QueryError error;
        QVERIFY(!c->fetch(batch, 1, &atEnd, &error));
        QCOMPARE(error.message, QStringLiteral("fts3tokenize disabled"));
        c->finish();
        status = c->execute(QStringLiteral("PRAGMA temp_store_directory = '/tmp'"));
        QVERIFY(!status.ok);
    }

    void writableSchemaRefused()
    {
        auto c = openMemory();
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE w(x)")));
        c->execute(QStringLiteral("PRAGMA writable_schema = 1")); // accepted, but defensive mode ignores it
        StatementStatus status =
            c->execute(QStringLiteral("UPDATE sqlite_schema SET sql = 'CREATE TABLE w(x, y)' WHERE name = 'w'"));
        QVERIFY(!status.ok);
        QCOMPARE(status.error.message, QStringLiteral("table sqlite_master may not be modified"));
        status = c->execute(QStringLiteral("INSERT INTO sqlite_schema VALUES ('table', 'z', 'z', 99, 'CREATE TABLE z(a)')"));
        QVERIFY(!status.ok);
        QVERIFY(run(c.get(), QStringLiteral("INSERT INTO w VALUES (1)")));
        QVERIFY(run(c.get(), QStringLiteral("PRAGMA writable_schema = 0")));
    }

    void cancelEndlessQuery_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("no rows until the end") << endlessCount;
        QTest::newRow("rows") << endlessRows;
        QTest::newRow("sort") << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                                "SELECT x FROM c ORDER BY x DESC");
        QTest::newRow("statement without rows")
            << QStringLiteral("CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                              "SELECT x FROM c");
    }

    void cancelEndlessQuery()
    {
        QFETCH(QString, sql);
        auto c = openMemory();
        {
            BackgroundQuery query(c.get(), sql);
            std::this_thread::sleep_for(100ms);
            QVERIFY(query.started());
            QVERIFY(!query.waitDone(0));
            const auto cancelledAt = Clock::now();
            c->cancel();
            QVERIFY(query.waitDone(2000));
            const qint64 latency = millisecondsBetween(cancelledAt, query.finishedAt());
            qInfo() << "returned" << latency << "ms after the cancel";
            QVERIFY2(latency <= 200, qPrintable(QStringLiteral("returned %1 ms after the cancel").arg(latency)));
            QCOMPARE(query.error().kind, QueryError::Kind::Cancelled);
            QVERIFY2(query.error().message.startsWith(QStringLiteral("cancelled")), qPrintable(query.error().message));
        }
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT 42")).value(0).value(0), QVariant(qint64(42)));
    }

    void cancelWhileIdle()
    {
        auto c = openMemory();
        c->cancel();
        c->cancel();
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT 42")).value(0).value(0), QVariant(qint64(42)));
        // Between batches of a result the statement is running: a cancel stops it.
        QVERIFY(c->execute(counting(10000)).ok);
        RowBatch batch(2);
        bool atEnd = false;
        QueryError error;
        QVERIFY(c->fetch(batch, 100, &atEnd, &error));
        c->cancel();
        QVERIFY(!c->fetch(batch, 100, &atEnd, &error));
        QCOMPARE(error.kind, QueryError::Kind::Cancelled);
        c->finish();
        // After the end of a statement, and on a closed connection.
        c->cancel();
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT 43")).value(0).value(0), QVariant(qint64(43)));
        QueryError schemaError;
        c->cancel();
        c->schema(&schemaError);
        QVERIFY(!schemaError.isError());
        c->close();
        c->cancel();
    }

    void cancelRepeatedly()
    {
        auto c = openMemory();
        for (int i = 0; i < 20; ++i) {
            // Mid-query.
            {
                BackgroundQuery query(c.get(), i % 2 ? endlessCount : endlessRows);
                while (!query.started())
                    std::this_thread::yield();
                std::this_thread::sleep_for(std::chrono::milliseconds(5 + i));
                const auto cancelledAt = Clock::now();
                c->cancel();
                QVERIFY(query.waitDone(2000));
                QVERIFY(millisecondsBetween(cancelledAt, query.finishedAt()) <= 200);
                QCOMPARE(query.error().kind, QueryError::Kind::Cancelled);
            }
            // At 0 ms: the cancel may land before the statement starts, when it is harmless by
            // design; keep cancelling, as an impatient user would, until the query stops.
            {
                BackgroundQuery query(c.get(), endlessCount);
                const auto firstCancel = Clock::now();
                int cancels = 0;
                do {
                    c->cancel();
                    ++cancels;
                } while (!query.waitDone(cancels < 10 ? 0 : 1) && cancels < 100000);
                QVERIFY(query.waitDone(1000));
                QVERIFY(millisecondsBetween(firstCancel, query.finishedAt()) <= 200);
                QCOMPARE(query.error().kind, QueryError::Kind::Cancelled);
            }
            QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT 42")).value(0).value(0), QVariant(qint64(42)));
        }
    }

    void cancelDuringClose()
    {
        // cancel() from another thread while the connection opens and closes must never touch a
        // closed handle.
        QString createError;
        auto c = m_registry.createConnection(QStringLiteral("sqlite"), &createError);
        std::atomic<bool> stop{false};
        std::thread canceller([&] {
            while (!stop.load())
                c->cancel();
        });
        for (int i = 0; i < 300; ++i) {
            QueryError error;
            if (c->open(uri(QStringLiteral("sqlite::memory:")), &error))
                c->execute(QStringLiteral("SELECT 1"));
            c->close();
        }
        stop.store(true);
        canceller.join();
        QueryError error;
        QVERIFY(c->open(uri(QStringLiteral("sqlite::memory:")), &error));
        QCOMPARE(selectAll(c.get(), QStringLiteral("SELECT 42")).value(0).value(0), QVariant(qint64(42)));
    }

    void explainMentionsIndex()
    {
        auto c = openMemory();
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT, city TEXT)")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE INDEX p_city ON p(city)")));
        QueryError error;
        ExplainResult plan = c->explain(QStringLiteral("SELECT * FROM p WHERE city = 'Oslo'"), {}, &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(plan.format, QStringLiteral("sqlite-eqp-json"));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(plan.text.toUtf8(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(document.isArray());
        const QJsonArray steps = document.array();
        QCOMPARE(steps.size(), 1);
        const QJsonObject step = steps.at(0).toObject();
        QVERIFY(step.contains(QStringLiteral("id")));
        QCOMPARE(step.value(QStringLiteral("parent")).toInt(), 0);
        QCOMPARE(step.value(QStringLiteral("detail")).toString(), QStringLiteral("SEARCH p USING INDEX p_city (city=?)"));

        ExplainOptions analyze;
        analyze.analyze = true;
        plan = c->explain(QStringLiteral("SELECT name FROM p ORDER BY name"), analyze, &error);
        QCOMPARE(plan.format, QStringLiteral("sqlite-eqp-json"));
        QVERIFY2(plan.text.contains(QStringLiteral("\"SCAN p\"")), qPrintable(plan.text));
        QVERIFY2(plan.text.contains(QStringLiteral("USE TEMP B-TREE FOR ORDER BY")), qPrintable(plan.text));

        // Subqueries nest through "parent".
        plan = c->explain(QStringLiteral("SELECT * FROM p WHERE id IN (SELECT id FROM p WHERE city = 'Rome')"), {},
                          &error);
        const QJsonArray nested = QJsonDocument::fromJson(plan.text.toUtf8()).array();
        QVERIFY(nested.size() >= 2);
        bool hasChild = false;
        for (const QJsonValue &v : nested)
            hasChild = hasChild || v.toObject().value(QStringLiteral("parent")).toInt() != 0;
        QVERIFY(hasChild);

        // Explaining does not run the statement.
        plan = c->explain(QStringLiteral("DELETE FROM p"), {}, &error);
        QVERIFY(!error.isError());
        const QString bad = QStringLiteral("SELECT ☃ FROM p WHER id = 1");
        plan = c->explain(bad, {}, &error);
        QCOMPARE(error.kind, QueryError::Kind::Syntax);
        QCOMPARE(error.position, int(bad.indexOf(QStringLiteral("id"))));
        QVERIFY(plan.text.isEmpty());
    }

    void schemaListsTablesColumnsIndexes()
    {
        auto c = openMemory();
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE person(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
                                            "city TEXT DEFAULT 'Oslo')")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE INDEX person_city ON person(city, lower(email))")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE VIEW oslo AS SELECT id, email FROM person WHERE city = 'Oslo'")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE TABLE gone(x)")));
        QVERIFY(run(c.get(), QStringLiteral("CREATE VIEW broken AS SELECT x FROM gone")));
        QVERIFY(run(c.get(), QStringLiteral("DROP TABLE gone")));

        QueryError error;
        SchemaInfo info = c->schema(&error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(info.tables.size(), 3);
        const SchemaTable &broken = info.tables.at(0);
        QCOMPARE(broken.name, QStringLiteral("broken"));
        QCOMPARE(broken.kind, SchemaTable::Kind::View);
        const SchemaTable &oslo = info.tables.at(1);
        QCOMPARE(oslo.name, QStringLiteral("oslo"));
        QCOMPARE(oslo.kind, SchemaTable::Kind::View);
        QCOMPARE(oslo.columns.size(), 2);
        const SchemaTable &person = info.tables.at(2);
        QCOMPARE(person.schema, QStringLiteral("main"));
        QCOMPARE(person.kind, SchemaTable::Kind::Table);
        QCOMPARE(person.rowEstimate, -1);
        QCOMPARE(person.columns.size(), 3);
        QCOMPARE(person.columns.at(0).name, QStringLiteral("id"));
        QCOMPARE(person.columns.at(0).type, QStringLiteral("INTEGER"));
        QVERIFY(person.columns.at(0).primaryKey);
        QVERIFY(person.columns.at(1).notNull);
        QCOMPARE(person.columns.at(2).defaultValue, QStringLiteral("'Oslo'"));
        QCOMPARE(person.indexes.size(), 2);
        const SchemaIndex &cityIndex = person.indexes.at(0);
        QCOMPARE(cityIndex.name, QStringLiteral("person_city"));
        QVERIFY(!cityIndex.unique);
        QCOMPARE(cityIndex.columns, (QStringList{QStringLiteral("city"), QStringLiteral("<expression>")}));
        QCOMPARE(cityIndex.definition, QStringLiteral("CREATE INDEX person_city ON person(city, lower(email))"));
        const SchemaIndex &emailIndex = person.indexes.at(1);
        QVERIFY(emailIndex.name.startsWith(QStringLiteral("sqlite_autoindex_person")));
        QVERIFY(emailIndex.unique);
        QCOMPARE(emailIndex.columns, QStringList{QStringLiteral("email")});
        QVERIFY(info.extensions.contains(QStringLiteral("fts5")));

        // After ANALYZE, row estimates come from sqlite_stat1, which itself is not listed.
        QVERIFY(run(c.get(), QStringLiteral("INSERT INTO person(email) WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL "
                                            "SELECT n + 1 FROM s WHERE n < 250) SELECT 'p' || n || '@example.org' FROM s")));
        QVERIFY(run(c.get(), QStringLiteral("ANALYZE")));
        info = c->schema(&error);
        QCOMPARE(info.tables.size(), 3);
        QCOMPARE(info.tables.at(2).rowEstimate, 250);
    }

    void runnerDeliversSignals()
    {
        Collector collector;
        QueryRunner runner(connection());
        collector.watch(&runner);
        runner.open(uri(QStringLiteral("sqlite::memory:")));
        QTRY_COMPARE(collector.opened, 1);
        QVERIFY(collector.openedOk);
        const QString script = QStringLiteral("CREATE TABLE r(x);\nINSERT INTO r VALUES (1), (2), (3);\n"
                                              "SELECT x, 'é' || x AS label FROM r ORDER BY x; -- done ☃\n");
        runner.run(script);
        QTRY_COMPARE(collector.finished, 1);
        QVERIFY(collector.finishedOk);
        QCOMPARE(collector.started.size(), 3); // no phantom statement for the trailing comment
        QCOMPARE(collector.started.at(2).first, int(script.indexOf(QStringLiteral("\nSELECT"))));
        QCOMPARE(collector.started.at(2).second,
                 int(script.indexOf(QStringLiteral("; -- done")) + 1 - script.indexOf(QStringLiteral("\nSELECT"))));
        QCOMPARE(collector.columns.size(), 2);
        QCOMPARE(collector.statuses.size(), 3);
        QCOMPARE(collector.statuses.at(1).rowsAffected, 3);
        QCOMPARE(collector.rows, 3);
        QCOMPARE(collector.lastText, QStringLiteral("é3"));
        QVERIFY(!collector.truncated);

        // An error stops the script and carries the position within the whole script.
        collector.reset();
        const QString failing = QStringLiteral("SELECT 1;\nSELECT ☃ FROMM r;\nSELECT 3;");
        runner.run(failing);
        QTRY_COMPARE(collector.finished, 1);
        QVERIFY(!collector.finishedOk);
        QCOMPARE(collector.statuses.size(), 2);
        QCOMPARE(collector.statuses.at(1).error.kind, QueryError::Kind::Syntax);
        QCOMPARE(collector.statuses.at(1).error.position, int(failing.indexOf(QStringLiteral("r;"))));
    }

    void runnerRunsLongScripts()
    {
        // Many statements in one string (a dataset script): walking it must stay linear.
        const int statements = 20000;
        QString script = QStringLiteral("CREATE TABLE s(id INTEGER, label TEXT);\n");
        for (int i = 0; i < statements; ++i)
            script += QStringLiteral("INSERT INTO s VALUES (%1, 'ünïcödé row %1'); -- ☃\n").arg(i);
        script += QStringLiteral("SELECT count(*), sum(id) FROM s;");
        Collector collector;
        QueryRunner runner(connection());
        collector.watch(&runner);
        runner.open(uri(QStringLiteral("sqlite::memory:")));
        QElapsedTimer timer;
        timer.start();
        runner.run(script);
        QTRY_COMPARE_WITH_TIMEOUT(collector.finished, 1, 60000);
        qInfo() << statements << "statements," << script.size() << "characters in" << timer.elapsed() << "ms";
        QVERIFY(collector.finishedOk);
        QCOMPARE(collector.statuses.size(), statements + 2);
        QCOMPARE(collector.lastText, QString::number(qint64(statements) * (statements - 1) / 2));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void runnerTruncatesAtRowLimit()
    {
        Collector collector;
        QueryRunner runner(connection());
        collector.watch(&runner);
        runner.open(uri(QStringLiteral("sqlite::memory:")));
        runner.run(counting(200000), 1500, 1000);
        QTRY_COMPARE(collector.finished, 1);
        QVERIFY(collector.finishedOk);
        QCOMPARE(collector.rows, 1500);
        QCOMPARE(collector.batches, 2);
        QVERIFY(collector.truncated);
    }

    void runnerCancels()
    {
        Collector collector;
        QueryRunner runner(connection());
        collector.watch(&runner);
        runner.open(uri(QStringLiteral("sqlite::memory:")));
        QTRY_COMPARE(collector.opened, 1);

        runner.run(endlessCount);
        QTest::qWait(100);
        QVERIFY(runner.isBusy());
        QElapsedTimer timer;
        timer.start();
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(collector.finished, 1, 2000);
        QVERIFY2(timer.elapsed() <= 200, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!collector.finishedOk);
        QCOMPARE(collector.statuses.size(), 1);
        QCOMPARE(collector.statuses.at(0).error.kind, QueryError::Kind::Cancelled);

        // At 0 ms, repeatedly: the runner remembers a cancel that comes before the statement starts.
        for (int i = 0; i < 20; ++i) {
            collector.reset();
            runner.run(i % 2 ? endlessCount : endlessRows);
            runner.cancel();
            QTRY_COMPARE_WITH_TIMEOUT(collector.finished, 1, 2000);
            QVERIFY(!collector.finishedOk);
            QCOMPARE(collector.statuses.last().error.kind, QueryError::Kind::Cancelled);
        }

        collector.reset();
        runner.run(QStringLiteral("SELECT 42"));
        QTRY_COMPARE(collector.finished, 1);
        QVERIFY(collector.finishedOk);
        QCOMPARE(collector.lastText, QStringLiteral("42"));
    }

private:
    // Gathers a runner's signals on the test's thread.
    struct Collector {
        int opened = 0;
        bool openedOk = false;
        QList<QPair<int, int>> started;
        ColumnList columns;
        int rows = 0;
        int batches = 0;
        QString lastText;
        QList<StatementStatus> statuses;
        bool truncated = false;
        int finished = 0;
        bool finishedOk = false;
        QObject context;

        void reset()
        {
            started.clear();
            columns.clear();
            rows = batches = finished = 0;
            lastText.clear();
            statuses.clear();
            truncated = finishedOk = false;
        }
        void watch(QueryRunner *runner)
        {
            QObject::connect(runner, &QueryRunner::opened, &context, [this](bool ok, const QString &, const QString &) {
                ++opened;
                openedOk = ok;
            });
            QObject::connect(runner, &QueryRunner::statementStarted, &context,
                             [this](int, int offset, int length, const ColumnList &list) {
                                 started.append({offset, length});
                                 if (!list.isEmpty())
                                     columns = list;
                             });
            QObject::connect(runner, &QueryRunner::rowsReady, &context, [this](int, const RowBatch &batch) {
                rows += batch.rowCount();
                ++batches;
                lastText = batch.textAt(batch.rowCount() - 1, batch.columnCount() - 1);
            });
            QObject::connect(runner, &QueryRunner::statementFinished, &context,
                             [this](int, const StatementStatus &status, bool cut) {
                                 statuses.append(status);
                                 truncated = truncated || cut;
                             });
            QObject::connect(runner, &QueryRunner::finished, &context, [this](bool ok) {
                ++finished;
                finishedOk = ok;
            });
        }
    };

    static ConnectionUri uri(const QString &text)
    {
        QString error;
        const ConnectionUri parsed = ConnectionUri::parse(text, &error);
        if (!parsed.isValid())
            qWarning().noquote() << error;
        return parsed;
    }

    std::unique_ptr<DatabaseConnection> open(const QString &text)
    {
        QString error;
        auto connection = m_registry.createConnection(QStringLiteral("sqlite"), &error);
        if (!connection) {
            qWarning().noquote() << error;
            return nullptr;
        }
        QueryError openError;
        if (!connection->open(uri(text), &openError)) {
            qWarning().noquote() << openError.message;
            return nullptr;
        }
        return connection;
    }

    std::unique_ptr<DatabaseConnection> connection()
    {
        QString error;
        auto created = m_registry.createConnection(QStringLiteral("sqlite"), &error);
        if (!created)
            qWarning().noquote() << error;
        return created;
    }

    std::unique_ptr<DatabaseConnection> openMemory() { return open(QStringLiteral("sqlite::memory:")); }

    static bool run(DatabaseConnection *c, const QString &sql)
    {
        const StatementStatus status = c->execute(sql);
        if (!status.ok)
            qWarning().noquote() << sql << ":" << status.error.message;
        c->finish();
        return status.ok;
    }

    static RowBatch fetchAll(DatabaseConnection *c, const QString &sql)
    {
        const StatementStatus status = c->execute(sql);
        if (!status.ok || !status.hasRows) {
            qWarning().noquote() << sql << ":" << status.error.message;
            return RowBatch();
        }
        RowBatch batch(int(c->columns().size()));
        bool atEnd = false;
        QueryError error;
        while (!atEnd) {
            if (!c->fetch(batch, 1000, &atEnd, &error)) {
                qWarning().noquote() << sql << ":" << error.message;
                break;
            }
        }
        c->finish();
        return batch;
    }

    static QList<QVariantList> selectAll(DatabaseConnection *c, const QString &sql)
    {
        const RowBatch batch = fetchAll(c, sql);
        QList<QVariantList> rows;
        for (int r = 0; r < batch.rowCount(); ++r) {
            QVariantList row;
            for (int col = 0; col < batch.columnCount(); ++col)
                row << batch.valueAt(r, col);
            rows << row;
        }
        return rows;
    }

    BackendRegistry m_registry;
};

QTEST_GUILESS_MAIN(SqliteBackendTest)

#include "tst_sqlitebackend.moc"
