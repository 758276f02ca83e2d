#include "plans/plananalyzer.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace dblearn {

namespace {

bool isGather(const PlanNode &node)
{
    return node.type == QLatin1String("Gather") || node.type == QLatin1String("Gather Merge");
}

bool isInitPlan(const PlanNode &node)
{
    return node.relationship == QLatin1String("InitPlan");
}

// Every string of the node a parameter reference could hide in: conditions and output lists.
bool nodeMentions(const PlanNode &node, const QRegularExpression &token)
{
    for (const PlanCondition &condition : node.conditions) {
        if (token.match(condition.text).hasMatch())
            return true;
    }
    for (const char *key : {"Output", "Sort Key", "Group Key"}) {
        const QJsonValue value = node.properties.value(QLatin1String(key));
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (token.match(item.toString()).hasMatch())
                return true;
        }
        if (value.isString() && token.match(value.toString()).hasMatch())
            return true;
    }
    return false;
}

bool isInside(const Plan &plan, int node, int ancestor)
{
    for (int n = node; n >= 0; n = plan.nodes[size_t(n)].parent) {
        if (n == ancestor)
            return true;
    }
    return false;
}

} // namespace

void PlanAnalyzer::analyze(Plan *plan, const PlanWarningContext &context)
{
    if (plan->nodes.empty())
        return;
    computeTotals(plan);
    computeExclusive(plan);
    if (plan->engine == PlanEngine::PostgreSQL) {
        reattributeCtes(plan);
        reattributeInitPlans(plan);
    }
    computeEstimates(plan);
    PlanWarningRules::apply(plan, context);
}

void PlanAnalyzer::computeTotals(Plan *plan)
{
    // Parents come before children: the workers of the nearest Gather above are known in one pass.
    std::vector<int> workersAbove(plan->nodes.size(), -1);
    for (PlanNode &node : plan->nodes) {
        int workers = node.parent >= 0 ? workersAbove[size_t(node.parent)] : -1;
        if (node.parent >= 0 && isGather(plan->nodes[size_t(node.parent)])) {
            const PlanNode &gather = plan->nodes[size_t(node.parent)];
            workers = gather.workersLaunched >= 0 ? gather.workersLaunched : 0;
        }
        workersAbove[size_t(node.id)] = workers;
        const double loops = planKnown(node.actualLoops) ? node.actualLoops : 1;
        node.actualRowsTotal = planKnown(node.actualRows) ? node.actualRows * loops : PlanUnknown;
        node.estimatedRowsTotal = planKnown(node.planRows) ? node.planRows * loops : PlanUnknown;
        if (planKnown(node.actualTotalMs)) {
            // Per-loop times of nodes run by parallel workers overlap in time: the loops count the
            // leader and every launched worker, which ran at once.
            const double divisor = workers >= 0 ? workers + 1 : 1;
            node.totalTimeMs = node.actualTotalMs * loops / divisor;
        } else {
            node.totalTimeMs = PlanUnknown;
        }
    }
}

void PlanAnalyzer::computeExclusive(Plan *plan)
{
    for (PlanNode &node : plan->nodes) {
        if (planKnown(node.totalTimeMs)) {
            double own = node.totalTimeMs;
            for (int childId : std::as_const(node.children)) {
                const PlanNode &child = plan->nodes[size_t(childId)];
                if (isInitPlan(child) && node.type != QLatin1String("Result"))
                    continue;
                if (planKnown(child.totalTimeMs))
                    own -= child.totalTimeMs;
            }
            node.exclusiveTimeMs = std::max(0.0, own);
        }
        if (planKnown(node.totalCost)) {
            double own = node.totalCost;
            for (int childId : std::as_const(node.children)) {
                const PlanNode &child = plan->nodes[size_t(childId)];
                if (planKnown(child.totalCost))
                    own -= child.totalCost;
            }
            node.exclusiveCost = std::max(0.0, own);
        }
    }
}

