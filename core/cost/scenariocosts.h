#pragma once

#include "cost/componentspecs.h"

#include <vector>

namespace dblearn {

// The monthly cost of each component of one scenario, in the worksheet's currency, on a cash
// basis (an upfront payment falls in the month it is paid).
class ScenarioCosts final
{
public:
    ScenarioCosts() = default;
    ScenarioCosts(int componentCount, int months);

    int months() const { return m_months; }
    int componentCount() const { return int(m_costs.size()); }
    // Cost of component `component` in month `month` (1 = the first).
    double at(int component, int month) const { return m_costs[size_t(component)][size_t(month - 1)]; }
    double &at(int component, int month) { return m_costs[size_t(component)][size_t(month - 1)]; }
    void setCategory(int component, CostCategory category) { m_categories[size_t(component)] = category; }
    CostCategory category(int component) const { return m_categories[size_t(component)]; }

    double componentTotal(int component) const;
    double monthTotal(int month) const;
    double categoryMonth(CostCategory category, int month) const;
    double categoryTotal(CostCategory category) const;
    double total() const;
    // Months 1..months(): each month's total, and the running total.
    std::vector<double> monthly() const;
    std::vector<double> cumulative() const;

private:
    int m_months = 0;
    std::vector<std::vector<double>> m_costs;
    std::vector<CostCategory> m_categories;
};

} // namespace dblearn
