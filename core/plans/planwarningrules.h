#pragma once

#include "plans/plan.h"

#include <QHash>
#include <QList>
#include <QString>

namespace dblearn {

// One rule of the warnings engine: a name, the threshold it fires at, a plain-language
// explanation of what it means and what to do, and the lesson that teaches the fix.
struct PlanWarningRule {
    QString id;          // "pg.sort-spill"
    PlanEngine engine = PlanEngine::Unknown; // Unknown: MariaDB and MySQL both
    QString name;        // "Sort spilled to disk"
    QString threshold;   // "Sort Method external, or Sort Space Type Disk"
    QString explanation;
    QString lesson;      // content path with anchor
};

// What the rules may know besides the plan: table sizes, for engines whose plan has no row counts.
struct PlanWarningContext {
    QHash<QString, qint64> tableRows; // table name -> rows (or estimate)
};

// The warnings engine: evaluates every rule for the plan's engine on every node.
class PlanWarningRules final
{
public:
    static const QList<PlanWarningRule> &all();
    static const PlanWarningRule *find(const QString &id);
    // Clears and refills every node's warnings. Needs the analyzer's figures (PlanAnalyzer calls it).
    static void apply(Plan *plan, const PlanWarningContext &context);

    // Thresholds, shared by the rules and their descriptions.
    static constexpr double misestimateWarning = 10;
    static constexpr double misestimateCritical = 100;
    static constexpr double filterRemovedShare = 0.5;
    static constexpr double filterRemovedCriticalShare = 0.9;
    static constexpr double filterRemovedMinimum = 1000;
    static constexpr double heapFetchShare = 0.4;
    static constexpr double nestedLoopOuterRows = 10000;
    static constexpr double largeTableRows = 10000;
    static constexpr double fullScanRows = 1000;
};

} // namespace dblearn
