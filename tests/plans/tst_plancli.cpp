// dblearn-cli plan, plan-diff and explain, run as a user would.

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result runCli(const QStringList &args)
{
    QProcess process;
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/dblearn-cli"), args);
    Result result;
    if (!process.waitForStarted(10000))
        return result;
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString fixture(const char *name)
{
    return QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans/") + QLatin1String(name);
}

} // namespace

class PlanCliTest : public QObject
{
    Q_OBJECT

private slots:
    void planPrintsTreeAndWarnings();
    void planJson();
    void planFormatOption();
    void planBadInput();
    void planDiff();
    void explainSqlite();
};

void PlanCliTest::planPrintsTreeAndWarnings()
{
    const Result r = runCli({QStringLiteral("plan"), fixture("pg15_sort_spill.txt")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("postgresql plan, 3 nodes"), r.out.constData());
    QVERIFY(r.out.contains("Gather Merge"));
    QVERIFY(r.out.contains("[pg.sort-spill]"));
    QVERIFY(r.out.contains("Lesson: 01_foundations/09_optimization_techniques.md#"));
}

void PlanCliTest::planJson()
{
    const Result r = runCli({QStringLiteral("plan"), fixture("pg15_parallel_hash_join.json"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QLatin1String("engine")).toString(), QStringLiteral("postgresql"));
    QCOMPARE(json.value(QLatin1String("nodeCount")).toInt(), 8);
    QVERIFY(json.value(QLatin1String("executionTimeMs")).toDouble() > 0);
    const QJsonObject root = json.value(QLatin1String("root")).toObject();
    QCOMPARE(root.value(QLatin1String("type")).toString(), QStringLiteral("Aggregate"));
    QCOMPARE(root.value(QLatin1String("children")).toArray().size(), 1);
    const Result sqlite = runCli({QStringLiteral("plan"), fixture("sqlite340_covering.json"), QStringLiteral("--json")});
    const QJsonObject s = QJsonDocument::fromJson(sqlite.out).object();
    QCOMPARE(s.value(QLatin1String("engine")).toString(), QStringLiteral("sqlite"));
    QVERIFY(s.value(QLatin1String("executionTimeMs")).isNull());
    QVERIFY(s.value(QLatin1String("planningTimeMs")).isNull());
}

void PlanCliTest::planFormatOption()
{
    // Forcing the wrong format gives that format's message, not a crash.
    const Result wrong = runCli({QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("mysql-tree"),
                                 fixture("pg15_hash_join.json")});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("expected an iterator line"), wrong.err.constData());
    const Result unknown = runCli({QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("xml"),
                                   fixture("pg15_hash_join.json")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("unknown format \"xml\""));
}

void PlanCliTest::planBadInput()
{
    QTemporaryDir dir;
    QFile truncated(dir.filePath(QStringLiteral("truncated.json")));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    QFile source(fixture("pg15_cte.json"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    truncated.write(source.readAll().left(1000));
    truncated.close();
    const Result r = runCli({QStringLiteral("plan"), truncated.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("truncated.json: line "), r.err.constData());
    QVERIFY(r.err.contains("truncated?"));
    const Result missing = runCli({QStringLiteral("plan"), dir.filePath(QStringLiteral("nope.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("cannot read"));
}

void PlanCliTest::planDiff()
{
    const Result r = runCli({QStringLiteral("plan-diff"), fixture("pg15_diff_before.json"), fixture("pg15_diff_after.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Seq Scan on orders → Bitmap Heap Scan on orders\n"), r.out.constData());
    QVERIFY(r.out.contains("total time "));
    const Result json = runCli({QStringLiteral("plan-diff"), fixture("pg15_diff_before.json"),
                                fixture("pg15_diff_after.json"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(json.out).object().value(QLatin1String("summary")).toArray().size() >= 3);
}

void PlanCliTest::explainSqlite()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("shop.db"));
    const QString uri = QStringLiteral("sqlite://") + db;
    const Result create = runCli({QStringLiteral("query"), QStringLiteral("--backend"), QStringLiteral("sqlite"),
                                  QStringLiteral("--connection"), uri,
                                  QStringLiteral("CREATE TABLE t(a INTEGER, b TEXT); "
                                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 20000) "
                                                 "INSERT INTO t SELECT i, 'x' FROM n; ANALYZE;")});
    QCOMPARE(create.exitCode, 0);
    const Result r = runCli({QStringLiteral("explain"), QStringLiteral("--backend"), QStringLiteral("sqlite"),
                             QStringLiteral("--connection"), uri, QStringLiteral("--json"),
                             QStringLiteral("SELECT * FROM t WHERE a = 5 ORDER BY b")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QLatin1String("engine")).toString(), QStringLiteral("sqlite"));
    const QJsonArray steps = json.value(QLatin1String("root")).toObject().value(QLatin1String("children")).toArray();
    QCOMPARE(steps.first().toObject().value(QLatin1String("type")).toString(), QStringLiteral("SCAN"));
    // The table's size came from the schema: a real warning, not "size unknown".
    const QJsonObject warning = steps.first().toObject().value(QLatin1String("warnings")).toArray().first().toObject();
    QCOMPARE(warning.value(QLatin1String("rule")).toString(), QStringLiteral("sqlite.full-scan"));
    QCOMPARE(warning.value(QLatin1String("level")).toString(), QStringLiteral("warning"));
    const Result analyze = runCli({QStringLiteral("explain"), QStringLiteral("--backend"), QStringLiteral("sqlite"),
                                   QStringLiteral("--connection"), uri, QStringLiteral("--analyze"),
                                   QStringLiteral("SELECT * FROM t")});
    QCOMPARE(analyze.exitCode, 0);
    QVERIFY(analyze.err.contains("estimates only"));
    const Result bad = runCli({QStringLiteral("explain"), QStringLiteral("--backend"), QStringLiteral("sqlite"),
                               QStringLiteral("--connection"), uri, QStringLiteral("SELEC nonsense")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains("syntax error"));
}

QTEST_GUILESS_MAIN(PlanCliTest)
#include "tst_plancli.moc"
