#include "cost/scenariocosts.h"

namespace dblearn {

ScenarioCosts::ScenarioCosts(int componentCount, int months)
    : m_months(months)
    , m_costs(size_t(componentCount), std::vector<double>(size_t(months), 0.0))
    , m_categories(size_t(componentCount), CostCategory::OneOff)
{
}

double ScenarioCosts::componentTotal(int component) const
{
    double sum = 0;
    for (double v : m_costs[size_t(component)])
        sum += v;
    return sum;
}

double ScenarioCosts::monthTotal(int month) const
{
    double sum = 0;
    for (const auto &c : m_costs)
        sum += c[size_t(month - 1)];
    return sum;
}

double ScenarioCosts::categoryMonth(CostCategory category, int month) const
{
    double sum = 0;
    for (size_t c = 0; c < m_costs.size(); ++c)
        if (m_categories[c] == category)
            sum += m_costs[c][size_t(month - 1)];
    return sum;
}

double ScenarioCosts::categoryTotal(CostCategory category) const
{
    double sum = 0;
    for (size_t c = 0; c < m_costs.size(); ++c)
        if (m_categories[c] == category)
            for (double v : m_costs[c])
                sum += v;
    return sum;
}

double ScenarioCosts::total() const
{
    double sum = 0;
    for (const auto &c : m_costs)
        for (double v : c)
            sum += v;
    return sum;
}

std::vector<double> ScenarioCosts::monthly() const
{
    std::vector<double> out(size_t(m_months), 0.0);
    for (const auto &c : m_costs)
        for (size_t m = 0; m < c.size(); ++m)
            out[m] += c[m];
    return out;
}

std::vector<double> ScenarioCosts::cumulative() const
{
    std::vector<double> out = monthly();
    for (size_t m = 1; m < out.size(); ++m)
        out[m] += out[m - 1];
    return out;
}

} // namespace dblearn
