// Every parser on real plans, format detection, and every kind of bad input.

#include "planfixtures.h"

#include "plans/nodetypecatalog.h"
#include "plans/psqlframing.h"
#include "plans/sqliteplanparser.h"

#include <QObject>
#include <QSet>

using namespace dblearn;
using namespace planfixtures;

class PlanParsersTest : public QObject
{
    Q_OBJECT

private slots:
    void detectsEveryFixture_data();
    void detectsEveryFixture();
    void pgJsonAndTextAgree_data();
    void pgJsonAndTextAgree();
    void pgJsonReadsFigures();
    void pgTextReadsFooterAndSubplans();
    void psqlFramedJsonIsRead();
    void quotedTextLinesAreRead();
    void pgVersionKeys();
    void mariaDbAnalyze();
    void mysqlTreeAndJson();
    void sqliteShapes();
    void everyFixtureTypeHasACard();
    void badInput_data();
    void badInput();
    void duplicateKeysAreReported();
    void unknownNodeTypeIsNoted();
};

void PlanParsersTest::detectsEveryFixture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    for (const QString &file : all()) {
        QString format;
        if (file.startsWith(QLatin1String("pg15_")))
            format = file.endsWith(QLatin1String(".json")) || file.endsWith(QLatin1String(".json.txt"))
                ? QStringLiteral("pg-json")
                : QStringLiteral("pg-text");
        else if (file.startsWith(QLatin1String("mariadb")))
            format = QStringLiteral("mariadb-json");
        else if (file.startsWith(QLatin1String("mysql8_")))
            format = file.endsWith(QLatin1String(".json")) ? QStringLiteral("mysql-json") : QStringLiteral("mysql-tree");
        else if (file.startsWith(QLatin1String("sqlite")))
            format = QStringLiteral("sqlite-eqp");
        QTest::newRow(qPrintable(file)) << file << format;
    }
}

void PlanParsersTest::detectsEveryFixture()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QCOMPARE(PlanFormats::name(PlanFormats::detect(QString::fromUtf8(bytes(file)))), format);
    const Plan plan = load(file);
    QVERIFY(!plan.isEmpty());
    QCOMPARE(PlanFormats::name(plan.format), format);
    // The tree is consistent: parents before children, depths follow parents.
    for (const PlanNode &node : plan.nodes) {
        QVERIFY(!node.type.isEmpty());
        if (node.parent >= 0) {
            QVERIFY(node.parent < node.id);
            QCOMPARE(node.depth, plan.nodes[size_t(node.parent)].depth + 1);
        }
    }
}

void PlanParsersTest::pgJsonAndTextAgree_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &file : all()) {
        if (file.startsWith(QLatin1String("pg15_")) && file.endsWith(QLatin1String(".txt"))
            && !file.endsWith(QLatin1String(".json.txt")) && QFile::exists(path(QString(file).replace(QStringLiteral(".txt"), QStringLiteral(".json")))))
            QTest::newRow(qPrintable(file)) << file.chopped(4);
    }
}

void PlanParsersTest::pgJsonAndTextAgree()
{
    // The JSON and text captures ran separately (figures differ) but are the same plan.
    QFETCH(QString, name);
    const Plan json = load(name + QStringLiteral(".json"));
    const Plan text = load(name + QStringLiteral(".txt"));
    QCOMPARE(text.nodeCount(), json.nodeCount());
    for (int i = 0; i < json.nodeCount(); ++i) {
        const PlanNode &j = json.nodes[size_t(i)];
        const PlanNode &t = text.nodes[size_t(i)];
        QCOMPARE(t.type, j.type);
        QCOMPARE(t.title, j.title);
        QCOMPARE(t.parent, j.parent);
        QCOMPARE(t.relationship, j.relationship);
        QCOMPARE(t.subplanName, j.subplanName);
        QCOMPARE(t.relation, j.relation);
        QCOMPARE(t.index, j.index);
        QCOMPARE(t.cteName, j.cteName);
        QCOMPARE(t.planRows, j.planRows);
        QCOMPARE(t.workersPlanned, j.workersPlanned);
        QCOMPARE(t.conditions.size() >= 1, j.conditions.size() >= 1);
        QCOMPARE(planKnown(t.actualTotalMs), planKnown(j.actualTotalMs));
        QCOMPARE(t.sortSpaceType, j.sortSpaceType);
    }
    QVERIFY(planKnown(text.executionTimeMs));
    QVERIFY(planKnown(text.planningTimeMs));
    QCOMPARE(text.triggers.size(), json.triggers.size());
}

