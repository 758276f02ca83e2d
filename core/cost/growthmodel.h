#pragma once

#include <QString>

namespace dblearn {

// How a component's quantity moves over the months: each component has its own (a single growth
// factor for the whole bill is the mistake the public calculators' users complain about).
struct GrowthModel {
    enum class Type { Fixed, Linear, Compound };

    Type type = Type::Fixed;
    // Linear: units added per month. Compound: annual rate as a fraction (0.3 = +30% a year).
    double rate = 0;

    // The quantity in month `month` (1 = the first) starting from `base`:
    //   fixed     q_m = q_1
    //   linear    q_m = q_1 + rate·(m−1), never below 0
    //   compound  q_m = q_1·(1+g)^(m−1) with the monthly g = (1+rate)^(1/12) − 1
    double valueAt(double base, int month) const;
    // "+30%/year compounded", "+10 GB/month", "fixed"
    QString describe(const QString &unit) const;

    static QString typeName(Type type); // "fixed", "linear", "compound"
    static bool typeFromName(const QString &name, Type *type);
};

} // namespace dblearn
