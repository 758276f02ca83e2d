#include "cost/worksheetvalidator.h"

#include <QDate>
#include <QSet>

#include <cmath>
#include <limits>

namespace dblearn {

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

// A range check for a worksheet setting.
QString checkRange(double value, double minimum, double maximum, const QString &unit)
{
    if (std::isnan(value))
        return QStringLiteral("is missing or not a number");
    if (std::isinf(value))
        return QStringLiteral("is infinite");
    if (value < minimum)
        return QStringLiteral("is %1; it must be at least %2 %3").arg(number(value), number(minimum), unit);
    if (value > maximum)
        return QStringLiteral("is %1, which is not plausible; it must be at most %2 %3")
            .arg(number(value), number(maximum), unit);
    return {};
}

} // namespace

QString WorksheetValidator::checkValue(const ParameterSpec &spec, double value, bool present)
{
    if (!present)
        return QStringLiteral("is missing (%1, in %2)").arg(spec.label, spec.unit);
    if (std::isnan(value))
        return QStringLiteral("is not a number");
    if (std::isinf(value))
        return QStringLiteral("is infinite");
    if (value < 0 && spec.minimum >= 0)
        return QStringLiteral("is negative (%1); %2 cannot be below %3 %4")
            .arg(number(value), spec.label, number(spec.minimum), spec.unit);
    if (value < spec.minimum)
        return QStringLiteral("is %1; it must be at least %2 %3").arg(number(value), number(spec.minimum), spec.unit);
    if (value > spec.maximum)
        return QStringLiteral("is %1 %2, which is not plausible (at most %3)")
            .arg(number(value), spec.unit, number(spec.maximum));
    if (spec.integer && value != std::floor(value))
        return QStringLiteral("is %1; it must be a whole number").arg(number(value));
    return {};
}

