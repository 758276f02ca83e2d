// The analyzer's arithmetic on real plans, and every rule of the warnings engine.

#include "planfixtures.h"

#include "lessons/headingslugger.h"
#include "plans/planjsonwriter.h"
#include "plans/plantextreport.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>

using namespace dblearn;
using namespace planfixtures;

class PlanAnalyzerTest : public QObject
{
    Q_OBJECT

private slots:
    void parallelUsesLaunchedWorkers();
    void exclusiveTimeIsOwnTimeFlooredAtZero();
    void cteTimeMovesOffTheCteScan();
    void initPlanTimeMovesOffItsUser();
    void rowsAreTotalledOverLoops();
    void misestimateFactorAndDirection();
    void exclusiveCost();
    void postgresRules();
    void sqliteRules();
    void mysqlRules();
    void everyRuleIsDocumented();
    void jsonOutputHasTheContract();
    void markdownSummary();
};

void PlanAnalyzerTest::parallelUsesLaunchedWorkers()
{
    const Plan plan = load(QStringLiteral("pg15_parallel_hash_join.json"));
    const PlanNode &scan = plan.nodes[size_t(findNode(plan, QStringLiteral("Seq Scan"), QStringLiteral("order_items")))];
    // Per-loop time x 4 loops / (3 launched workers + 1).
    QCOMPARE(scan.totalTimeMs, scan.actualTotalMs * 4 / 4);
    const Plan notLaunched = load(QStringLiteral("pg15_workers_not_launched.json"));
    const PlanNode &lonely = notLaunched.nodes[size_t(findNode(notLaunched, QStringLiteral("Seq Scan")))];
    // 2 planned, 0 launched: the leader did it all, nothing to divide.
    QCOMPARE(lonely.actualLoops, 1.0);
    QCOMPARE(lonely.totalTimeMs, lonely.actualTotalMs);
    // No node's time exceeds the statement's.
    for (const Plan &p : {plan, notLaunched}) {
        for (const PlanNode &node : p.nodes)
            QVERIFY2(node.totalTimeMs <= p.executionTimeMs * 1.01, qPrintable(node.headline()));
    }
}

void PlanAnalyzerTest::exclusiveTimeIsOwnTimeFlooredAtZero()
{
    for (const QString &file : all()) {
        const Plan plan = load(file);
        double sum = 0;
        bool initPlan = false;
        for (const PlanNode &node : plan.nodes) {
            initPlan = initPlan || node.subplanName.startsWith(QLatin1String("InitPlan"));
            if (planKnown(node.exclusiveTimeMs)) {
                QVERIFY2(node.exclusiveTimeMs >= 0, qPrintable(file));
                QVERIFY2(node.exclusiveTimeMs <= node.totalTimeMs + 1e-9, qPrintable(file + node.headline()));
                sum += node.exclusiveTimeMs;
            }
            if (planKnown(node.exclusiveCost))
                QVERIFY(node.exclusiveCost >= 0);
        }
        // No time counted twice. Not checked with InitPlans: PostgreSQL's own figures overlap there
        // (a parallel InitPlan's Gather shutdown is timed after its user finished).
        if (plan.engine == PlanEngine::PostgreSQL && plan.hasActuals && !initPlan)
            QVERIFY2(sum <= plan.root().totalTimeMs * 1.05 + 0.1, qPrintable(file)); // no time counted twice
    }
    const Plan hash = load(QStringLiteral("pg15_hash_join.json"));
    const PlanNode &root = hash.root();
    double children = 0;
    for (int c : root.children)
        children += hash.nodes[size_t(c)].totalTimeMs;
    QCOMPARE(root.exclusiveTimeMs, std::max(0.0, root.totalTimeMs - children));
}

void PlanAnalyzerTest::cteTimeMovesOffTheCteScan()
{
    const Plan plan = load(QStringLiteral("pg15_cte.json"));
    const PlanNode &cte = plan.nodes[1];
    QCOMPARE(cte.subplanName, QStringLiteral("CTE recent"));
    const PlanNode &scan = plan.nodes[size_t(findNode(plan, QStringLiteral("CTE Scan")))];
    QVERIFY(scan.totalTimeMs > cte.totalTimeMs);
    QCOMPARE(scan.exclusiveTimeMs, scan.totalTimeMs - cte.totalTimeMs);
    // The root does not subtract the CTE (an InitPlan) from its own time, but does subtract the scan.
    const PlanNode &root = plan.root();
    double children = 0;
    for (int c : root.children) {
        if (plan.nodes[size_t(c)].relationship != QLatin1String("InitPlan"))
            children += plan.nodes[size_t(c)].totalTimeMs;
    }
    QCOMPARE(root.exclusiveTimeMs, root.totalTimeMs - children);
}

