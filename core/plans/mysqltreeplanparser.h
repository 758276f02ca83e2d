#pragma once

#include "plans/plan.h"
#include "plans/planparseerror.h"

#include <QString>

namespace dblearn {

// MySQL's EXPLAIN FORMAT=TREE and EXPLAIN ANALYZE (8.0.18+): one iterator per "->" line, children
// indented under it, "(cost=C rows=R)" estimates and "(actual time=first..all rows=R loops=L)"
// figures per loop, or "(never executed)". Framing from the mysql client (a table border or
// "EXPLAIN: " before the tree) is taken off.
class MySqlTreePlanParser final
{
public:
    bool parse(const QString &text, Plan *plan, PlanParseError *error);
    // Splits an iterator's description into type, table, index and condition.
    static void describe(const QString &description, PlanNode *node);
};

} // namespace dblearn
