#include "cost/growthmodel.h"

#include <algorithm>
#include <cmath>

namespace dblearn {

double GrowthModel::valueAt(double base, int month) const
{
    const int steps = std::max(0, month - 1);
    switch (type) {
    case Type::Fixed:
        return base;
    case Type::Linear:
        return std::max(0.0, base + rate * steps);
    case Type::Compound:
        // (1+g)^(m−1) with g = (1+annual)^(1/12) − 1 is (1+annual)^((m−1)/12).
        return base * std::pow(1.0 + rate, steps / 12.0);
    }
    return base;
}

QString GrowthModel::describe(const QString &unit) const
{
    switch (type) {
    case Type::Fixed:
        return QStringLiteral("fixed");
    case Type::Linear:
        return QStringLiteral("%1%2 %3/month").arg(rate >= 0 ? QStringLiteral("+") : QString()).arg(rate).arg(unit);
    case Type::Compound:
        return QStringLiteral("%1%2%/year compounded monthly")
            .arg(rate >= 0 ? QStringLiteral("+") : QString())
            .arg(rate * 100);
    }
    return {};
}

QString GrowthModel::typeName(Type type)
{
    switch (type) {
    case Type::Fixed:
        return QStringLiteral("fixed");
    case Type::Linear:
        return QStringLiteral("linear");
    case Type::Compound:
        return QStringLiteral("compound");
    }
    return {};
}

bool GrowthModel::typeFromName(const QString &name, Type *type)
{
    for (Type t : {Type::Fixed, Type::Linear, Type::Compound}) {
        if (name == typeName(t)) {
            *type = t;
            return true;
        }
    }
    return false;
}

} // namespace dblearn
