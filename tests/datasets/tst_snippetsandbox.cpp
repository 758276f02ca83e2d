// Where lesson blocks run (SnippetSandbox), shared by the Run button and the content check: a
// block's changes never reach the learner's working copy (SQLite) or the shared database
// (PostgreSQL, rolled back), so the next run shows the output the lesson describes.

#include "backends/backendregistry.h"
#include "backends/databasebackend.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetprovider.h"
#include "datasets/snippetsandbox.h"
#include "testsupport/testservers.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {

// The first column of the first row of `sql`, as text.
QString scalar(DatabaseConnection &connection, const QString &sql)
{
    const StatementStatus status = connection.execute(sql);
    if (!status.ok || !status.hasRows)
        return QStringLiteral("error: ") + status.error.message;
    RowBatch batch(connection.columns().size());
    bool atEnd = false;
    QueryError error;
    connection.fetch(batch, 1, &atEnd, &error);
    connection.finish();
    return batch.rowCount() > 0 ? batch.valueAt(0, 0).toString() : QStringLiteral("no row");
}

bool run(DatabaseConnection &connection, const QString &sql)
{
    const StatementStatus status = connection.execute(sql);
    connection.finish();
    return status.ok;
}

} // namespace

class SnippetSandboxTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_registry.scan();
        QVERIFY(m_registry.isLoaded(QStringLiteral("sqlite")));
    }

    void sqliteBlocksRunOnAFreshCopy()
    {
        QTemporaryDir dir;
        DatasetProvider datasets(m_registry, dir.filePath(QStringLiteral("cache")), dir.filePath(QStringLiteral("work")));
        QString error;
        auto working = datasets.openWorking(QStringLiteral("sqlite"), QStringLiteral("shop"), &error);
        QVERIFY2(working, qPrintable(error));
        const QString orders = scalar(*working, QStringLiteral("SELECT count(*) FROM orders"));
        QVERIFY(orders.toInt() > 0);

        for (int round = 0; round < 2; ++round) {
            auto block = SnippetSandbox::open(datasets, QStringLiteral("sqlite"), QStringLiteral("shop"),
                                              DatasetOptions::defaultSeed, &error);
            QVERIFY2(block, qPrintable(error));
            QCOMPARE(scalar(*block, QStringLiteral("SELECT count(*) FROM orders")), orders); // the pristine data each time
            QVERIFY(run(*block, QStringLiteral("DELETE FROM orders")));
            QVERIFY(run(*block, QStringLiteral("CREATE TABLE lesson_scratch(a INTEGER)")));
            SnippetSandbox::end(*block, QStringLiteral("sqlite"));
        }
        QCOMPARE(scalar(*working, QStringLiteral("SELECT count(*) FROM orders")), orders);
        QVERIFY(scalar(*working, QStringLiteral("SELECT count(*) FROM lesson_scratch")).startsWith(QLatin1String("error:")));
    }

    void postgresqlBlocksAreRolledBack()
    {
        const QString uri = test::testServerValue("DBLEARN_TEST_POSTGRESQL_URI", QStringLiteral("datasets"));
        if (uri.isEmpty())
            QSKIP("no PostgreSQL test server (run through ctest, which starts it)");
        QTemporaryDir dir;
        DatasetProvider datasets(m_registry, dir.filePath(QStringLiteral("cache")), dir.filePath(QStringLiteral("work")));
        datasets.setServerUri(QStringLiteral("postgresql"), uri);
        QString error;
        for (int round = 0; round < 2; ++round) {
            auto block = SnippetSandbox::open(datasets, QStringLiteral("postgresql"), QString(), DatasetOptions::defaultSeed, &error);
            QVERIFY2(block, qPrintable(error));
            // A block that creates a table succeeds every time: the last one's table is gone.
            QVERIFY(run(*block, QStringLiteral("CREATE TABLE lesson_scratch(a int)")));
            QVERIFY(run(*block, QStringLiteral("SET enable_seqscan = off")));
            QCOMPARE(scalar(*block, QStringLiteral("SHOW enable_seqscan")), QStringLiteral("off"));
            SnippetSandbox::end(*block, QStringLiteral("postgresql"));
            QCOMPARE(scalar(*block, QStringLiteral("SELECT to_regclass('lesson_scratch') IS NULL")), QStringLiteral("true"));
        }
        // Dropping the connection without end() (the app's Run button) rolls back too.
        {
            auto block = SnippetSandbox::open(datasets, QStringLiteral("postgresql"), QString(), DatasetOptions::defaultSeed, &error);
            QVERIFY2(block, qPrintable(error));
            QVERIFY(run(*block, QStringLiteral("CREATE TABLE lesson_scratch(a int)")));
        }
        auto check = datasets.openFresh(QStringLiteral("postgresql"), QString(), DatasetOptions::defaultSeed, &error);
        QVERIFY2(check, qPrintable(error));
        QCOMPARE(scalar(*check, QStringLiteral("SELECT to_regclass('lesson_scratch') IS NULL")), QStringLiteral("true"));
    }

private:
    BackendRegistry m_registry;
};

QTEST_GUILESS_MAIN(SnippetSandboxTest)
#include "tst_snippetsandbox.moc"
