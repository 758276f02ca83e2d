#pragma once

#include "cost/financecalculator.h"
#include "cost/scenariocosts.h"
#include "cost/tornadobar.h"
#include "cost/validationissue.h"
#include "cost/worksheet.h"

#include <QList>

#include <vector>

namespace dblearn {

// Everything the results views, the exports and `dblearn-cli tco` show for a worksheet: computed
// only when the worksheet is valid (otherwise `issues` says why and nothing else is filled).
class WorksheetResults final
{
public:
    static WorksheetResults compute(const Worksheet &worksheet, bool withTornado = true);

    bool isValid() const { return m_issues.isEmpty(); }
    const QList<ValidationIssue> &issues() const { return m_issues; }
    // Per scenario, in the worksheet's order.
    const ScenarioCosts &costs(int scenario, CostCase costCase = CostCase::Base) const;
    double presentValue(int scenario) const { return m_presentValues[size_t(scenario)]; }
    const QList<ComparisonResult> &comparisons() const { return m_comparisons; }
    const QList<TornadoBar> &tornado() const { return m_tornado; }
    int scenarioCount() const { return int(m_base.size()); }

private:
    QList<ValidationIssue> m_issues;
    std::vector<ScenarioCosts> m_base;
    std::vector<ScenarioCosts> m_pessimistic;
    std::vector<ScenarioCosts> m_optimistic;
    std::vector<double> m_presentValues;
    QList<ComparisonResult> m_comparisons;
    QList<TornadoBar> m_tornado;
};

} // namespace dblearn
