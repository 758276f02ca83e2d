#pragma once

#include "plans/plan.h"
#include "plans/planparseerror.h"

#include <QByteArray>
#include <QJsonObject>

namespace dblearn {

// MySQL 8's EXPLAIN FORMAT=JSON (estimates only): query blocks with cost_info, nested loops of
// tables (access_type, rows_examined_per_scan, rows_produced_per_join, filtered, cost_info),
// ordering/grouping operations with their filesort and temporary table flags, unions,
// materialized subqueries and attached subqueries.
class MySqlJsonPlanParser final
{
public:
    bool parse(const QByteArray &utf8, Plan *plan, PlanParseError *error);

private:
    void walk(const QJsonObject &object, int parent, Plan *plan);
    int addNode(const QString &type, const QJsonObject &object, int parent, Plan *plan);
};

} // namespace dblearn