void PlanAnalyzerTest::initPlanTimeMovesOffItsUser()
{
    const Plan plan = load(QStringLiteral("pg15_initplan.json"));
    const PlanNode &init = plan.nodes[1];
    QVERIFY(init.subplanName.startsWith(QLatin1String("InitPlan 1 (returns $")));
    // The Seq Scan's filter reads the InitPlan's result: its time is taken off there.
    int user = -1;
    for (const PlanNode &node : plan.nodes) {
        if (node.type == QLatin1String("Seq Scan") && node.parent == 0)
            user = node.id;
    }
    QVERIFY(user > 0);
    const PlanNode &scan = plan.nodes[size_t(user)];
    QCOMPARE(scan.exclusiveTimeMs, std::max(0.0, scan.totalTimeMs - init.totalTimeMs));
}

void PlanAnalyzerTest::rowsAreTotalledOverLoops()
{
    const Plan plan = load(QStringLiteral("pg15_nested_loop_many.json"));
    const PlanNode &inner = plan.nodes[size_t(findNode(plan, QStringLiteral("Index Scan")))];
    QVERIFY(inner.actualLoops > 10000);
    QCOMPARE(inner.actualRowsTotal, inner.actualRows * inner.actualLoops);
    QCOMPARE(inner.totalTimeMs, inner.actualTotalMs * inner.actualLoops);
}

void PlanAnalyzerTest::misestimateFactorAndDirection()
{
    const Plan plan = load(QStringLiteral("pg15_initplan.json"));
    for (const PlanNode &node : plan.nodes) {
        if (!planKnown(node.misestimateFactor))
            continue;
        QVERIFY(node.misestimateFactor >= 1);
        const double planned = std::max(1.0, node.planRows);
        const double actual = std::max(1.0, node.actualRows);
        QCOMPARE(node.misestimateFactor, std::max(planned, actual) / std::min(planned, actual));
        QCOMPARE(node.misestimateDirection, actual > planned   ? PlanNode::Direction::Under
                                            : actual < planned ? PlanNode::Direction::Over
                                                               : PlanNode::Direction::None);
    }
    const PlanNode &scan = plan.nodes.back();
    QCOMPARE(scan.misestimateDirection, PlanNode::Direction::Over); // the LIMIT stopped it early
    QVERIFY(scan.misestimateFactor > 10);
    QVERIFY(hasWarning(scan, QStringLiteral("pg.misestimate")));
}

void PlanAnalyzerTest::exclusiveCost()
{
    const Plan plan = load(QStringLiteral("pg15_hash_join.json"));
    for (const PlanNode &node : plan.nodes) {
        double children = 0;
        for (int c : node.children)
            children += plan.nodes[size_t(c)].totalCost;
        QCOMPARE(node.exclusiveCost, std::max(0.0, node.totalCost - children));
    }
}

void PlanAnalyzerTest::postgresRules()
{
    const Plan spill = load(QStringLiteral("pg15_sort_spill.json"));
    QVERIFY(hasWarning(spill.nodes[size_t(findNode(spill, QStringLiteral("Sort")))], QStringLiteral("pg.sort-spill")));
    const Plan workers = load(QStringLiteral("pg15_workers_not_launched.json"));
    const PlanNode &gather = workers.nodes[size_t(findNode(workers, QStringLiteral("Gather")))];
    QVERIFY(hasWarning(gather, QStringLiteral("pg.workers-not-launched")));
    QCOMPARE(gather.warnings.first().level, PlanWarning::Level::Critical);
    const Plan parallel = load(QStringLiteral("pg15_parallel_hash_join.json"));
    for (const PlanNode &node : parallel.nodes)
        QVERIFY(!hasWarning(node, QStringLiteral("pg.workers-not-launched"))); // 3 of 3
    const Plan only = load(QStringLiteral("pg15_index_only.json"));
    QVERIFY(hasWarning(only.root(), QStringLiteral("pg.heap-fetches")));
    const Plan loop = load(QStringLiteral("pg15_nested_loop_many.json"));
    QVERIFY(hasWarning(loop.root(), QStringLiteral("pg.nested-loop-many-rows")));
    const Plan small = load(QStringLiteral("pg15_nested_loop.json"));
    QVERIFY(!hasWarning(small.root(), QStringLiteral("pg.nested-loop-many-rows"))); // 301 outer rows
    const Plan cte = load(QStringLiteral("pg15_cte.json"));
    QVERIFY(hasWarning(cte.nodes[size_t(findNode(cte, QStringLiteral("CTE Scan")))],
                       QStringLiteral("pg.rows-removed-by-filter")));
    // A hash that went to disk, in text (no fixture spills a hash; the Hash line is PostgreSQL's own).
    const QByteArray text = "Hash Join  (cost=1.00..2.00 rows=1 width=4) (actual time=1.0..9.0 rows=1 loops=1)\n"
                            "  Hash Cond: (a.id = b.id)\n"
                            "  ->  Seq Scan on a  (cost=0.00..1.00 rows=1 width=4) (actual time=0.1..1.0 rows=1 loops=1)\n"
                            "  ->  Hash  (cost=1.00..1.00 rows=1 width=4) (actual time=5.0..5.0 rows=100000 loops=1)\n"
                            "        Buckets: 65536 (originally 1024)  Batches: 4 (originally 1)  Memory Usage: 4000kB\n"
                            "        ->  Seq Scan on b  (cost=0.00..1.00 rows=1 width=4) (actual time=0.1..2.0 rows=100000 loops=1)\n";
    Plan hash;
    PlanParseError error;
    QVERIFY(PlanParser::parse(text, PlanFormat::Auto, &hash, &error));
    PlanAnalyzer::analyze(&hash);
    const PlanNode &h = hash.nodes[size_t(findNode(hash, QStringLiteral("Hash")))];
    QCOMPARE(h.hashBatches, 4.0);
    QCOMPARE(h.originalHashBatches, 1.0);
    QVERIFY(hasWarning(h, QStringLiteral("pg.hash-spill")));
    QVERIFY(hasWarning(hash.nodes[size_t(findNode(hash, QStringLiteral("Seq Scan"), QStringLiteral("b")))],
                       QStringLiteral("pg.misestimate")));
}

