#pragma once

#include "cost/componentspecs.h"
#include "cost/growthmodel.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace dblearn {

// One band of a tiered price: GB up to `upToGb` (cumulative; infinite for the last band) cost
// `pricePerGb` each.
struct PriceTier {
    double upToGb = 0; // std::numeric_limits<double>::infinity() for "and above"
    double pricePerGb = 0;
};

// One part of a scenario's cost: a kind, its parameter values (in ComponentSpecs::parameters()
// order), and for some kinds a commitment, a growth model or price tiers.
struct CostComponent {
    ComponentKind kind = ComponentKind::Compute;
    QString name;
    QString note; // where the numbers come from, when it is not a catalog price
    Commitment commitment = Commitment::OnDemand;
    GrowthModel growth;
    QList<PriceTier> tiers;
    // Parameter key -> price catalog id the value was taken from.
    QHash<QString, QString> priceRefs;
    std::vector<double> values;
    // Whether each value was given (a missing value is flagged, never silently defaulted).
    std::vector<bool> present;

    // A component of `kind` with every parameter at its default.
    static CostComponent make(ComponentKind kind, const QString &name = QString());

    double value(int index) const { return values[size_t(index)]; }
    double value(const QString &key) const;
    void setValue(int index, double value);
    bool setValue(const QString &key, double value);
    // The total cost of `gb` through the tiers (an empty list costs nothing).
    double tieredCost(double gb, double priceFactor = 1.0) const;
};

} // namespace dblearn
