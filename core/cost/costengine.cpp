#include "cost/costengine.h"

#include <algorithm>
#include <cmath>

namespace dblearn {

namespace {

// Cost in USD of one non-support component in month m.
double componentMonth(const Scenario &scenario, const CostComponent &c, int m, double inflate,
                      const CaseFactors &f)
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
        return c.growth.valueAt(c.value(StorageGb) * uf, m) * c.value(StoragePrice) * pf
               * (1.0 + c.value(StorageMultiAz)) * inflate;
    case ComponentKind::Iops:
    case ComponentKind::Throughput:
        return std::max(0.0, c.value(Provisioned) * uf - c.value(Included)) * c.value(ProvisionedPrice) * pf
               * inflate;
    case ComponentKind::Backup: {
        const double gb = c.growth.valueAt(c.value(BackupGb) * uf, m);
        const double free = c.value(FreeEqualsStorage) >= 0.5 ? CostEngine::storageGb(scenario, m, uf)
                                                               : c.value(FreeGb);
        return std::max(0.0, gb - free) * c.value(BackupPrice) * pf * inflate;
    }
    case ComponentKind::IoRequests:
        return c.growth.valueAt(c.value(Millions) * uf, m) * c.value(PricePerMillion) * pf * inflate;
    case ComponentKind::DataTransfer:
        return c.tieredCost(c.growth.valueAt(c.value(TransferGb) * uf, m), pf) * inflate;
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

    bool hasSupport = false;
    for (int m = 1; m <= months; ++m) {
        const double inflate = inflationFactor(worksheet.inflation, m);
        double recurringUsd = 0; // the bill support is a share of: everything but one-offs and support
        for (int c = 0; c < count; ++c) {
            const CostComponent &component = scenario.components[c];
            if (component.kind == ComponentKind::Support) {
                hasSupport = true;
                continue;
            }
            const double usd = componentMonth(scenario, component, m, inflate, f);
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