void PlanAnalyzer::reattributeCtes(Plan *plan)
{
    for (const PlanNode &cte : plan->nodes) {
        if (!isInitPlan(cte) || !cte.subplanName.startsWith(QLatin1String("CTE ")) || !planKnown(cte.totalTimeMs))
            continue;
        const QString name = cte.subplanName.mid(4);
        QList<int> scans;
        double scanTime = 0;
        for (const PlanNode &node : plan->nodes) {
            if (node.type == QLatin1String("CTE Scan") && node.cteName == name && planKnown(node.totalTimeMs)) {
                scans.append(node.id);
                scanTime += node.totalTimeMs;
            }
        }
        for (int id : std::as_const(scans)) {
            PlanNode &scan = plan->nodes[size_t(id)];
            const double share = scanTime > 0 ? scan.totalTimeMs / scanTime : 1.0 / scans.size();
            scan.exclusiveTimeMs = std::max(0.0, scan.exclusiveTimeMs - cte.totalTimeMs * share);
        }
    }
}

void PlanAnalyzer::reattributeInitPlans(Plan *plan)
{
    static const QRegularExpression returns(QStringLiteral("\\(returns (\\$\\d+(?:,\\$\\d+)*)\\)"));
    static const QRegularExpression number(QStringLiteral("^InitPlan (\\d+)"));
    for (const PlanNode &init : plan->nodes) {
        if (!isInitPlan(init) || init.subplanName.startsWith(QLatin1String("CTE ")) || !planKnown(init.totalTimeMs)
            || init.parent < 0)
            continue;
        // Before PG16 the result is "$0"; from PG16 on it is "(InitPlan 1).col1".
        QString pattern;
        if (const auto m = returns.match(init.subplanName); m.hasMatch()) {
            QStringList params = m.captured(1).split(QLatin1Char(','));
            for (QString &p : params)
                p = QRegularExpression::escape(p) + QStringLiteral("(?!\\d)");
            pattern = params.join(QLatin1Char('|'));
        } else if (const auto n = number.match(init.subplanName); n.hasMatch()) {
            pattern = QStringLiteral("\\(InitPlan %1\\)").arg(n.captured(1));
        }
        int user = init.parent;
        if (!pattern.isEmpty()) {
            const QRegularExpression token(pattern);
            for (const PlanNode &node : plan->nodes) {
                if (!isInside(*plan, node.id, init.id) && nodeMentions(node, token)) {
                    user = node.id;
                    break;
                }
            }
        }
        PlanNode &target = plan->nodes[size_t(user)];
        if (planKnown(target.exclusiveTimeMs) && target.type != QLatin1String("Result"))
            target.exclusiveTimeMs = std::max(0.0, target.exclusiveTimeMs - init.totalTimeMs);
    }
}

void PlanAnalyzer::computeEstimates(Plan *plan)
{
    const double total = plan->totalTimeMs();
    const double rootCost = plan->nodes.front().totalCost;
    double maxCost = planKnown(rootCost) ? rootCost : 0;
    for (const PlanNode &node : plan->nodes) {
        if (planKnown(node.totalCost))
            maxCost = std::max(maxCost, node.totalCost);
    }
    for (PlanNode &node : plan->nodes) {
        node.timePercent = planKnown(node.exclusiveTimeMs) && planKnown(total) && total > 0
            ? node.exclusiveTimeMs / total * 100
            : PlanUnknown;
        node.costPercent = planKnown(node.exclusiveCost) && maxCost > 0 ? node.exclusiveCost / maxCost * 100 : PlanUnknown;
        node.misestimateFactor = PlanUnknown;
        node.misestimateDirection = PlanNode::Direction::None;
        if (planKnown(node.planRows) && planKnown(node.actualRows) && !node.neverExecuted) {
            // Both floored at one row: PostgreSQL never estimates fewer, and 0 would make the factor infinite.
            const double planned = std::max(1.0, node.planRows);
            const double actual = std::max(1.0, node.actualRows);
            node.misestimateFactor = std::max(planned, actual) / std::min(planned, actual);
            if (actual > planned)
                node.misestimateDirection = PlanNode::Direction::Under;
            else if (actual < planned)
                node.misestimateDirection = PlanNode::Direction::Over;
        }
    }
}

} // namespace dblearn
