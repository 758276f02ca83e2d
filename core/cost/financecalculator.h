#pragma once

#include "cost/scenariocosts.h"
#include "cost/worksheet.h"

#include <QList>
#include <QMap>

#include <vector>

namespace dblearn {

// Moving from a baseline scenario to a candidate, over the worksheet's horizon.
struct ComparisonResult {
    int baseline = -1; // scenario indices
    int candidate = -1;
    double baselineTotal = 0;
    double candidateTotal = 0;
    double netSavings = 0;  // baselineTotal − candidateTotal (investment included)
    double investment = 0;  // the candidate's one-off costs
    double roi = 0;         // netSavings ÷ investment; NaN without an investment
    double npv = 0;         // Σ (baseline_m − candidate_m) ÷ (1+r_m)^m
    int paybackMonth = 0;   // first month the cumulative savings are ≥ 0; 0: not within the horizon
    double simplePaybackMonths = 0; // investment ÷ average monthly recurring savings; NaN if none
    int breakEvenMonth = 0; // first month the cumulative costs cross; 0: they never do
    QList<int> crossovers;  // every month the cumulative costs cross
};

// Discounting, break-even and ROI. Cash flows fall at the end of each month: month m is
// discounted by (1+r_m)^m with the monthly rate r_m = (1+annual)^(1/12) − 1.
class FinanceCalculator final
{
public:
    static double monthlyRate(double annualRate);
    static double presentValue(const std::vector<double> &monthly, double annualRate);
    // Present value of each category's costs.
    static QMap<CostCategory, double> presentValueByCategory(const ScenarioCosts &costs, double annualRate);
    // Months where the running totals cross: month m counts when a − b changes sign from month m−1
    // (reaching zero counts as crossing, as "on-demand ≥ upfront + reserved" does).
    static QList<int> crossovers(const std::vector<double> &cumulativeA, const std::vector<double> &cumulativeB);
    static ComparisonResult compare(const Worksheet &worksheet, int baseline, int candidate,
                                    const ScenarioCosts &baselineCosts, const ScenarioCosts &candidateCosts);
};

} // namespace dblearn