void PlanParsersTest::pgJsonReadsFigures()
{
    const Plan plan = load(QStringLiteral("pg15_sort_spill.json"));
    QCOMPARE(plan.engine, PlanEngine::PostgreSQL);
    QVERIFY(plan.hasActuals);
    const PlanNode &sort = plan.nodes[size_t(findNode(plan, QStringLiteral("Sort")))];
    QCOMPARE(sort.sortSpaceType, QStringLiteral("Disk"));
    QVERIFY(sort.sortMethod.startsWith(QLatin1String("external")));
    QVERIFY(sort.sortSpaceKb > 1000);
    QVERIFY(planKnown(sort.buffers.tempWritten) && sort.buffers.tempWritten > 0);
    QVERIFY(sort.properties.contains(QLatin1String("Sort Key"))); // every raw property kept
    const Plan parallel = load(QStringLiteral("pg15_parallel_hash_join.json"));
    const PlanNode &gather = parallel.nodes[size_t(findNode(parallel, QStringLiteral("Gather Merge")))];
    QCOMPARE(gather.workersPlanned, 3);
    QCOMPARE(gather.workersLaunched, 3);
    const PlanNode &scan = parallel.nodes[size_t(findNode(parallel, QStringLiteral("Seq Scan"), QStringLiteral("order_items")))];
    QVERIFY(scan.parallelAware);
    QCOMPARE(scan.title, QStringLiteral("Parallel Seq Scan"));
    QCOMPARE(scan.actualLoops, 4.0);
}

void PlanParsersTest::pgTextReadsFooterAndSubplans()
{
    const Plan update = load(QStringLiteral("pg15_update_trigger.txt"));
    QCOMPARE(update.root().type, QStringLiteral("ModifyTable"));
    QCOMPARE(update.root().title, QStringLiteral("Update"));
    QCOMPARE(update.root().relation, QStringLiteral("orders"));
    QCOMPARE(update.triggers.size(), 1);
    QCOMPARE(update.triggers.first().name, QStringLiteral("orders_audit"));
    QVERIFY(update.triggers.first().calls > 0);

    const Plan cte = load(QStringLiteral("pg15_cte.txt"));
    const PlanNode &definition = cte.nodes[1];
    QCOMPARE(definition.subplanName, QStringLiteral("CTE recent"));
    QCOMPARE(definition.relationship, QStringLiteral("InitPlan"));
    const PlanNode &scan = cte.nodes[size_t(findNode(cte, QStringLiteral("CTE Scan")))];
    QCOMPARE(scan.cteName, QStringLiteral("recent"));
    QCOMPARE(scan.alias, QStringLiteral("r"));
    QCOMPARE(scan.rowsRemovedByFilter, 19048.0);
    QCOMPARE(cte.extra.value(QLatin1String("Planning")).toObject().value(QLatin1String("Buffers")).toString(),
             QStringLiteral("shared hit=215"));

    const Plan subplan = load(QStringLiteral("pg15_subplan.txt"));
    bool found = false;
    for (const PlanNode &node : subplan.nodes)
        found = found || (node.relationship == QLatin1String("SubPlan") && node.subplanName == QLatin1String("SubPlan 1"));
    QVERIFY(found);
}