void PlanAnalyzerTest::sqliteRules()
{
    PlanWarningContext sizes;
    sizes.tableRows.insert(QStringLiteral("customers"), 50000);
    const Plan scan = load(QStringLiteral("sqlite340_full_scan.json"), sizes);
    QCOMPARE(scan.nodes[1].warnings.size(), 1);
    QCOMPARE(scan.nodes[1].warnings.first().rule, QStringLiteral("sqlite.full-scan"));
    QCOMPARE(scan.nodes[1].warnings.first().level, PlanWarning::Level::Warning);
    sizes.tableRows.insert(QStringLiteral("customers"), 20);
    QVERIFY(load(QStringLiteral("sqlite340_full_scan.json"), sizes).nodes[1].warnings.isEmpty()); // small table
    QCOMPARE(load(QStringLiteral("sqlite340_full_scan.json")).nodes[1].warnings.first().level, PlanWarning::Level::Info);
    const Plan order = load(QStringLiteral("sqlite340_order_by_temp.json"));
    QVERIFY(hasWarning(order.nodes[2], QStringLiteral("sqlite.temp-btree")));
    QVERIFY(hasWarning(load(QStringLiteral("sqlite340_group_by_temp.json")).nodes[2], QStringLiteral("sqlite.temp-btree")));
    const Plan correlated = load(QStringLiteral("sqlite340_correlated.json"));
    QVERIFY(hasWarning(correlated.nodes[size_t(findNode(correlated, QStringLiteral("CORRELATED SCALAR SUBQUERY")))],
                       QStringLiteral("sqlite.correlated-subquery")));
    const Plan search = load(QStringLiteral("sqlite340_join_index.json"));
    for (const PlanNode &node : search.nodes)
        QVERIFY(node.warnings.isEmpty()); // SEARCH by primary key and index: nothing to say
}

void PlanAnalyzerTest::mysqlRules()
{
    const Plan join = load(QStringLiteral("mariadb1011_join_analyze.json"));
    QVERIFY(hasWarning(join.nodes[size_t(findNode(join, QStringLiteral("ALL"), QStringLiteral("c")))],
                       QStringLiteral("mysql.full-scan")));
    QVERIFY(hasWarning(join.nodes[size_t(findNode(join, QStringLiteral("Filesort")))], QStringLiteral("mysql.filesort-temporary")));
    const Plan ref = load(QStringLiteral("mariadb1011_ref_lookup_analyze.json"));
    for (const PlanNode &node : ref.nodes)
        QVERIFY(!hasWarning(node, QStringLiteral("mysql.full-scan")));
    const Plan json = load(QStringLiteral("mysql8_filesort.json"));
    QVERIFY(hasWarning(json.nodes[size_t(findNode(json, QStringLiteral("Ordering")))], QStringLiteral("mysql.filesort-temporary")));
    QVERIFY(hasWarning(json.nodes[size_t(findNode(json, QStringLiteral("ALL")))], QStringLiteral("mysql.full-scan")));
    const Plan tree = load(QStringLiteral("mysql8_hash_join_tree.txt"));
    QVERIFY(hasWarning(tree.nodes[size_t(findNode(tree, QStringLiteral("Table scan"), QStringLiteral("i")))],
                       QStringLiteral("mysql.full-scan")));
}

