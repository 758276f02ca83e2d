#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cmath>
#include <limits>

namespace dblearn {

// A figure the plan does not give is NaN ("unknown"), never 0: 0 is a real measurement.
inline constexpr double PlanUnknown = std::numeric_limits<double>::quiet_NaN();
inline bool planKnown(double value) { return !std::isnan(value); }

// One warning raised on a node by a rule of PlanWarningRules.
struct PlanWarning {
    enum class Level { Info, Warning, Critical };
    QString rule;    // the rule's id, e.g. "pg.sort-spill"
    Level level = Level::Warning;
    QString message; // what this node shows, with its figures
};

// A condition the node applies: kind is the engine's name ("Filter", "Index Cond", "attached_condition").
struct PlanCondition {
    QString kind;
    QString text;
};

// Block counts and I/O timings (PostgreSQL BUFFERS; other engines leave them unknown).
struct PlanBuffers {
    double sharedHit = PlanUnknown;
    double sharedRead = PlanUnknown;
    double sharedDirtied = PlanUnknown;
    double sharedWritten = PlanUnknown;
    double localHit = PlanUnknown;
    double localRead = PlanUnknown;
    double localDirtied = PlanUnknown;
    double localWritten = PlanUnknown;
    double tempRead = PlanUnknown;
    double tempWritten = PlanUnknown;
    double ioReadMs = PlanUnknown;  // every read timing summed (PG17 splits them per shared/local/temp)
    double ioWriteMs = PlanUnknown;
    bool isKnown() const;
};

// One operation of a plan, normalised across engines. Figures are as the engine reports them
// (PostgreSQL, MySQL: per loop); PlanAnalyzer fills the derived figures at the end.
struct PlanNode {
    enum class Direction { None, Under, Over };

    int id = -1;     // index in Plan::nodes, pre-order
    int parent = -1;
    int depth = 0;
    QList<int> children;

    QString type;         // the engine's operation: "Hash Join", "Seq Scan", "SCAN", "ALL", "Table scan"
    QString title;        // as the engine prints it: "Parallel Seq Scan", "Hash Left Join", "HashAggregate"
    QString relation;     // table read or modified
    QString alias;
    QString index;
    QString detail;       // the rest of the engine's one-line description (SQLite detail, MySQL tree text)
    QString relationship; // Outer, Inner, Member, InitPlan, SubPlan, Subquery; engine words elsewhere
    QString subplanName;  // "InitPlan 1 (returns $0)", "CTE recent", "SubPlan 2"
    QString cteName;      // the CTE a CTE Scan reads

    double startupCost = PlanUnknown;
    double totalCost = PlanUnknown;
    double planRows = PlanUnknown; // estimated rows per loop
    double planWidth = PlanUnknown;

    double actualStartupMs = PlanUnknown; // per loop
    double actualTotalMs = PlanUnknown;   // per loop, children included
    double actualRows = PlanUnknown;      // per loop (an average)
    double actualLoops = PlanUnknown;
    bool neverExecuted = false;

    bool parallelAware = false;
    int workersPlanned = -1;
    int workersLaunched = -1;

    PlanBuffers buffers;
    double rowsRemovedByFilter = PlanUnknown;     // per loop, as PostgreSQL prints it
    double rowsRemovedByJoinFilter = PlanUnknown;
    double rowsRemovedByIndexRecheck = PlanUnknown;
    double heapFetches = PlanUnknown;              // per loop
    QString sortMethod;                            // "quicksort", "external merge", "top-N heapsort"
    QString sortSpaceType;                         // "Memory" or "Disk"
    double sortSpaceKb = PlanUnknown;
    double hashBatches = PlanUnknown;
    double originalHashBatches = PlanUnknown;
    double diskUsageKb = PlanUnknown;              // HashAggregate spilling, PG13+
    bool filesort = false;                         // MariaDB/MySQL: the node sorts with filesort
    bool temporaryTable = false;                   // MariaDB/MySQL: ... through a temporary table
    QList<PlanCondition> conditions;
    QJsonObject properties; // every property the engine gave (PostgreSQL JSON: the node object itself)

    // Filled by PlanAnalyzer.
    double totalTimeMs = PlanUnknown;     // inclusive, over all loops, parallel workers accounted
    double exclusiveTimeMs = PlanUnknown; // own time: children, CTEs and InitPlans taken off, >= 0
    double exclusiveCost = PlanUnknown;   // own cost, >= 0
    double actualRowsTotal = PlanUnknown; // rows over all loops
    double estimatedRowsTotal = PlanUnknown;
    double misestimateFactor = PlanUnknown; // >= 1
    Direction misestimateDirection = Direction::None;
    double timePercent = PlanUnknown;     // exclusive time as a share of the whole execution
    double costPercent = PlanUnknown;     // exclusive cost as a share of the root's total cost
    QList<PlanWarning> warnings;

    // "orders o", "orders_pkey on orders", "c": what the node works on, for cards and lists.
    QString label() const;
    // "Seq Scan on orders o": title and label together.
    QString headline() const;
    bool isSubplanChild() const; // InitPlan or SubPlan child (CTE definitions included)
    static QString directionName(Direction direction); // "under", "over", or empty
};

} // namespace dblearn
