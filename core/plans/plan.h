#pragma once

#include "plans/planformat.h"
#include "plans/plannode.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace dblearn {

// A trigger's run as PostgreSQL reports it after EXPLAIN ANALYZE of a modification.
struct PlanTrigger {
    QString name;
    QString relation;
    double timeMs = PlanUnknown;
    double calls = PlanUnknown;
};

// One query plan in the normalised model: a tree of PlanNode kept as a flat list (nodes[0] is
// the root; a parent always comes before its children, so a reverse walk is bottom-up).
struct Plan {
    PlanEngine engine = PlanEngine::Unknown;
    PlanFormat format = PlanFormat::Auto;
    QString sourceText;              // the plan as it was read
    double planningTimeMs = PlanUnknown;
    double executionTimeMs = PlanUnknown;
    bool hasActuals = false;         // ANALYZE figures are present
    std::vector<PlanNode> nodes;
    QList<PlanTrigger> triggers;
    QJsonObject extra;               // top-level properties besides the tree (Settings, JIT, Planning, ...)
    QStringList notes;               // things read but doubtful: duplicate keys, unknown node types

    bool isEmpty() const { return nodes.empty(); }
    int nodeCount() const { return int(nodes.size()); }
    const PlanNode &root() const { return nodes.front(); }
    // Appends a node under `parent` (-1 for the root) and returns its id.
    int addNode(int parent);
    // Every warning of every node, worst first.
    QList<QPair<int, PlanWarning>> allWarnings() const;
    // The time the whole statement took: Execution Time, else the root's total time.
    double totalTimeMs() const;
};

} // namespace dblearn
