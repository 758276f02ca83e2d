#include "plans/planwarningrules.h"

#include <QLocale>

namespace dblearn {

namespace {

const QString lessonQuery = QStringLiteral("01_foundations/08_query_processing.md");
const QString lessonIndexing = QStringLiteral("01_foundations/04_indexing_fundamentals.md");
const QString lessonOptimization = QStringLiteral("01_foundations/09_optimization_techniques.md");
const QString lessonIndexOpt = QStringLiteral("01_foundations/15_index_optimization.md");
const QString lessonRewrite = QStringLiteral("01_foundations/16_query_rewrite_patterns.md");

QString count(double value)
{
    return QLocale(QLocale::English).toString(qint64(std::llround(value)));
}

QString factor(double value)
{
    return value >= 100 ? count(value) : QString::number(value, 'f', 1);
}

double loopsOf(const PlanNode &node)
{
    return planKnown(node.actualLoops) && node.actualLoops > 0 ? node.actualLoops : 1;
}

void warn(PlanNode &node, const char *rule, PlanWarning::Level level, const QString &message)
{
    node.warnings.append({QString::fromLatin1(rule), level, message});
}

void postgresRules(const Plan &plan, PlanNode &node)
{
    // Sorts and hashes that did not fit in work_mem.
    if (node.sortSpaceType == QLatin1String("Disk") || node.sortMethod.startsWith(QLatin1String("external"))) {
        warn(node, "pg.sort-spill", PlanWarning::Level::Warning,
             QStringLiteral("the sort spilled to disk (%1%2)")
                 .arg(node.sortMethod,
                      planKnown(node.sortSpaceKb) ? QStringLiteral(", %1 kB").arg(count(node.sortSpaceKb)) : QString()));
    }
    const double batches = node.hashBatches;
    const double aggregateBatches = node.properties.value(QLatin1String("HashAgg Batches")).toDouble(0);
    if ((planKnown(batches) && batches > 1) || aggregateBatches > 1 || (planKnown(node.diskUsageKb) && node.diskUsageKb > 0)) {
        warn(node, "pg.hash-spill", PlanWarning::Level::Warning,
             QStringLiteral("the hash table went to disk in %1 batches%2")
                 .arg(count(std::max(planKnown(batches) ? batches : 0, aggregateBatches)),
                      planKnown(node.diskUsageKb) ? QStringLiteral(" (%1 kB on disk)").arg(count(node.diskUsageKb))
                                                  : QString()));
    }
    if (node.workersPlanned >= 0 && node.workersLaunched >= 0 && node.workersLaunched < node.workersPlanned) {
        warn(node, "pg.workers-not-launched",
             node.workersLaunched == 0 ? PlanWarning::Level::Critical : PlanWarning::Level::Warning,
             QStringLiteral("%1 of %2 planned parallel workers launched").arg(node.workersLaunched).arg(node.workersPlanned));
    }
    // Filters that read far more than they keep.
    const double removed = node.rowsRemovedByFilter;
    if (planKnown(removed) && planKnown(node.actualRows)) {
        const double removedTotal = removed * loopsOf(node);
        const double kept = node.actualRows * loopsOf(node);
        const double share = removedTotal / std::max(1.0, removedTotal + kept);
        if (removedTotal >= PlanWarningRules::filterRemovedMinimum && share > PlanWarningRules::filterRemovedShare) {
            warn(node, "pg.rows-removed-by-filter",
                 share > PlanWarningRules::filterRemovedCriticalShare ? PlanWarning::Level::Critical
                                                                      : PlanWarning::Level::Warning,
                 QStringLiteral("the filter threw away %1 rows, %2% of those read").arg(count(removedTotal)).arg(share * 100, 0, 'f', 1));
        }
    }
    if (node.type == QLatin1String("Index Only Scan") && planKnown(node.heapFetches) && node.heapFetches > 0) {
        const double rows = planKnown(node.actualRows) ? node.actualRows : 0;
        const double share = node.heapFetches / std::max(1.0, rows);
        if (share > PlanWarningRules::heapFetchShare) {
            warn(node, "pg.heap-fetches", share > 0.9 ? PlanWarning::Level::Critical : PlanWarning::Level::Warning,
                 QStringLiteral("%1 heap fetches for %2 rows: the index-only scan read the table for %3% of its rows")
                     .arg(count(node.heapFetches * loopsOf(node)), count(rows * loopsOf(node)))
                     .arg(std::min(100.0, share * 100), 0, 'f', 0));
        }
    }
    if (node.type == QLatin1String("Nested Loop") && !node.children.isEmpty()) {
        const PlanNode &outer = plan.nodes[size_t(node.children.first())];
        if (planKnown(outer.actualRowsTotal) && outer.actualRowsTotal >= PlanWarningRules::nestedLoopOuterRows) {
            warn(node, "pg.nested-loop-many-rows", PlanWarning::Level::Warning,
                 QStringLiteral("the inner side ran %1 times, once per outer row").arg(count(outer.actualRowsTotal)));
        }
    }
}

void sqliteRules(PlanNode &node, const PlanWarningContext &context)
{
    if (node.type == QLatin1String("SCAN") && node.index.isEmpty() && !node.relation.startsWith(QLatin1Char('('))
        && !node.properties.contains(QLatin1String("subquery"))) {
        const qint64 rows = context.tableRows.value(node.relation, -1);
        if (rows >= qint64(PlanWarningRules::largeTableRows)) {
            warn(node, "sqlite.full-scan", PlanWarning::Level::Warning,
                 QStringLiteral("full scan of %1, which holds about %2 rows").arg(node.relation, count(double(rows))));
        } else if (rows < 0) {
            warn(node, "sqlite.full-scan", PlanWarning::Level::Info,
                 QStringLiteral("full scan of %1 (its size is not known here: a problem when the table is large)")
                     .arg(node.relation));
        }
    }
    if (node.type == QLatin1String("USE TEMP B-TREE")) {
        const QString purpose = node.properties.value(QLatin1String("purpose")).toString();
        if (purpose.contains(QLatin1String("ORDER BY")) || purpose.contains(QLatin1String("GROUP BY"))) {
            warn(node, "sqlite.temp-btree", PlanWarning::Level::Info,
                 QStringLiteral("rows are sorted in a temporary B-tree for %1").arg(purpose));
        }
    }
    if (node.type.startsWith(QLatin1String("CORRELATED "))) {
        warn(node, "sqlite.correlated-subquery", PlanWarning::Level::Warning,
             QStringLiteral("the subquery runs again for every row of the outer query"));
    }
}

void mysqlRules(const Plan &plan, PlanNode &node)
{
    const bool tableScan = node.type == QLatin1String("ALL") || node.type == QLatin1String("Table scan");
    if (tableScan && !node.relation.startsWith(QLatin1Char('<'))) {
        const double rows = planKnown(node.actualRowsTotal) ? node.actualRowsTotal
                          : planKnown(node.planRows)        ? node.planRows
                                                            : PlanUnknown;
        if (planKnown(rows) && rows >= PlanWarningRules::fullScanRows) {
            warn(node, "mysql.full-scan", rows >= 100 * PlanWarningRules::fullScanRows ? PlanWarning::Level::Critical
                                                                                      : PlanWarning::Level::Warning,
                 QStringLiteral("full table scan of %1 reading %2 rows").arg(node.relation, count(rows)));
        }
    }
    // filesort through a temporary table: in one node (MySQL JSON), or a sort above a temporary table.
    bool temporaryBelow = node.temporaryTable;
    if (node.filesort && !temporaryBelow) {
        for (int child : node.children) {
            const PlanNode &c = plan.nodes[size_t(child)];
            if (c.temporaryTable || c.relation == QLatin1String("<temporary>"))
                temporaryBelow = true;
        }
    }
    if (node.filesort && temporaryBelow)
        warn(node, "mysql.filesort-temporary", PlanWarning::Level::Warning,
             QStringLiteral("rows are collected in a temporary table and then sorted with filesort"));
}

} // namespace

const QList<PlanWarningRule> &PlanWarningRules::all()
{
    static const QList<PlanWarningRule> rules = {
        {QStringLiteral("pg.sort-spill"), PlanEngine::PostgreSQL, QStringLiteral("Sort spilled to disk"),
         QStringLiteral("Sort Method external merge/sort, or Sort Space Type Disk"),
         QStringLiteral("The rows to sort did not fit in work_mem, so PostgreSQL sorted them in temporary files, which "
                        "is many times slower. Sort fewer rows (filter earlier, LIMIT), let an index deliver the order, "
                        "or raise work_mem for this query."),
         lessonOptimization + QStringLiteral("#failure-modes-and-trade-offs")},
        {QStringLiteral("pg.hash-spill"), PlanEngine::PostgreSQL, QStringLiteral("Hash spilled to disk"),
         QStringLiteral("Hash Batches > 1, HashAgg Batches > 1 or Disk Usage > 0"),
         QStringLiteral("The hash table of a join or aggregate exceeded work_mem (times hash_mem_multiplier) and was "
                        "split into batches written to temporary files. Reduce the rows or columns hashed, fix the row "
                        "estimate that sized it, or raise work_mem."),
         lessonQuery + QStringLiteral("#join-algorithms")},
        {QStringLiteral("pg.workers-not-launched"), PlanEngine::PostgreSQL,
         QStringLiteral("Fewer parallel workers than planned"), QStringLiteral("Workers Launched < Workers Planned"),
         QStringLiteral("The plan was costed for more parallel workers than the server could start (the pool of "
                        "max_parallel_workers or max_worker_processes was in use), so the work ran on fewer processes "
                        "and took longer than planned."),
         lessonQuery + QStringLiteral("#execution-the-iterator-model")},
        {QStringLiteral("pg.misestimate"), PlanEngine::PostgreSQL, QStringLiteral("Row estimate far off"),
         QStringLiteral("actual/estimated rows (or the inverse) ≥ 10; critical at ≥ 100"),
         QStringLiteral("The planner expected a very different number of rows than the node produced. Every choice "
                        "above it (join method, join order, memory) was made for the wrong size. Run ANALYZE, add "
                        "extended statistics for correlated columns, or rewrite conditions the planner cannot "
                        "estimate."),
         lessonQuery + QStringLiteral("#statistics-change-the-join-order")},
        {QStringLiteral("pg.rows-removed-by-filter"), PlanEngine::PostgreSQL,
         QStringLiteral("Most rows read are thrown away"),
         QStringLiteral("Rows Removed by Filter > 50% of rows read (critical > 90%), at least 1,000 rows"),
         QStringLiteral("The node read many rows only to discard them with its Filter. An index on the filtered "
                        "columns (or a partial index matching the condition) would read only the rows kept."),
         lessonIndexing + QStringLiteral("#reading-sqlites-plans-scan-versus-search")},
        {QStringLiteral("pg.heap-fetches"), PlanEngine::PostgreSQL,
         QStringLiteral("Index-only scan visiting the table"), QStringLiteral("Heap Fetches > 40% of rows returned"),
         QStringLiteral("An index-only scan must still read the table for rows on pages not marked all-visible. Many "
                        "heap fetches mean the visibility map is stale: VACUUM the table (or tune autovacuum) to make "
                        "the scan truly index-only."),
         lessonIndexOpt + QStringLiteral("#index-only-scans")},
        {QStringLiteral("pg.nested-loop-many-rows"), PlanEngine::PostgreSQL,
         QStringLiteral("Nested loop over many rows"), QStringLiteral("outer side ≥ 10,000 rows"),
         QStringLiteral("A nested loop runs its inner side once per outer row. With this many outer rows a hash or "
                        "merge join is usually cheaper; the planner chose the loop because it expected far fewer rows "
                        "(look for a misestimate below) or because the inner side has no better path."),
         lessonQuery + QStringLiteral("#join-algorithms")},
        {QStringLiteral("sqlite.full-scan"), PlanEngine::SQLite, QStringLiteral("Full scan of a large table"),
         QStringLiteral("SCAN of a table without an index, ≥ 10,000 rows (info when the size is not known)"),
         QStringLiteral("SQLite reads every row of the table. If the query needs a few rows, an index on the columns "
                        "of the WHERE clause turns this SCAN into a SEARCH."),
         lessonIndexing + QStringLiteral("#reading-sqlites-plans-scan-versus-search")},
        {QStringLiteral("sqlite.temp-btree"), PlanEngine::SQLite, QStringLiteral("Temporary B-tree for ORDER BY/GROUP BY"),
         QStringLiteral("USE TEMP B-TREE FOR ORDER BY or GROUP BY"),
         QStringLiteral("SQLite collects the rows in a temporary B-tree to sort or group them. An index whose columns "
                        "match the ORDER BY or GROUP BY lets it read rows already in order."),
         lessonIndexing + QStringLiteral("#covering-indexes-and-sort-avoidance")},
        {QStringLiteral("sqlite.correlated-subquery"), PlanEngine::SQLite, QStringLiteral("Correlated subquery"),
         QStringLiteral("CORRELATED SCALAR or LIST SUBQUERY"),
         QStringLiteral("The subquery refers to the outer row, so it runs once per outer row. A join with GROUP BY "
                        "(or a window function) computes the same in one pass."),
         lessonRewrite + QStringLiteral("#correlated-subqueries-into-one-aggregation")},
        {QStringLiteral("mysql.full-scan"), PlanEngine::Unknown, QStringLiteral("Full table scan of many rows"),
         QStringLiteral("access type ALL (or Table scan) reading ≥ 1,000 rows; critical at ≥ 100,000"),
         QStringLiteral("Every row of the table is read, for each combination of rows of the tables before it. An "
                        "index on the join or WHERE columns gives ref, eq_ref or range access instead."),
         lessonIndexing + QStringLiteral("#what-indexes-cost-and-how-they-fail")},
        {QStringLiteral("mysql.filesort-temporary"), PlanEngine::Unknown,
         QStringLiteral("Filesort with a temporary table"), QStringLiteral("filesort over a temporary table"),
         QStringLiteral("Rows are first written to an internal temporary table and then sorted: typical of GROUP BY or "
                        "ORDER BY on columns no index orders, or on columns of a table that is not first in the join. "
                        "An index matching the GROUP BY/ORDER BY of the first table avoids both."),
         lessonOptimization + QStringLiteral("#covering-indexes")},
    };
    return rules;
}

const PlanWarningRule *PlanWarningRules::find(const QString &id)
{
    for (const PlanWarningRule &rule : all()) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

void PlanWarningRules::apply(Plan *plan, const PlanWarningContext &context)
{
    for (PlanNode &node : plan->nodes) {
        node.warnings.clear();
        switch (plan->engine) {
        case PlanEngine::PostgreSQL:
            postgresRules(*plan, node);
            break;
        case PlanEngine::SQLite:
            sqliteRules(node, context);
            break;
        case PlanEngine::MariaDB:
        case PlanEngine::MySQL:
            mysqlRules(*plan, node);
            break;
        case PlanEngine::Unknown:
            break;
        }
        if (plan->engine == PlanEngine::PostgreSQL && planKnown(node.misestimateFactor)
            && node.misestimateFactor >= misestimateWarning) {
            warn(node, "pg.misestimate",
                 node.misestimateFactor >= misestimateCritical ? PlanWarning::Level::Critical : PlanWarning::Level::Warning,
                 QStringLiteral("%1 rows estimated, %2 produced (per loop): %3× %4-estimated")
                     .arg(count(node.planRows), count(node.actualRows), factor(node.misestimateFactor),
                          PlanNode::directionName(node.misestimateDirection)));
        }
    }
}

} // namespace dblearn
