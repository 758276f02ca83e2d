#include "cost/costcomponent.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dblearn {

CostComponent CostComponent::make(ComponentKind kind, const QString &name)
{
    CostComponent c;
    c.kind = kind;
    c.name = name.isEmpty() ? ComponentSpecs::kindLabel(kind) : name;
    const QList<ParameterSpec> &specs = ComponentSpecs::parameters(kind);
    c.values.reserve(size_t(specs.size()));
    for (const ParameterSpec &s : specs)
        c.values.push_back(s.defaultValue);
    c.present.assign(size_t(specs.size()), true);
    return c;
}

double CostComponent::value(const QString &key) const
{
    const int index = ComponentSpecs::parameterIndex(kind, key);
    return index < 0 ? std::numeric_limits<double>::quiet_NaN() : values[size_t(index)];
}

void CostComponent::setValue(int index, double value)
{
    values[size_t(index)] = value;
    present[size_t(index)] = true;
}

bool CostComponent::setValue(const QString &key, double value)
{
    const int index = ComponentSpecs::parameterIndex(kind, key);
    if (index < 0)
        return false;
    setValue(index, value);
    return true;
}

double CostComponent::tieredCost(double gb, double priceFactor) const
{
    double cost = 0;
    double from = 0;
    for (const PriceTier &tier : tiers) {
        if (gb <= from)
            break;
        const double inTier = std::min(gb, tier.upToGb) - from;
        if (inTier > 0)
            cost += inTier * tier.pricePerGb * priceFactor;
        from = tier.upToGb;
    }
    return cost;
}

} // namespace dblearn