void PlanParsersTest::psqlFramedJsonIsRead()
{
    const Plan framed = load(QStringLiteral("pg15_initplan_psql_framed.json.txt"));
    QCOMPARE(framed.format, PlanFormat::PgJson);
    const Plan plain = load(QStringLiteral("pg15_initplan.json"));
    QCOMPARE(framed.nodeCount(), plain.nodeCount());
    QCOMPARE(framed.root().type, QStringLiteral("Limit"));
    QVERIFY(planKnown(framed.executionTimeMs));
}

void PlanParsersTest::quotedTextLinesAreRead()
{
    // pgAdmin copies each line in double quotes.
    QString quoted;
    const QStringList lines = QString::fromUtf8(bytes(QStringLiteral("pg15_hash_join.txt"))).split(QLatin1Char('\n'));
    for (const QString &line : lines.mid(2, lines.size() - 5)) // without psql's header and row count
        quoted += QLatin1Char('"') + line.mid(1) + QStringLiteral("\"\n");
    QVERIFY(PsqlFraming::isFramed(quoted));
    Plan plan;
    PlanParseError error;
    QVERIFY2(PlanParser::parse(quoted, PlanFormat::Auto, &plan, &error), qPrintable(error.toString()));
    QCOMPARE(plan.nodeCount(), load(QStringLiteral("pg15_hash_join.txt")).nodeCount());
}

void PlanParsersTest::pgVersionKeys()
{
    // PG17 renames I/O timings per kind; PG18 prints fractional rows and adds keys: same figures.
    const QByteArray pg18 = R"([{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Alias": "t",
        "Startup Cost": 0, "Total Cost": 10, "Plan Rows": 100, "Plan Width": 4,
        "Actual Startup Time": 0.01, "Actual Total Time": 1.5, "Actual Rows": 33.33, "Actual Loops": 3,
        "Disabled": false, "Index Searches": 1, "Shared I/O Read Time": 0.5, "Local I/O Read Time": 0.25,
        "Temp I/O Write Time": 0.125, "Some Future Key": {"x": 1}}, "Planning Time": 0.1, "Execution Time": 5}])";
    Plan plan;
    PlanParseError error;
    QVERIFY(PlanParser::parse(pg18, PlanFormat::Auto, &plan, &error));
    PlanAnalyzer::analyze(&plan);
    const PlanNode &node = plan.root();
    QCOMPARE(node.actualRows, 33.33);
    QCOMPARE(node.actualRowsTotal, 99.99);
    QCOMPARE(node.buffers.ioReadMs, 0.75);
    QCOMPARE(node.buffers.ioWriteMs, 0.125);
    QVERIFY(node.properties.contains(QLatin1String("Some Future Key")));
    QVERIFY(node.properties.contains(QLatin1String("Index Searches")));
    QVERIFY(plan.notes.isEmpty());
}

void PlanParsersTest::mariaDbAnalyze()
{
    const Plan plan = load(QStringLiteral("mariadb1011_join_analyze.json"));
    QCOMPARE(plan.engine, PlanEngine::MariaDB);
    QVERIFY(plan.hasActuals);
    QVERIFY(planKnown(plan.executionTimeMs));
    const int ref = findNode(plan, QStringLiteral("ref"), QStringLiteral("o"));
    QVERIFY(ref >= 0);
    const PlanNode &o = plan.nodes[size_t(ref)];
    QCOMPARE(o.actualLoops, 5000.0);
    QCOMPARE(o.actualRows, 10.0);
    QCOMPARE(o.actualRowsTotal, 50000.0);
    QCOMPARE(o.index, QStringLiteral("customer_id"));
    QVERIFY(findNode(plan, QStringLiteral("Filesort")) >= 0);
    QVERIFY(findNode(plan, QStringLiteral("Temporary Table")) >= 0);
    const Plan explain = load(QStringLiteral("mariadb1011_union_explain.json"));
    QVERIFY(!explain.hasActuals);
    QVERIFY(findNode(explain, QStringLiteral("Union Result")) >= 0);
    QCOMPARE(explain.nodes[size_t(findNode(explain, QStringLiteral("Union Result")))].children.size(), 2);
    const Plan derived = load(QStringLiteral("mariadb1011_derived_analyze.json"));
    QVERIFY(findNode(derived, QStringLiteral("Materialize")) >= 0);
}

