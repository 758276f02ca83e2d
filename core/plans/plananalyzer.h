#pragma once

#include "plans/plan.h"
#include "plans/planwarningrules.h"

namespace dblearn {

// Fills the derived figures of every node and runs the warnings engine:
//  - totals over loops; under a Gather, divided by the workers launched + 1 (not planned);
//  - exclusive time = own total - direct children's totals (InitPlans skipped except under a
//    Result), floored at 0; a CTE's time then taken off the CTE Scans that read it, in proportion
//    to their time, and an InitPlan's off the node that uses its result;
//  - exclusive cost = total cost - children's total cost, floored at 0;
//  - row totals (rows x loops), misestimate factor (>= 1) with its direction, shares of the
//    total time and of the root's cost.
class PlanAnalyzer final
{
public:
    static void analyze(Plan *plan, const PlanWarningContext &context = {});

private:
    static void computeTotals(Plan *plan);
    static void computeExclusive(Plan *plan);
    static void reattributeCtes(Plan *plan);
    static void reattributeInitPlans(Plan *plan);
    static void computeEstimates(Plan *plan);
};

} // namespace dblearn
