#include "cost/worksheetresults.h"

#include "cost/costengine.h"
#include "cost/sensitivityanalysis.h"
#include "cost/worksheetvalidator.h"

namespace dblearn {

WorksheetResults WorksheetResults::compute(const Worksheet &worksheet, bool withTornado)
{
    WorksheetResults r;
    r.m_issues = WorksheetValidator::validate(worksheet);
    if (!r.m_issues.isEmpty())
        return r;
    for (const Scenario &scenario : worksheet.scenarios) {
        r.m_base.push_back(CostEngine::evaluate(worksheet, scenario, CostCase::Base));
        r.m_pessimistic.push_back(CostEngine::evaluate(worksheet, scenario, CostCase::Pessimistic));
        r.m_optimistic.push_back(CostEngine::evaluate(worksheet, scenario, CostCase::Optimistic));
        r.m_presentValues.push_back(FinanceCalculator::presentValue(r.m_base.back().monthly(), worksheet.discountRate));
    }
    for (const ScenarioComparison &pair : worksheet.effectiveComparisons()) {
        const int a = worksheet.scenarioIndex(pair.baseline);
        const int b = worksheet.scenarioIndex(pair.candidate);
        r.m_comparisons << FinanceCalculator::compare(worksheet, a, b, r.m_base[size_t(a)], r.m_base[size_t(b)]);
    }
    if (withTornado)
        r.m_tornado = SensitivityAnalysis::tornadoAll(worksheet);
    return r;
}

const ScenarioCosts &WorksheetResults::costs(int scenario, CostCase costCase) const
{
    switch (costCase) {
    case CostCase::Pessimistic:
        return m_pessimistic[size_t(scenario)];
    case CostCase::Optimistic:
        return m_optimistic[size_t(scenario)];
    case CostCase::Base:
        break;
    }
    return m_base[size_t(scenario)];
}

} // namespace dblearn