void PlanParsersTest::mysqlTreeAndJson()
{
    const Plan tree = load(QStringLiteral("mysql8_analyze_tree.txt"));
    QCOMPARE(tree.engine, PlanEngine::MySQL);
    QCOMPARE(tree.nodeCount(), 7);
    const PlanNode &lookup = tree.nodes[size_t(findNode(tree, QStringLiteral("Single-row index lookup")))];
    QCOMPARE(lookup.relation, QStringLiteral("c"));
    QCOMPARE(lookup.index, QStringLiteral("PRIMARY"));
    QCOMPARE(lookup.actualLoops, 40120.0);
    QCOMPARE(lookup.actualRowsTotal, 10030.0);
    const Plan hash = load(QStringLiteral("mysql8_hash_join_tree.txt"));
    QVERIFY(hash.nodes[size_t(findNode(hash, QStringLiteral("Aggregate")))].neverExecuted);
    QVERIFY(findNode(hash, QStringLiteral("Select")) >= 0);
    const Plan json = load(QStringLiteral("mysql8_filesort.json"));
    QCOMPARE(json.format, PlanFormat::MySqlJson);
    QCOMPARE(json.root().totalCost, 10265.25);
    QVERIFY(json.nodes[size_t(findNode(json, QStringLiteral("Ordering")))].filesort);
}

void PlanParsersTest::sqliteShapes()
{
    const Plan compound = load(QStringLiteral("sqlite340_compound.json"));
    QCOMPARE(compound.root().type, QStringLiteral("QUERY PLAN"));
    QCOMPARE(compound.nodes[1].type, QStringLiteral("COMPOUND QUERY"));
    QCOMPARE(compound.nodes[1].children.size(), 3);
    const Plan cli = load(QStringLiteral("sqlite340_compound_cli.txt"));
    QCOMPARE(cli.nodeCount(), compound.nodeCount());
    for (int i = 0; i < cli.nodeCount(); ++i) {
        QCOMPARE(cli.nodes[size_t(i)].detail, compound.nodes[size_t(i)].detail);
        QCOMPARE(cli.nodes[size_t(i)].parent, compound.nodes[size_t(i)].parent);
    }
    const Plan covering = load(QStringLiteral("sqlite340_covering.json"));
    const PlanNode &search = covering.nodes[1];
    QCOMPARE(search.type, QStringLiteral("SEARCH"));
    QCOMPARE(search.relation, QStringLiteral("items"));
    QCOMPARE(search.index, QStringLiteral("items_order_qty"));
    QCOMPARE(search.properties.value(QLatin1String("index kind")).toString(), QStringLiteral("COVERING INDEX"));
    QCOMPARE(search.conditions.first().text, QStringLiteral("order_id=? AND qty>?"));
    const Plan multi = load(QStringLiteral("sqlite340_multi_index_or.json"));
    QCOMPARE(multi.nodes[1].type, QStringLiteral("MULTI-INDEX OR"));
    QCOMPARE(multi.nodes[2].type, QStringLiteral("INDEX"));
    QCOMPARE(load(QStringLiteral("sqlite340_rowid_range.json")).nodes[1].index, QStringLiteral("INTEGER PRIMARY KEY"));
    QCOMPARE(load(QStringLiteral("sqlite340_window.json")).nodes[1].type, QStringLiteral("CO-ROUTINE"));
    QCOMPARE(load(QStringLiteral("sqlite340_cte_materialize.json")).nodes[1].type, QStringLiteral("MATERIALIZE"));
    // Pre-3.36 wording.
    PlanNode old;
    SqlitePlanParser::describe(QStringLiteral("SEARCH TABLE orders AS o USING INDEX orders_customer (customer_id=?)"), &old);
    QCOMPARE(old.relation, QStringLiteral("orders"));
    QCOMPARE(old.alias, QStringLiteral("o"));
}