QList<ValidationIssue> WorksheetValidator::validate(const Worksheet &worksheet)
{
    QList<ValidationIssue> issues;
    auto setting = [&](const QString &key, const QString &message) {
        if (!message.isEmpty())
            issues.append({-1, -1, key, key, message});
    };
    if (worksheet.horizonMonths < 1 || worksheet.horizonMonths > maxHorizonMonths)
        setting(QStringLiteral("horizonMonths"),
                QStringLiteral("is %1; the horizon must be 1 to %2 months").arg(worksheet.horizonMonths).arg(maxHorizonMonths));
    setting(QStringLiteral("discountRate"), checkRange(worksheet.discountRate, 0, 1, QStringLiteral("(a fraction per year)")));
    setting(QStringLiteral("inflation"), checkRange(worksheet.inflation, -0.5, 1, QStringLiteral("(a fraction per year)")));
    setting(QStringLiteral("sensitivityPercent"), checkRange(worksheet.sensitivityPercent, 0.1, 100, QStringLiteral("%")));
    setting(QStringLiteral("currency.perUsd"), checkRange(worksheet.currency.perUsd, 1e-6, 1e6, QStringLiteral("per USD")));
    if (worksheet.currency.perUsd <= 0)
        setting(QStringLiteral("currency.perUsd"), QStringLiteral("must be above 0"));
    if (worksheet.currency.code.size() != 3)
        setting(QStringLiteral("currency.code"),
                QStringLiteral("is \"%1\"; use a three-letter ISO 4217 code such as USD or EUR").arg(worksheet.currency.code));
    if (worksheet.currency.code != QLatin1String("USD")
        && !QDate::fromString(worksheet.currency.rateDate, Qt::ISODate).isValid())
        setting(QStringLiteral("currency.rateDate"),
                QStringLiteral("is missing or not a date (YYYY-MM-DD): an exchange rate needs the day it was observed"));
    for (const auto &[name, f] : {std::pair{QStringLiteral("cases.pessimistic"), worksheet.pessimistic},
                                  std::pair{QStringLiteral("cases.optimistic"), worksheet.optimistic}}) {
        setting(name + QStringLiteral(".price"), checkRange(f.price, 0.01, 10, QStringLiteral("(a factor)")));
        setting(name + QStringLiteral(".usage"), checkRange(f.usage, 0.01, 10, QStringLiteral("(a factor)")));
    }
    if (worksheet.scenarios.isEmpty())
        setting(QStringLiteral("scenarios"), QStringLiteral("there are no scenarios"));

    QSet<QString> ids;
    for (int s = 0; s < worksheet.scenarios.size(); ++s) {
        const Scenario &scenario = worksheet.scenarios[s];
        const QString scenarioWhere = QStringLiteral("scenario \"%1\"").arg(scenario.name.isEmpty() ? scenario.id : scenario.name);
        if (scenario.id.isEmpty())
            issues.append({s, -1, QStringLiteral("id"), scenarioWhere, QStringLiteral("has no id")});
        else if (ids.contains(scenario.id))
            issues.append({s, -1, QStringLiteral("id"), scenarioWhere,
                           QStringLiteral("has the id \"%1\", already used by another scenario").arg(scenario.id)});
        ids.insert(scenario.id);

        for (int c = 0; c < scenario.components.size(); ++c) {
            const CostComponent &component = scenario.components[c];
            const QString where = scenarioWhere + QStringLiteral(" › ") + component.name;
            const QList<ParameterSpec> &specs = ComponentSpecs::parameters(component.kind);
            for (int i = 0; i < specs.size(); ++i) {
                if (!ComponentSpecs::isRelevant(component.kind, specs[i].key, component.commitment))
                    continue;
                const QString message = checkValue(specs[i], component.values[size_t(i)], component.present[size_t(i)]);
                if (!message.isEmpty())
                    issues.append({s, c, specs[i].key, where + QStringLiteral(" › ") + specs[i].key, message});
            }
            if (component.kind == ComponentKind::Compute && component.commitment == Commitment::Reserved) {
                const double term = component.value(param::TermMonths);
                if (term != 12 && term != 36 && std::isfinite(term))
                    issues.append({s, c, QStringLiteral("termMonths"), where + QStringLiteral(" › termMonths"),
                                   QStringLiteral("is %1; reservations are for 12 or 36 months").arg(number(term))});
            }
            if (component.kind == ComponentKind::Migration && component.value(param::Month) > worksheet.horizonMonths)
                issues.append({s, c, QStringLiteral("month"), where + QStringLiteral(" › month"),
                               QStringLiteral("is month %1, after the horizon (%2 months)")
                                   .arg(number(component.value(param::Month)))
                                   .arg(worksheet.horizonMonths)});
            if (ComponentSpecs::hasGrowth(component.kind)) {
                const QString gwhere = where + QStringLiteral(" › growth");
                const double rate = component.growth.rate;
                QString message;
                if (!std::isfinite(rate))
                    message = QStringLiteral("the rate is not a number");
                else if (component.growth.type == GrowthModel::Type::Compound && (rate <= -0.99 || rate > 10))
                    message = QStringLiteral("%1/year compounded is not plausible (use -99% to +1000%)")
                                  .arg(number(rate * 100) + QLatin1Char('%'));
                else if (component.growth.type == GrowthModel::Type::Linear) {
                    const double start = component.values.empty() ? 0 : component.values[0];
                    if (start + rate * (worksheet.horizonMonths - 1) < 0)
                        message = QStringLiteral("falling by %1 a month reaches zero before the end of the horizon")
                                      .arg(number(-rate));
                }
                if (!message.isEmpty())
                    issues.append({s, c, QStringLiteral("growth.rate"), gwhere, message});
            }
            if (ComponentSpecs::hasTiers(component.kind)) {
                double previous = 0;
                if (component.tiers.isEmpty())
                    issues.append({s, c, QStringLiteral("tiers"), where + QStringLiteral(" › tiers"),
                                   QStringLiteral("there are no price tiers")});
                for (int t = 0; t < component.tiers.size(); ++t) {
                    const PriceTier &tier = component.tiers[t];
                    QString message;
                    if (!(tier.upToGb > previous))
                        message = QStringLiteral("tier %1 ends at %2 GB, not after the previous tier (%3 GB)")
                                      .arg(t + 1).arg(number(tier.upToGb), number(previous));
                    else if (!std::isfinite(tier.pricePerGb) || tier.pricePerGb < 0 || tier.pricePerGb > 100)
                        message = QStringLiteral("tier %1 has the price %2 USD/GB (it must be 0 to 100)")
                                      .arg(t + 1).arg(number(tier.pricePerGb));
                    if (!message.isEmpty())
                        issues.append({s, c, QStringLiteral("tiers"), where + QStringLiteral(" › tiers"), message});
                    previous = tier.upToGb;
                }
                if (!component.tiers.isEmpty() && !std::isinf(component.tiers.last().upToGb))
                    issues.append({s, c, QStringLiteral("tiers"), where + QStringLiteral(" › tiers"),
                                   QStringLiteral("the last tier must have no upper limit (upToGb: null)")});
            }
        }
    }
    for (const ScenarioComparison &pair : worksheet.comparisons) {
        if (worksheet.scenarioIndex(pair.baseline) < 0 || worksheet.scenarioIndex(pair.candidate) < 0)
            setting(QStringLiteral("comparisons"),
                    QStringLiteral("compares \"%1\" with \"%2\", but there is no such scenario").arg(pair.baseline, pair.candidate));
    }
    return issues;
}

} // namespace dblearn
