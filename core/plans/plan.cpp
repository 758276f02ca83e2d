#include "plans/plan.h"

#include <algorithm>

namespace dblearn {

int Plan::addNode(int parent)
{
    PlanNode node;
    node.id = int(nodes.size());
    node.parent = parent;
    if (parent >= 0) {
        node.depth = nodes[size_t(parent)].depth + 1;
        nodes[size_t(parent)].children.append(node.id);
    }
    nodes.push_back(std::move(node));
    return nodes.back().id;
}

QList<QPair<int, PlanWarning>> Plan::allWarnings() const
{
    QList<QPair<int, PlanWarning>> result;
    for (const PlanNode &node : nodes) {
        for (const PlanWarning &warning : node.warnings)
            result.append({node.id, warning});
    }
    std::stable_sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
        return int(a.second.level) > int(b.second.level);
    });
    return result;
}

double Plan::totalTimeMs() const
{
    if (planKnown(executionTimeMs))
        return executionTimeMs;
    return nodes.empty() ? PlanUnknown : nodes.front().totalTimeMs;
}

} // namespace dblearn
