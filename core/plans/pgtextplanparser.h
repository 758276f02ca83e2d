#pragma once

#include "plans/plan.h"
#include "plans/planparseerror.h"

#include <QString>

namespace dblearn {

// PostgreSQL's text EXPLAIN, as psql prints it or as it is pasted (framing taken off first):
// nodes by their "->" and indentation, InitPlan/SubPlan/CTE headers, every "Key: value" line,
// buffers, I/O timings, workers, and the footer (planning and execution time, triggers, JIT).
// Names and properties are mapped onto the JSON format's so both read into the same model.
class PgTextPlanParser final
{
public:
    bool parse(const QString &text, Plan *plan, PlanParseError *error);

private:
    void readProperty(const QString &key, const QString &value, PlanNode *node);
    void readFooter(const QString &line, Plan *plan);
    static void assignRelationships(Plan *plan);
};

} // namespace dblearn
