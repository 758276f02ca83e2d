// Every dataset, created through the real SQLite backend plugin: row counts, determinism,
// referential integrity, the properties lessons rely on, and clear errors.
//
// The engines are a list: PostgreSQL and MariaDB join by setting DBLEARN_TEST_POSTGRESQL_URI or
// DBLEARN_TEST_MARIADB_URI (with their plugins built), and the checksum comparison across engines
// runs for every engine listed.

#include "backends/backendregistry.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetchecksum.h"
#include "datasets/sqldialect.h"
#include "datasets/vectormath.h"

#include "testsupport/testservers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace dblearn;

namespace {

struct Engine {
    QString backend; // plugin id
    QString dialect;
    QString uri; // a fresh, empty database for each test (in-memory SQLite); a scratch database elsewhere
};

} // namespace

class DatasetsTest final : public QObject
{
    Q_OBJECT

private:
    BackendRegistry m_registry;
    DatasetCatalog m_catalog;
    QList<Engine> m_engines;

    std::unique_ptr<DatabaseConnection> openDatabase(const Engine &engine)
    {
        QString error;
        auto connection = m_registry.createConnection(engine.backend, &error);
        if (!connection) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        const ConnectionUri uri = ConnectionUri::parse(engine.uri, &error);
        QueryError openError;
        if (!uri.isValid() || !connection->open(uri, &openError)) {
            qWarning("cannot open %s: %s", qPrintable(engine.uri), qPrintable(error + openError.message));
            return nullptr;
        }
        return connection;
    }

    // The single value of a one-row, one-column query, as text ("" for NULL; "error: ..." on failure).
    static QString scalar(DatabaseConnection &connection, const QString &sql)
    {
        const StatementStatus status = connection.execute(sql);
        if (!status.ok || !status.hasRows) {
            connection.finish();
            return QStringLiteral("error: ") + status.error.message;
        }
        RowBatch batch(int(connection.columns().size()));
        bool atEnd = false;
        QueryError error;
        const bool ok = connection.fetch(batch, 1, &atEnd, &error);
        connection.finish();
        if (!ok)
            return QStringLiteral("error: ") + error.message;
        return batch.rowCount() ? batch.textAt(0, 0) : QString();
    }

    static qint64 count(DatabaseConnection &connection, const QString &sql)
    {
        bool ok = false;
        const QString text = scalar(connection, sql);
        const qint64 value = text.toLongLong(&ok);
        if (!ok)
            qWarning("%s -> %s", qPrintable(sql), qPrintable(text));
        return ok ? value : -1;
    }

    static QList<QList<QString>> rows(DatabaseConnection &connection, const QString &sql)
    {
        QList<QList<QString>> result;
        const StatementStatus status = connection.execute(sql);
        if (!status.ok || !status.hasRows) {
            connection.finish();
            qWarning("%s -> %s", qPrintable(sql), qPrintable(status.error.message));
            return result;
        }
        RowBatch batch;
        bool atEnd = false;
        QueryError error;
        while (!atEnd) {
            batch.reset(int(connection.columns().size()));
            if (!connection.fetch(batch, 5000, &atEnd, &error))
                break;
            for (int r = 0; r < batch.rowCount(); ++r) {
                QList<QString> row;
                for (int c = 0; c < batch.columnCount(); ++c)
                    row << batch.textAt(r, c);
                result << row;
            }
        }
        connection.finish();
        return result;
    }

    bool create(DatabaseConnection &connection, const Engine &engine, const QString &dataset, int scale = 1,
                quint64 seed = DatasetOptions::defaultSeed, QString *error = nullptr)
    {
        DatasetOptions options;
        options.scale = scale;
        options.seed = seed;
        QString message;
        const bool ok = DatasetBuilder::create(connection, engine.dialect, *m_catalog.find(dataset), options, &message);
        if (!ok && !error)
            qWarning("%s", qPrintable(message));
        if (error)
            *error = message;
        return ok;
    }