void PlanParsersTest::everyFixtureTypeHasACard()
{
    const NodeTypeCatalog &catalog = NodeTypeCatalog::instance();
    for (const QString &file : all()) {
        const Plan plan = load(file);
        for (const PlanNode &node : plan.nodes) {
            const NodeTypeCard *card = catalog.find(plan.engine, node.type);
            QVERIFY2(card, qPrintable(file + QStringLiteral(": no card for ") + node.type));
            QVERIFY(!card->what.isEmpty() && !card->when.isEmpty());
        }
        QVERIFY2(plan.notes.isEmpty(), qPrintable(file + QStringLiteral(": ") + plan.notes.join(QLatin1Char(' '))));
    }
    // Every PostgreSQL node type explain.c names, and every MariaDB/MySQL access type.
    for (const char *type : {"Result", "ProjectSet", "ModifyTable", "Append", "Merge Append", "Recursive Union",
                             "BitmapAnd", "BitmapOr", "Nested Loop", "Merge Join", "Hash Join", "Seq Scan",
                             "Sample Scan", "Gather", "Gather Merge", "Index Scan", "Index Only Scan",
                             "Bitmap Index Scan", "Bitmap Heap Scan", "Tid Scan", "Tid Range Scan", "Subquery Scan",
                             "Function Scan", "Table Function Scan", "Values Scan", "CTE Scan",
                             "Named Tuplestore Scan", "WorkTable Scan", "Foreign Scan", "Custom Scan", "Materialize",
                             "Memoize", "Sort", "Incremental Sort", "Group", "Aggregate", "WindowAgg", "Unique",
                             "SetOp", "LockRows", "Limit", "Hash"})
        QVERIFY2(catalog.find(PlanEngine::PostgreSQL, QString::fromLatin1(type)), type);
    for (const char *type : {"system", "const", "eq_ref", "ref", "fulltext", "ref_or_null", "index_merge",
                             "unique_subquery", "index_subquery", "range", "index", "ALL"}) {
        QVERIFY2(catalog.find(PlanEngine::MariaDB, QString::fromLatin1(type)), type);
        QVERIFY2(catalog.find(PlanEngine::MySQL, QString::fromLatin1(type)), type);
    }
    for (const char *type : {"SCAN", "SEARCH", "USE TEMP B-TREE", "SCALAR SUBQUERY", "CORRELATED SCALAR SUBQUERY",
                             "LIST SUBQUERY", "CO-ROUTINE", "MATERIALIZE", "COMPOUND QUERY", "LEFT-MOST SUBQUERY",
                             "UNION ALL", "COMPOUND USING TEMP B-TREE", "MERGE", "MULTI-INDEX OR", "INDEX"})
        QVERIFY2(catalog.find(PlanEngine::SQLite, QString::fromLatin1(type)), type);
}

