#pragma once

#include "plans/plan.h"
#include "plans/planparseerror.h"

#include <QByteArray>
#include <QJsonObject>

namespace dblearn {

// PostgreSQL's EXPLAIN (FORMAT JSON), versions 12 to 18: the keys each version added or renamed
// (PG17's per-kind I/O timings, PG18's fractional rows, "Disabled", "Index Searches") are read
// where they mean the same figure; every key is kept in the node's properties.
class PgJsonPlanParser final
{
public:
    bool parse(const QByteArray &utf8, Plan *plan, PlanParseError *error);

private:
    void readNode(const QJsonObject &object, int parent, Plan *plan);
    void readTop(const QJsonObject &top, Plan *plan);
};

} // namespace dblearn
