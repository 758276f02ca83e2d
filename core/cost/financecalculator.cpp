#include "cost/financecalculator.h"

#include <cmath>
#include <limits>

namespace dblearn {

namespace {
int signOf(double v)
{
    return v > 0 ? 1 : (v < 0 ? -1 : 0);
}
} // namespace

double FinanceCalculator::monthlyRate(double annualRate)
{
    return std::pow(1.0 + annualRate, 1.0 / 12.0) - 1.0;
}

double FinanceCalculator::presentValue(const std::vector<double> &monthly, double annualRate)
{
    const double r = monthlyRate(annualRate);
    double pv = 0;
    double discount = 1.0;
    for (double v : monthly) {
        discount *= 1.0 + r;
        pv += v / discount;
    }
    return pv;
}

QMap<CostCategory, double> FinanceCalculator::presentValueByCategory(const ScenarioCosts &costs, double annualRate)
{
    QMap<CostCategory, double> out;
    const double r = monthlyRate(annualRate);
    for (CostCategory category : ComponentSpecs::allCategories()) {
        double pv = 0;
        double discount = 1.0;
        for (int m = 1; m <= costs.months(); ++m) {
            discount *= 1.0 + r;
            pv += costs.categoryMonth(category, m) / discount;
        }
        out.insert(category, pv);
    }
    return out;
}

QList<int> FinanceCalculator::crossovers(const std::vector<double> &cumulativeA, const std::vector<double> &cumulativeB)
{
    QList<int> months;
    const size_t n = std::min(cumulativeA.size(), cumulativeB.size());
    int previous = 0; // sign of a − b in the month before, 0 before any or after touching
    for (size_t i = 0; i < n; ++i) {
        // Differences within a rounding error of zero count as equal.
        const double scale = std::max({1.0, std::abs(cumulativeA[i]), std::abs(cumulativeB[i])});
        double d = cumulativeA[i] - cumulativeB[i];
        if (std::abs(d) < 1e-9 * scale)
            d = 0;
        const int sign = signOf(d);
        if (previous != 0 && sign != previous)
            months << int(i) + 1;
        previous = sign;
    }
    return months;
}

ComparisonResult FinanceCalculator::compare(const Worksheet &worksheet, int baseline, int candidate,
                                            const ScenarioCosts &baselineCosts, const ScenarioCosts &candidateCosts)
{
    ComparisonResult r;
    r.baseline = baseline;
    r.candidate = candidate;
    r.baselineTotal = baselineCosts.total();
    r.candidateTotal = candidateCosts.total();
    r.netSavings = r.baselineTotal - r.candidateTotal;
    r.investment = candidateCosts.categoryTotal(CostCategory::OneOff);
    r.roi = r.investment > 0 ? r.netSavings / r.investment : std::numeric_limits<double>::quiet_NaN();

    const std::vector<double> a = baselineCosts.monthly();
    const std::vector<double> b = candidateCosts.monthly();
    const size_t n = std::min(a.size(), b.size());
    std::vector<double> savings(n);
    double cumulative = 0;
    for (size_t i = 0; i < n; ++i) {
        savings[i] = a[i] - b[i];
        cumulative += savings[i];
        if (r.paybackMonth == 0 && cumulative >= -1e-9)
            r.paybackMonth = int(i) + 1;
    }
    r.npv = presentValue(savings, worksheet.discountRate);
    const double recurringSavings = r.netSavings + r.investment;
    r.simplePaybackMonths = (n > 0 && recurringSavings > 0 && r.investment > 0)
                                ? r.investment / (recurringSavings / double(n))
                                : std::numeric_limits<double>::quiet_NaN();
    r.crossovers = crossovers(baselineCosts.cumulative(), candidateCosts.cumulative());
    r.breakEvenMonth = r.crossovers.isEmpty() ? 0 : r.crossovers.first();
    return r;
}

} // namespace dblearn