    // Column names of every table, as the engine reports them.
    static QStringList schemaOf(DatabaseConnection &connection, const DatasetGenerator &generator)
    {
        QStringList lines;
        for (const TableSpec &t : generator.tables()) {
            const StatementStatus status = connection.execute(QStringLiteral("SELECT * FROM ") + t.name);
            QStringList names;
            for (const Column &c : connection.columns())
                names << c.name;
            connection.finish();
            lines << t.name + QLatin1Char(':') + (status.ok ? names.join(QLatin1Char(',')) : status.error.message);
        }
        return lines;
    }

    void addDatasetEngineRows()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("engine");
        for (int e = 0; e < m_engines.size(); ++e) {
            for (const QString &name : m_catalog.names())
                QTest::addRow("%s-%s", qPrintable(m_engines[e].backend), qPrintable(name)) << name << e;
        }
    }

private slots:
    void initTestCase()
    {
        QStringList folders{QStringLiteral(DBLEARN_TEST_BUILD_PLUGIN_DIR)};
        folders += BackendRegistry::defaultSearchPaths();
        m_registry.scan(folders);
        QVERIFY2(m_registry.isLoaded(QStringLiteral("sqlite")),
                 "the SQLite backend plugin was not found or refused (build dblearn-sqlite first)");
        m_engines << Engine{QStringLiteral("sqlite"), QStringLiteral("sqlite"), QStringLiteral("sqlite::memory:")};
        const QList<QPair<const char *, QString>> servers{{"DBLEARN_TEST_POSTGRESQL_URI", QStringLiteral("postgresql")},
                                                          {"DBLEARN_TEST_MARIADB_URI", QStringLiteral("mariadb")}};
        for (const auto &server : servers) {
            const QString uri = test::testServerValue(server.first, QStringLiteral("datasets"));
            if (uri.isEmpty()) {
                QVERIFY2(!test::testServersExpected(), "the test servers did not start (see test-servers.start)");
                continue;
            }
            if (!m_registry.isLoaded(server.second)) {
                qWarning("%s is set but the %s plugin is not loaded", server.first, qPrintable(server.second));
                continue;
            }
            m_engines << Engine{server.second, m_registry.find(server.second)->dialect, uri};
        }
    }

    void createsWithCatalogRowCounts_data() { addDatasetEngineRows(); }
    void createsWithCatalogRowCounts()
    {
        QFETCH(QString, dataset);
        QFETCH(int, engine);
        auto connection = openDatabase(m_engines[engine]);
        QVERIFY(connection);
        const DatasetGenerator &generator = *m_catalog.find(dataset);
        QList<DatasetProgress> progress;
        DatasetOptions options;
        options.progress = [&](const DatasetProgress &p) { progress << p; };
        QString error;
        QVERIFY2(DatasetBuilder::create(*connection, m_engines[engine].dialect, generator, options, &error),
                 qPrintable(error));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().stage, DatasetProgress::Stage::Done);
        QCOMPARE(progress.last().rowsDone, generator.totalRows(1));

        const DatasetChecksum sum = DatasetChecksum::compute(*connection, generator, &error);
        QVERIFY2(sum.isValid(), qPrintable(error));
        for (const TableSpec &t : generator.tables()) {
            QCOMPARE(sum.rowCount(t.name), t.rowCount(1));
            QVERIFY2(t.rowCount(1) > 0, qPrintable(t.name));
        }
    }

    // Same seed: same data, in a new database and when created again over the old one (reset).
    // Another seed: other data with the same tables and row counts.
    void deterministic_data() { addDatasetEngineRows(); }
    void deterministic()
    {
        QFETCH(QString, dataset);
        QFETCH(int, engine);
        const DatasetGenerator &generator = *m_catalog.find(dataset);
        auto first = openDatabase(m_engines[engine]);
        auto second = openDatabase(m_engines[engine]);
        QVERIFY(first && second);
        QString error;
        QVERIFY(create(*first, m_engines[engine], dataset));
        QVERIFY(create(*second, m_engines[engine], dataset));
        const DatasetChecksum a = DatasetChecksum::compute(*first, generator, &error);
        const DatasetChecksum b = DatasetChecksum::compute(*second, generator, &error);
        QVERIFY2(a.isValid() && b.isValid(), qPrintable(error));
        QCOMPARE(a.toString(), b.toString());

        QVERIFY(count(*first, QStringLiteral("SELECT COUNT(*) FROM ") + generator.tables().last().name) > 0);
        QVERIFY(create(*first, m_engines[engine], dataset)); // reset
        QCOMPARE(DatasetChecksum::compute(*first, generator, &error).toString(), a.toString());

        QVERIFY(create(*second, m_engines[engine], dataset, 1, 7));
        const DatasetChecksum c = DatasetChecksum::compute(*second, generator, &error);
        QVERIFY(c.isValid());
        QVERIFY(c != a);
        for (const TableChecksum &t : a.tables())
            QCOMPARE(c.rowCount(t.table), t.rows);
        QCOMPARE(schemaOf(*second, generator), schemaOf(*first, generator));
    }

    // Every foreign key resolves, every primary key is unique, every CHECK holds, for every dataset,
    // checked by queries generated from the table definitions.
    void integrity_data() { addDatasetEngineRows(); }
    void integrity()
    {
        QFETCH(QString, dataset);
        QFETCH(int, engine);
        auto connection = openDatabase(m_engines[engine]);
        QVERIFY(connection);
        QVERIFY(create(*connection, m_engines[engine], dataset));
        for (const TableSpec &t : m_catalog.find(dataset)->tables()) {
            for (const ForeignKeySpec &fk : t.foreignKeys) {
                QStringList on, notNull;
                for (int i = 0; i < fk.columns.size(); ++i) {
                    on << QStringLiteral("p.%1 = c.%2").arg(fk.referencedColumns[i], fk.columns[i]);
                    notNull << QStringLiteral("c.%1 IS NOT NULL").arg(fk.columns[i]);
                }
                const QString sql = QStringLiteral("SELECT COUNT(*) FROM %1 c LEFT JOIN %2 p ON %3 WHERE %4 AND p.%5 IS NULL")
                                        .arg(t.name, fk.table, on.join(QStringLiteral(" AND ")),
                                             notNull.join(QStringLiteral(" AND ")), fk.referencedColumns.first());
                QVERIFY2(count(*connection, sql) == 0, qPrintable(sql));
            }
            const QString keys = t.primaryKey.join(QStringLiteral(", "));
            const QString duplicates = QStringLiteral("SELECT COUNT(*) FROM (SELECT %1 FROM %2 GROUP BY %1 HAVING COUNT(*) > 1) d")
                                           .arg(keys, t.name);
            QVERIFY2(count(*connection, duplicates) == 0, qPrintable(duplicates));
            for (const QString &check : t.checks) {
                const QString sql = QStringLiteral("SELECT COUNT(*) FROM %1 WHERE NOT (%2)").arg(t.name, check);
                QVERIFY2(count(*connection, sql) == 0, qPrintable(sql));
            }
            for (const ColumnSpec &c : t.columns) {
                if (c.nullable)
                    continue;
                const QString sql = QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 IS NULL").arg(t.name, c.name);
                QVERIFY2(count(*connection, sql) == 0, qPrintable(sql));
            }
        }
    }

    // A dataset at a larger scale has the catalog's counts too.
    void scaled()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection);
        for (const QString &name : m_catalog.names()) {
            QVERIFY(create(*connection, m_engines.first(), name, 3));
            const DatasetGenerator &g = *m_catalog.find(name);
            for (const TableSpec &t : g.tables())
                QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM ") + t.name), t.rowCount(3));
        }
    }

    void shopTotals()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection && create(*connection, m_engines.first(), QStringLiteral("shop")));
        // The stored total equals the items' sum (compared in cents: SQLite stores NUMERIC as REAL).
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE ROUND(o.total_amount * 100) <> "
                                                   "(SELECT ROUND(SUM(i.quantity * i.unit_price) * 100) FROM order_items i "
                                                   "WHERE i.order_id = o.id)")),
                 0);
        // Reviews are by customers who ordered the product.
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM "
                                                   "orders o JOIN order_items i ON i.order_id = o.id WHERE o.customer_id "
                                                   "= r.customer_id AND i.product_id = r.product_id)")),
                 0);
        // Customers order only after signing up; every order has exactly one successful or refunded payment.
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = "
                                                   "o.customer_id WHERE o.ordered_at < c.created_at")),
                 0);
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM payments p "
                                                   "WHERE p.order_id = o.id AND p.status <> 'failed') <> 1")),
                 0);
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM payments WHERE status = 'failed'")), 100);
        QVERIFY(count(*connection, QStringLiteral("SELECT COUNT(*) FROM customers WHERE last_name LIKE '%''%'")) > 0);
    }

    void bankLedgerMatchesBalances()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection && create(*connection, m_engines.first(), QStringLiteral("bank")));
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM accounts a WHERE a.balance_cents <> "
                                                   "(SELECT SUM(l.amount_cents) FROM ledger l WHERE l.account_id = a.id)")),
                 0);
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM (SELECT transfer_id FROM ledger WHERE "
                                                   "transfer_id IS NOT NULL GROUP BY transfer_id HAVING SUM(amount_cents) "
                                                   "<> 0 OR COUNT(*) <> 2) t")),
                 0);
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM transfers t JOIN ledger l ON l.transfer_id = "
                                                   "t.id WHERE t.status = 'rejected'")),
                 0);
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM transfers WHERE status = 'rejected'")), 20);
        // Money is conserved: the balances add up to the opening deposits.
        QCOMPARE(scalar(*connection, QStringLiteral("SELECT SUM(balance_cents) FROM accounts")),
                 scalar(*connection, QStringLiteral("SELECT SUM(amount_cents) FROM ledger WHERE entry_type = 'opening'")));
        // Frozen accounts exist and make no transfers.
        QVERIFY(count(*connection, QStringLiteral("SELECT COUNT(*) FROM accounts WHERE status = 'frozen'")) > 0);
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM transfers t JOIN accounts a ON a.id IN "
                                                   "(t.from_account_id, t.to_account_id) WHERE a.status = 'frozen'")),
                 0);
    }

    void featuresArriveLate()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection && create(*connection, m_engines.first(), QStringLiteral("features")));
        const qint64 total = count(*connection, QStringLiteral("SELECT COUNT(*) FROM feature_values"));
        const qint64 late = count(*connection, QStringLiteral("SELECT COUNT(*) FROM feature_values WHERE ingestion_time "
                                                              "> datetime(event_time, '+1 day')"));
        QVERIFY2(late > total / 20 && late < total / 4, qPrintable(QString::number(late)));
        // Point-in-time: the latest value known at label time differs from the naive latest value
        // with event_time <= label_time for some labels, because of late arrivals.
        const QString latest = QStringLiteral(
            "(SELECT fv.id FROM feature_values fv WHERE fv.entity_id = l.entity_id AND fv.feature_name = "
            "'sessions_7d' AND fv.event_time <= l.label_time %1 ORDER BY fv.event_time DESC LIMIT 1)");
        const QString differ = QStringLiteral("SELECT COUNT(*) FROM labels l WHERE COALESCE(%1, -1) <> COALESCE(%2, -1)")
                                   .arg(latest.arg(QString()), latest.arg(QStringLiteral("AND fv.ingestion_time <= l.label_time")));
        const qint64 differing = count(*connection, differ);
        QVERIFY2(differing > 0, qPrintable(QString::number(differing)));
        // Churn happens, and the activity features fade before and vanish after it: joining each
        // entity's latest values regardless of label time leaks the label.
        const qint64 churned = count(*connection, QStringLiteral("SELECT COUNT(*) FROM labels WHERE churned_within_30d"));
        QVERIFY(churned > 0 && churned < 100);
        const QString latestSessions = QStringLiteral(
            "SELECT AVG(fv.value) FROM labels l JOIN feature_values fv ON fv.entity_id = l.entity_id AND "
            "fv.feature_name = 'sessions_7d' WHERE fv.event_time = (SELECT MAX(f2.event_time) FROM feature_values f2 "
            "WHERE f2.entity_id = l.entity_id AND f2.feature_name = 'sessions_7d') AND %1 l.churned_within_30d");
        const double churnedAverage = scalar(*connection, latestSessions.arg(QString())).toDouble();
        const double stayedAverage = scalar(*connection, latestSessions.arg(QStringLiteral("NOT"))).toDouble();
        QVERIFY2(churnedAverage < stayedAverage / 2,
                 qPrintable(QStringLiteral("%1 %2").arg(churnedAverage).arg(stayedAverage)));
    }

    void iotTimeSeries()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection && create(*connection, m_engines.first(), QStringLiteral("iot")));
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(DISTINCT c) FROM (SELECT COUNT(*) c FROM readings GROUP BY "
                                                   "sensor_id) t")),
                 1);
        QCOMPARE(count(*connection, QStringLiteral("SELECT MIN(c) FROM (SELECT COUNT(*) c FROM readings GROUP BY sensor_id) t")),
                 14 * 138);
        const qint64 outliers = count(*connection, QStringLiteral("SELECT COUNT(*) FROM readings r JOIN sensors s ON s.id = "
                                                                  "r.sensor_id WHERE s.kind = 'temperature' AND (r.value > 60 "
                                                                  "OR r.value < -20)"));
        QVERIFY2(outliers > 0 && outliers < 100, qPrintable(QString::number(outliers)));
        // A daily cycle: afternoons are warmer than nights.
        const QString hourly = QStringLiteral("SELECT AVG(r.value) FROM readings r JOIN sensors s ON s.id = r.sensor_id "
                                              "WHERE s.kind = 'temperature' AND r.value BETWEEN -20 AND 60 AND "
                                              "substr(r.ts, 12, 2) = '%1'");
        QVERIFY(scalar(*connection, hourly.arg(QStringLiteral("15"))).toDouble()
                > scalar(*connection, hourly.arg(QStringLiteral("03"))).toDouble() + 1.5);
    }

    void socialGraph()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection && create(*connection, m_engines.first(), QStringLiteral("social")));
        const qint64 mutual = count(*connection, QStringLiteral("SELECT COUNT(*) FROM follows a JOIN follows b ON "
                                                                "a.follower_id = b.followee_id AND a.followee_id = "
                                                                "b.follower_id"));
        QVERIFY(mutual > 0); // cycles of length 2
        const qint64 direct = count(*connection, QStringLiteral("SELECT COUNT(*) FROM follows WHERE follower_id = 100"));
        const qint64 within3 = count(*connection, QStringLiteral(
            "WITH RECURSIVE reach(id, depth) AS (SELECT 100, 0 UNION SELECT f.followee_id, r.depth + 1 FROM reach r "
            "JOIN follows f ON f.follower_id = r.id WHERE r.depth < 3) SELECT COUNT(DISTINCT id) FROM reach WHERE id <> 100"));
        QVERIFY2(within3 > direct * 3, qPrintable(QStringLiteral("%1 %2").arg(direct).arg(within3)));
        // Reply threads more than one level deep.
        const qint64 depth = count(*connection, QStringLiteral(
            "WITH RECURSIVE thread(id, depth) AS (SELECT id, 0 FROM posts WHERE reply_to_post_id IS NULL UNION ALL "
            "SELECT p.id, t.depth + 1 FROM posts p JOIN thread t ON p.reply_to_post_id = t.id) SELECT MAX(depth) FROM thread"));
        QVERIFY(depth >= 2);
        QVERIFY(count(*connection, QStringLiteral("SELECT COUNT(*) FROM likes l JOIN posts p ON p.id = l.post_id WHERE "
                                                  "l.user_id = p.user_id")) == 0);
    }

    void hrSheetMatchesNormalForm()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection && create(*connection, m_engines.first(), QStringLiteral("hr")));
        QCOMPARE(count(*connection, QStringLiteral(
                     "SELECT COUNT(*) FROM employees_sheet s JOIN employees e ON e.id = s.employee_id JOIN departments d "
                     "ON d.id = e.department_id JOIN projects p ON p.code = s.project_code JOIN project_assignments a ON "
                     "a.employee_id = e.id AND a.project_id = p.id WHERE s.department_name = d.name AND "
                     "s.department_location = d.location AND s.job_title = e.job_title AND s.project_name = p.name AND "
                     "s.project_role = a.role AND s.hours_per_week = a.hours_per_week AND s.employee_email = e.email")),
                 count(*connection, QStringLiteral("SELECT COUNT(*) FROM employees_sheet")));
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM employees_sheet s JOIN employees e ON e.id = "
                                                   "s.employee_id LEFT JOIN employees m ON m.id = e.manager_id WHERE "
                                                   "COALESCE(m.email, '-') <> COALESCE(s.manager_email, '-')")),
                 0);
        // The skills cell lists the employee's skills (compared by count of entries).
        const auto sheet = rows(*connection, QStringLiteral("SELECT DISTINCT employee_id, skills FROM employees_sheet"));
        QCOMPARE(sheet.size(), 50);
        for (const auto &row : sheet) {
            const qint64 n = count(*connection, QStringLiteral("SELECT COUNT(*) FROM employee_skills WHERE employee_id = ")
                                                    + row[0]);
            QCOMPARE(qint64(row[1].split(QStringLiteral(", ")).size()), n);
        }
        // The org chart is a tree rooted at the CEO: managers have smaller ids (hired earlier).
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM employees WHERE manager_id >= id")), 0);
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM employees WHERE manager_id IS NULL")), 1);
        // Department data repeats in the sheet (the update anomaly lessons point at).
        QVERIFY(count(*connection, QStringLiteral("SELECT MAX(c) FROM (SELECT COUNT(*) c FROM employees_sheet GROUP BY "
                                                  "department_code) t")) > 5);
    }

    // The embeddings make sense: unit vectors, and a query's nearest chunks are mostly the ones
    // labelled relevant, so recall@k lessons show something real.
    void docsRecall()
    {
        auto connection = openDatabase(m_engines.first());
        QVERIFY(connection && create(*connection, m_engines.first(), QStringLiteral("docs")));
        QList<QPair<qint64, Vector>> chunks;
        for (const auto &row : rows(*connection, QStringLiteral("SELECT chunk_id, embedding FROM embeddings"))) {
            Vector v;
            QVERIFY(parseVector(row[1].toUtf8(), &v));
            QCOMPARE(v.size(), 16);
            double norm = 0;
            for (const double x : v)
                norm += x * x;
            QVERIFY(std::fabs(std::sqrt(norm) - 1) < 0.01);
            chunks << qMakePair(row[0].toLongLong(), v);
        }
        QHash<qint64, QSet<qint64>> relevant;
        for (const auto &row : rows(*connection, QStringLiteral("SELECT query_id, chunk_id FROM relevance_labels")))
            relevant[row[0].toLongLong()].insert(row[1].toLongLong());
        double recallSum = 0;
        const auto queries = rows(*connection, QStringLiteral("SELECT id, embedding FROM search_queries"));
        QCOMPARE(queries.size(), 20);
        for (const auto &row : queries) {
            Vector q;
            QVERIFY(parseVector(row[1].toUtf8(), &q));
            QList<QPair<double, qint64>> ranked;
            for (const auto &c : chunks)
                ranked << qMakePair(cosineDistance(q, c.second), c.first);
            std::sort(ranked.begin(), ranked.end());
            const QSet<qint64> &want = relevant[row[0].toLongLong()];
            int hits = 0;
            for (int k = 0; k < 10; ++k)
                hits += want.contains(ranked[k].second) ? 1 : 0;
            recallSum += double(hits) / double(want.size());
        }
        const double recall = recallSum / double(queries.size());
        qInfo("docs: mean recall@10 with exact cosine search = %.2f", recall);
        QVERIFY2(recall > 0.6 && recall < 1.0, qPrintable(QString::number(recall)));
        // Keyword search finds the same documents: the query text names the subject.
        QVERIFY(count(*connection, QStringLiteral("SELECT COUNT(*) FROM chunks c JOIN relevance_labels r ON r.chunk_id = "
                                                  "c.id JOIN search_queries q ON q.id = r.query_id WHERE q.id = 1")) == 10);
    }

    // Engines agree: the same dataset has the same checksum in every engine listed.
    void enginesAgree_data()
    {
        QTest::addColumn<QString>("dataset");
        for (const QString &name : m_catalog.names())
            QTest::addRow("%s", qPrintable(name)) << name;
    }
    void enginesAgree()
    {
        QFETCH(QString, dataset);
        if (m_engines.size() < 2)
            QSKIP("only SQLite is configured (set DBLEARN_TEST_POSTGRESQL_URI / DBLEARN_TEST_MARIADB_URI)");
        const DatasetGenerator &generator = *m_catalog.find(dataset);
        QString reference;
        for (const Engine &engine : std::as_const(m_engines)) {
            auto connection = openDatabase(engine);
            QVERIFY(connection);
            QVERIFY(create(*connection, engine, dataset));
            QString error;
            const DatasetChecksum sum = DatasetChecksum::compute(*connection, generator, &error);
            QVERIFY2(sum.isValid(), qPrintable(error));
            if (reference.isEmpty())
                reference = sum.toString();
            QCOMPARE(sum.toString(), reference);
            QString dropError;
            QVERIFY2(DatasetBuilder::drop(*connection, engine.dialect, generator, &dropError), qPrintable(dropError));
        }
    }

    void failsClearly()
    {
        const Engine &sqlite = m_engines.first();
        const DatasetGenerator &shop = *m_catalog.find(QStringLiteral("shop"));
        QString error;

        // A closed connection.
        auto connection = openDatabase(sqlite);
        QVERIFY(connection);
        connection->close();
        QVERIFY(!create(*connection, sqlite, QStringLiteral("shop"), 1, 42, &error));
        QCOMPARE(error, QStringLiteral("Could not create dataset \"shop\": the database connection is not open"));

        // Bad arguments.
        connection = openDatabase(sqlite);
        QVERIFY(!create(*connection, sqlite, QStringLiteral("shop"), 0, 42, &error));
        QCOMPARE(error, QStringLiteral("Could not create dataset \"shop\": scale must be between 1 and 10000, not 0"));
        QVERIFY(!create(*connection, sqlite, QStringLiteral("iot"), 10000, 42, &error));
        QCOMPARE(error, QStringLiteral("Could not create dataset \"iot\": scale 10000 would make 580 million rows; the "
                                       "limit is 200 million"));
        QVERIFY(!DatasetBuilder::create(*connection, QStringLiteral("oracle"), shop, DatasetOptions(), &error));
        QVERIFY2(error.contains(QStringLiteral("unknown SQL dialect \"oracle\"")), qPrintable(error));

        // Something else already has one of the dataset's names.
        QVERIFY(connection->execute(QStringLiteral("CREATE VIEW orders AS SELECT 1 AS id")).ok);
        connection->finish();
        QVERIFY(!create(*connection, sqlite, QStringLiteral("shop"), 1, 42, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Could not create dataset \"shop\": dropping the existing table orders "
                                                 "failed: ")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("DROP VIEW")), qPrintable(error));

        // A read-only database file: the error names the table and passes on the engine's reason,
        // and nothing is left half-made.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ro.db"));
        {
            auto writable = openDatabase(Engine{sqlite.backend, sqlite.dialect, QStringLiteral("sqlite://") + path});
            QVERIFY(writable);
            QVERIFY(writable->execute(QStringLiteral("CREATE TABLE keep (x INTEGER)")).ok);
            writable->finish();
        }
        auto readOnly = openDatabase(Engine{sqlite.backend, sqlite.dialect, QStringLiteral("sqlite://") + path + QStringLiteral("?mode=ro")});
        QVERIFY(readOnly);
        QVERIFY(!create(*readOnly, sqlite, QStringLiteral("shop"), 1, 42, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Could not create dataset \"shop\": ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("readonly")), qPrintable(error));

        // Cancelled before it starts: reported, and no tables remain.
        connection = openDatabase(sqlite);
        std::atomic<bool> cancel{true};
        DatasetOptions options;
        options.cancel = &cancel;
        QVERIFY(!DatasetBuilder::create(*connection, sqlite.dialect, shop, options, &error));
        QCOMPARE(error, QStringLiteral("Could not create dataset \"shop\": cancelled"));
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")), 0);

        // Cancelled part-way through the rows (from the progress callback, as a UI thread would).
        cancel = false;
        options.progress = [&](const DatasetProgress &p) {
            if (p.stage == DatasetProgress::Stage::Inserting && p.rowsDone > 2000) {
                cancel = true;
                connection->cancel();
            }
        };
        QVERIFY(!DatasetBuilder::create(*connection, sqlite.dialect, shop, options, &error));
        QCOMPARE(error, QStringLiteral("Could not create dataset \"shop\": cancelled"));
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")), 0);

        // A reset that fails (here: cancelled) leaves the previous dataset as it was, where DDL is
        // transactional (SQLite, PostgreSQL).
        const DatasetGenerator &bank = *m_catalog.find(QStringLiteral("bank"));
        cancel = false;
        QVERIFY(create(*connection, sqlite, QStringLiteral("bank")));
        const QString before = DatasetChecksum::compute(*connection, bank, &error).toString();
        options.progress = [&](const DatasetProgress &p) {
            if (p.stage == DatasetProgress::Stage::Inserting && p.rowsDone > 1000)
                cancel = true;
        };
        QVERIFY(!DatasetBuilder::create(*connection, sqlite.dialect, bank, options, &error));
        QCOMPARE(DatasetChecksum::compute(*connection, bank, &error).toString(), before);

        // Dropping removes every table of the dataset.
        QVERIFY(create(*connection, sqlite, QStringLiteral("bank")));
        QVERIFY(DatasetBuilder::drop(*connection, sqlite.dialect, *m_catalog.find(QStringLiteral("bank")), &error));
        QCOMPARE(count(*connection, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")), 0);
    }

    // The figure: shop at the default size in SQLite within a second (a file, as learners
    // use it, and in memory).
    void defaultSizeIsFast()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Engine &sqlite = m_engines.first();
        const QStringList uris{QStringLiteral("sqlite::memory:"), QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("shop.db"))};
        for (const QString &uri : uris) {
            auto connection = openDatabase(Engine{sqlite.backend, sqlite.dialect, uri});
            QVERIFY(connection);
            QElapsedTimer timer;
            timer.start();
            QVERIFY(create(*connection, sqlite, QStringLiteral("shop")));
            const qint64 ms = timer.elapsed();
            qInfo("shop at scale 1 in SQLite (%s): %lld ms", qPrintable(uri.left(14)), ms);
            QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        }
    }
};

QTEST_GUILESS_MAIN(DatasetsTest)
#include "tst_datasets.moc"