void PlanParsersTest::badInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected"); // a part of the message
    QTest::addColumn<int>("line");

    const QByteArray json = bytes(QStringLiteral("pg15_hash_join.json"));
    QTest::newRow("empty") << QByteArray() << "auto" << "the plan is empty" << 0;
    QTest::newRow("whitespace") << QByteArray(" \n\t\n") << "auto" << "the plan is empty" << 0;
    QTest::newRow("not a plan") << QByteArray("hello, this is a shopping list\nmilk\n") << "auto"
                                << "not a plan DB Learn can read" << 1;
    QTest::newRow("truncated json") << json.left(json.size() / 2) << "auto" << "truncated" << 0;
    QTest::newRow("invalid json") << QByteArray("[{\"Plan\": {\"Node Type\": \"Seq Scan\",, }}]") << "auto" << "JSON" << 1;
    QTest::newRow("json without plan") << QByteArray("[{\"Plan\": 5}]") << "pg-json" << "no PostgreSQL plan" << 0;
    QTest::newRow("json array of numbers") << QByteArray("[1, 2, 3]") << "pg-json" << "no PostgreSQL plan" << 0;
    QTest::newRow("mariadb without block") << QByteArray("{\"x\": 1}") << "mariadb-json" << "no MariaDB plan" << 0;
    QTest::newRow("text not a plan as pg-text") << QByteArray("select 1;\n") << "pg-text" << "expected a plan node" << 1;
    QTest::newRow("text with stray indentation")
        << QByteArray("Hash Join  (cost=0.00..1.00 rows=1 width=4)\n  ->  Seq Scan on u  (cost=0.00..1.00 rows=1 width=4)\n"
                      "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n")
        << "pg-text" << "a second plan node at the top level" << 3;
    QTest::newRow("sqlite tree garbage") << QByteArray("QUERY PLAN\n|--SCAN t\nnonsense here\n") << "sqlite-eqp"
                                         << "expected a plan step" << 3;
    QTest::newRow("sqlite json without detail") << QByteArray("[{\"id\": 1, \"parent\": 0}]") << "sqlite-eqp"
                                                << "no \"detail\"" << 0;
    QTest::newRow("mysql tree garbage") << QByteArray("nothing to see\n") << "mysql-tree" << "expected an iterator" << 1;
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe", 5) << "auto" << "not a plan" << 1;
}

void PlanParsersTest::badInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QFETCH(int, line);
    PlanFormat f = PlanFormat::Auto;
    QVERIFY(PlanFormats::fromName(format, &f));
    Plan plan;
    PlanParseError error;
    QVERIFY(!PlanParser::parse(input, f, &plan, &error));
    QVERIFY2(error.message.contains(expected), qPrintable(error.toString()));
    if (line > 0)
        QCOMPARE(error.line, line);
    QVERIFY(plan.isEmpty());
    if (QByteArray(QTest::currentDataTag()) == "truncated json") {
        QVERIFY(error.line > 10); // where it broke, in lines, not a byte offset
        QVERIFY(error.toString().startsWith(QStringLiteral("line ")));
    }
}

void PlanParsersTest::duplicateKeysAreReported()
{
    const QByteArray input = "[{\"Plan\": {\"Node Type\": \"Seq Scan\",\n  \"Total Cost\": 1,\n  \"Total Cost\": 2}}]";
    Plan plan;
    PlanParseError error;
    QVERIFY(PlanParser::parse(input, PlanFormat::Auto, &plan, &error));
    QCOMPARE(plan.notes.size(), 1);
    QVERIFY2(plan.notes.first().contains(QStringLiteral("line 3, column 3: duplicate key \"Total Cost\"")),
             qPrintable(plan.notes.first()));
    QCOMPARE(plan.root().totalCost, 2.0); // the last value, as the note says
}

void PlanParsersTest::unknownNodeTypeIsNoted()
{
    const QByteArray input = "[{\"Plan\": {\"Node Type\": \"Quantum Scan\", \"Plans\": [{\"Node Type\": \"Seq Scan\"}]}}]";
    Plan plan;
    PlanParseError error;
    QVERIFY(PlanParser::parse(input, PlanFormat::Auto, &plan, &error));
    PlanAnalyzer::analyze(&plan);
    QCOMPARE(plan.nodeCount(), 2);
    QCOMPARE(plan.notes.size(), 1);
    QVERIFY(plan.notes.first().contains(QStringLiteral("unknown node type \"Quantum Scan\"")));
}

QTEST_GUILESS_MAIN(PlanParsersTest)
#include "tst_planparsers.moc"
