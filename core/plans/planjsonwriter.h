#pragma once

#include "plans/plan.h"

#include <QJsonObject>

namespace dblearn {

// The normalised, analysed plan as JSON (dblearn-cli plan --json, File → Export → JSON):
// engine, format, planningTimeMs, executionTimeMs, nodeCount, notes, triggers and the root node;
// each node with type, label, children and every figure, null where the plan has none.
class PlanJsonWriter final
{
public:
    static QJsonObject toJson(const Plan &plan, bool withProperties = true);
    static QJsonObject nodeToJson(const Plan &plan, int id, bool withChildren, bool withProperties);
    static QJsonValue number(double value); // null for unknown
    static QString levelName(PlanWarning::Level level);
};

} // namespace dblearn
