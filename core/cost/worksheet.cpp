#include "cost/worksheet.h"

namespace dblearn {

int Worksheet::scenarioIndex(const QString &scenarioId) const
{
    for (int i = 0; i < scenarios.size(); ++i)
        if (scenarios[i].id == scenarioId)
            return i;
    return -1;
}

CaseFactors Worksheet::factors(CostCase costCase) const
{
    switch (costCase) {
    case CostCase::Base:
        return {};
    case CostCase::Pessimistic:
        return pessimistic;
    case CostCase::Optimistic:
        return optimistic;
    }
    return {};
}

QList<ScenarioComparison> Worksheet::effectiveComparisons() const
{
    if (!comparisons.isEmpty())
        return comparisons;
    QList<ScenarioComparison> pairs;
    for (int i = 1; i < scenarios.size(); ++i)
        pairs.append({scenarios.first().id, scenarios[i].id});
    return pairs;
}

QString Worksheet::caseName(CostCase costCase)
{
    switch (costCase) {
    case CostCase::Base:
        return QStringLiteral("base");
    case CostCase::Pessimistic:
        return QStringLiteral("pessimistic");
    case CostCase::Optimistic:
        return QStringLiteral("optimistic");
    }
    return {};
}

} // namespace dblearn
