#pragma once

#include "plans/plan.h"
#include "plans/planparseerror.h"

#include <QByteArray>
#include <QJsonObject>

namespace dblearn {

// MariaDB's EXPLAIN FORMAT=JSON and ANALYZE FORMAT=JSON: query blocks, nested loops of tables,
// filesort, temporary tables, unions, subqueries, materialized derived tables and the r_* figures
// of ANALYZE (r_loops; r_rows per loop; r_total_time_ms with children for a query block, without
// them for a table or a filesort, where the parser adds the children's time).
class MariaDbJsonPlanParser final
{
public:
    bool parse(const QByteArray &utf8, Plan *plan, PlanParseError *error);

private:
    // Reads the plan-bearing keys of `object` into nodes under `parent`; other keys go to `parent`'s properties.
    void walk(const QJsonObject &object, int parent, Plan *plan);
    int addNode(const QString &type, const QJsonObject &object, int parent, Plan *plan);
    void finishTimes(int id, bool ownTimeExcludesChildren, Plan *plan);
};

} // namespace dblearn
