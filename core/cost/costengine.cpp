#include "cost/costengine.h"

#include <algorithm>
#include <cmath>

namespace dblearn {

namespace {

// Cost in USD of one non-support component in month m. `grown` is the component's main quantity this
// month (after the usage factor and its growth model; unused by kinds without growth) and
// `storageGb` the scenario's provisioned storage this month (for backup allowances).
double componentMonth(const CostComponent &c, int m, double inflate, const CaseFactors &f, double grown,
                      double storageGb)
{
    using namespace param;
    const double pf = f.price;
    const double uf = f.usage;
    switch (c.kind) {
    case ComponentKind::Compute: {
        const double n = CostEngine::billedInstances(c);
        switch (c.commitment) {
        case Commitment::OnDemand:
            return c.value(HourlyPrice) * pf * c.value(HoursPerMonth) * n * inflate;
        case Commitment::Reserved: {
            const int term = std::max(1, int(c.value(TermMonths)));
            const double upfront = (m - 1) % term == 0 ? c.value(Upfront) * pf * n : 0.0;
            return c.value(CommittedHourly) * pf * CostEngine::hoursPerMonth * n + upfront;
        }
        case Commitment::SavingsPlan:
            return c.value(HourlyPrice) * pf * (1.0 - c.value(Discount)) * CostEngine::hoursPerMonth * n;
        }
        return 0;
    }
    case ComponentKind::Storage:
        return grown * c.value(StoragePrice) * pf * (1.0 + c.value(StorageMultiAz)) * inflate;
    case ComponentKind::Iops:
    case ComponentKind::Throughput:
        return std::max(0.0, c.value(Provisioned) * uf - c.value(Included)) * c.value(ProvisionedPrice) * pf
               * inflate;
    case ComponentKind::Backup: {
        const double free = c.value(FreeEqualsStorage) >= 0.5 ? storageGb : c.value(FreeGb);
        return std::max(0.0, grown - free) * c.value(BackupPrice) * pf * inflate;
    }
    case ComponentKind::IoRequests:
        return grown * c.value(PricePerMillion) * pf * inflate;
    case ComponentKind::DataTransfer:
        return c.tieredCost(grown, pf) * inflate;
    case ComponentKind::Licence:
        return c.value(Units) * uf * c.value(PricePerUnit) * pf * inflate;
    case ComponentKind::Staff:
        return (c.value(Fte) * c.value(LoadedAnnualCost) / 12.0 + c.value(OnCallMonthly)) * pf * inflate;
    case ComponentKind::Migration:
        return int(c.value(Month)) == m ? c.value(Amount) * pf : 0.0;
    case ComponentKind::Support:
        return 0; // computed from the rest of the month's bill
    }
    return 0;
}

} // namespace

double CostEngine::inflationFactor(double inflation, int month)
{
    const int years = std::max(0, month - 1) / 12;
    return years == 0 ? 1.0 : std::pow(1.0 + inflation, years);
}

double CostEngine::billedInstances(const CostComponent &compute)
{
    return compute.value(param::Count) * (1.0 + compute.value(param::MultiAz)) + compute.value(param::Replicas);
}

double CostEngine::storageGb(const Scenario &scenario, int month, double usageFactor)
{
    double gb = 0;
    for (const CostComponent &c : scenario.components)
        if (c.kind == ComponentKind::Storage)
            gb += c.growth.valueAt(c.value(param::StorageGb) * usageFactor, month);
    return gb;
}

ScenarioCosts CostEngine::evaluate(const Worksheet &worksheet, const Scenario &scenario, CostCase costCase,
                                   int months)
{
    if (months < 1)
        months = worksheet.horizonMonths;
    const int count = int(scenario.components.size());
    ScenarioCosts costs(count, std::max(0, months));
    const CaseFactors f = worksheet.factors(costCase);
    const double rate = worksheet.currency.perUsd;
    for (int c = 0; c < count; ++c)
        costs.setCategory(c, ComponentSpecs::category(scenario.components[c].kind));

    // Growing quantities month by month without pow() in the loop: a compound model multiplies by
    // its monthly factor (1+annual)^(1/12) each month (this runs hundreds of times per keystroke).
    std::vector<double> grown(size_t(count), 0.0);
    std::vector<double> step(size_t(count), 1.0);
    for (int c = 0; c < count; ++c) {
        const CostComponent &component = scenario.components[c];
        if (!ComponentSpecs::hasGrowth(component.kind))
            continue;
        grown[size_t(c)] = component.values[0] * f.usage; // the main quantity is each growing kind's first parameter
        if (component.growth.type == GrowthModel::Type::Compound)
            step[size_t(c)] = std::pow(1.0 + component.growth.rate, 1.0 / 12.0);
    }
    bool hasSupport = false;
    double inflate = 1.0;
    for (int m = 1; m <= months; ++m) {
        if ((m - 1) % 12 == 0)
            inflate = inflationFactor(worksheet.inflation, m);
        double storageGb = 0;
        for (int c = 0; c < count; ++c) {
            const CostComponent &component = scenario.components[c];
            if (!ComponentSpecs::hasGrowth(component.kind))
                continue;
            if (m > 1) {
                if (component.growth.type == GrowthModel::Type::Compound)
                    grown[size_t(c)] *= step[size_t(c)];
                else if (component.growth.type == GrowthModel::Type::Linear)
                    grown[size_t(c)] = component.growth.valueAt(component.values[0] * f.usage, m);
            }
            if (component.kind == ComponentKind::Storage)
                storageGb += grown[size_t(c)];
        }
        double recurringUsd = 0; // the bill support is a share of: everything but one-offs and support
        for (int c = 0; c < count; ++c) {
            const CostComponent &component = scenario.components[c];
            if (component.kind == ComponentKind::Support) {
                hasSupport = true;
                continue;
            }
            const double usd = componentMonth(component, m, inflate, f, grown[size_t(c)], storageGb);
            if (component.kind != ComponentKind::Migration)
                recurringUsd += usd;
            costs.at(c, m) = usd * rate;
        }
        if (!hasSupport)
            continue;
        for (int c = 0; c < count; ++c) {
            const CostComponent &component = scenario.components[c];
            if (component.kind != ComponentKind::Support)
                continue;
            const double usd = std::max(component.value(param::MinimumMonthly) * f.price * inflate,
                                        component.value(param::ShareOfBill) * recurringUsd);
            costs.at(c, m) = usd * rate;
        }
    }
    return costs;
}

} // namespace dblearn
