#pragma once

#include "cost/scenariocosts.h"
#include "cost/worksheet.h"

namespace dblearn {

// The arithmetic of a scenario, month by month. No strings, no allocation beyond the result:
// the sensitivity analysis calls it hundreds of times per keystroke. LineItemExplainer writes
// the same arithmetic out in words; the two must agree (the tests check they do).
//
// Conventions (docs/worksheet-format.md):
//   hours in a month: hoursPerMonth (730 = always on); commitments bill 730 h
//   inflation: recurring prices step up by (1+inflation) at months 13, 25, ...; committed compute
//              (the price is fixed for the term) and one-off amounts do not inflate
//   currency:  every cost is multiplied by currency.perUsd
class CostEngine final
{
public:
    static constexpr double hoursPerMonth = 730.0;

    // `months` < 1 means the worksheet's horizon.
    static ScenarioCosts evaluate(const Worksheet &worksheet, const Scenario &scenario,
                                  CostCase costCase = CostCase::Base, int months = 0);
    // The inflation factor of month `month`: (1+inflation)^floor((month−1)/12).
    static double inflationFactor(double inflation, int month);
    // Instances billed for a compute component: count·(1+multiAz) + replicas.
    static double billedInstances(const CostComponent &compute);
    // The scenario's provisioned storage (one copy, before Multi-AZ) in a month, for backup allowances.
    static double storageGb(const Scenario &scenario, int month, double usageFactor = 1.0);
};

} // namespace dblearn