void PlanAnalyzerTest::everyRuleIsDocumented()
{
    // Every rule: a name, a threshold, an explanation and a lesson that exists, with the anchor.
    static const QRegularExpression heading(QStringLiteral("^#{1,6} +(.+?) *$"), QRegularExpression::MultilineOption);
    QSet<QString> rules;
    for (const PlanWarningRule &rule : PlanWarningRules::all()) {
        QVERIFY(!rules.contains(rule.id));
        rules.insert(rule.id);
        QVERIFY(!rule.name.isEmpty() && !rule.threshold.isEmpty() && rule.explanation.size() > 60);
        const QString file = rule.lesson.section(QLatin1Char('#'), 0, 0);
        const QString anchor = rule.lesson.section(QLatin1Char('#'), 1);
        QFile lesson(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/") + file);
        QVERIFY2(lesson.open(QIODevice::ReadOnly), qPrintable(rule.lesson));
        QStringList anchors;
        auto it = heading.globalMatch(QString::fromUtf8(lesson.readAll()));
        while (it.hasNext())
            anchors << HeadingSlugger::slugify(it.next().captured(1));
        QVERIFY2(anchors.contains(anchor), qPrintable(rule.lesson));
    }
    for (const char *id : {"pg.sort-spill", "pg.hash-spill", "pg.workers-not-launched", "pg.misestimate",
                           "pg.rows-removed-by-filter", "pg.heap-fetches", "pg.nested-loop-many-rows",
                           "sqlite.full-scan", "sqlite.temp-btree", "sqlite.correlated-subquery", "mysql.full-scan",
                           "mysql.filesort-temporary"})
        QVERIFY2(rules.contains(QString::fromLatin1(id)), id);
}

void PlanAnalyzerTest::jsonOutputHasTheContract()
{
    const Plan plan = load(QStringLiteral("pg15_nested_loop_many.json"));
    const QJsonObject json = PlanJsonWriter::toJson(plan);
    QCOMPARE(json.value(QLatin1String("engine")).toString(), QStringLiteral("postgresql"));
    QCOMPARE(json.value(QLatin1String("nodeCount")).toInt(), 3);
    QVERIFY(json.value(QLatin1String("planningTimeMs")).isDouble());
    QVERIFY(json.value(QLatin1String("executionTimeMs")).isDouble());
    const QJsonObject root = json.value(QLatin1String("root")).toObject();
    for (const char *key : {"type", "label", "children", "startupCost", "totalCost", "estimatedRows", "actualRows",
                            "loops", "totalTimeMs", "exclusiveTimeMs", "exclusiveCost", "misestimateFactor",
                            "misestimateDirection", "warnings"})
        QVERIFY2(root.contains(QLatin1String(key)), key);
    const QJsonObject inner = root.value(QLatin1String("children")).toArray().at(1).toObject();
    QCOMPARE(inner.value(QLatin1String("actualRows")).toDouble(), plan.nodes[2].actualRows * plan.nodes[2].actualLoops);
    QCOMPARE(root.value(QLatin1String("warnings")).toArray().first().toObject().value(QLatin1String("rule")).toString(),
             QStringLiteral("pg.nested-loop-many-rows"));
    // No ANALYZE: times are null, not 0.
    const QJsonObject sqlite = PlanJsonWriter::toJson(load(QStringLiteral("sqlite340_covering.json")));
    QVERIFY(sqlite.value(QLatin1String("executionTimeMs")).isNull());
    QVERIFY(sqlite.value(QLatin1String("root")).toObject().value(QLatin1String("totalTimeMs")).isNull());
    QVERIFY(sqlite.value(QLatin1String("root")).toObject().value(QLatin1String("misestimateDirection")).isNull());
}

void PlanAnalyzerTest::markdownSummary()
{
    const QString md = PlanTextReport::markdown(load(QStringLiteral("pg15_sort_spill.json")), QStringLiteral("Sorting orders"));
    QVERIFY(md.startsWith(QStringLiteral("# Sorting orders\n")));
    QVERIFY(md.contains(QStringLiteral("| node | self time |")));
    QVERIFY(md.contains(QStringLiteral("**Sort spilled to disk**")));
    QVERIFY(md.contains(QStringLiteral("```\nGather Merge")));
}

QTEST_GUILESS_MAIN(PlanAnalyzerTest)
#include "tst_plananalyzer.moc"
